"""The only place where user text becomes HTML: Markdown rendered once at save
time, raw HTML shown as text, the result cleaned by an allowlist sanitizer.

Every step costs time linear in the length of the text, whatever it contains:
cmark-gfm parses (see cmark.py), one pass over its syntax tree turns raw HTML into
text and mentions into links, and nh3 cleans. The two places where a linear parser
still produces more than linear output are bounded here: a table's short rows are
padded to the header's width (rows × columns cells from a few characters), and
block quotes nest without limit (which the HTML parser inside nh3 pays for in the
square of the depth).
"""

import html
import re

import nh3
from sqlalchemy import select

from ..extensions import db
from ..models import User, canonical_username
from . import cmark

ALLOWED_TAGS = {
    "a",
    "abbr",
    "b",
    "blockquote",
    "br",
    "code",
    "del",
    "em",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "i",
    "li",
    "ol",
    "p",
    "pre",
    "strong",
    "sub",
    "sup",
    "table",
    "tbody",
    "td",
    "th",
    "thead",
    "tr",
    "ul",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "abbr": {"title"},
    "code": {"class"},
    "td": {"align"},
    "th": {"align"},
    "ol": {"start"},
}
URL_SCHEMES = {"http", "https", "mailto"}
LINK_REL = "nofollow ugc noopener"

# UNSAFE: HTML nodes are written out. Every HTML node of the text has become text
# before rendering (_rewrite), so the only ones left are the mention links made there.
# Addresses are left to nh3, which drops "javascript:" and the like.
OPTIONS = cmark.HARDBREAKS | cmark.STRIKETHROUGH_DOUBLE_TILDE | cmark.UNSAFE
# Bare addresses (https://…, www.…, e-mail) become links; tables; ~~struck~~.
EXTENSIONS = ("autolink", "table", "strikethrough")
TEXT_TABLES = ("autolink", "strikethrough")

# Deeper quotes are shown at this depth (a quote of a quote of … a quote).
MAX_QUOTE_DEPTH = 16
# Table cells a text may ask for beyond its length (see _tables_fit).
TABLE_CELL_ALLOWANCE = 1000
# A delimiter row as cmark-gfm reads it (its "spacechar" includes \v and \f), inside
# block quotes too.
TABLE_DELIMITER_CHARACTERS = frozenset("|-: \t\v\f>")
LINE_BREAK = re.compile(r"\r\n?|\n")

# "@name" not inside a word, an address or a path; names as registration allows them.
# A name ends in a letter, digit or "_", so that "@jana." at the end of a sentence works.
# What a mention becomes (see _link_mentions), as the sanitizer writes it.
MENTION_LINK = re.compile(r'<a class="mention" href="/u/([^"/]+)"')
# A post links at most this many different accounts; further names stay text. One
# query looks them up, and a post cannot notify half the forum.
MAX_MENTIONED_NAMES = 50
MENTION = re.compile(r"(?<![\w@/.])@([A-Za-z0-9](?:[A-Za-z0-9._-]{0,62}[A-Za-z0-9_])?)")


def mentioned_accounts(html: str) -> dict[str, str]:
    """Canonical name -> username of the accounts a rendered text links as mentions."""
    return {canonical_username(name): name for name in MENTION_LINK.findall(html)}


def _known_accounts(source: str) -> dict[str, str]:
    """Canonical name -> username of the accounts the text may mention (one query)."""
    names = dict.fromkeys(canonical_username(name) for name in MENTION.findall(source))
    names = list(names)[:MAX_MENTIONED_NAMES]
    if not names:
        return {}
    rows = db.session.execute(
        select(User.username_canonical, User.username).where(User.username_canonical.in_(names))
    )
    return dict(rows.all())


def _tables_fit(source: str) -> bool:
    """Whether the tables of a text stay within a number of cells linear in its length.

    cmark-gfm pads every row of a table to the width of its header, so a header of
    3,000 columns followed by 3,000 one-letter lines asks for 9 million cells. A
    table starts at a delimiter row ("|---|:--:|") and ends at the next blank line;
    this bounds its cells by the widest delimiter row times the lines up to there.
    Filled-in tables need more characters than cells and always fit.
    """
    cells = columns = rows = 0
    for line in LINE_BREAK.split(source):  # lines and blank lines as cmark sees them
        if not line.strip(" \t"):
            cells, columns, rows = cells + columns * rows, 0, 0
            continue
        if "|" in line and "-" in line and TABLE_DELIMITER_CHARACTERS.issuperset(line):
            columns = max(columns, line.count("|") + 1)
            rows = rows or 1  # the header line above
        if columns:
            rows += 1
    cells += columns * rows
    return cells <= len(source) + TABLE_CELL_ALLOWANCE


