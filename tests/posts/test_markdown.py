from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest

from forum.posts import cmark
from forum.posts.markdown import (
    ALLOWED_TAGS,
    MAX_MENTIONED_NAMES,
    MAX_QUOTE_DEPTH,
    has_links,
    quote,
    render,
    render_with_mentions,
)

from ..factories import make_user
from ..test_query_counts import count_queries


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
        "| a |\n|---|\n| <script>alert(1)</script> |",
        "[<img src=x onerror=alert(1)>](https://example.com)",
        "```\n</code></pre><script>alert(1)</script>\n```",
        '```"><script>alert(1)</script>\nx\n```',
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


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("Text <i>kursiv</i>", "<p>Text &lt;i&gt;kursiv&lt;/i&gt;</p>"),
        ("<div>\nZeile\n</div>", "<p>&lt;div&gt;<br>\nZeile<br>\n&lt;/div&gt;</p>"),
        ("<!-- Kommentar -->", "<p>&lt;!-- Kommentar --&gt;</p>"),
        ("<?php echo 1; ?>", "<p>&lt;?php echo 1; ?&gt;</p>"),
        (
            "<pre>\na\n\nb\n</pre>",
            "<p>&lt;pre&gt;<br>\na</p>\n<p>b<br>\n&lt;/pre&gt;</p>",
        ),
        ("- <u>Punkt</u>", "<ul>\n<li>&lt;u&gt;Punkt&lt;/u&gt;</li>\n</ul>"),
        ("# <b>Titel</b>", "<h1>&lt;b&gt;Titel&lt;/b&gt;</h1>"),
        (
            "[<b>Hilfe</b>](https://example.com)",
            '<p><a href="https://example.com" rel="nofollow ugc noopener">'
            "&lt;b&gt;Hilfe&lt;/b&gt;</a></p>",
        ),
        ("| a |\n|---|\n| <b>x</b> |", "&lt;b&gt;x&lt;/b&gt;"),
    ],
)
def test_raw_html_anywhere_is_shown_as_typed(source, expected):
    assert expected in render(source)


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


def test_github_markdown_extras_survive_the_sanitizer():
    html = render(
        "| Tarif | Mbit/s |\n|:--|--:|\n| DSL | 100 |\n\n"
        "```python\nprint(1)\n```\n\n~~alter Preis~~\n\n3. drei\n4. vier"
    )
    for fragment in (
        '<th align="left">Tarif</th>',
        '<td align="right">100</td>',
        '<pre><code class="language-python">print(1)',
        "<del>alter Preis</del>",
        '<ol start="3">',
    ):
        assert fragment in html


def test_single_tildes_stay_text():
    assert render("ca. ~50 Mbit/s statt ~100") == "<p>ca. ~50 Mbit/s statt ~100</p>"


def test_line_breaks_are_kept():
    assert render("Zeile 1\nZeile 2") == "<p>Zeile 1<br>\nZeile 2</p>"


def test_links_get_rel_nofollow_ugc_noopener():
    for source in ("[Hilfe](https://example.com/hilfe)", "siehe https://example.com/hilfe"):
        html = render(source)
        assert 'href="https://example.com/hilfe"' in html
        assert 'rel="nofollow ugc noopener"' in html


@pytest.mark.parametrize(
    ("source", "href"),
    [
        ("unter www.example.com nachsehen", "http://www.example.com"),
        ("Mail an info@example.com", "mailto:info@example.com"),
        ("<https://example.com/a>", "https://example.com/a"),
    ],
)
def test_bare_addresses_become_links(source, href):
    assert f'href="{href}"' in render(source)
    assert has_links(render(source))


def test_mentions_link_existing_accounts(app):
    make_user("jana.becker")
    html = render("Danke @jana.becker. Und @JANA.BECKER, kennst du @niemand?")
    assert html.count('<a class="mention" href="/u/jana.becker"') == 2
    assert "@niemand" in html and 'href="/u/niemand"' not in html
    assert not has_links(html)


def test_mentions_in_code_links_and_addresses_stay_text(app):
    make_user("anna")
    html = render("`@anna`\n\n    @anna\n\n[@anna](https://example.com) anna@example.com x@anna")
    assert 'class="mention"' not in html


def test_mentions_work_in_tables_headings_and_quotes(app):
    make_user("anna")
    html = render("# Hallo @anna\n\n> @anna\n\n| wer |\n|---|\n| @anna |")
    assert html.count('class="mention"') == 3


def test_all_mentioned_names_cost_one_query(app):
    for name in ("anna", "bert", "carla"):
        make_user(name)
    with count_queries() as statements:
        html = render("@anna @bert @carla @dora @anna")
    assert len(statements) == 1
    assert html.count('class="mention"') == 4


def test_a_post_mentions_a_bounded_number_of_accounts(app):
    names = [f"person{number}" for number in range(MAX_MENTIONED_NAMES + 5)]
    for name in names:
        make_user(name)
    with count_queries() as statements:
        html = render(" ".join(f"@{name}" for name in names))
    assert len(statements) == 1
    assert html.count('class="mention"') == MAX_MENTIONED_NAMES
    assert f'href="/u/{names[0]}"' in html and f'href="/u/{names[-1]}"' not in html


def test_mentions_can_be_given_instead_of_looked_up():
    html = render_with_mentions("Hallo @Anna", {"anna": "anna"})
    assert '<a class="mention" href="/u/anna" rel="nofollow ugc noopener">@anna</a>' in html


def test_quotes_deeper_than_the_limit_are_shown_at_the_limit():
    html = render(">" * (MAX_QUOTE_DEPTH + 20) + " tief")
    assert html.count("<blockquote>") == MAX_QUOTE_DEPTH
    assert "tief" in html


def test_short_table_rows_are_filled_up():
    html = render("| a | b | c |\n|---|---|---|\n| 1 |")
    assert html.count("<td>") == 3


def test_a_table_asking_for_more_cells_than_its_text_allows_is_shown_as_text():
    columns = 2000
    source = "|" + "a|" * columns + "\n|" + "-|" * columns + "\n" + "x\n" * 2000
    html = render(source)
    assert "<table>" not in html
    assert "|a|a|" in html


def test_node_types_are_those_of_the_library():
    names = {
        cmark.BLOCK_QUOTE: "block_quote",
        cmark.HTML_BLOCK: "html_block",
        cmark.CUSTOM_BLOCK: "custom_block",
        cmark.PARAGRAPH: "paragraph",
        cmark.TEXT: "text",
        cmark.LINEBREAK: "linebreak",
        cmark.HTML_INLINE: "html_inline",
        cmark.LINK: "link",
        cmark.IMAGE: "image",
    }
    for node_type, name in names.items():
        node = cmark.new_node(node_type)
        assert cmark.ffi.string(cmark.type_string(node)).decode() == name
        cmark.free_node(node)


def test_quote_prefixes_every_line():
    assert quote("Anna", "Zeile 1\n\nZeile 2") == "> **Anna:**\n> Zeile 1\n>\n> Zeile 2\n\n"
