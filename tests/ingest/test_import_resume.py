"""`corroborate import` killed mid-run (SIGKILL) then resumed gives the database an
uninterrupted run gives; every line is fully in or out at any moment."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import Engine
from sqlalchemy import text

from app.core.unit_of_work import transaction
from app.corroboration import counters
from tests.ingest.bulk_support import dump
from tests.ingest.bulk_support import random_lines
from tests.ingest.test_bulk_engine import _wipe


def _command(
    database_url: str, *args: str, matcher: str = "lexical"
) -> tuple[list[str], dict[str, str]]:
    env = {**os.environ, "CLAIMS_DATABASE_URL": database_url, "CLAIMS_MATCHER": matcher}
    return [sys.executable, "-c", "from app.cli import main; main()", "import", *args], env


def _job(engine: Engine) -> tuple[int, str] | None:
    with engine.connect() as connection:
        row = connection.execute(
            text("SELECT lines_done, state FROM import_job ORDER BY id DESC LIMIT 1")
        ).first()
    return None if row is None else (row[0], row[1])


def stopped_id(engine: Engine) -> int:
    with engine.connect() as connection:
        return int(connection.execute(text("SELECT max(id) FROM import_job")).scalar_one())


# hybrid, the default: its candidates also come from the approximate vector index, which the
# resumed process rebuilds from the table (tests/matching/test_vectors.py)
@pytest.mark.parametrize("matcher", ["lexical", "hybrid"])
def test_kill_9_mid_import_then_resume_equals_an_uninterrupted_run(
    engine: Engine, database_url: str, tmp_path: Path, matcher: str
) -> None:
    source = tmp_path / "archive.ndjson"
    source.write_text("\n".join(random_lines(21, 900)) + "\n", encoding="utf-8")

    _wipe(engine)
    command, env = _command(database_url, str(source), "--chunk-lines", "5", matcher=matcher)
    subprocess.run(command, env=env, capture_output=True, timeout=600)
    expected = dump(engine)

    _wipe(engine)
    process = subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        job = _job(engine)
        if job is not None and job[0] >= 100:
            break
        time.sleep(0.05)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    stopped = _job(engine)
    assert stopped is not None
    assert stopped[1] == "running", stopped  # killed mid-run
    assert stopped[0] < 900
    with transaction(engine, write=False) as session:  # what committed is whole and counted
        assert counters.stale_claim_ids(session) == []

    command, env = _command(
        database_url, str(source), "--resume", "--chunk-lines", "5", matcher=matcher
    )
    resumed = subprocess.run(command, env=env, capture_output=True, text=True, timeout=600)
    output = resumed.stdout + resumed.stderr
    assert f"resuming import {stopped_id(engine)} at line {stopped[0] + 1}" in output, output
    assert dump(engine) == expected
    with transaction(engine, write=False) as session:
        assert counters.stale_claim_ids(session) == []
    assert _job(engine)[1] == "done"
