"""`corroborate import --url`: NDJSON ingest payloads from a file sent to a running service.

(The direct import runs the file as an import job in-process: app/ingest/imports/service.py.)
Running the same file again (after a failure, say) changes nothing that already landed.
"""

from collections.abc import Callable
from collections.abc import Iterable
from collections.abc import Iterator
from dataclasses import dataclass
from dataclasses import field
from typing import BinaryIO

import httpx

from app.ingest.models import BatchLine
from app.ingest.models import BatchSummary
from app.ingest.models import summarise


@dataclass
class ImportSummary:
    """The lines sent so far: their totals, counted as POST /v1/ingest/batch counts a batch's,
    and the lines that failed."""

    totals: BatchSummary = field(default_factory=lambda: summarise([]))
    failures: list[BatchLine] = field(default_factory=list)

    def add(self, line: BatchLine) -> None:
        self.totals += summarise([line])
        if line.result is None:
            self.failures.append(line)


class ImportFailed(Exception):
    """The service refused a whole request (authentication, limits): nothing more can go."""


def _numbered(lines: Iterable[bytes], progress: Callable[[int], None]) -> Iterator[bytes]:
    for raw in lines:
        progress(len(raw))
        yield raw


def import_http(
    stream: BinaryIO,
    *,
    url: str,
    key: str | None,
    batch_lines: int,
    progress: Callable[[int], None],
    timeout: float = 300.0,
    transport: httpx.BaseTransport | None = None,
) -> Iterator[BatchLine]:
    """Send the lines in batches to a running service's POST /v1/ingest/batch."""
    headers = {"content-type": "application/x-ndjson"}
    if key:
        headers["authorization"] = f"Bearer {key}"
    endpoint = url.rstrip("/") + "/v1/ingest/batch"
    with httpx.Client(timeout=timeout, transport=transport) as client:
        first_line = 1
        while True:
            chunk = [raw for _, raw in zip(range(batch_lines), stream, strict=False)]
            if not chunk:
                return
            sent = len(chunk)
            if any(raw.strip() for raw in chunk):
                response = client.post(endpoint, content=b"".join(chunk), headers=headers)
                if response.status_code != 200:
                    raise ImportFailed(
                        f"{endpoint} answered {response.status_code} for lines "
                        f"{first_line}-{first_line + sent - 1}: {response.text[:500]}"
                    )
                for entry in response.json()["lines"]:
                    line = BatchLine.model_validate(entry)
                    line.line += first_line - 1
                    yield line
            progress(sum(len(raw) for raw in chunk))
            first_line += sent
