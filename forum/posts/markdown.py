"""The only place where user text becomes HTML: Markdown rendered once at save
time, raw HTML escaped, the result cleaned by an allowlist sanitizer."""

import re
import xml.etree.ElementTree as etree

import markdown as md
import nh3
from markdown.inlinepatterns import InlineProcessor
from sqlalchemy import select

from ..extensions import db
from ..models import User, canonical_username

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


# "@name" not inside a word, an address or a path; names as registration allows them.
# A name ends in a letter, digit or "_", so that "@jana." at the end of a sentence works.
MENTION = r"(?<![\w@/.])@([A-Za-z0-9](?:[A-Za-z0-9._-]{0,62}[A-Za-z0-9_])?)"


class _Mentions(InlineProcessor):
    """Links "@name" to the profile of an existing account (outside code)."""

    def __init__(self, known: dict[str, str]):
        super().__init__(MENTION)
        self.known = known  # canonical name -> username

    def handleMatch(self, match, data):
        username = self.known.get(canonical_username(match.group(1)))
        if username is None:
            return None, None, None
        link = etree.Element("a", {"class": "mention", "href": f"/u/{username}"})
        link.text = f"@{username}"
        return link, match.start(0), match.end(0)


def _known_accounts(source: str) -> dict[str, str]:
    names = {canonical_username(name) for name in re.findall(MENTION, source)}
    if not names:
        return {}
    rows = db.session.execute(
        select(User.username_canonical, User.username).where(User.username_canonical.in_(names))
    )
    return dict(rows.all())


def _markdown(known: dict[str, str]) -> md.Markdown:
    renderer = md.Markdown(
        extensions=["fenced_code", "tables", "sane_lists", "nl2br", "pymdownx.magiclink"],
        output_format="html",
    )
    # Raw HTML in a post is shown as text, never interpreted.
    renderer.preprocessors.deregister("html_block")
    renderer.inlinePatterns.deregister("html")
    renderer.inlinePatterns.register(_Mentions(known), "mention", 175)
    return renderer


def render(source: str) -> str:
    html = _markdown(_known_accounts(source)).convert(source)
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        allowed_classes={"a": {"mention"}},
        url_schemes=URL_SCHEMES,
        link_rel=LINK_REL,
        strip_comments=True,
    )


def has_links(html: str) -> bool:
    """Whether a rendered post links anywhere (also bare addresses, which are linked);
    mentions of members are no links in this sense."""
    return re.search(r'<a (?!class="mention")', html) is not None


def quote(author_name: str, source: str) -> str:
    """Markdown that quotes a post, ready to be continued by the person replying."""
    lines = source.strip().splitlines() or [""]
    quoted = "\n".join(f"> {line}" if line else ">" for line in lines)
    return f"> **{author_name}:**\n{quoted}\n\n"
