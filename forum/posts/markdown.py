"""The only place where user text becomes HTML: Markdown rendered once at save
time, raw HTML escaped, the result cleaned by an allowlist sanitizer."""

import markdown as md
import nh3

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


def _markdown() -> md.Markdown:
    renderer = md.Markdown(
        extensions=["fenced_code", "tables", "sane_lists", "nl2br", "pymdownx.magiclink"],
        output_format="html",
    )
    # Raw HTML in a post is shown as text, never interpreted.
    renderer.preprocessors.deregister("html_block")
    renderer.inlinePatterns.deregister("html")
    return renderer


def render(source: str) -> str:
    html = _markdown().convert(source)
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel=LINK_REL,
        strip_comments=True,
    )


def has_links(html: str) -> bool:
    """Whether a rendered post links anywhere (also bare addresses, which are linked)."""
    return "<a " in html


def quote(author_name: str, source: str) -> str:
    """Markdown that quotes a post, ready to be continued by the person replying."""
    lines = source.strip().splitlines() or [""]
    quoted = "\n".join(f"> {line}" if line else ">" for line in lines)
    return f"> **{author_name}:**\n{quoted}\n\n"
