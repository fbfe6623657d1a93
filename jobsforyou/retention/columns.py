"""Which tables hold a seeker's data, and which of their columns are personal data.

A seeker's tables are `registrations` and every table whose rows hang on a registration
through foreign keys (directly or through another such table). Each of their columns says
`info=database.personal()` or `info=database.not_personal()`; keys need not (the row goes
with the person). `tests/unit/test_personal_columns.py` fails on a column that says neither.
"""

from __future__ import annotations

from sqlalchemy import Column, MetaData, Table

SEEKER_ROOT_TABLE = "registrations"


def seeker_tables(metadata: MetaData) -> list[Table]:
    """`registrations` and the tables that refer to it (through any chain of foreign keys)."""
    found = {SEEKER_ROOT_TABLE}
    grew = True
    while grew:
        grew = False
        for table in metadata.sorted_tables:
            if table.name in found:
                continue
            if any(key.column.table.name in found for key in table.foreign_keys):
                found.add(table.name)
                grew = True
    return [table for table in metadata.sorted_tables if table.name in found]


def is_key(column: Column) -> bool:  # type: ignore[type-arg]
    """A primary or foreign key column (it identifies rows; it needs no declaration)."""
    return bool(column.primary_key or column.foreign_keys)


def personal_columns(table: Table) -> list[Column]:  # type: ignore[type-arg]
    """The columns of a seeker table declared as personal data."""
    return [column for column in table.columns if column.info.get("personal") is True]


def undeclared_columns(metadata: MetaData) -> list[str]:
    """"table.column" of every non-key column of a seeker table that says nothing."""
    return [
        f"{table.name}.{column.name}"
        for table in seeker_tables(metadata)
        for column in table.columns
        if not is_key(column) and column.info.get("personal") not in (True, False)
    ]


def foreign_keys_that_keep_rows(metadata: MetaData) -> list[str]:
    """Foreign keys to a seeker table that would leave a row behind when the seeker goes."""
    tables = {table.name for table in seeker_tables(metadata)}
    return [
        f"{key.parent.table.name}.{key.parent.name}"
        for table in metadata.sorted_tables
        for key in table.foreign_keys
        if key.column.table.name in tables and (key.ondelete or "").upper() != "CASCADE"
    ]
