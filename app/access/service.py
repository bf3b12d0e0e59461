"""API key verbs. Keys are generated here, shown once, and stored only as a sha256 hash."""

import hashlib
import secrets
from datetime import datetime

from sqlalchemy import select
from sqlalchemy import update
from sqlmodel import Session

from app.access.models import ApiKeyCreate
from app.access.models import ApiKeyPublic
from app.core.columns import utcnow
from app.core.db import get_or_not_found
from app.core.pagination import Keyset
from app.core.pagination import Page
from app.core.pagination import PageParams
from app.tables import ApiKey

KEY_PREFIX = "cor_"
# 32 random bytes: 256 bits, printed as 43 url-safe base64 characters after the prefix.
KEY_BYTES = 32
SHOWN_PREFIX_LENGTH = len(KEY_PREFIX) + 8


def hash_key(secret: str) -> str:
    """The stored form of a key: hex sha256 of its text."""
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def to_public(key: ApiKey) -> ApiKeyPublic:
    """The key as listed: everything but the secret, which is not stored."""
    return ApiKeyPublic.model_validate(key, update={"scopes": sorted(key.scope_set)})


def create(session: Session, *, data: ApiKeyCreate) -> tuple[ApiKey, str]:
    """Create a key; returns the row and the secret, which is never available again."""
    secret = KEY_PREFIX + secrets.token_urlsafe(KEY_BYTES)
    key = ApiKey(
        name=data.name,
        scopes=" ".join(sorted(scope.value for scope in data.scopes)),
        prefix=secret[:SHOWN_PREFIX_LENGTH],
        key_hash=hash_key(secret),
    )
    session.add(key)
    session.flush()
    return key, secret


def get(session: Session, *, key_id: int) -> ApiKey:
    """The key with this id (revoked or not), or NotFound."""
    return get_or_not_found(session, ApiKey, key_id, what="API key")


def find_active(session: Session, *, secret: str) -> ApiKey | None:
    """The unrevoked key whose secret this is, if any."""
    return session.scalar(
        select(ApiKey).where(ApiKey.key_hash == hash_key(secret), ApiKey.revoked_at.is_(None))  # type: ignore[union-attr]
    )


def revoke(session: Session, *, key: ApiKey) -> ApiKey:
    """Revoke a key from now on; revoking it again changes nothing."""
    if key.revoked_at is None:
        key.revoked_at = utcnow()
        session.add(key)
        session.flush()
    return key


def touch(session: Session, *, key_id: int, at: datetime) -> None:
    """Record that the key was used at `at`."""
    session.execute(update(ApiKey).where(ApiKey.id == key_id).values(last_used_at=at))  # type: ignore[arg-type]


_CREATED = Keyset("keys", ((ApiKey.id, "asc"),), (int,))


def list_(
    session: Session, *, page: PageParams, include_revoked: bool = True
) -> Page[ApiKeyPublic]:
    """Keys in creation order (oldest first)."""
    query = select(ApiKey)
    if not include_revoked:
        query = query.where(ApiKey.revoked_at.is_(None))  # type: ignore[union-attr]
    rows = list(session.scalars(_CREATED.seek(query, page)))
    rows, cursor = _CREATED.page(rows, page.limit, lambda key: [key.id])
    return Page[ApiKeyPublic](
        items=[to_public(row) for row in rows],
        next_cursor=cursor,
    )
