"""What one ingest line writes besides its article and claims: the outlet it names (found or
created, also for credited outlets and exported decisions), and whether anything changed."""

from sqlalchemy import bindparam, select
from sqlmodel import Session

from app.core.errors import Conflict
from app.outlets import service as outlets_service
from app.outlets.models import OutletCreate
from app.tables import Outlet

# Built once: constructing a statement costs SQLAlchemy more than SQLite spends running it.
_OUTLET_BY_SLUG = select(Outlet).where(Outlet.slug == bindparam("slug"))
_OUTLET_BY_DOMAIN = select(Outlet).where(Outlet.domain == bindparam("domain"))


class Changes:
    """Whether the line wrote anything (a re-send writes nothing)."""

    def __init__(self) -> None:
        self.any = False


def outlet(session: Session, data: OutletCreate, changes: Changes) -> tuple[Outlet, bool]:
    """The outlet by slug (or domain), created when missing; True when created."""

    def find() -> Outlet | None:
        found = session.scalar(_OUTLET_BY_SLUG, {"slug": data.slug})
        if found is None and data.domain is not None:
            found = session.scalar(_OUTLET_BY_DOMAIN, {"domain": data.domain})
        return found

    existing = find()
    if existing is not None:
        return existing, False
    try:
        created = outlets_service.create(session, data=data)
    except Conflict:
        existing = find()  # a concurrent call created it first
        if existing is None:
            raise
        return existing, False
    changes.any = True
    return created, True
