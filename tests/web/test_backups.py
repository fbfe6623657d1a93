"""Backups on PostgreSQL: a `pg_dump` restores into a new database; a deleted seeker's row is gone
from the live database's pages after VACUUM (backups age out on their own schedule)."""

from __future__ import annotations

import os
import subprocess
import uuid
from pathlib import Path

import pytest
from flask import Flask
from sqlalchemy import create_engine, select, text
from sqlalchemy.engine import Connection, make_url

from jobsforyou.extensions import db
from jobsforyou.registration.models import Registration
from jobsforyou.registration.services import delete_registration
from tests.conftest import temporary_database
from tests.factories import make_fair, make_registration, system

pytestmark = pytest.mark.skipif(
    not os.environ.get("JOBSFORYOU_TEST_DATABASE_URL"),
    reason="backups with pg_dump: runs in the PostgreSQL pass of the suite",
)


def _libpq(url: str) -> str:
    """The URL as pg_dump and pg_restore take it (no SQLAlchemy driver name)."""
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def _in_heap_pages(connection: Connection, table: str, marker: bytes) -> bool:
    """Whether ``marker`` is in any tuple of the table's pages, live or dead (pageinspect)."""
    pages = connection.scalar(text(f"SELECT pg_relation_size('{table}') / 8192"))
    for page in range(int(pages or 0)):
        rows = connection.execute(text(
            f"SELECT t_data FROM heap_page_items(get_raw_page('{table}', {page}))"))
        if any(data is not None and marker in bytes(data) for (data,) in rows):
            return True
    return False


def test_a_dump_restores_and_a_deleted_seeker_leaves_no_row_after_vacuum(
    app: Flask, tmp_path: Path
) -> None:
    marker = f"Sicherungsprobe{uuid.uuid4().hex[:8]}"
    with app.app_context():
        seeker = make_registration(make_fair(), "Backup", marker)
        seeker_id = seeker.id
        live_url = str(db.engine.url.render_as_string(hide_password=False))
    dump = tmp_path / "jobsforyou.dump"
    subprocess.run(["pg_dump", "--format=custom", "--no-owner", "--file", str(dump),
                    "--dbname", _libpq(live_url)], check=True, capture_output=True)
    with temporary_database(tmp_path) as restored_url:
        subprocess.run(["pg_restore", "--no-owner", "--dbname", _libpq(restored_url), str(dump)],
                       check=True, capture_output=True)
        restored = create_engine(restored_url)
        with restored.connect() as connection:
            names = connection.scalars(text(
                "SELECT family_name FROM registrations WHERE family_name = :marker"),
                {"marker": marker}).all()
            head = connection.scalar(text("SELECT version_num FROM alembic_version"))
        restored.dispose()
    assert names == [marker]
    with app.app_context():
        assert head == db.session.scalar(text("SELECT version_num FROM alembic_version"))

    live = create_engine(live_url, isolation_level="AUTOCOMMIT")
    with live.connect() as connection:
        connection.execute(text("CREATE EXTENSION IF NOT EXISTS pageinspect"))
        assert _in_heap_pages(connection, "registrations", marker.encode())
    with app.test_request_context():
        delete_registration(db.session.scalars(system(
            select(Registration).where(Registration.id == seeker_id))).one())
        db.session.commit()
    with live.connect() as connection:
        connection.execute(text("VACUUM registrations"))
        assert not _in_heap_pages(connection, "registrations", marker.encode())
        connection.execute(text("DROP EXTENSION pageinspect"))
    live.dispose()
