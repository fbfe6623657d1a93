"""On-disk cache of the built vocabulary indexes, so a CLI run does not rebuild them.

The key is a SHA-256 over the data files' names and bytes and over the source of the modules
that shape the index (normalisation, titles, n-grams), so any change rebuilds. The cache lives
in a directory only the user can write (mode 0700); entries are pickles written by this code.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

_PACKAGE = Path(__file__).resolve().parent
_INDEX_SOURCES = (
    "normalise.py", "transliterate.py", "german_titles.py", "ngrams.py", "text_index.py",
    "vocabulary.py", "vocabulary_cache.py",
)  # fmt: skip


def default_cache_dir() -> Path:
    """``~/.cache/jobsforyou-matching`` (the XDG default location)."""
    return Path.home() / ".cache" / "jobsforyou-matching"


def _source_digest() -> bytes:
    digest = hashlib.sha256()
    for name in _INDEX_SOURCES:
        digest.update(name.encode())
        digest.update((_PACKAGE / name).read_bytes())
    return digest.digest()


# Taken when the package is imported, so that it describes the code this process runs even if
# the files change on disk later (a process never writes its objects under a newer code's key).
_SOURCE_DIGEST = _source_digest()


def cache_key(files: list[Path]) -> str:
    """Digest of the data files and of the index-building source code as imported."""
    digest = hashlib.sha256(_SOURCE_DIGEST)
    for path in files:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:32]


def cached_build(cache_dir: Path, files: list[Path], build: Callable[[], T]) -> T:
    """``build()``'s result, from the cache if present for these files, else built and stored.
    Any problem with the cache falls back to building."""
    try:
        path = cache_dir / f"vocabulary-{cache_key(files)}.pickle"
        if path.is_file() and path.stat().st_uid == os.getuid():
            with path.open("rb") as cached:
                return pickle.load(cached)  # type: ignore[no-any-return]
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        pass
    value = build()
    try:
        cache_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
        for old in cache_dir.glob("vocabulary-*.pickle"):
            old.unlink(missing_ok=True)
        with tempfile.NamedTemporaryFile(dir=cache_dir, delete=False, suffix=".tmp") as handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(handle.name, path)
    except OSError:
        pass
    return value
