"""Reading the mails the forum wrote to its development folder."""

import email
import re
from email import policy
from pathlib import Path

from forum import outbox


def sent_mails(app) -> list[email.message.EmailMessage]:
    """The mails written so far, oldest first (the outbox is drained first)."""
    outbox.drain()
    folder = Path(app.config["MAIL_FOLDER"])
    if not folder.is_dir():
        return []
    return [
        email.message_from_bytes(path.read_bytes(), policy=policy.default)
        for path in sorted(folder.iterdir())
    ]


def link_in(message, path_prefix: str) -> str:
    """The path of the first link in the mail's text that starts with path_prefix."""
    found = re.search(rf"https?://[^/\s]+({re.escape(path_prefix)}\S*)", message.get_content())
    assert found, message.get_content()
    return found.group(1)
