"""Normalisation of free text in all eight languages."""

from __future__ import annotations

import pytest

from matching.german_titles import (
    decompound,
    fold_gender_suffixes,
    strip_advert_noise,
    strip_gender_forms,
)
from matching.normalise import fold_text
from matching.text_index import TextPreparer


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Schweißer", "SCHWEISSER"),  # de: ß / ss, case
        ("Köchin", "Koechin"),  # de: umlaut and its ae/oe/ue spelling
        ("Gerüstbauer", "Geruestbauer"),
        ("Müller", "mueller"),
        ("Ｆａｈｒｅｒ", "Fahrer"),  # NFKC full-width
        ("Forklift-Driver", "forklift driver"),  # en: case, punctuation
        ("şoför", "sofor"),  # tr
        ("AŞÇI", "asci"),  # tr: dotted/dotless i, cedilla
        ("kaynakçı", "kaynakci"),
        ("خياطة", "خياطه"),  # ar: teh marbuta / heh
        ("علي", "على"),  # ar: yeh / alef maksura
        ("كاتب", "کاتب"),  # ar kaf / fa keheh
        ("آشپز", "اشپز"),  # alef madda
        ("أمين", "امين"),  # alef hamza
        ("إداري", "اداري"),
        ("كـــاتب", "كاتب"),  # tatweel
        ("كَاتِب", "كاتب"),  # harakat
        ("کارگر جمع\u200cآوری", "كارگر جمعآوري"),  # fa: ZWNJ, Farsi yeh
        ("водитель фуры", "voditel fury"),  # ru: Cyrillic ↔ Latin
        ("водій фури", "vodii furi"),  # uk (one scheme: и → i)
        ("Ёлка", "елка"),
        ("karkerê depoyê", "karkere depoye"),  # ku: circumflex
    ],
)
def test_fold_text_makes_variants_equal(a: str, b: str) -> None:
    assert fold_text(a) == fold_text(b)


def test_umlaut_digraph_not_folded_after_vowel() -> None:
    assert fold_text("Bauer") == "bauer"
    assert fold_text("Feuerwehr") == "feuerwehr"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Lagerarbeiter (m/w/d)", "lagerarbeiter"),
        ("Lagerarbeiter (w/m/d)", "lagerarbeiter"),
        ("Fahrer (d/m/w)", "fahrer"),
        ("Verkäufer/in", "verkaufer"),
        ("Verkäufer/-in", "verkaufer"),
        ("Mitarbeiter*in", "mitarbeiter"),
        ("Mitarbeiter:in", "mitarbeiter"),
        ("MitarbeiterInnen", "mitarbeiter"),
        ("Lagerarbeiter/Lagerarbeiterin", "lagerarbeiter"),
        ("Koch/Köchin", "koch"),
        ("Kaufmann/-frau", "kaufmann"),
        ("Kauffrau", "kaufmann"),
        ("Mechanikerin", "mechaniker"),
        ("Maler/Lackierer", "maler lackierer"),
        ("Fachkraft - Lagerlogistik", "fachkraft lagerlogistik"),
    ],
)
def test_german_gender_forms(raw: str, expected: str) -> None:
    assert fold_gender_suffixes(fold_text(strip_gender_forms(raw))) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("verkaufer in vollzeit ab sofort", "verkaufer"),
        ("reinigungskraft minijob", "reinigungskraft"),
        ("lagerhelfer quereinsteiger willkommen", "lagerhelfer"),
        ("produktionshelfer in bramsche", "produktionshelfer"),
        ("fahrer 49565 osnabruck", "fahrer"),
    ],
)
def test_advert_noise(raw: str, expected: str) -> None:
    assert strip_advert_noise(raw, {"bramsche", "osnabruck"}) == expected


def test_noise_never_empties_a_title() -> None:
    assert strip_advert_noise("minijob") == "minijob"


def test_esco_doublets_and_function_words() -> None:
    preparer = TextPreparer(frozenset())
    assert preparer.prepare("Kaufmann für Büromanagement/Kauffrau für Büromanagement").base == (
        "kaufmann buromanagement"
    )
    assert preparer.prepare("Helfer im Gastgewerbe/Helferin im Gastgewerbe").base == (
        "helfer gastgewerbe"
    )
    assert preparer.prepare("Fachkraft für Lagerlogistik").base == (
        preparer.prepare("Fachkraft - Lagerlogistik").base
    )


def test_decompound_is_general() -> None:
    lexicon = frozenset({"produktion", "helfer", "lager", "mitarbeiter", "kuche"})
    assert decompound("produktionshelfer", lexicon) == ("produktion", "helfer")
    assert decompound("lagermitarbeiter", lexicon) == ("lager", "mitarbeiter")
    assert decompound("kuchenhelfer", lexicon) == ("kuche", "helfer")
    assert decompound("schweisser", lexicon) == ()


def test_prepared_text_expands_compounds() -> None:
    preparer = TextPreparer(frozenset({"produktion", "helfer"}))
    prepared = preparer.prepare("Produktionshelfer (m/w/d) in Vollzeit")
    assert prepared.base == "produktionshelfer"
    assert prepared.expanded == "produktionshelfer produktion helfer"


@pytest.mark.parametrize("places", [["iburg", "bad iburg"], ["bad iburg", "iburg"]])
def test_place_names_are_removed_longest_first_in_any_order(places: list[str]) -> None:
    assert strip_advert_noise("koch in bad iburg", places) == "koch"


def test_text_preparer_does_not_depend_on_the_order_of_places() -> None:
    lexicon = frozenset({"koch"})
    one = TextPreparer(lexicon, ["iburg", "bad iburg"]).prepare("Koch in Bad Iburg")
    other = TextPreparer(lexicon, ["bad iburg", "iburg"]).prepare("Koch in Bad Iburg")
    assert one == other
    assert one.base == "koch"
