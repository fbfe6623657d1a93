"""Every column of a seeker's tables says whether it is personal data (retention, export)."""

from __future__ import annotations

from sqlalchemy import JSON, Column, Date, ForeignKey, Integer, MetaData, String, Table, Text

import jobsforyou.models  # noqa: F401  (every model registers its table)
from jobsforyou.database import not_personal, personal
from jobsforyou.extensions import db
from jobsforyou.retention.columns import (
    foreign_keys_that_keep_rows,
    personal_columns,
    seeker_tables,
    undeclared_columns,
)


def test_every_column_of_the_seeker_tables_is_declared_personal_or_not() -> None:
    assert undeclared_columns(db.metadata) == []


def test_the_seeker_tables_are_found_through_their_foreign_keys() -> None:
    names = {table.name for table in seeker_tables(db.metadata)}
    assert {"registrations", "consents", "personal_links", "outcomes"} <= names
    assert not names & {"fairs", "employers", "users", "vacancies", "municipalities"}
    declared = {c.name for t in seeker_tables(db.metadata) for c in personal_columns(t)}
    assert {"given_name", "email", "note", "token_digest", "given_at"} <= declared


def test_rows_about_a_seeker_go_with_the_seeker() -> None:
    # a foreign key to a seeker table without ON DELETE CASCADE would keep a row (or block
    # the deletion) when delete_registration removes the registration
    assert foreign_keys_that_keep_rows(db.metadata) == []


def test_a_new_column_that_says_nothing_is_reported() -> None:
    metadata = MetaData()
    Table("registrations", metadata, Column("id", Integer, primary_key=True),
          Column("given_name", String(100), info=personal()),
          Column("status", String(20), info=not_personal()))
    Table("talk_slots", metadata, Column("id", Integer, primary_key=True),
          Column("registration_id", ForeignKey("registrations.id", ondelete="CASCADE")),
          Column("booked_for", Date), Column("remark", Text, info=personal()))
    Table("talk_answers", metadata, Column("id", Integer, primary_key=True),
          Column("slot_id", ForeignKey("talk_slots.id")), Column("answers", JSON))
    Table("fairs", metadata, Column("id", Integer, primary_key=True), Column("title", String(9)))
    assert undeclared_columns(metadata) == ["talk_slots.booked_for", "talk_answers.answers"]
    assert foreign_keys_that_keep_rows(metadata) == ["talk_answers.slot_id"]
