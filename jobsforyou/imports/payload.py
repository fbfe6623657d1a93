"""Checks on the raw JSON body of the API, before the (recursive) JSON parser sees it."""

from __future__ import annotations

import re

# A JSON string, or an unterminated one up to the end (so that the scan stays linear).
JSON_STRING = re.compile(rb'"(?:[^"\\]+|\\.)*+(?:"|\\?\Z)', re.DOTALL)
# Every bracket as "[" or "]" (the parser nests on objects and lists alike); the rest deleted.
AS_BRACKETS = bytes.maketrans(b"{}", b"[]")
NOT_BRACKETS = bytes(byte for byte in range(256) if byte not in b"[]{}")


def nested_within(body: bytes, limit: int) -> bool:
    """Whether a JSON text's brackets are balanced and nested at most `limit` deep.

    Strings are taken out first; then each pass removes the innermost pairs, one level a pass.
    Nothing recurses, and a body of only opening brackets is refused at once.
    """
    brackets = JSON_STRING.sub(b"", body).translate(AS_BRACKETS, NOT_BRACKETS)
    if b"[" * (limit + 1) in brackets:
        return False
    for _level in range(limit):
        if not brackets:
            return True
        brackets = brackets.replace(b"[]", b"")
    return not brackets
