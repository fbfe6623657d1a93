"""Small security primitives shared by features: tokens and redirect targets."""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from urllib.parse import urlsplit

TOKEN_BYTES = 24  # 192 bits


def new_token() -> str:
    """A URL-safe random secret of 192 bits."""
    return secrets.token_urlsafe(TOKEN_BYTES)


def token_digest(token: str) -> str:
    """The SHA-256 hex digest under which a secret token is stored (the token itself never is)."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def keyed_token(key: str, message: str) -> str:
    """A URL-safe secret of 192 bits derived from a message with a server key (HMAC-SHA256).

    The same message always gives the same token, so a resent form finds what it made before;
    without the key the token cannot be computed from the message.
    """
    mac = hmac.new(key.encode("utf-8"), message.encode("utf-8"), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(mac[:TOKEN_BYTES]).decode("ascii")


def safe_next_url(target: str | None) -> str | None:
    """Return target if it is a local path on this site, else None (no open redirects)."""
    if not target:
        return None
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return None
    return target
