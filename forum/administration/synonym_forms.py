"""The form for a group of search synonyms. Every message says what to do next."""

from flask_babel import lazy_gettext as _l
from wtforms import StringField
from wtforms.validators import ValidationError

from ..forms import ForumForm
from ..search import synonyms
from .board_forms import MaxLength


class SynonymWords:
    """Two to MAX_WORDS single words that search knows, and not a group that exists."""

    def __call__(self, form, field) -> None:
        words = synonyms.words_of(field.data or "")
        if len(words) > synonyms.MAX_WORDS:
            raise ValidationError(_l("Please enter at most %(max)d words.", max=synonyms.MAX_WORDS))
        lexemes = []
        for word in words:
            found = synonyms.lexeme(word)
            if found is None:
                raise ValidationError(
                    _l(
                        "“%(word)s” is not a single word that search looks for (a phrase, or"
                        " a word as common as “und”). Separate the words with commas.",
                        word=word,
                    )
                )
            lexemes.append(found)
        if len(set(lexemes)) < 2:
            raise ValidationError(
                _l(
                    "Please enter at least two different words, separated by commas "
                    "(inflections such as “Störung, Störungen” find each other anyway)."
                )
            )
        if set(lexemes) in synonyms.existing_lexeme_sets():
            raise ValidationError(_l("These words are already a group."))
        form.words_list = words


class SynonymForm(ForumForm):
    words = StringField(
        _l("Words that should find each other"),
        validators=[MaxLength(synonyms.MAX_LENGTH), SynonymWords()],
        description=_l("Separated by commas, for example: Störung, Ausfall, Totalausfall"),
    )
