"""What one ingest line writes besides its article and claims: the outlet it names (found or
created, also for credited outlets and exported decisions), and whether anything changed."""

from sqlalchemy import bindparam
from sqlalchemy import select
from sqlmodel import Session

from app.core.errors import Conflict
from app.outlets import service as outlets_service
from app.outlets.models import OutletCreate
from app.tables import Outlet

# Built once: constructing a statement costs SQLAlchemy more than SQLite spends running it.
# FOR KEY SHARE (PostgreSQL; SQLite renders nothing and runs one writer at a time): the outlet
# found stays, with its slug, until this transaction ends. The line goes on to write rows that
# reference it (its article, found again by slug; a credited origin), and a cascade delete of
# the outlet (FOR UPDATE, app/outlets/service.py) that committed in between made that second
# look-up miss: a 422 `unknown_reference` for a payload that names the outlet in full. Now the
# delete waits for the line, or the line waits for the delete and then finds no outlet and
# creates it anew: one of the two serial orders. The article's foreign key check takes the
# same lock anyway, so a line that writes an article pays nothing more for it.
_OUTLET_BY_SLUG = (
    select(Outlet)
    .where(Outlet.slug == bindparam("slug"))
    .with_for_update(read=True, key_share=True)
)
_OUTLET_BY_DOMAIN = (
    select(Outlet)
    .where(Outlet.domain == bindparam("domain"))
    .with_for_update(read=True, key_share=True)
)


class Changes:
    """Whether the line wrote anything (a re-send writes nothing), and whether it holds its
    stored article's tree already (then it need not be held again)."""

    def __init__(self) -> None:
        self.any = False
        self.tree_held = False


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
