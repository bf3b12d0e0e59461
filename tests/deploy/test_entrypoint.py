"""The image's entry point: migrate, then run the command; replicas can skip the migration."""

import os
import subprocess
from pathlib import Path

import pytest

ENTRYPOINT = Path(__file__).resolve().parents[2] / "deploy" / "docker-entrypoint.sh"


@pytest.fixture
def fake_bin(tmp_path: Path) -> Path:
    """A `corroborate` on PATH that records each call instead of touching a database."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    fake = bin_dir / "corroborate"
    fake.write_text(f'#!/bin/sh\necho "corroborate $*" >> "{tmp_path}/calls"\n')
    fake.chmod(0o755)
    return bin_dir


def run(fake_bin: Path, *command: str, **env: str) -> tuple[subprocess.CompletedProcess[str], str]:
    environment = {"PATH": f"{fake_bin}:{os.environ['PATH']}", **env}
    result = subprocess.run(
        ["sh", str(ENTRYPOINT), *command], env=environment, capture_output=True, text=True
    )
    calls = fake_bin.parent / "calls"
    return result, calls.read_text() if calls.exists() else ""


def test_migrates_then_runs_the_command(fake_bin: Path) -> None:
    result, calls = run(fake_bin, "corroborate", "serve")
    assert result.returncode == 0, result.stderr
    assert calls == "corroborate migrate\ncorroborate serve\n"


@pytest.mark.parametrize("value", ["false", "0", "no"])
def test_replicas_skip_the_migration(fake_bin: Path, value: str) -> None:
    result, calls = run(fake_bin, "corroborate", "serve", CLAIMS_MIGRATE_ON_START=value)
    assert result.returncode == 0, result.stderr
    assert calls == "corroborate serve\n"


def test_a_failed_migration_stops_the_start(fake_bin: Path) -> None:
    (fake_bin / "corroborate").write_text('#!/bin/sh\n[ "$1" = migrate ] && exit 3\nexit 0\n')
    result, _ = run(fake_bin, "corroborate", "serve")
    assert result.returncode == 3


def test_an_unknown_switch_value_is_refused(fake_bin: Path) -> None:
    result, calls = run(fake_bin, "corroborate", "serve", CLAIMS_MIGRATE_ON_START="maybe")
    assert result.returncode == 64
    assert "CLAIMS_MIGRATE_ON_START must be true or false, not 'maybe'" in result.stderr
    assert calls == ""
