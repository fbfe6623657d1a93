"""Form fields and choice helpers shared by every feature's forms."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from wtforms import SelectMultipleField
from wtforms.fields.choices import SelectChoice
from wtforms.widgets import CheckboxInput, ListWidget


class MultiCheckboxField(SelectMultipleField):
    """A group of checkboxes (rendered in a fieldset), one box per choice."""

    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


def select_choices(pairs: Iterable[tuple[Any, Any]]) -> list[SelectChoice]:
    """(value, label) pairs as WTForms SelectChoice objects (labels may be lazy strings)."""
    return [SelectChoice(value, label) for value, label in pairs]
