"""Uploaded files kept in the database between preview and import; API tokens of other systems."""

from __future__ import annotations

import datetime as dt
import secrets

from sqlalchemy import delete, select

from jobsforyou.extensions import db
from jobsforyou.imports.models import ApiToken, ImportUpload
from jobsforyou.regions.models import Region
from jobsforyou.scoping import SYSTEM, scoped
from jobsforyou.security import new_token, token_digest

UPLOAD_LIFETIME = dt.timedelta(days=1)
TOKEN_PREFIX = "jfy_"


class UnknownRegion(LookupError):
    """No county with this slug (or none loaded at all)."""


def import_region_id(user_region_id: int | None = None, slug: str | None = None) -> int:
    """The county an import goes to: by slug, the user's own, or the first county loaded."""
    query = select(Region.id)
    if slug:
        query = query.where(Region.slug == slug)
    elif user_region_id:
        return user_region_id
    region_id = db.session.scalar(query.order_by(Region.id).limit(1))
    if region_id is None:
        raise UnknownRegion(slug)
    return region_id


def store_upload(user_id: int, region_id: int, filename: str, content: bytes,
                 now: dt.datetime) -> ImportUpload:
    """Keep an uploaded file under a random id (and forget uploads older than a day)."""
    db.session.execute(delete(ImportUpload).where(ImportUpload.created_at < now - UPLOAD_LIFETIME))
    upload = ImportUpload(id=secrets.token_hex(16), user_id=user_id, region_id=region_id,
                          filename=filename[-200:], content=content, created_at=now)
    db.session.add(upload)
    db.session.flush()
    return upload


def delete_upload(upload: ImportUpload) -> None:
    """Forget an uploaded file (after its import, or when the user discards it)."""
    db.session.delete(upload)
    db.session.flush()


def create_api_token(region_id: int, name: str, created_by_id: int | None) -> tuple[ApiToken, str]:
    """A new token for another system; the secret is returned once and stored only as a digest."""
    secret = TOKEN_PREFIX + new_token()
    token = ApiToken(region_id=region_id, name=name.strip(), digest=token_digest(secret),
                     created_by_id=created_by_id)
    db.session.add(token)
    db.session.flush()
    return token, secret


def revoke_api_token(token: ApiToken, now: dt.datetime) -> None:
    """Stop a token from working (it stays listed as revoked)."""
    if token.revoked_at is None:
        token.revoked_at = now
    db.session.flush()


def token_for_secret(secret: str, now: dt.datetime) -> ApiToken | None:
    """The valid (not revoked) token for a bearer secret, noting when it was used."""
    if not secret.startswith(TOKEN_PREFIX) or len(secret) > 100:
        return None
    token = db.session.scalar(scoped(
        select(ApiToken).where(ApiToken.digest == token_digest(secret),
                               ApiToken.revoked_at.is_(None)),
        SYSTEM,
    ))
    if token is not None:
        token.last_used_at = now
        db.session.flush()
    return token
