"""`corroborate keys`: create (shown once), list and revoke API keys."""

from datetime import datetime
from typing import TYPE_CHECKING
from typing import Annotated
from typing import TypeVar

import typer
from rich.console import Console

from app.core.config import get_settings

if TYPE_CHECKING:
    from collections.abc import Callable

    from sqlalchemy import Engine
    from sqlmodel import Session

keys_cli = typer.Typer(help="API keys: create (shown once), list, revoke.", no_args_is_help=True)
console = Console(stderr=True, soft_wrap=True)
T = TypeVar("T")


@keys_cli.command("create")
def keys_create(
    name: Annotated[str, typer.Option(help="Who or what uses the key, e.g. scraper.")],
    scope: Annotated[
        list[str],
        typer.Option(help="read, write or admin; repeat for several (any key may read)."),
    ],
) -> None:
    """Create an API key and print it (on stdout) — the only time it is shown."""
    from pydantic import ValidationError

    from app.access import service as keys_service
    from app.access.models import ApiKeyCreate

    try:
        data = ApiKeyCreate.model_validate({"name": name, "scopes": scope})
    except ValidationError as error:
        problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in error.errors())
        console.print(f"invalid key: {problems}")
        raise typer.Exit(2) from error
    engine = _maintenance_engine()
    key, secret = _write(engine, lambda session: keys_service.create(session, data=data))
    engine.dispose()
    console.print(
        f"created key {key.id} {key.name!r} with scopes {key.scopes!r}; "
        "store it now, it cannot be shown again:",
        highlight=False,
    )
    typer.echo(secret)


@keys_cli.command("list")
def keys_list(
    all_keys: Annotated[bool, typer.Option("--all", help="Include revoked keys.")] = False,
) -> None:
    """List keys: id, name, scopes, prefix, created, last used, revoked. Never the keys."""
    from rich.table import Table

    from app.access import service as keys_service
    from app.core.pagination import MAX_LIMIT
    from app.core.pagination import PageParams
    from app.core.unit_of_work import transaction

    table = Table("id", "name", "scopes", "prefix", "created", "last used", "revoked")
    engine = _maintenance_engine()
    cursor = None
    with transaction(engine, write=False) as session:
        while True:
            page = keys_service.list_(
                session,
                page=PageParams(limit=MAX_LIMIT, cursor=cursor),
                include_revoked=all_keys,
            )
            for key in page.items:
                table.add_row(
                    str(key.id),
                    key.name,
                    " ".join(key.scopes),
                    key.prefix + "…",
                    _when(key.created_at),
                    _when(key.last_used_at),
                    _when(key.revoked_at),
                )
            cursor = page.next_cursor
            if cursor is None:
                break
    engine.dispose()
    Console().print(table)


@keys_cli.command("revoke")
def keys_revoke(
    key_id: Annotated[int, typer.Argument(help="The key's id (see keys list).")],
) -> None:
    """Revoke a key. Running servers stop accepting it within CLAIMS_KEY_CACHE_SECONDS."""
    from app.access import service as keys_service
    from app.core.errors import NotFound

    engine = _maintenance_engine()
    try:
        key = _write(
            engine,
            lambda session: keys_service.revoke(
                session, key=keys_service.get(session, key_id=key_id)
            ),
        )
    except NotFound as error:
        console.print(error.message)
        raise typer.Exit(1) from error
    finally:
        engine.dispose()
    console.print(f"revoked key {key.id} {key.name!r}", highlight=False)


def _when(value: object) -> str:
    return value.strftime("%Y-%m-%d %H:%M:%SZ") if isinstance(value, datetime) else "-"


def _maintenance_engine() -> "Engine":
    from app.core.engine import create_db_engine

    return create_db_engine(get_settings(), statement_timeout_ms=0)


def _write(engine: "Engine", work: "Callable[[Session], T]") -> "T":
    """`work` in its own write transaction under the retry policy (app/core/unit_of_work.py)."""
    from app.core.unit_of_work import run_transaction

    return run_transaction(engine, work, attempts=get_settings().db_retry_attempts)
