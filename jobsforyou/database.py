"""Database helpers: engine settings per dialect and a row lock that works everywhere."""

from __future__ import annotations

from flask import Flask, current_app
from sqlalchemy import event, text
from sqlalchemy.engine import Engine

from jobsforyou.extensions import db


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


def lock_row(table_name: str, row_id: int) -> None:
    """Take the write lock on one row for the rest of the transaction, waiting a bounded time.

    A no-op UPDATE locks the row on PostgreSQL and takes the write lock on SQLite, so concurrent
    requests that decide on the same fair or booth are serialised on both databases.
    """
    bind: Engine = db.session.get_bind()  # type: ignore[assignment]
    if bind.dialect.name == "postgresql":
        seconds = int(current_app.config["LOCK_TIMEOUT_SECONDS"])
        db.session.execute(text(f"SET LOCAL lock_timeout = '{seconds}s'"))
    db.session.execute(text(f"UPDATE {table_name} SET id = id WHERE id = :id"), {"id": row_id})
