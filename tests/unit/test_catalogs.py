"""Every shipped locale is complete, consistent with the source messages, and compiles."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from jobsforyou.i18n import LANGUAGE_CODES

TRANSLATIONS = Path(__file__).resolve().parents[2] / "translations"
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]")
EXPECTED_PLURAL_FORMS = {"ar": 6, "uk": 3, "ru": 3, "de": 2, "en": 2}


def load(language: str):  # type: ignore[no-untyped-def]
    with (TRANSLATIONS / language / "LC_MESSAGES" / "messages.po").open("rb") as handle:
        return read_po(handle, locale=language)


def template_ids() -> set[str]:
    with (TRANSLATIONS / "messages.pot").open("rb") as handle:
        return {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(handle) if m.id}


@pytest.mark.parametrize("language", LANGUAGE_CODES)
def test_catalog_is_complete_and_not_fuzzy(language: str) -> None:
    catalog = load(language)
    missing, fuzzy = [], []
    for message in catalog:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if not all(strings):
            missing.append(message.id)
        if message.fuzzy:
            fuzzy.append(message.id)
    assert not missing, f"{language}: {len(missing)} untranslated, e.g. {missing[:3]}"
    assert not fuzzy, f"{language}: {len(fuzzy)} fuzzy, e.g. {fuzzy[:3]}"


@pytest.mark.parametrize("language", LANGUAGE_CODES)
def test_catalog_has_every_message_of_the_template(language: str) -> None:
    ids = {m.id if isinstance(m.id, str) else m.id[0] for m in load(language) if m.id}
    assert template_ids() <= ids, sorted(template_ids() - ids)[:5]


@pytest.mark.parametrize("language", LANGUAGE_CODES)
def test_translations_keep_the_placeholders(language: str) -> None:
    for message in load(language):
        if not message.id:
            continue
        source_ids = message.id if isinstance(message.id, tuple) else (message.id,)
        expected = set(PLACEHOLDER.findall(" ".join(source_ids)))
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for string in filter(None, strings):  # emptiness is the completeness test's concern
            found = set(PLACEHOLDER.findall(string))
            # a plural form may leave out the number (e.g. Arabic dual), nothing may be invented
            assert found <= expected, (language, message.id, string)
            if not isinstance(message.id, tuple):
                assert found == expected, (language, message.id, string)


@pytest.mark.parametrize(("language", "forms"), sorted(EXPECTED_PLURAL_FORMS.items()))
def test_plural_forms(language: str, forms: int) -> None:
    catalog = load(language)
    assert catalog.num_plurals == forms
    for message in catalog:
        if isinstance(message.id, tuple):
            assert len(message.string) == forms
