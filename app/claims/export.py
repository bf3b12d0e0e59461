"""The claim list as CSV or NDJSON, streamed: every matching claim, never all in memory.

The export walks the same list (`service.list_`: filters, sorts, search, method) one keyset page
of EXPORT_BATCH claims at a time, inside one read transaction (REPEATABLE READ on PostgreSQL,
a WAL snapshot on SQLite), so the file is one consistent snapshot and memory stays bounded by a
page whatever the number of rows.
"""

import csv
import io
from collections.abc import Iterable, Iterator
from datetime import datetime
from enum import StrEnum
from itertools import chain
from typing import Any

from sqlalchemy import Engine
from sqlmodel import Session

from app.claims import service
from app.claims.models import ClaimPublic
from app.claims.service import ClaimFilters, ClaimSort
from app.core.pagination import PageParams
from app.corroboration import method as corroboration_method
from app.corroboration.models import CorroborationMethod

EXPORT_BATCH = 1000


class ExportFormat(StrEnum):
    json = "json"
    csv = "csv"
    ndjson = "ndjson"


MEDIA_TYPES = {
    ExportFormat.json: "application/json",
    ExportFormat.csv: "text/csv",
    ExportFormat.ndjson: "application/x-ndjson",
}

COLUMNS = [
    "id",
    "text",
    "claimant",
    "claim_date",
    "outlets",
    "independent_origins",
    "credited_origins",
    "articles",
    "disputing_outlets",
    "first_reported_at",
    "first_reported_outlet",
    "first_reported_article_id",
    "last_reported_at",
    "created_at",
    "updated_at",
    "method_collapse",
    "method_as_of",
    "method_as_of_basis",
    "method_version",
]

# Cells a spreadsheet would run as a formula (CSV injection): prefixed with an apostrophe.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def negotiate(requested: ExportFormat | None, accept: str | None) -> ExportFormat:
    """`format=` wins; otherwise the most preferred of the Accept header's media types we
    serve (JSON when none is, or for */*)."""
    if requested is not None:
        return requested
    best: tuple[float, int, ExportFormat] | None = None
    for position, part in enumerate((accept or "").split(",")):
        media, _, params = part.strip().partition(";")
        quality = 1.0
        for param in params.split(";"):
            name, _, value = param.strip().partition("=")
            if name == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        media = media.strip().lower()
        served = {v: k for k, v in MEDIA_TYPES.items()}.get(media)
        if media in ("*/*", "application/*"):
            served = ExportFormat.json
        if served is None or quality <= 0:
            continue
        candidate = (-quality, position, served)
        if best is None or candidate < best:
            best = candidate
    return best[2] if best else ExportFormat.json


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, str):
        return f"'{value}" if value.startswith(_FORMULA_START) else value
    if isinstance(value, datetime):
        return value.isoformat().replace("+00:00", "Z")
    return value if isinstance(value, int) else value.isoformat()


def _csv_row(item: ClaimPublic) -> list[Any]:
    counts = item.corroboration
    first = counts.first_reported
    method = counts.method
    return [
        _cell(value)
        for value in (
            item.id,
            item.text,
            item.claimant,
            item.claim_date,
            counts.outlets,
            counts.independent_origins,
            counts.credited_origins,
            counts.articles,
            counts.disputing_outlets,
            first.at if first else None,
            first.outlet if first else None,
            first.article_id if first else None,
            counts.last_reported_at,
            item.created_at,
            item.updated_at,
            ",".join(method.collapse),
            method.as_of,
            method.as_of_basis.value,
            method.version,
        )
    ]


_DEFAULT_METHOD_CELLS = ["syndicates,cites", "", "published", CorroborationMethod().version]


