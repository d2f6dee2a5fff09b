"""Forms of the board and category pages. Every message says what to do next."""

from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, SelectChoice, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, ValidationError

from ..boards.services import SLUG_MAX_LENGTH
from ..forms import ForumForm
from ..models import PostingPolicy, Visibility
from .boards import SLUG_PATTERN, SLUG_RULE

NAME_MAX_LENGTH = 120  # the columns' size
DESCRIPTION_MAX_LENGTH = 500

VISIBILITY_CHOICES = [
    SelectChoice(Visibility.PUBLIC.value, _l("Everyone (public)")),
    SelectChoice(Visibility.CUSTOMERS.value, _l("Customers only")),
    SelectChoice(Visibility.STAFF.value, _l("Staff only")),
]
POSTING_CHOICES = [
    SelectChoice(PostingPolicy.MEMBERS.value, _l("Everyone who may read it")),
    SelectChoice(PostingPolicy.STAFF.value, _l("Staff only")),
    SelectChoice(PostingPolicy.READ_ONLY.value, _l("Nobody (read-only)")),
]


def _id(value):
    """A category id, or None for anything else (answered by OneOf, not by a crash)."""
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _stripped(value):
    return value.strip() if isinstance(value, str) else value


class MaxLength:
    """The forum's wording for "too long", with what was typed counted."""

    def __init__(self, maximum: int):
        self.maximum = maximum

    def __call__(self, form, field) -> None:
        length = len(field.data or "")
        if length > self.maximum:
            raise ValidationError(
                _l(
                    "Please enter at most %(max)d characters (you entered %(num)d).",
                    max=self.maximum,
                    num=length,
                )
            )


class OneOf:
    """A choice from the list, with a message in the forum's words (a forged or stale
    form may send anything)."""

    def __init__(self, message):
        self.message = message

    def __call__(self, form, field) -> None:
        if field.data not in [choice[0] for choice in field.iter_choices()]:
            raise ValidationError(self.message)


def _choice(label, choices, message, **kwargs) -> SelectField:
    return SelectField(
        label, choices=choices, validate_choice=False, validators=[OneOf(message)], **kwargs
    )


class CategoryForm(ForumForm):
    name = StringField(
        _l("Name"),
        filters=[_stripped],
        validators=[DataRequired(_l("Please enter a name.")), MaxLength(NAME_MAX_LENGTH)],
    )


class BoardForm(ForumForm):
    name = StringField(
        _l("Name"),
        filters=[_stripped],
        validators=[DataRequired(_l("Please enter a name.")), MaxLength(NAME_MAX_LENGTH)],
    )
    slug = StringField(
        _l("Web address"),
        filters=[_stripped, lambda value: value.lower() if isinstance(value, str) else value],
        validators=[MaxLength(SLUG_MAX_LENGTH)],
    )
    description = TextAreaField(
        _l("Description (optional)"),
        description=_l("One or two sentences under the board's name on the overview."),
        filters=[_stripped],
        validators=[MaxLength(DESCRIPTION_MAX_LENGTH)],
    )
    category = SelectField(
        _l("Category"),
        coerce=_id,
        validate_choice=False,
        validators=[OneOf(_l("Please choose one of the categories."))],
    )
    visibility = _choice(
        _l("Who may read it"),
        VISIBILITY_CHOICES,
        _l("Please choose who may read the board."),
        description=_l(
            "Customers only: verified customers, staff and moderators. Staff only: verified"
            " staff and admins. For everyone else the board does not exist: not on the"
            " overview, in search or in feeds."
        ),
    )
    posting_policy = _choice(
        _l("Who may start threads"),
        POSTING_CHOICES,
        _l("Please choose who may start threads."),
        description=_l(
            "Staff only: everyone who reads the board may still reply. Read-only: nobody"
            " starts threads or replies."
        ),
    )
    # The template shows this hint itself: the field macro shows none for boxes.
    is_support = BooleanField(
        _l("Support board: threads are questions"),
        description=_l(
            "Questions can be marked as solved, and new ones wait in the staff queue"
            " until staff answer."
        ),
    )

    def validate_slug(self, field) -> None:
        if field.data and not SLUG_PATTERN.match(field.data):
            raise ValidationError(SLUG_RULE)
