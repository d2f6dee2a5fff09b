"""Verified staff: verification and badge, the support queue, case managers and
response-time figures. The blueprint lives in `views.py`."""


def init_app(app) -> None:
    from .. import outbox
    from . import imitation

    outbox.register("names", imitation.run_batch)
