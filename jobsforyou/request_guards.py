"""Refuse malformed input early, so that no database ever sees it (and no 500 follows)."""

from __future__ import annotations

import re
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


# C0 control characters other than tab, line feed and carriage return: no person types them;
# PostgreSQL refuses NUL and spreadsheets refuse the others.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def refuse_control_characters() -> None:
    """Form or query text with control characters is malformed: answer 400 at once."""
    for values in (request.args, request.form):
        for value in values.values():
            if CONTROL_CHARACTERS.search(value):
                abort(400)


def register(app: Flask) -> None:
    """Install the URL converter and the request check."""
    app.url_map.converters["int"] = DatabaseIdConverter
    app.before_request(refuse_control_characters)
