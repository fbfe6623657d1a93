"""The audit log: who signed in (or failed to), who was refused access, and who viewed or
exported which job seeker's data — one JSON line per event on the logger ``jobsforyou.audit``.

Lines name users and registrations by id, never by name, token or password (and every log
line passes the redaction of personal links, see ``log_redaction``). Set ``AUDIT_LOG_FILE`` to
write them to a file of their own as well.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging

from flask import Flask, has_request_context
from flask_login import current_user

logger = logging.getLogger("jobsforyou.audit")


def _actor() -> dict[str, object]:
    if not has_request_context() or not current_user or not current_user.is_authenticated:
        return {"user": None, "role": "anonymous"}
    role = current_user.role
    return {"user": current_user.id, "role": str(getattr(role, "value", role))}


def record(event: str, **details: object) -> None:
    """Write one audit event (who is taken from the request; ``details`` name ids only)."""
    entry = {"at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"), "event": event,
             **_actor(), **details}
    logger.info(json.dumps(entry, ensure_ascii=False, sort_keys=True, default=str))


def record_refusal(status: int, path: str) -> None:
    """A failed access check of a signed-in user (anonymous 404s are only noise)."""
    if has_request_context() and current_user and current_user.is_authenticated:
        record("access_refused", status=status, path=path)


def address_digest(email: str) -> str:
    """A short digest of an e-mail address: failed sign-ins can be told apart, not read."""
    return hashlib.sha256(email.strip().casefold().encode()).hexdigest()[:16]


def register(app: Flask) -> None:
    """Audit events at INFO; also into AUDIT_LOG_FILE when it is set."""
    logger.setLevel(logging.INFO)
    path = app.config.get("AUDIT_LOG_FILE")
    if path and not any(getattr(h, "baseFilename", None) == str(path) for h in logger.handlers):
        handler = logging.FileHandler(path, encoding="utf-8")
        handler.setFormatter(logging.Formatter("%(message)s"))
        logger.addHandler(handler)
