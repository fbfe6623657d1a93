"""Database helpers: engine settings per dialect, shared column types, a row lock for everywhere."""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import asdict
from typing import Any

from flask import Flask, current_app
from sqlalchemy import Enum, event, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError

from jobsforyou import transactions
from jobsforyou.extensions import db


def utcnow() -> dt.datetime:
    """The current moment in UTC (the default of every timestamp column)."""
    return dt.datetime.now(dt.UTC)


def enum_type(enum_class: type[enum.Enum], length: int = 20) -> Enum:
    """A string column for a Python enum, storing its values (no native enum type to migrate)."""
    return Enum(enum_class, native_enum=False, length=length,
                values_callable=lambda members: [member.value for member in members])


def personal(*, exported: bool = True) -> dict[str, bool]:
    """Column info: the column holds personal data of a job seeker (deleted with the seeker).

    `exported=False` for what the seeker's own data export leaves out because it repeats an
    exported value in another form (a normalised phone number) or is a digest of a secret.
    `tests/unit/test_personal_columns.py` requires every column of the seeker's tables to say
    `info=personal()` or `info=not_personal()`.
    """
    return {"personal": True, "exported": exported}


def not_personal() -> dict[str, bool]:
    """Column info: the column says nothing about the person (a status code, a text version)."""
    return {"personal": False}


def copy_values(target: Any, values: Any) -> None:
    """Copy a dataclass's fields onto a model: texts trimmed, tuples stored as lists."""
    for key, value in asdict(values).items():
        if isinstance(value, tuple):
            value = list(value)
        elif isinstance(value, str) and not isinstance(value, enum.Enum):
            value = value.strip()
        setattr(target, key, value)


def configure_engine_events(app: Flask) -> None:
    """Per-dialect connection settings (SQLite: foreign keys and a busy timeout)."""
    with app.app_context():
        engine = db.engine
    if engine.dialect.name == "sqlite":
        timeout_ms = int(app.config["LOCK_TIMEOUT_SECONDS"] * 1000)

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_connection, _record):  # type: ignore[no-untyped-def]
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute(f"PRAGMA busy_timeout={timeout_ms}")
            cursor.close()


class RowLocked(Exception):
    """Another transaction held the row's lock for longer than LOCK_TIMEOUT_SECONDS."""


def lock_row(table_name: str, row_id: int) -> None:
    """Take the write lock on one row for the rest of the transaction, waiting a bounded time.

    A no-op UPDATE locks the row on PostgreSQL and takes the write lock on SQLite, so concurrent
    requests that decide on the same fair or booth are serialised on both databases. Services
    take their locks before they change anything: when the wait runs out, the transaction (which
    the database has aborted) is rolled back and RowLocked raised, and the caller can still
    render its page.
    """
    bind: Engine = db.session.get_bind()  # type: ignore[assignment]
    try:
        if bind.dialect.name == "postgresql":
            seconds = int(current_app.config["LOCK_TIMEOUT_SECONDS"])
            db.session.execute(text(f"SET LOCAL lock_timeout = '{seconds}s'"))
        db.session.execute(text(f"UPDATE {table_name} SET id = id WHERE id = :id"), {"id": row_id})
    except OperationalError as error:
        transactions.rollback()
        raise RowLocked(f"{table_name} {row_id}") from error