def _raw_html_as_text(node, node_type: int) -> None:
    """HTML typed into a post is shown as typed: an inline tag becomes text, an
    HTML block becomes paragraphs of its lines."""
    text = cmark.literal(node)
    if node_type == cmark.HTML_INLINE:
        cmark.insert_before(node, cmark.new_node(cmark.TEXT, text))
    else:
        paragraph = None
        for line in LINE_BREAK.split(text):
            if not line.strip():
                paragraph = None
                continue
            if paragraph is None:
                paragraph = cmark.new_node(cmark.PARAGRAPH)
                cmark.insert_before(node, paragraph)
            else:
                cmark.append_child(paragraph, cmark.new_node(cmark.LINEBREAK))
            cmark.append_child(paragraph, cmark.new_node(cmark.TEXT, line.strip()))
    cmark.free_node(node)


def _link_mentions(node, known: dict[str, str]) -> None:
    """Splits a text node around the mentions of existing accounts."""
    text, start = cmark.literal(node), 0
    for match in MENTION.finditer(text):
        username = known.get(canonical_username(match.group(1)))
        if username is None:
            continue
        if match.start() > start:
            cmark.insert_before(node, cmark.new_node(cmark.TEXT, text[start : match.start()]))
        name = html.escape(username)
        mention = f'<a class="mention" href="/u/{name}">@{name}</a>'
        cmark.insert_before(node, cmark.new_node(cmark.HTML_INLINE, mention))
        start = match.end()
    if start:
        cmark.set_literal(node, text[start:])


def _needs_rewrite(source: str, known: dict[str, str]) -> bool:
    """Whether the tree may hold raw HTML (which starts with "<"), a mention, or a
    quote deeper than the limit (each level is opened by a ">" on its line). Most
    posts hold none and skip the pass over the tree."""
    return (
        bool(known)
        or "<" in source
        or (
            source.count(">") > MAX_QUOTE_DEPTH
            and any(line.count(">") > MAX_QUOTE_DEPTH for line in LINE_BREAK.split(source))
        )
    )


def _rewrite(root, known: dict[str, str]) -> None:
    """One pass over the tree: what to change is collected first, since cmark's
    iterator must not lose its current node."""
    raw_html, mentionable, too_deep = [], [], []
    quote_depth = link_depth = 0
    for event, node, node_type in cmark.walk(root):
        step = 1 if event == cmark.ENTER else -1
        if node_type == cmark.BLOCK_QUOTE:
            quote_depth += step
            if step == 1 and quote_depth > MAX_QUOTE_DEPTH:
                too_deep.append(node)
        elif node_type in (cmark.LINK, cmark.IMAGE):
            link_depth += step
        elif node_type in (cmark.HTML_INLINE, cmark.HTML_BLOCK):
            raw_html.append((node, node_type))
        elif node_type == cmark.TEXT and known and not link_depth:
            mentionable.append(node)
    for node, node_type in raw_html:
        _raw_html_as_text(node, node_type)
    for node in mentionable:
        _link_mentions(node, known)
    for node in too_deep:
        cmark.make_transparent(node)


def render_with_mentions(source: str, known: dict[str, str]) -> str:
    """`render`, with the accounts that mentions link to given (canonical name ->
    username) instead of looked up."""
    extensions = EXTENSIONS if _tables_fit(source) else TEXT_TABLES
    with cmark.parsed(source, OPTIONS, extensions) as (root, attached):
        if _needs_rewrite(source, known):
            cmark.consolidate_text(root)
            _rewrite(root, known)
        rendered = cmark.render_html(root, OPTIONS, attached).rstrip("\n")
    return nh3.clean(
        rendered,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        allowed_classes={"a": {"mention"}},
        url_schemes=URL_SCHEMES,
        link_rel=LINK_REL,
        strip_comments=True,
    )


def render(source: str) -> str:
    return render_with_mentions(source, _known_accounts(source))


def has_links(html: str) -> bool:
    """Whether a rendered post links anywhere (also bare addresses, which are linked);
    mentions of members are no links in this sense."""
    return re.search(r'<a (?!class="mention")', html) is not None


def quote(author_name: str, source: str) -> str:
    """Markdown that quotes a post, ready to be continued by the person replying."""
    lines = source.strip().splitlines() or [""]
    quoted = "\n".join(f"> {line}" if line else ">" for line in lines)
    return f"> **{author_name}:**\n{quoted}\n\n"
