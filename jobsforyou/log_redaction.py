"""Keep job seekers' personal links out of every log line, whichever logger writes it.

A personal link (/r/<token>, /r/<token>/edit, …) is the only credential of a job seeker: whoever
reads it can see, change and delete their data. Flask ("Exception on /r/<token> [GET]"), werkzeug,
gunicorn and any library may log a request path, in the message, its arguments or an exception's
text. `install()` wraps the process's log record factory, so that every record — of every logger,
for every handler, present or added later — has the token replaced by "[redacted]" before any
handler or formatter sees it.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from typing import Any

REDACTED = "[redacted]"
# "/r/" followed by the token, up to the next "/", "?" or white space; also percent-encoded
# ("%2Fr%2F<token>") as it appears inside query strings such as ?next=%2Fr%2F….
_PERSONAL_LINK = re.compile(r"/r/[^/?\s'\"<>]+")
_ENCODED_PERSONAL_LINK = re.compile(r"%2Fr%2F[^/?\s%&'\"<>]+", re.IGNORECASE)
_EXCEPTION_FORMATTER = logging.Formatter()


def redact(text: str) -> str:
    """Replace the token of every personal link in text by [redacted]."""
    if "/r/" in text:
        text = _PERSONAL_LINK.sub(f"/r/{REDACTED}", text)
    if "%2f" in text.lower():
        text = _ENCODED_PERSONAL_LINK.sub(lambda match: match.group(0)[:7] + REDACTED, text)
    return text


def redact_record(record: logging.LogRecord) -> logging.LogRecord:
    """Redact a record's message (with its arguments), exception text and stack in place."""
    try:
        message = record.getMessage()
    except Exception:  # a malformed call: logging reports it when the record is emitted
        return record
    redacted = redact(message)
    if redacted != message:
        record.msg, record.args = redacted, None
    if record.exc_info and not record.exc_text:
        # Formatters reuse exc_text when it is set: the traceback is formatted once, redacted.
        record.exc_text = _EXCEPTION_FORMATTER.formatException(record.exc_info)
    if record.exc_text:
        record.exc_text = redact(record.exc_text)
    if record.stack_info:
        record.stack_info = redact(record.stack_info)
    return record


def install() -> None:
    """Redact every log record of this process from now on (idempotent)."""
    factory = logging.getLogRecordFactory()
    if getattr(factory, "redacts_personal_links", False):
        return

    def redacting_factory(*args: Any, **kwargs: Any) -> logging.LogRecord:
        return redact_record(factory(*args, **kwargs))

    marked: Callable[..., logging.LogRecord] = redacting_factory
    marked.redacts_personal_links = True  # type: ignore[attr-defined]
    logging.setLogRecordFactory(marked)
