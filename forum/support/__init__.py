"""Questions and answers: status, solutions, "I have the same problem".

The blueprint lives in `views.py` (the posting services import this package's
workflow, so its `__init__` stays free of view imports)."""
