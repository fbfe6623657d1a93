"""Real-browser harness: the app served on localhost, driven by Playwright in Debian's Chromium."""

from __future__ import annotations

import os
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from werkzeug.serving import make_server

PROJECT_ROOT = Path(__file__).resolve().parents[2]
AXE_SCRIPT = PROJECT_ROOT / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS = PROJECT_ROOT / "test-artifacts"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _require(condition: bool, reason: str) -> None:
    """Skip when a browser part is missing on a developer machine; fail in CI."""
    if condition:
        return
    if os.environ.get("JOBSFORYOU_REQUIRE_BROWSER") == "1":
        pytest.fail(reason)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def live_server(app: Flask, database_url: str) -> Iterator[str]:
    """The app served by a real HTTP server on a free localhost port.

    A second app instance on the same database: the test client's app keeps its SERVER_NAME
    (links in mails), while the browser talks to 127.0.0.1.
    """
    from jobsforyou import create_app

    served = create_app({**{k: app.config[k] for k in ("TESTING", "SECRET_KEY", "MAIL_BACKEND",
                                                       "SMS_BACKEND", "RATELIMIT_STORAGE_URI")},
                         "SQLALCHEMY_DATABASE_URI": database_url})
    server = make_server("127.0.0.1", 0, served, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    with served.app_context():
        from jobsforyou.extensions import db

        db.engine.dispose()


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Headless Chromium from the system, driven by Playwright."""
    executable = shutil.which("chromium")
    _require(
        executable is not None, "Debian's chromium is not installed (apt-get install chromium)"
    )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=executable, headless=True, args=CHROMIUM_FLAGS
        )
        yield chromium
        chromium.close()


@pytest.fixture
def new_page(browser: Any) -> Iterator[Any]:
    """A factory of pages with a language and a viewport; contexts are closed after the test."""
    contexts = []

    def make(language: str = "de", width: int = 1280, height: int = 900) -> Any:
        context = browser.new_context(
            viewport={"width": width, "height": height},
            locale=language,
            extra_http_headers={"Accept-Language": language},
            bypass_csp=True,  # axe-core is injected as an inline script
        )
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


def axe_violations(page: Any) -> list[dict[str, Any]]:
    """Run axe-core with the WCAG 2.1 A/AA rules on the page; return the violations."""
    _require(AXE_SCRIPT.exists(), "axe-core is not installed (npm install)")
    page.add_script_tag(path=str(AXE_SCRIPT))
    return page.evaluate(
        "async (tags) => (await axe.run(document, {runOnly: {type: 'tag', values: tags}}))"
        ".violations.map(v => ({id: v.id, impact: v.impact, help: v.help,"
        " nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}))",
        WCAG_TAGS,
    )


def screenshot(page: Any, name: str) -> Path:
    """Save a full-page screenshot under test-artifacts/ for people to look at."""
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
