from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest

from forum.posts.markdown import ALLOWED_TAGS, quote, render


class MarkupCollector(HTMLParser):
    """The tags and attributes a browser would see in rendered HTML."""

    def __init__(self):
        super().__init__()
        self.tags, self.attributes = set(), []

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        self.attributes.extend(attrs)


@pytest.mark.parametrize(
    "source",
    [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        '<a href="javascript:alert(1)">x</a>',
        "[klick](javascript:alert(1))",
        "[klick](JaVaScRiPt:alert(1))",
        "[klick](data:text/html;base64,PHNjcmlwdD4=)",
        '<div onmouseover="alert(1)">x</div>',
        "<iframe src=https://evil.example></iframe>",
        "<style>body{display:none}</style>",
        "[x](vbscript:msgbox)",
        '![x](https://evil.example/a.png" onerror="alert(1))',
    ],
)
def test_dangerous_input_never_becomes_markup(source):
    parser = MarkupCollector()
    parser.feed(render(source))
    assert parser.tags <= ALLOWED_TAGS
    for name, value in parser.attributes:
        assert not name.startswith("on")
        if name == "href":
            assert urlsplit(value).scheme in {"http", "https", "mailto"}


def test_raw_html_is_shown_as_text():
    assert render("<b>fett</b>") == "<p>&lt;b&gt;fett&lt;/b&gt;</p>"


def test_common_markdown_works():
    html = render(
        "# Titel\n\n- eins\n- zwei\n\n1. a\n2. b\n\n> Zitat\n\n```\ncode()\n```\n\n"
        "| A | B |\n|---|---|\n| 1 | 2 |\n\n`inline` **fett** *kursiv*"
    )
    for fragment in (
        "<h1>Titel</h1>",
        "<ul>",
        "<ol>",
        "<blockquote>",
        "<pre><code>code()",
        "<table>",
        "<td>1</td>",
        "<code>inline</code>",
        "<strong>fett</strong>",
        "<em>kursiv</em>",
    ):
        assert fragment in html


def test_links_get_rel_nofollow_ugc_noopener():
    for source in ("[Hilfe](https://example.com/hilfe)", "siehe https://example.com/hilfe"):
        html = render(source)
        assert 'href="https://example.com/hilfe"' in html
        assert 'rel="nofollow ugc noopener"' in html


def test_quote_prefixes_every_line():
    assert quote("Anna", "Zeile 1\n\nZeile 2") == "> **Anna:**\n> Zeile 1\n>\n> Zeile 2\n\n"