def _stored_csv_row(row: Any) -> list[Any]:
    """The same row straight from a stored-counter list row, without building API models."""
    claim, slug, _name = row
    reported = claim.first_reported_at is not None and slug is not None
    return [
        _cell(value)
        for value in (
            claim.id,
            claim.text,
            claim.claimant,
            claim.claim_date,
            claim.outlets_count,
            claim.origins_count,
            claim.credited_origins_count,
            claim.articles_count,
            claim.disputing_outlets_count,
            claim.first_reported_at if reported else None,
            slug if reported else None,
            claim.first_reported_article_id if reported else None,
            claim.last_reported_at,
            claim.created_at,
            claim.updated_at,
        )
    ] + _DEFAULT_METHOD_CELLS


def _csv(rows: Iterable[list[Any]]) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    return buffer.getvalue().encode("utf-8")


def _ndjson(items: Iterable[ClaimPublic]) -> bytes:
    return b"".join(item.model_dump_json().encode("utf-8") + b"\n" for item in items)


def _header(fmt: ExportFormat) -> bytes:
    if fmt is not ExportFormat.csv:
        return b""
    return (",".join(COLUMNS) + "\r\n").encode("utf-8")


def stream(
    engine: Engine,
    *,
    fmt: ExportFormat,
    filters: ClaimFilters,
    sort: ClaimSort | None,
    method: CorroborationMethod | None,
    max_claims: int,
) -> Iterator[bytes]:
    """The export as chunks of bytes; bad parameters raise here, before the first byte."""
    chunks = _chunks(
        engine, fmt=fmt, filters=filters, sort=sort, method=method, max_claims=max_claims
    )
    first = next(chunks)  # runs the first page now: errors become a 4xx, not a cut stream
    return chain([first], chunks)


def page(
    engine: Engine,
    *,
    fmt: ExportFormat,
    filters: ClaimFilters,
    sort: ClaimSort | None,
    method: CorroborationMethod | None,
    max_claims: int,
    page: PageParams,
) -> tuple[bytes, str | None]:
    """One page of the export (header included) and the cursor of the next, if any: what a
    client without a key gets, so one request never walks the whole list."""
    with Session(_snapshot(engine)) as session:
        body, cursor = _page(
            session,
            fmt=fmt,
            filters=filters,
            sort=sort,
            method=method,
            max_claims=max_claims,
            page=page,
        )
    return _header(fmt) + body, cursor


def _snapshot(engine: Engine) -> Engine:
    if engine.dialect.name == "postgresql":
        return engine.execution_options(isolation_level="REPEATABLE READ")
    return engine


def _page(
    session: Session,
    *,
    fmt: ExportFormat,
    filters: ClaimFilters,
    sort: ClaimSort | None,
    method: CorroborationMethod | None,
    max_claims: int,
    page: PageParams,
) -> tuple[bytes, str | None]:
    if method is None or corroboration_method.is_default(method):
        rows, cursor = service.page_rows(session, filters=filters, sort=sort, page=page)
        if fmt is ExportFormat.csv:
            return _csv(_stored_csv_row(row) for row in rows), cursor
        return _ndjson(service.to_public(row) for row in rows), cursor
    listed = service.list_(
        session, filters=filters, sort=sort, page=page, method=method, max_claims=max_claims
    )
    items = listed.items
    body = _csv(map(_csv_row, items)) if fmt is ExportFormat.csv else _ndjson(items)
    return body, listed.next_cursor


def _chunks(
    engine: Engine,
    *,
    fmt: ExportFormat,
    filters: ClaimFilters,
    sort: ClaimSort | None,
    method: CorroborationMethod | None,
    max_claims: int,
) -> Iterator[bytes]:
    with Session(_snapshot(engine)) as session:
        cursor: str | None = None
        header = _header(fmt)
        while True:
            body, cursor = _page(
                session,
                fmt=fmt,
                filters=filters,
                sort=sort,
                method=method,
                max_claims=max_claims,
                page=PageParams(limit=EXPORT_BATCH, cursor=cursor),
            )
            yield header + body
            header = b""
            if cursor is None:
                return
            session.expunge_all()  # keep the identity map from growing with every page
