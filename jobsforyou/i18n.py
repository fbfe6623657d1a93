"""Locale selection, the language switcher and text direction."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from flask import Blueprint, Flask, g, redirect, request, session, url_for
from flask_babel import get_locale

from jobsforyou.security import safe_next_url


@dataclass(frozen=True)
class SiteLanguage:
    """A shipped locale: its code, its name in itself and its writing direction."""

    code: str
    native_name: str
    direction: str = "ltr"


LANGUAGES: tuple[SiteLanguage, ...] = (
    SiteLanguage("de", "Deutsch"),
    SiteLanguage("en", "English"),
    SiteLanguage("uk", "Українська"),
    SiteLanguage("ru", "Русский"),
    SiteLanguage("ar", "العربية", "rtl"),
    SiteLanguage("fa", "فارسی / دری", "rtl"),
    SiteLanguage("tr", "Türkçe"),
    SiteLanguage("ku", "Kurdî (Kurmancî)"),
)
LANGUAGE_CODES = tuple(language.code for language in LANGUAGES)
DEFAULT_LANGUAGE = "de"
# Tags without a catalog of their own that readers of a shipped locale understand.
LANGUAGE_ALIASES = {"prs": "fa", "fa-af": "fa", "kmr": "ku", "ku-latn": "ku"}
# Works without the app (which refuses to start while a catalog is not compiled).
COMPILE_COMMAND = ".venv/bin/python -m babel.messages.frontend compile -d translations"

bp = Blueprint("i18n", __name__)


def translation_directories(app: Flask) -> list[Path]:
    """The catalog folders Flask-Babel reads (BABEL_TRANSLATION_DIRECTORIES, ";"-separated)."""
    setting = app.config.get("BABEL_TRANSLATION_DIRECTORIES", "translations")
    return [Path(app.root_path, entry) for entry in str(setting).split(";") if entry]


def uncompiled_locales(directories: Sequence[Path], domain: str = "messages") -> list[str]:
    """Shipped locales with a .po catalog but no .mo compiled from it (missing or older)."""
    stale = []
    for code in LANGUAGE_CODES:
        for directory in directories:
            source = directory / code / "LC_MESSAGES" / f"{domain}.po"
            compiled = source.with_suffix(".mo")
            if source.is_file() and (not compiled.is_file() or
                                     compiled.stat().st_mtime_ns < source.stat().st_mtime_ns):
                stale.append(code)
                break
    return stale


def supported_language(tag: str | None) -> str | None:
    """Return the shipped locale for a language tag such as 'fa-AF' or 'uk', or None."""
    if not tag:
        return None
    tag = tag.strip().lower().replace("_", "-")
    if tag in LANGUAGE_ALIASES:
        return LANGUAGE_ALIASES[tag]
    primary = tag.split("-")[0]
    if primary in LANGUAGE_ALIASES:
        return LANGUAGE_ALIASES[primary]
    return primary if primary in LANGUAGE_CODES else None


def select_locale() -> str:
    """Explicit choice (session), then a page's own hint (a registration), then Accept-Language."""
    chosen = supported_language(session.get("lang"))
    if chosen:
        return chosen
    hinted = supported_language(g.get("locale_hint"))
    if hinted:
        return hinted
    for tag, _quality in request.accept_languages:
        language = supported_language(tag)
        if language:
            return language
    return DEFAULT_LANGUAGE


def keep_language() -> None:
    """Remember the language of this page for the next ones (e.g. leaving a personal page,
    whose language came from the registration, for a public page)."""
    session.setdefault("lang", str(get_locale() or DEFAULT_LANGUAGE))


def current_language() -> SiteLanguage:
    """The SiteLanguage of the current request."""
    code = str(get_locale() or DEFAULT_LANGUAGE)
    code = supported_language(code) or DEFAULT_LANGUAGE
    return next(language for language in LANGUAGES if language.code == code)


@bp.post("/language")
def choose_language():  # type: ignore[no-untyped-def]
    """Store the visitor's explicit language choice and go back where they came from."""
    language = supported_language(request.form.get("lang"))
    if language:
        session["lang"] = language
    return redirect(safe_next_url(request.form.get("next")) or url_for("fairs.index"))


def inject_language_context() -> dict[str, object]:
    """Template globals: the switcher's languages and the page's language and direction."""
    return {"site_languages": LANGUAGES, "page_language": current_language()}
