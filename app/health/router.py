"""Liveness probe."""

from fastapi import APIRouter
from pydantic import BaseModel

router = APIRouter(tags=["health"])


class Health(BaseModel):
    status: str


@router.get("/healthz", name="live", response_model=Health)
def healthz() -> Health:
    """The process is up and serving requests."""
    return Health(status="ok")
