"""The searchable text in PostgreSQL: one row per thread and per post, written in
the same transaction as the change (see rows.py), and the title vocabulary for
"Did you mean …?".

The tables belong to the schema on every database so that one set of migrations
builds it; on SQLite they stay empty (the Whoosh backend keeps its index on disk).
"""

from sqlalchemy import Column, ForeignKey, Index, Integer, String, Table, Text
from sqlalchemy.dialects.postgresql import TSVECTOR

from ...extensions import db

Document = Text().with_variant(TSVECTOR(), "postgresql")

# Title (weight A) and text of all its visible posts (C); parts of compound words
# as "~part" lexemes (B in the title, D in the text); authors as position-less
# "@username" lexemes.
search_threads = Table(
    "search_threads",
    db.metadata,
    Column("thread_id", Integer, ForeignKey("threads.id", ondelete="CASCADE"), primary_key=True),
    Column("document", Document, nullable=False),
    Index("ix_search_threads_document", "document", postgresql_using="gin"),
)

# A post's text (and "@author"): which post of a thread on the results page
# gives the snippet.
search_posts = Table(
    "search_posts",
    db.metadata,
    Column("post_id", Integer, ForeignKey("posts.id", ondelete="CASCADE"), primary_key=True),
    Column(
        "thread_id",
        Integer,
        ForeignKey("threads.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    Column("document", Document, nullable=False),
    Index("ix_search_posts_document", "document", postgresql_using="gin"),
)

# Words of titles as written (lower case), for spelling suggestions by trigram
# similarity. Only ever added to: a suggestion is offered only where the corrected
# search finds something the person may read.
search_words = Table(
    "search_words",
    db.metadata,
    Column("word", String(64), primary_key=True),
    Index(
        "ix_search_words_trigrams",
        "word",
        postgresql_using="gin",
        postgresql_ops={"word": "gin_trgm_ops"},
    ),
)
