"""Keep job seekers' personal links out of every log line, whichever logger writes it.

A personal link (/r/<token>, /r/<token>/edit, …) is the only credential of a job seeker: whoever
reads it can see, change and delete their data. Flask ("Exception on /r/<token> [GET]"), werkzeug,
gunicorn and any library may log a request path, in the message, its arguments or an exception's
text. `install()` wraps the process's log record factory, so that every record — of every logger,
for every handler, present or added later — has the token replaced by "[redacted]" before any
handler or formatter sees it.

Phone numbers of job seekers are masked where the app logs them (jobsforyou/sms.py); as a
second line of defence, every international number (+49 176 1234567, +491761234567) in a log
line is replaced too.
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
# "+" and 8 to 15 digits, single spaces, dashes, dots or slashes between them (E.164 numbers as
# stored, and as typed); not a time-zone offset such as +01:00.
_PHONE_NUMBER = re.compile(r"(?<![\w+])\+\d(?:[ \-./]?\d){7,14}(?!\d)")
REDACTED_PHONE = "[redacted phone]"
_EXCEPTION_FORMATTER = logging.Formatter()


def redact(text: str) -> str:
    """Replace the token of every personal link in text by [redacted], and phone numbers."""
    if "+" in text:
        text = _PHONE_NUMBER.sub(REDACTED_PHONE, text)
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
