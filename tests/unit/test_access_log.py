"""The gunicorn logger keeps the tokens of personal links (/r/<token>…) out of the logs."""

from __future__ import annotations

import datetime as dt
import logging
from types import SimpleNamespace

import pytest
from gunicorn.config import Config

from jobsforyou.access_log import RedactingLogger, redact

TOKEN = "Zq3xK-9_pLm2Vb7nR4tY8wEa1sDf6GhJ"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"/r/{TOKEN}", "/r/[redacted]"),
        (f"/r/{TOKEN}/edit", "/r/[redacted]/edit"),
        (f"/r/{TOKEN}?lang=ar", "/r/[redacted]?lang=ar"),
        (f"GET /r/{TOKEN}/qr.svg HTTP/1.1", "GET /r/[redacted]/qr.svg HTTP/1.1"),
        (f"https://jobs.example.org/r/{TOKEN}", "https://jobs.example.org/r/[redacted]"),
        (f"next=%2Fr%2F{TOKEN}%2Fedit", "next=%2Fr%2F[redacted]%2Fedit"),
        ("/fairs/3/register?lang=uk", "/fairs/3/register?lang=uk"),
        ("/r/", "/r/"),
    ],
)
def test_redact(text: str, expected: str) -> None:
    assert redact(text) == expected


def _request(path: str, query: str = "", referer: str = "-") -> tuple[object, object, dict]:
    raw_uri = f"{path}?{query}" if query else path
    environ = {
        "REQUEST_METHOD": "GET",
        "RAW_URI": raw_uri,
        "PATH_INFO": path,
        "QUERY_STRING": query,
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "192.0.2.7",
        "HTTP_REFERER": referer,
        "HTTP_USER_AGENT": "Mozilla/5.0",
    }
    request = SimpleNamespace(headers=[("REFERER", referer), ("USER-AGENT", "Mozilla/5.0")])
    response = SimpleNamespace(
        status="302 FOUND", sent=0, headers=[("Location", f"/r/{TOKEN}/edit")]
    )
    return response, request, environ


def test_access_log_atoms_are_redacted() -> None:
    logger = RedactingLogger(Config())
    response, request, environ = _request(
        f"/r/{TOKEN}/edit", query=f"next=/r/{TOKEN}", referer=f"https://jobs.example.org/r/{TOKEN}"
    )
    atoms = logger.atoms(response, request, environ, dt.timedelta(milliseconds=12))

    assert atoms["r"] == "GET /r/[redacted]/edit?next=/r/[redacted] HTTP/1.1"
    assert atoms["U"] == "/r/[redacted]/edit"
    assert atoms["q"] == "next=/r/[redacted]"
    assert atoms["f"] == "https://jobs.example.org/r/[redacted]"
    assert atoms["{referer}i"] == "https://jobs.example.org/r/[redacted]"
    assert atoms["{location}o"] == "/r/[redacted]/edit"
    assert atoms["{raw_uri}e"] == "/r/[redacted]/edit?next=/r/[redacted]"
    assert atoms["h"] == "192.0.2.7"
    assert all(TOKEN not in str(value) for value in atoms.values())


def test_access_log_line_has_no_token(caplog: pytest.LogCaptureFixture) -> None:
    config = Config()
    config.set("accesslog", "-")  # as config/gunicorn.conf.py does
    logger = RedactingLogger(config)
    logger.access_log.addHandler(caplog.handler)
    response, request, environ = _request(f"/r/{TOKEN}", referer=f"http://127.0.0.1/r/{TOKEN}")
    with caplog.at_level(logging.INFO, logger="gunicorn.access"):
        logger.access(response, request, environ, dt.timedelta(seconds=1))
    line = caplog.records[-1].getMessage()
    assert '"GET /r/[redacted] HTTP/1.1" 302' in line
    assert TOKEN not in line


def test_error_log_is_redacted(caplog: pytest.LogCaptureFixture) -> None:
    logger = RedactingLogger(Config())
    logger.error_log.addHandler(caplog.handler)
    with caplog.at_level(logging.ERROR, logger="gunicorn.error"):
        logger.error("Error handling request %s", f"/r/{TOKEN}/delete")
    assert caplog.records[-1].getMessage() == "Error handling request /r/[redacted]/delete"
