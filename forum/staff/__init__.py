"""Verified staff: verification and badge, the support queue, case managers and
response-time figures. The blueprint lives in `views.py`."""
