"""cmark-gfm, GitHub's C implementation of CommonMark, through its C API.

cmark parses and renders in time linear in the input, also for the inputs that
make backtracking parsers quadratic (its test suite has a set of them). The
cmarkgfm package compiles it, but exposes only "Markdown in, HTML out"; we also
need to edit the syntax tree between parsing and rendering (raw HTML becomes
text, mentions become links). So the same compiled library is opened a second
time through cffi's ABI mode, with the few functions of cmark's public API that
we call declared below as in cmark-gfm.h. The library is pinned with cmarkgfm.

Every tree and string cmark allocates is freed here (cmarkgfm's own helpers
leak the document and the rendered HTML of each call).
"""

from collections.abc import Iterator
from contextlib import contextmanager

import cffi
from cmarkgfm import _cmark
from cmarkgfm.cmark import Options

ffi = cffi.FFI()
ffi.cdef(
    """
    typedef struct cmark_node cmark_node;
    typedef struct cmark_parser cmark_parser;
    typedef struct cmark_iter cmark_iter;
    typedef struct cmark_llist cmark_llist;
    typedef struct cmark_syntax_extension cmark_syntax_extension;
    typedef struct cmark_mem {
      void *(*calloc)(size_t, size_t);
      void *(*realloc)(void *, size_t);
      void (*free)(void *);
    } cmark_mem;

    cmark_mem *cmark_get_default_mem_allocator(void);
    void cmark_gfm_core_extensions_ensure_registered(void);
    cmark_syntax_extension *cmark_find_syntax_extension(const char *name);

    cmark_parser *cmark_parser_new(int options);
    int cmark_parser_attach_syntax_extension(cmark_parser *parser,
                                             cmark_syntax_extension *extension);
    void cmark_parser_feed(cmark_parser *parser, const char *buffer, size_t len);
    cmark_node *cmark_parser_finish(cmark_parser *parser);
    cmark_llist *cmark_parser_get_syntax_extensions(cmark_parser *parser);
    void cmark_parser_free(cmark_parser *parser);
    char *cmark_render_html(cmark_node *root, int options, cmark_llist *extensions);

    cmark_iter *cmark_iter_new(cmark_node *root);
    int cmark_iter_next(cmark_iter *iter);
    cmark_node *cmark_iter_get_node(cmark_iter *iter);
    void cmark_iter_free(cmark_iter *iter);

    int cmark_node_get_type(cmark_node *node);
    int cmark_node_set_type(cmark_node *node, int type);
    const char *cmark_node_get_type_string(cmark_node *node);
    const char *cmark_node_get_literal(cmark_node *node);
    int cmark_node_set_literal(cmark_node *node, const char *content);
    cmark_node *cmark_node_new(int type);
    void cmark_node_free(cmark_node *node);
    int cmark_node_insert_before(cmark_node *node, cmark_node *sibling);
    int cmark_node_append_child(cmark_node *node, cmark_node *child);
    void cmark_consolidate_text_nodes(cmark_node *root);
    """
)
lib = ffi.dlopen(_cmark.__file__)
lib.cmark_gfm_core_extensions_ensure_registered()
_free = lib.cmark_get_default_mem_allocator().free

HARDBREAKS = Options.CMARK_OPT_HARDBREAKS  # every line break in a paragraph is kept
# HTML nodes are written out as they are, not left out; the caller decides which exist.
UNSAFE = Options.CMARK_OPT_UNSAFE
# "~~gone~~" only, so that "ca. ~50 Mbit/s statt ~100" stays text.
STRIKETHROUGH_DOUBLE_TILDE = Options.CMARK_OPT_STRIKETHROUGH_DOUBLE_TILDE

# Node types (cmark-gfm.h); the types of extensions (tables…) are not needed here.
_BLOCK, _INLINE = 0x8000, 0xC000
BLOCK_QUOTE = _BLOCK | 0x02
HTML_BLOCK = _BLOCK | 0x06
CUSTOM_BLOCK = _BLOCK | 0x07
PARAGRAPH = _BLOCK | 0x08
TEXT = _INLINE | 0x01
LINEBREAK = _INLINE | 0x03
HTML_INLINE = _INLINE | 0x05
LINK = _INLINE | 0x09
IMAGE = _INLINE | 0x0A

# Iterator events.
DONE, ENTER, EXIT = 1, 2, 3


@contextmanager
def parsed(source: str, options: int, extensions: tuple[str, ...]) -> Iterator:
    """The document tree of `source`; yields (root, extensions to render with)."""
    parser = lib.cmark_parser_new(options)
    try:
        for name in extensions:
            extension = lib.cmark_find_syntax_extension(name.encode())
            if extension == ffi.NULL:
                raise ValueError(f"cmark-gfm has no extension {name!r}")
            lib.cmark_parser_attach_syntax_extension(parser, extension)
        data = source.encode(errors="replace")  # a lone surrogate becomes "?"
        lib.cmark_parser_feed(parser, data, len(data))
        root = lib.cmark_parser_finish(parser)
        try:
            yield root, lib.cmark_parser_get_syntax_extensions(parser)
        finally:
            lib.cmark_node_free(root)
    finally:
        lib.cmark_parser_free(parser)


def render_html(root, options: int, extensions) -> str:
    raw = lib.cmark_render_html(root, options, extensions)
    try:
        return ffi.string(raw).decode(errors="replace")
    finally:
        _free(raw)


def walk(root) -> Iterator[tuple[int, object, int]]:
    """(event, node, node type) for every node, in document order."""
    next_event, get_node = lib.cmark_iter_next, lib.cmark_iter_get_node
    get_type = lib.cmark_node_get_type
    iterator = lib.cmark_iter_new(root)
    try:
        while (event := next_event(iterator)) != DONE:
            node = get_node(iterator)
            yield event, node, get_type(node)
    finally:
        lib.cmark_iter_free(iterator)


def literal(node) -> str:
    return ffi.string(lib.cmark_node_get_literal(node)).decode(errors="replace")


def new_node(node_type: int, text: str | None = None):
    node = lib.cmark_node_new(node_type)
    if text is not None:
        lib.cmark_node_set_literal(node, text.encode())
    return node


def insert_before(node, new) -> None:
    if not lib.cmark_node_insert_before(node, new):
        raise ValueError("cmark refused the node at this place")


def append_child(node, child) -> None:
    if not lib.cmark_node_append_child(node, child):
        raise ValueError("cmark refused the node at this place")


def make_transparent(block) -> None:
    """The block's children are rendered in its place, without markup of its own
    (a custom block with empty opening and closing)."""
    if not lib.cmark_node_set_type(block, CUSTOM_BLOCK):
        raise ValueError("cmark refused the node type at this place")


def set_literal(node, text: str) -> None:
    lib.cmark_node_set_literal(node, text.encode())


free_node = lib.cmark_node_free
consolidate_text = lib.cmark_consolidate_text_nodes
type_string = lib.cmark_node_get_type_string
