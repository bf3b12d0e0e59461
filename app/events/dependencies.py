"""Loaders for subscription routes: a `write` key even to read one."""

from typing import Annotated

from fastapi import Depends
from fastapi import Path

from app.access.auth import PrincipalDep
from app.access.auth import require
from app.core.db import SessionDep
from app.core.types import MAX_ID
from app.events import service
from app.tables import Scope
from app.tables import Subscription


def require_writer(principal: PrincipalDep) -> None:
    """Subscriptions name private URLs and hold secrets: a `write` key even to read them."""
    require(principal, Scope.write)


WriterDep = Annotated[None, Depends(require_writer)]


def get_subscription(
    session: SessionDep,
    _writer: WriterDep,
    subscription_id: Annotated[int, Path(ge=1, le=MAX_ID)],
) -> Subscription:
    return service.get(session, subscription_id=subscription_id)


SubscriptionDep = Annotated[Subscription, Depends(get_subscription)]
