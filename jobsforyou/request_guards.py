"""Refuse malformed input early, so that no database ever sees it (and no 500 follows)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import chain
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
# Text no database can store: control characters, and lone UTF-16 surrogates (JSON "\ud800"),
# which cannot be encoded as UTF-8.
UNSTORABLE_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff]")


def is_storable(text: str) -> bool:
    """Whether a text has neither control characters nor lone surrogates."""
    return UNSTORABLE_CHARACTERS.search(text) is None


def _request_texts() -> Iterator[str]:
    """The path, every query and form value (repeated fields too) and every upload's file name."""
    values = chain.from_iterable(chain(request.args.listvalues(), request.form.listvalues()))
    names = (upload.filename or "" for upload in chain.from_iterable(request.files.listvalues()))
    return chain([request.path], values, names)


def refuse_control_characters() -> None:
    """A path, query or form text or a file name with control characters is malformed: 400."""
    if any(CONTROL_CHARACTERS.search(text) for text in _request_texts()):
        abort(400)


def register(app: Flask) -> None:
    """Install the URL converter and the request check."""
    app.url_map.converters["int"] = DatabaseIdConverter
    app.before_request(refuse_control_characters)
