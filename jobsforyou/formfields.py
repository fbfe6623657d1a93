"""Form fields and choice helpers shared by every feature's forms."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import Any

from flask_wtf.i18n import translations as flask_wtf_translations
from wtforms import Form, SelectMultipleField
from wtforms.fields.choices import SelectChoice
from wtforms.widgets import CheckboxInput, ListWidget


class MultiCheckboxField(SelectMultipleField):
    """A group of checkboxes (rendered in a fieldset), one box per choice."""

    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


def select_choices(pairs: Iterable[tuple[Any, Any]]) -> list[SelectChoice]:
    """(value, label) pairs as WTForms SelectChoice objects (labels may be lazy strings)."""
    return [SelectChoice(value, label) for value, label in pairs]


class TranslatedSubform(Form):
    """A form nested in a FlaskForm (FormField): WTForms' own messages in the reader's language."""

    class Meta:
        def get_translations(self, form: Form) -> Any:
            return flask_wtf_translations


def ascii_digits(text: str) -> str:
    """Arabic-Indic and Persian digits (as phone keyboards type them) as ASCII digits."""
    return "".join(
        str(unicodedata.digit(char)) if char.isdigit() and not char.isascii() else char
        for char in text
    )


def clean_digits(value: str | None) -> str | None:
    """A WTForms filter: trimmed, with any script's digits as ASCII digits."""
    return ascii_digits(value).strip() if isinstance(value, str) else value


def unique(values: Any) -> tuple[Any, ...]:
    """The values in their order, each once (checkbox groups can be posted twice)."""
    return tuple(dict.fromkeys(values or ()))


def split_skills(text: str) -> tuple[str, ...]:
    """Skills typed one per line or separated by commas or semicolons, without duplicates."""
    seen: dict[str, str] = {}
    for part in re.split(r"[\n,;،؛]+", text or ""):
        skill = part.strip()
        if skill and skill.casefold() not in seen:
            seen[skill.casefold()] = skill
    return tuple(seen.values())
