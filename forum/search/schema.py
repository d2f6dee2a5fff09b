"""What the index holds, and how German (and English) text becomes terms.

Two kinds of documents share one index: a thread document ("t<id>") with the
title and the text of all its visible posts, which is what a search ranks and
pages; and a post document ("p<id>"), used only to find the best-matching post
of the threads on the results page for its snippet. Only ids are stored; titles,
dates and the text for snippets come from the database, which also re-checks
access. Analyzers use only Whoosh's own filters: the schema is pickled into the
index, and custom classes there would tie the index to our module paths.
"""

import re

from whoosh.analysis import (
    CharsetFilter,
    LowercaseFilter,
    RegexTokenizer,
    SpaceSeparatedTokenizer,
    StemFilter,
    StopFilter,
    SubstitutionFilter,
)
from whoosh.fields import BOOLEAN, DATETIME, ID, KEYWORD, TEXT, Schema
from whoosh.lang import stopwords_for_language
from whoosh.support.charset import accent_map

# Fold é/à/… before stemming; ß becomes ss (Whoosh's accent map would make it s, and
# Straße would no longer find Strasse). Umlauts are left to the German stemmer.
GERMAN_FOLDING = dict(accent_map)
GERMAN_FOLDING[ord("ß")] = "ss"
for _umlaut in "äöüÄÖÜ":
    GERMAN_FOLDING.pop(ord(_umlaut), None)

# Negations stay searchable: "kein Internet" is not "Internet".
NEGATIONS = {"kein", "keine", "keinem", "keinen", "keiner", "keines", "nicht", "no", "not"}
STOP_WORDS = (
    frozenset(stopwords_for_language("de")) | frozenset(stopwords_for_language("en"))
) - NEGATIONS


# Product and brand names that customers write in many ways are one word each:
# "FRITZ!Box", "Fritz Box", "Fritz-Box" and "fritzbox" all become "fritzbox",
# "E-Mail" becomes "email" (as "Email" and "eMail" do), "W-LAN" "wlan". The tokenizer
# takes them whole (inflections too: "Fritz!Boxen"); the first filter drops the
# spaces, "!" and "-" inside them. Words that tokenize whole anyway (DSL, VDSL2, LTE,
# 5G, IPv6, Speedport) need nothing.
SPELLINGS = (
    r"fritz[\s!\-]*(?:box|fon|repeater|powerline)"
    r"|e-mail|w-lan|wi-fi|d-lan|power[\s\-]lan|ip-tv|e-sim|hot-spot"
    r"|speed[\s\-]port|easy[\s\-]box|giga[\s\-]cube|magenta[\s\-]tv"
)
# Words may hold dots between letters ("v1.2", "3.5GHz"). No nested repetition
# ("\w+(\.?\w+)*", Whoosh's default, takes 2^n steps to refuse an n-letter word that
# does not match to its end, as the query side's fullmatch asks).
WORD_PATTERN = rf"(?i:{SPELLINGS})\w*|\w+(?:\.\w+)*"
JOINED = r"[\s!\-]+"


def german_analyzer(stop_words: bool = True):
    """Snowball German with the "german2" transliterations: Stoerung finds Störung."""
    analyzer = RegexTokenizer(WORD_PATTERN) | SubstitutionFilter(JOINED, "") | LowercaseFilter()
    if stop_words:
        analyzer = analyzer | StopFilter(stoplist=STOP_WORDS)
    return (
        analyzer
        | SubstitutionFilter("ae", "ä")
        | SubstitutionFilter("oe", "ö")
        | SubstitutionFilter("(?<!q)ue", "ü")
        | CharsetFilter(GERMAN_FOLDING)
        | StemFilter(lang="de", cachesize=50000)
    )


def normalise_word(word: str) -> str:
    """What the analyzer makes of one word before it stems it (the same steps)."""
    word = word.lower().replace("ae", "ä").replace("oe", "ö")
    return re.sub("(?<!q)ue", "ü", word).translate(GERMAN_FOLDING)


# Raise whenever fields or analyzers change: an index of another version is rebuilt.
SCHEMA_VERSION = 2
TITLE_BOOST = 2.0
ANALYZER = german_analyzer()
# The parts of compound words (see compounds.py), already analysed: only split.
PARTS_ANALYZER = SpaceSeparatedTokenizer()


def build_schema() -> Schema:
    return Schema(
        key=ID(stored=True, unique=True),
        # Thread documents
        title=TEXT(analyzer=ANALYZER, field_boost=TITLE_BOOST, spelling=True),
        # Suggestions come from titles: they hold the forum's vocabulary, and a second
        # (unstemmed) copy of every body would cost a third of the indexing time.
        body=TEXT(analyzer=ANALYZER),
        # The parts of their compound words ("Kündigungsbestätigung": kundig, bestat),
        # apart from whole words so that exact matches rank first.
        title_parts=TEXT(analyzer=PARTS_ANALYZER, field_boost=TITLE_BOOST, phrase=False),
        body_parts=TEXT(analyzer=PARTS_ANALYZER, phrase=False),
        board=ID,
        private=BOOLEAN,
        owner=ID,
        solved=BOOLEAN,
        staff=BOOLEAN,
        authors=KEYWORD(commas=True, lowercase=True),
        active=DATETIME(sortable=True),
        # Post documents
        text=TEXT(analyzer=ANALYZER),
        text_parts=TEXT(analyzer=PARTS_ANALYZER, phrase=False),
        author=ID,
        in_thread=ID(stored=True),
    )


def thread_key(thread_id: int) -> str:
    return f"t{thread_id}"


def post_key(post_id: int) -> str:
    return f"p{post_id}"
