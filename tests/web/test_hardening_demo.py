"""`flask demo` only on a developer's machine; its links from PUBLIC_BASE_URL (issue 13, item 9)."""

from __future__ import annotations

import pytest
from flask import Flask
from sqlalchemy import func, select

from jobsforyou.extensions import db
from jobsforyou.models import Fair, Outcome, Registration, RetainedFigure
from tests.factories import system


def _count(app: Flask, model: type) -> int:
    with app.app_context():
        return int(db.session.scalar(system(select(func.count(model.id)))))


def test_demo_refuses_outside_development(app: Flask, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(app.config, "ENV_NAME", "production")
    result = app.test_cli_runner().invoke(args=["demo"])
    assert result.exit_code != 0
    assert "ENV_NAME" in result.output and "--i-know-this-is-not-production" in result.output
    assert _count(app, Registration) == 0 and _count(app, Fair) == 0


def test_demo_in_development_and_with_the_explicit_flag(
    app: Flask, monkeypatch: pytest.MonkeyPatch
) -> None:
    runner = app.test_cli_runner()
    monkeypatch.setitem(app.config, "ENV_NAME", "development")
    monkeypatch.setitem(app.config, "PUBLIC_BASE_URL", None)
    monkeypatch.setitem(app.config, "SERVER_NAME", None)  # as on a developer's machine
    first = runner.invoke(args=["demo"])
    assert first.exit_code == 0, first.output
    assert "http://127.0.0.1:5000/r/demo-" in first.output
    # 300 for the fairs ahead; 160 + 90 at two held fairs, of whom 25 were deleted since
    assert _count(app, Registration) == 525
    assert _count(app, Outcome) > 50 and _count(app, RetainedFigure) > 10

    monkeypatch.setitem(app.config, "ENV_NAME", "production")
    monkeypatch.setitem(app.config, "PUBLIC_BASE_URL", "https://jobs.example.org/")
    second = runner.invoke(args=["demo", "--i-know-this-is-not-production"])
    assert second.exit_code == 0, second.output
    assert "https://jobs.example.org/r/demo-" in second.output
    assert "127.0.0.1" not in second.output
