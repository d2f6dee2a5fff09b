"""Generator for varied filler threads, so the demo boards look lived-in."""

import random

from .generated_fragments import (
    ASKER_NAMES,
    BUMPS,
    CITIES,
    DOMAINS,
    FRAGMENTS,
    GREETINGS,
    MODERATION,
    MONTHS,
    QUESTIONS,
    SAME,
    SIGNOFFS,
    STAFF_GENERIC,
    STAFF_SIGNOFFS,
    THANKS,
)
from .handwritten import HANDWRITTEN_THREADS
from .signatures import TOBIAS

_DASH = "\u2013"  # en dash for titles; written as an escape so no linter mistakes it for "-"
_REPLY_AUTHORS = ["community", "staff", "asker", "customer", "moderator"]


def generated_threads(rng: random.Random, board_slug: str, count: int) -> list[dict]:
    """Varied filler threads (same dict shape as the hand-written ones), built from
    fragments, so that the demo reaches a few hundred threads without repeating them."""
    frag = FRAGMENTS.get(board_slug)
    if frag is None:
        return []
    seen = {thread["title"] for thread in HANDWRITTEN_THREADS.get(board_slug, [])}
    threads = []
    for _ in range(count):
        for _attempt in range(40):  # retries keep titles distinct
            topic, problem, answer, tip = rng.choice(frag["topics"])
            values = {
                "topic": topic,
                "dash": _DASH,
                "device": rng.choice(frag["devices"]),
                "city": rng.choice(CITIES),
                "since": rng.choice(frag["since"]),
                "month": rng.choice(MONTHS),
                "domain": rng.choice(DOMAINS),
            }
            title = rng.choice(frag["titles"]).format(**values)
            if title not in seen:
                break
        seen.add(title)
        author = rng.choice(["community", "community", "community", "member", "customer"])
        first_name, formal = ASKER_NAMES.get(author, ("", ""))
        tried = rng.sample(frag["tried"], rng.randint(0, 3))
        parts = [rng.choice(GREETINGS), f"{rng.choice(frag['context'])} {problem}"]
        if len(tried) > 1 and rng.random() < 0.6:
            parts.append("Was ich schon probiert habe:\n\n" + "\n".join(f"- {t}" for t in tried))
        elif tried:
            parts.append(f"Bisher probiert: {', '.join(tried)}.")
        signoff = rng.choice(SIGNOFFS)
        parts += [rng.choice(QUESTIONS), f"{signoff}\n{first_name}".strip()]
        chat = [tip, *frag["community"], *SAME]
        pools = {
            "community": chat,
            "customer": chat,
            "asker": frag["asker"] + BUMPS,
            "staff": [answer, *STAFF_GENERIC],
            "moderator": MODERATION,
        }
        size = rng.choice([0, 1, 2, 2, 3, 3, 4, 4, 5, 6, 7, 8])
        solved = size >= 2 and rng.random() < 0.55
        replies, used, previous = [], set(), "asker"
        for index in range(size):
            key = rng.choices(_REPLY_AUTHORS, weights=[6, 4, 3, 2, 1])[0]
            if key == "customer" and author == "customer":  # the demo customer asked
                key = "community"
            if key == previous or (key == "asker" and solved and index == size - 2):
                key = "staff" if previous == "community" else "community"
            fresh = [p for p in pools[key] if p not in used] or pools[key]
            # The answer and tip that fit the topic come first more often than not.
            text = (
                fresh[0] if fresh[0] in (answer, tip) and rng.random() < 0.7 else rng.choice(fresh)
            )
            if solved and index == size - 1:
                key, text = "asker", rng.choice(THANKS)
            used.add(text)
            if key == "staff":
                greeting = f"Hallo {formal}," if formal and rng.random() < 0.7 else "Hallo,"
                text = f"{greeting}\n\n{text}\n\n{rng.choice(STAFF_SIGNOFFS)}"
            elif key == "moderator":
                text = f"{text}\n\n{TOBIAS}"
            replies.append({"author": key, "body": text.format(**values)})
            previous = key
        body = "\n\n".join(parts).format(**values)
        threads.append({"title": title, "author": author, "body": body, "replies": replies})
    return threads
