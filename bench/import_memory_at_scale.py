"""An import's peak memory once the database is large: a tail imported into a big base.

    .venv/bin/python bench/import_memory_at_scale.py --workdir DIR --size L --tail 9486 \
        --matchers hybrid,lexical

Issue 13 asks that an import of a 1M-line archive stay under 500 MB RSS. With the hybrid matcher
the part of a process that grows with the database is its vector index (every live claim's
vector, app/matching/vectors.py); the lexical caches are bounded LRUs. Importing a whole archive
through the engine to find its last minutes' memory would take many hours with the hybrid
matcher on a 2-core machine, so this builds the state the last chunk of such an import meets:

1. `bench/ingest_floor.py` writes the whole dataset as NDJSON (`--size`, news vocabulary), and
   again stopping `--tail` lines short of it: the second run's floor database (plain
   `executemany` of those lines' outlets, articles, links, claims and attributions, the full-text
   index filled by its triggers) is the base. Every generated claim is its own row there: no
   matching merged any, so the base holds more claims, and more vectors, than an engine import
   of the same lines would (an upper bound on what the index holds).
2. `corroborate recount` sets the base's counters; `claim_embedding` gets a vector for every
   claim (`bench/claim_corpus.store_embeddings`: the first `--embedded` claims embedded by the
   default model, the others derived from them with noise, as bench/matching.py does).
3. `--pad-to N` (optional) adds claims to a copy of the base until it holds N: each the text of
   a stored claim with a numbered word appended (its own fingerprint and full-text entry), its
   vector the source's plus the same noise, and no attribution. It stands for the claims of lines
   the generator's largest in-memory dataset does not reach.
4. For each matcher, on a fresh copy of the base: `corroborate import` of the last `--tail`
   lines under `/usr/bin/time -v` (peak RSS), with the process's RSS sampled every second, then
   `corroborate recount --check`.

`--load-only` also starts a process that only loads the index from the (padded) base and prints
its RSS with the model loaded, after the load, and after glibc's `malloc_trim(0)`.

Prints JSON, one object per matcher, and the base's sizes.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bulk_ingest import sqlite_floor  # noqa: E402

CLI = str(ROOT / ".venv" / "bin" / "corroborate")


def floor(size: str, rows: int, workdir: Path) -> dict[str, Any]:
    workdir.mkdir(parents=True, exist_ok=True)
    return sqlite_floor(workdir, rows, "news", size)


def count_lines(path: Path) -> int:
    with path.open("rb") as stream:
        return sum(1 for _ in stream)


def attributions_of(path: Path, lines: int) -> int:
    """Attributions in the first `lines` lines."""
    total = 0
    with path.open("rb") as stream:
        for number, line in enumerate(stream):
            if number >= lines:
                break
            total += len(json.loads(line)["claims"])
    return total


def build_base(args: argparse.Namespace) -> dict[str, Any]:
    full_dir, base_dir = args.workdir / "full", args.workdir / "base"
    floor(args.size, 10**9, full_dir)  # the whole dataset: only its NDJSON is used
    (full_dir / "floor.db").unlink()
    full = full_dir / "ingest.ndjson"
    total_lines = count_lines(full)
    base_lines = total_lines - args.tail
    # ingest_floor stops at the article that reaches --rows: ask for the base's attributions.
    base_rows = attributions_of(full, base_lines)
    floor(args.size, base_rows, base_dir)
    base = base_dir / "ingest.ndjson"
    if count_lines(base) != base_lines:
        raise SystemExit("the base's lines are not the full file's first lines")
    with full.open("rb") as source, base.open("rb") as head:
        for theirs in head:
            if source.readline() != theirs:
                raise SystemExit("the base is not a prefix of the full file")
        tail = args.workdir / "tail.ndjson"
        with tail.open("wb") as out:
            shutil.copyfileobj(source, out)
    base.unlink()  # the full file's first lines
    db = args.workdir / "base.db"
    with sqlite3.connect(base_dir / "floor.db") as connection:  # all of it in the one file
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    shutil.move(base_dir / "floor.db", db)
    env = {**os.environ, "CLAIMS_DATABASE_URL": f"sqlite:///{db}"}
    started = time.perf_counter()
    subprocess.run([CLI, "recount"], env=env, check=True, capture_output=True)
    recount_seconds = time.perf_counter() - started

    from claim_corpus import store_embeddings
    from sqlalchemy import create_engine

    from app.matching.embedding import DEFAULT_MODEL
    from app.matching.embedding import load_embedder

    engine = create_engine(f"sqlite:///{db}")
    vectors = store_embeddings(
        engine, load_embedder(DEFAULT_MODEL), budget=args.embedded, latency_texts=0, seed=13
    )
    engine.dispose()
    connection = sqlite3.connect(db)
    connection.execute("ANALYZE")
    sizes = {
        table: connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        for table in ("article", "claim", "attribution", "claim_embedding")
    }
    connection.close()
    return {
        "base_lines": base_lines,
        "tail_lines": total_lines - base_lines,
        "recount_seconds": round(recount_seconds, 1),
        "vectors": {k: round(v, 1) for k, v in vectors.items()},
        **sizes,
    }


def pad(args: argparse.Namespace) -> dict[str, Any]:
    """A copy of the base holding `--pad-to` claims (see the module's docstring)."""
    import numpy as np
    from claim_corpus import NOISE

    from app.claims.service import fingerprint
    from app.matching.vectors import from_bytes
    from app.matching.vectors import to_bytes

    padded = args.workdir / f"base-{args.pad_to}.db"
    if args.reuse and padded.exists():
        connection = sqlite3.connect(padded)
        held = connection.execute("SELECT count(*) FROM claim").fetchone()[0]
        connection.close()
        if held == args.pad_to:
            return {"db": padded, "claims": held}
    writing = padded.with_suffix(".partial")  # renamed once padded and recounted
    shutil.copyfile(args.workdir / "base.db", writing)
    connection = sqlite3.connect(writing)
    held = connection.execute("SELECT count(*) FROM claim").fetchone()[0]
    need = max(0, args.pad_to - held)
    sources = connection.execute(
        "SELECT c.text, c.claimant, e.model, e.vector FROM claim c "
        "JOIN claim_embedding e ON e.claim_id = c.id ORDER BY c.id LIMIT ?",
        (need,),
    ).fetchall()
    if len(sources) < need:
        raise SystemExit(f"--pad-to {args.pad_to}: at most twice the base's claims")
    noise = np.random.default_rng(29)
    now = time.strftime("%Y-%m-%d %H:%M:%S.000000", time.gmtime())
    with connection:
        for number, (text, claimant, model, blob) in enumerate(sources, 1):
            padded_text = f"{text} Update {number}."
            claim_id = connection.execute(
                "INSERT INTO claim (text, claimant, fingerprint, created_at, updated_at) "
                "VALUES (?, ?, ?, ?, ?) RETURNING id",
                (padded_text, claimant, fingerprint(padded_text, claimant), now, now),
            ).fetchone()[0]
            vector = from_bytes(blob) + noise.normal(0.0, NOISE, len(blob) // 2)
            vector /= np.linalg.norm(vector)
            connection.execute(
                "INSERT INTO claim_embedding (claim_id, model, vector) VALUES (?, ?, ?)",
                (claim_id, model, to_bytes(vector)),
            )
    connection.execute("ANALYZE")
    connection.close()
    env = {**clean_environment(), "CLAIMS_DATABASE_URL": f"sqlite:///{writing}"}
    subprocess.run([CLI, "recount"], env=env, check=True, capture_output=True)
    writing.replace(padded)
    return {"db": padded, "claims": held + need}


def clean_environment() -> dict[str, str]:
    """The caller's environment without settings that would change what is measured: another
    embedding model (the base's vectors are the default model's) or a saved index file."""
    return {
        key: value
        for key, value in os.environ.items()
        if key not in {"CLAIMS_EMBEDDING_MODEL", "CLAIMS_VECTOR_INDEX_PATH"}
    }


def load_only(db: Path) -> dict[str, Any]:
    """A fresh process that only loads the vector index from the table (`measure_load`)."""
    out = subprocess.run(
        [sys.executable, __file__, "--measure-load", str(db)],
        env=clean_environment(),
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return {"load_only": json.loads(out.strip().splitlines()[-1])}


def measure_load(db: Path) -> dict[str, Any]:
    """This process's RSS with the model loaded, after loading the index from the table, and
    after glibc's malloc_trim (what was freed but kept)."""
    import ctypes

    from sqlalchemy import create_engine
    from sqlmodel import Session

    from app.matching.embedding import DEFAULT_MODEL
    from app.matching.embedding import load_embedder
    from app.matching.vectors import VectorIndex

    embedder = load_embedder(DEFAULT_MODEL)
    out: dict[str, Any] = {"model_loaded_mb": round(rss_kb(os.getpid()) / 1024)}
    index = VectorIndex(dim=embedder.dim, model_id=embedder.model_id)
    started = time.perf_counter()
    with Session(create_engine(f"sqlite:///{db}")) as session:
        index.sync(session, force=True)
    out.update(vectors=len(index), load_s=round(time.perf_counter() - started, 1))
    out["loaded_mb"] = round(rss_kb(os.getpid()) / 1024)
    ctypes.CDLL("libc.so.6").malloc_trim(0)
    out["after_malloc_trim_mb"] = round(rss_kb(os.getpid()) / 1024)
    return out


def rss_kb(pid: int) -> int:
    """A process's resident set (VmRSS) in kB; 0 once it is gone."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0
    found = re.search(r"VmRSS:\s+(\d+)", status)
    return int(found.group(1)) if found else 0


def sample_rss(pid: int, samples: list[tuple[float, int]], stop: threading.Event) -> None:
    """The RSS (kB) of the import's process tree's largest member, every second."""
    started = time.monotonic()
    while not stop.wait(1.0):
        best = max(rss_kb(member) for member in [pid, *children(pid)])
        if best > 10_000:  # not the last moments of an exiting process
            samples.append((round(time.monotonic() - started), best))


def children(pid: int) -> list[int]:
    try:
        listed = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return []
    found = [int(c) for c in listed]
    return found + [g for c in found for g in children(c)]


def import_tail(args: argparse.Namespace, matcher: str, base: Path) -> dict[str, Any]:
    db = args.workdir / f"tail-{matcher}.db"
    shutil.copyfile(base, db)
    env = {
        **clean_environment(),
        "CLAIMS_DATABASE_URL": f"sqlite:///{db}",
        "CLAIMS_MATCHER": matcher,
    }
    started = time.perf_counter()
    process = subprocess.Popen(
        ["/usr/bin/time", "-v", CLI, "import", str(args.workdir / "tail.ndjson")],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    samples: list[tuple[float, int]] = []
    stop = threading.Event()
    sampler = threading.Thread(target=sample_rss, args=(process.pid, samples, stop))
    sampler.start()
    _, err = process.communicate()
    stop.set()
    sampler.join()
    wall = time.perf_counter() - started
    peak = re.search(r"Maximum resident set size \(kbytes\): (\d+)", err)
    check = subprocess.run([CLI, "recount", "--check"], env=env, capture_output=True)
    # RSS at a few points of the run (with the hybrid matcher the index loads in the first
    # minute or two at these sizes)
    marks = {}
    for fraction in (0.1, 0.25, 0.5, 0.75, 1.0):
        if samples:
            at = samples[min(len(samples) - 1, int(fraction * (len(samples) - 1)))]
            marks[f"{int(fraction * 100)}%"] = {"s": at[0], "rss_mb": round(at[1] / 1024)}
    db.unlink()
    return {
        "matcher": matcher,
        "exit": process.returncode,
        "wall_s": round(wall, 1),
        "peak_rss_mb": round(int(peak.group(1)) / 1024) if peak else None,
        "rss_over_time": marks,
        "recount_check_exit": check.returncode,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--workdir", type=Path, required=True)
    parser.add_argument("--size", default="L", help="the generator's dataset (S, M, L)")
    parser.add_argument("--tail", type=int, default=9486, help="lines imported into the base")
    parser.add_argument("--embedded", type=int, default=4000, help="claims really embedded")
    parser.add_argument("--matchers", default="hybrid,lexical")
    parser.add_argument("--reuse", action="store_true", help="keep WORKDIR/base.db if there")
    parser.add_argument("--pad-to", type=int, default=0, help="claims in the base (see above)")
    parser.add_argument(
        "--load-only", action="store_true", help="also measure a process that only loads the index"
    )
    if sys.argv[1:2] == ["--measure-load"]:  # the process --load-only starts
        print(json.dumps(measure_load(Path(sys.argv[2]))))
        return
    args = parser.parse_args()
    args.workdir.mkdir(parents=True, exist_ok=True)
    if args.reuse and (args.workdir / "base.db").exists():
        base: dict[str, Any] = json.loads((args.workdir / "base.json").read_text())
    else:
        base = build_base(args)
        (args.workdir / "base.json").write_text(json.dumps(base))
    print(json.dumps({"base": base}), flush=True)
    start = args.workdir / "base.db"
    if args.pad_to:
        padded = pad(args)
        start = padded["db"]
        print(json.dumps({"padded_to": padded["claims"]}), flush=True)
    if args.load_only:
        print(json.dumps(load_only(start)), flush=True)
    for matcher in filter(None, args.matchers.split(",")):  # --matchers "": none
        print(json.dumps(import_tail(args, matcher, start)), flush=True)


if __name__ == "__main__":
    main()
