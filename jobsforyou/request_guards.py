"""Refuse malformed input early, so that no database ever sees it (and no 500 follows)."""

from __future__ import annotations

from typing import Any

from flask import Flask, abort, request
from werkzeug.routing import IntegerConverter, Map

# Ids are 32-bit integers in every database we support; a larger number in a URL is simply 404.
MAX_DATABASE_ID = 2**31 - 1


class DatabaseIdConverter(IntegerConverter):
    """`<int:...>` in URLs: a non-negative integer that fits a database id column."""

    def __init__(self, url_map: Map, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("max", MAX_DATABASE_ID)
        super().__init__(url_map, *args, **kwargs)


def refuse_nul_bytes() -> None:
    """Text with NUL characters cannot be stored (PostgreSQL refuses it): answer 400 at once."""
    for values in (request.args, request.form):
        for value in values.values():
            if "\x00" in value:
                abort(400)


def register(app: Flask) -> None:
    """Install the URL converter and the request check."""
    app.url_map.converters["int"] = DatabaseIdConverter
    app.before_request(refuse_nul_bytes)
