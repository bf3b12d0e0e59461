"""The claim list downloaded as CSV or NDJSON, streamed: every matching claim, never all in
memory.

The download walks the same list (app/claims/listing.py: filters, sorts, search, method) one
keyset page of EXPORT_BATCH claims at a time, inside one read transaction (REPEATABLE READ on
PostgreSQL, a WAL snapshot on SQLite), so the file is one consistent snapshot and memory stays
bounded by a page whatever the number of rows. Rows are the list's JSON-ready items.
"""

import csv
import io
from collections.abc import Iterable
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from itertools import chain
from typing import Any

import orjson
from sqlalchemy import Engine
from sqlmodel import Session

from app.claims import listing
from app.claims.listing import ClaimFilters
from app.claims.listing import ClaimSort
from app.claims.projection import ClaimJSON
from app.core.pagination import PageParams
from app.core.responses import json_bytes
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


def _csv_row(item: ClaimJSON) -> list[Any]:
    """A claim as the API shows it (JSON-ready) as one CSV row, in the order of COLUMNS."""
    counts = item["corroboration"]
    first = counts["first_reported"] or {}
    method = counts["method"]
    return [
        _cell(value)
        for value in (
            item["id"],
            item["text"],
            item["claimant"],
            item["claim_date"],
            counts["outlets"],
            counts["independent_origins"],
            counts["credited_origins"],
            counts["articles"],
            counts["disputing_outlets"],
            first.get("at"),
            first.get("outlet"),
            first.get("article_id"),
            counts["last_reported_at"],
            item["created_at"],
            item["updated_at"],
            ",".join(method["collapse"]),
            method["as_of"],
            method["as_of_basis"],
            method["version"],
        )
    ]


def _csv(rows: Iterable[list[Any]]) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    return buffer.getvalue().encode("utf-8")


def _ndjson(items: Iterable[ClaimJSON]) -> bytes:
    return b"".join(json_bytes(item) + b"\n" for item in items)


def _header(fmt: ExportFormat) -> bytes:
    if fmt is not ExportFormat.csv:
        return b""
    return (",".join(COLUMNS) + "\r\n").encode("utf-8")


@dataclass(frozen=True, slots=True)
class Download:
    """What to download: the claim list's filters, sort and counting method, in a format."""

    fmt: ExportFormat
    filters: ClaimFilters
    sort: ClaimSort | None
    method: CorroborationMethod | None
    max_claims: int  # how many claims a list under another method may count

    def page(self, session: Session, page: PageParams) -> tuple[bytes, str | None]:
        """One page of the list in the format (no header) and the cursor of the next."""
        filters, sort, method, cap = self.filters, self.sort, self.method, self.max_claims
        if method is None or corroboration_method.is_default(method):
            listed = listing.list_json(session.connection(), filters=filters, sort=sort, page=page)
            items, cursor = listed["items"], listed["next_cursor"]
            if self.fmt is ExportFormat.csv:  # the items are JSON text (`orjson.Fragment`)
                items = orjson.loads(json_bytes(items))
        else:
            counted = listing.list_(
                session, filters=filters, sort=sort, page=page, method=method, max_claims=cap
            )
            items = [item.model_dump(mode="json") for item in counted.items]
            cursor = counted.next_cursor
        csv_wanted = self.fmt is ExportFormat.csv
        return _csv(map(_csv_row, items)) if csv_wanted else _ndjson(items), cursor


def stream(engine: Engine, what: Download) -> Iterator[bytes]:
    """The whole download as chunks of bytes; bad parameters raise here, before the first
    byte."""
    chunks = _chunks(engine, what)
    first = next(chunks)  # runs the first page now: errors become a 4xx, not a cut stream
    return chain([first], chunks)


def page(engine: Engine, what: Download, page: PageParams) -> tuple[bytes, str | None]:
    """One page of the download (header included) and the cursor of the next, if any: what a
    client without a key gets, so one request never walks the whole list."""
    with Session(_snapshot(engine)) as session:
        body, cursor = what.page(session, page)
    return _header(what.fmt) + body, cursor


def _snapshot(engine: Engine) -> Engine:
    if engine.dialect.name == "postgresql":
        return engine.execution_options(isolation_level="REPEATABLE READ")
    return engine


def _chunks(engine: Engine, what: Download) -> Iterator[bytes]:
    with Session(_snapshot(engine)) as session:
        cursor: str | None = None
        header = _header(what.fmt)
        while True:
            body, cursor = what.page(session, PageParams(limit=EXPORT_BATCH, cursor=cursor))
            yield header + body
            header = b""
            if cursor is None:
                return
            session.expunge_all()  # keep the identity map from growing with every page
