"""No text costs more than linear time to render, at the longest length a post may
have: the inputs that made the forum's earlier renderer quadratic, and those of
cmark's own pathological-input tests (written again here), at the default limit
and at the highest limit admins may set. A bound on CPU time, generous enough for
a busy machine: each of these takes a few hundredths of a second.

Also every other step that a post's text goes through: the link check, quoting,
the plain text for search and feeds, and search snippets.
"""

import time

import pytest

from forum.config import Defaults
from forum.feeds.views import _excerpt
from forum.posts.markdown import has_links, mentioned_accounts, quote, render_with_mentions
from forum.search import snippets
from forum.search.documents import plain_text
from forum.search.schema import ANALYZER
from forum.settings.registry import SETTINGS

SIZES = [Defaults.BODY_MAX_LENGTH, SETTINGS["BODY_MAX_LENGTH"].maximum]
CPU_SECONDS = 1.0
KNOWN = {"anna": "anna", "jana.becker": "jana.becker"}


def repeat(unit: str, length: int) -> str:
    return (unit * (length // len(unit) + 1))[:length]


def around(opening: str, middle: str, closing: str, length: int) -> str:
    half = (length - len(middle)) // 2
    return repeat(opening, half) + middle + repeat(closing, half)


def nested_lists(length: int) -> str:
    lines, depth, total = [], 0, 0
    while total < length:
        lines.append(f"{'  ' * depth}* a\n")
        total, depth = total + len(lines[-1]), depth + 1
    return "".join(lines)[:length]


def expanded_references(length: int) -> str:
    definition = "[a]: https://example.com/" + "x" * (length // 2) + "\n\n"
    return definition + repeat("[a]", length - len(definition))


def table_with_short_rows(length: int, cell: str = "-") -> str:
    columns = length // (6 + 2 * len(cell))
    header = "|" + "a|" * columns + "\n|" + f"{cell}|" * columns + "\n"
    return header + repeat("x\n", length - len(header))


FAMILIES = {
    # The ones that stalled the forum before.
    "open brackets": lambda n: repeat("[", n),
    "unfinished links": lambda n: repeat("[a](", n),
    "setext headings": lambda n: repeat("a\n=\n", n),
    "empty headings": lambda n: repeat("#\n", n),
    # cmark's pathological inputs.
    "nested strong and emphasis": lambda n: around("*a **a ", "b", " a** a*", n),
    "emphasis closers without openers": lambda n: repeat("a_ ", n),
    "emphasis openers without closers": lambda n: repeat("_a ", n),
    "link closers without openers": lambda n: repeat("a]", n),
    "link openers without closers": lambda n: repeat("[a", n),
    "mismatched openers and closers": lambda n: repeat("*a_ ", n),
    "closers in multiples of three": lambda n: "a**b" + repeat("c* ", n - 4),
    "link openers and emphasis closers": lambda n: repeat("[ a_", n),
    "bracket and parenthesis pattern": lambda n: repeat("[ (](", n),
    "a followed by double stars": lambda n: repeat("a**", n),
    "nested brackets": lambda n: around("[", "a", "]", n),
    "nested block quotes": lambda n: repeat("> ", n - 1) + "a",
    "block quote markers": lambda n: repeat(">", n),
    "deeply nested lists": nested_lists,
    "nested list markers": lambda n: repeat("* ", n - 1) + "a",
    "nested ordered lists": lambda n: repeat("1. ", n - 1) + "a",
    "NUL characters": lambda n: repeat("abc\0de\0", n),
    "backtick runs": lambda n: "".join(f"e{'`' * count}" for count in range(1, 400))[:n],
    "unclosed links with angle brackets": lambda n: repeat("[a](<b", n),
    "unclosed links": lambda n: repeat("[a](b", n),
    "unclosed comments": lambda n: "</" + repeat("<!--", n - 2),
    "less-than signs": lambda n: repeat("<", n),
    "unclosed tags": lambda n: repeat("<a", n),
    "raw HTML tags": lambda n: repeat("<b>x</b>", n),
    "HTML blocks": lambda n: repeat("<div>\n", n),
    "references expanded many times": expanded_references,
    "table with short rows": table_with_short_rows,
    "table with short rows, odd spaces": lambda n: table_with_short_rows(n, "-\v"),
    "table cells": lambda n: "|a|b|\n|-|-|\n" + repeat("|@anna <b>|x|\n", n - 12),
    "pipes": lambda n: repeat("|", n),
    "colons": lambda n: repeat(":", n),
    "www addresses": lambda n: repeat("www.", n),
    "at signs": lambda n: repeat("a@", n),
    "e-mail addresses": lambda n: repeat("a@b.de ", n),
    "strikethrough": lambda n: repeat("~~a ", n),
    "mentions": lambda n: repeat("@anna ", n),
    "lines": lambda n: repeat("a\n", n),
    "one word many times": lambda n: repeat("Router ", n),
    "one long word": lambda n: repeat("a", n),
}


def _cpu(step):
    started = time.process_time()
    result = step()
    return result, time.process_time() - started


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size // 1000}k")
@pytest.mark.parametrize("family", FAMILIES)
def test_every_text_renders_in_linear_time(family, size):
    source = FAMILIES[family](size)
    assert len(source) <= size
    html, seconds = _cpu(lambda: render_with_mentions(source, KNOWN))
    assert seconds < CPU_SECONDS, f"rendering took {seconds:.2f} s"
    # What else a post's text and its HTML go through, together.
    terms = frozenset(token.text for token in ANALYZER("Router anna a x"))

    def other_steps():
        has_links(html)
        quote("Anna", source)
        mentioned_accounts(html)
        text = plain_text(html)
        snippets.excerpt(text, terms)
        _excerpt(html)

    _, seconds = _cpu(other_steps)
    assert seconds < CPU_SECONDS, f"the steps after rendering took {seconds:.2f} s"


HTTP_FAMILIES = ["open brackets", "unfinished links", "setext headings", "empty headings"]


@pytest.mark.parametrize("family", [*HTTP_FAMILIES, "block quote markers"])
def test_the_longest_pathological_post_is_previewed_sent_and_shown(client, auth, forum, family):
    body = FAMILIES[family](Defaults.BODY_MAX_LENGTH)
    auth.login(forum.member)
    reply = f"/t/{forum.thread.id}/reply"
    preview = client.post(reply, data={"body": body, "preview": "1"})
    assert preview.status_code == 200 and "Vorschau" in preview.text
    sent = client.post(reply, data={"body": body, "submit": "1"})
    assert sent.status_code == 302
    assert client.get(sent.headers["Location"]).status_code == 200
    new_thread = client.post(
        f"/b/{forum.board.slug}/new", data={"title": "Router blinkt", "body": body, "preview": "1"}
    )
    assert new_thread.status_code == 200 and "Vorschau" in new_thread.text
