"""Verified customers: the signed link from the customer portal, and verification by
staff after checking the customer number. The blueprint lives in `views.py`."""
