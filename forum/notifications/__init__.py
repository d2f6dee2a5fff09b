"""Notifications: what people follow, the bell and its page, and e-mail. Services
record events in the outbox; the fan-out runs after the commit and checks every
recipient against the access policy at that moment."""


def init_app(app) -> None:
    from .. import outbox
    from . import delivery, mail

    outbox.register("notify", delivery.run_batch)
    outbox.register("mail", mail.run_batch)
