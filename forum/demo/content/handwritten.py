"""All hand-written threads, keyed by board slug."""

from .handwritten_community import CHAT_THREADS, INTERNAL_THREADS, NEWS_THREADS
from .handwritten_technik import DSL_THREADS, HOSTING_THREADS, MAIL_THREADS, MOBILE_THREADS
from .handwritten_vertrag import CONTRACT_THREADS, CUSTOMER_THREADS

_THREADS_BY_BOARD: dict[str, list[dict]] = {
    "ankuendigungen": NEWS_THREADS,
    "dsl-festnetz": DSL_THREADS,
    "mobilfunk": MOBILE_THREADS,
    "e-mail-webmailer": MAIL_THREADS,
    "hosting-domains": HOSTING_THREADS,
    "vertrag-rechnung": CONTRACT_THREADS,
    "vertragskunden": CUSTOMER_THREADS,
    "plauderecke": CHAT_THREADS,
    "intern-service": INTERNAL_THREADS,
}

# Replies are written as (author, body) pairs and expanded to the dict shape here.
HANDWRITTEN_THREADS: dict[str, list[dict]] = {
    slug: [
        {**thread, "replies": [{"author": a, "body": b} for a, b in thread["replies"]]}
        for thread in threads
    ]
    for slug, threads in _THREADS_BY_BOARD.items()
}
