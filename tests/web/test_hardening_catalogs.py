"""The app refuses to start when a shipped locale's catalog is not compiled (or is stale)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from jobsforyou import create_app
from jobsforyou.i18n import LANGUAGE_CODES

SHIPPED = Path(__file__).resolve().parent.parent.parent / "translations"


@pytest.fixture
def catalogs(tmp_path: Path) -> Path:
    """A copy of the shipped catalogs, every .mo compiled after its .po."""
    copy = tmp_path / "translations"
    shutil.copytree(SHIPPED, copy)
    for code in LANGUAGE_CODES:
        folder = copy / code / "LC_MESSAGES"
        assert (folder / "messages.mo").is_file(), f"compile the catalogs first ({code})"
        written = (folder / "messages.po").stat().st_mtime
        os.utime(folder / "messages.mo", (written + 10, written + 10))
    return copy


def start(directory: Path, **config: object):  # type: ignore[no-untyped-def]
    return create_app({"ENV_NAME": "development", "SQLALCHEMY_DATABASE_URI": "sqlite://",
                       "BABEL_TRANSLATION_DIRECTORIES": str(directory), **config})


def test_starts_with_every_catalog_compiled(catalogs: Path) -> None:
    assert start(catalogs).config["BABEL_TRANSLATION_DIRECTORIES"] == str(catalogs)


def test_a_missing_compiled_catalog_refuses_to_start(catalogs: Path) -> None:
    (catalogs / "ar" / "LC_MESSAGES" / "messages.mo").unlink()
    with pytest.raises(RuntimeError) as refused:
        start(catalogs)
    message = str(refused.value)
    assert "(or changed since): ar." in message and "uk" not in message
    assert "babel.messages.frontend compile -d translations" in message


def test_a_catalog_compiled_before_its_last_change_refuses_to_start(catalogs: Path) -> None:
    folder = catalogs / "fa" / "LC_MESSAGES"
    compiled = (folder / "messages.mo").stat().st_mtime
    os.utime(folder / "messages.po", (compiled + 60, compiled + 60))
    (catalogs / "ku" / "LC_MESSAGES" / "messages.mo").unlink()
    with pytest.raises(RuntimeError, match=r"fa, ku"):
        start(catalogs)


def test_tests_start_without_compiled_catalogs(catalogs: Path) -> None:
    (catalogs / "de" / "LC_MESSAGES" / "messages.mo").unlink()
    assert start(catalogs, TESTING=True).testing


def test_production_refuses_too(catalogs: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JOBSFORYOU_SECRET_KEY", "from-the-environment-" + "x" * 32)
    monkeypatch.setenv("JOBSFORYOU_PUBLIC_BASE_URL", "https://jobs.example.org")
    assert not start(catalogs, ENV_NAME="production").testing
    (catalogs / "uk" / "LC_MESSAGES" / "messages.mo").unlink()
    with pytest.raises(RuntimeError, match=r"\(or changed since\): uk\."):
        start(catalogs, ENV_NAME="production")
