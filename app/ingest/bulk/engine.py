"""The set-based ingest engine: NDJSON lines in chunks, each chunk one transaction.

Per chunk: every line is parsed and validated first (a bad one is answered and left out); the
valid lines are planned in input order against one snapshot of the rows they touch (a handful
of SELECTs for the whole chunk) and written with one INSERT per table (bulk/writes.py); the
chunk's new claims are embedded in one model call; the claims it touched are recounted once,
and the chunk commits once. A line the planner cannot decide on rows alone (see bulk/plan.py)
runs through the one-line path in a savepoint at its place in the order, so what it sees and
what it leaves is what it would have seen and left on its own.

Each line's answer is what POST /v1/ingest would have answered for it, in input order. A line
that fails inside the chunk fails alone: an error the rules find leaves nothing of that line,
and anything unexpected rolls the chunk back and re-runs its lines one by one, each in its own
transaction (app/ingest/service.py, the reference the engine is tested against).
"""

import gc
import logging
import threading
from collections.abc import Callable
from collections.abc import Iterable
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import Engine
from sqlmodel import Session

from app.articles.models import CreditedOriginPublic
from app.articles.models import LinkPublic
from app.core import statistics
from app.core.config import Settings
from app.core.errors import AppError
from app.core.locks import advisory_lock
from app.core.locks import locks_rows
from app.core.unit_of_work import TransactionConflict
from app.core.unit_of_work import lost_race
from app.core.unit_of_work import run_transaction
from app.ingest import origins as ingest_origins
from app.ingest import service as one_line
from app.ingest.bulk import queries
from app.ingest.bulk import review
from app.ingest.bulk.matching import ChunkClaims
from app.ingest.bulk.plan import Planner
from app.ingest.bulk.plan import needs_reference_alone
from app.ingest.bulk.rows import ClaimPlan
from app.ingest.bulk.rows import LinePlan
from app.ingest.bulk.rows import Scored
from app.ingest.bulk.writes import merge_search_segments
from app.ingest.bulk.writes import write
from app.ingest.models import COPY_CANDIDATES_LISTED
from app.ingest.models import BatchLine
from app.ingest.models import ClaimOutcome
from app.ingest.models import IngestPayload
from app.ingest.models import IngestResult
from app.ingest.models import MatchRef
from app.ingest.models import error_body
from app.matching.base import Matcher
from app.matching.fulltext import counts_of_its_own
from app.tables import OutletRef

logger = logging.getLogger("app.ingest")

CHUNK_LINES = 1000
CHUNK_BYTES = 32 * 1024 * 1024
_FIRST_WINDOW = 32


# The cyclic garbage collector is paused while chunks run. A chunk allocates hundreds of
# thousands of objects that live until it ends, and each automatic collection then walked them
# all, and the matchers' caches with them: about a sixth of an import's CPU (S, 8,106 lines:
# 7.8-8.2 CPU s with it, 6.4-6.6 s paused; docs/benchmarks.md, fourteenth pass). Each chunk
# collects the young generations when it ends (its rows' reference cycles are there), and when
# chunks on several threads overlap so that the pause never lifts, every FULL_EVERY-th chunk
# collects them all; once no chunk runs, the collector runs on as before.
_PAUSE = threading.Lock()
_pausing = 0
_was_enabled = True
_ended_while_paused = 0
FULL_EVERY = 16


@contextmanager
def collector_paused() -> Iterator[None]:
    """No automatic cyclic collection while any chunk runs (chunks on several threads share
    the pause); the young generations collected as each ends."""
    global _pausing, _was_enabled, _ended_while_paused
    with _PAUSE:
        if _pausing == 0:
            _was_enabled = gc.isenabled()
            _ended_while_paused = 0
            gc.disable()
        _pausing += 1
    try:
        yield
    finally:
        with _PAUSE:
            _pausing -= 1
            _ended_while_paused += 1
            full = _pausing > 0 and _ended_while_paused % FULL_EVERY == 0
            gc.collect(2 if full else 1)
            if _pausing == 0 and _was_enabled:
                gc.enable()


@dataclass(frozen=True, slots=True)
class Line:
    """One non-blank input line and its 1-based number in the input."""

    number: int
    raw: bytes


def parse(line: Line) -> IngestPayload | BatchLine:
    """The line's payload, or its error answer (invalid JSON, invalid payload)."""
    return one_line.parse_line(line.number, line.raw)


def failed(number: int, exc: AppError) -> BatchLine:
    return BatchLine(
        line=number,
        status=exc.status_code,
        error=error_body(exc.code, f"line {number}: {exc.message}", exc.details),
    )


def chunks(
    lines: Iterable[bytes], *, first_line: int = 1, size: int = CHUNK_LINES
) -> Iterator[list[Line]]:
    """Non-blank lines, numbered, in chunks of at most `size` lines and about CHUNK_BYTES."""
    chunk: list[Line] = []
    held = 0
    for number, raw in enumerate(lines, first_line):
        if not raw.strip():
            continue
        chunk.append(Line(number, raw))
        held += len(raw)
        if len(chunk) >= size or held >= CHUNK_BYTES:
            yield chunk
            chunk, held = [], 0
    if chunk:
        yield chunk


def ingest_stream(
    engine: Engine,
    lines: Iterable[bytes],
    *,
    matcher: Matcher,
    settings: Settings,
    first_line: int = 1,
    chunk_lines: int = CHUNK_LINES,
) -> Iterator[BatchLine]:
    """Every non-blank NDJSON line ingested, a chunk per transaction; answers in input order."""
    keeper = statistics.keeper_for(engine)
    for chunk in chunks(lines, first_line=first_line, size=chunk_lines):
        yield from ingest_chunk(engine, chunk, matcher=matcher, settings=settings)
        keeper.after_write()


Record = Callable[[Session, list[BatchLine]], None]


def ingest_chunk(
    engine: Engine,
    chunk: list[Line],
    *,
    matcher: Matcher,
    settings: Settings,
    record: Record | None = None,
) -> list[BatchLine]:
    """One chunk in one transaction (re-run on a lost race); its lines' answers in order.

    `record` runs inside the chunk's transaction with the answers (an import job's progress
    commits with the rows, so a crash leaves both or neither)."""
    with collector_paused():
        return _ingest_chunk(engine, chunk, matcher=matcher, settings=settings, record=record)


def _ingest_chunk(
    engine: Engine,
    chunk: list[Line],
    *,
    matcher: Matcher,
    settings: Settings,
    record: Record | None,
) -> list[BatchLine]:
    answers: dict[int, BatchLine] = {}
    valid: list[tuple[int, IngestPayload]] = []
    for line in chunk:
        parsed = parse(line)
        if isinstance(parsed, BatchLine):
            answers[line.number] = parsed
        else:
            valid.append((line.number, parsed))
    if valid:
        try:

            def work(session: Session) -> dict[int, BatchLine]:
                # Word counts of the chunk's own: what it links depends on the database and
                # the input alone, not on when or by whom a count was kept.
                with counts_of_its_own():
                    done = _chunk(session, valid, matcher=matcher, settings=settings)
                if record is not None:
                    record(session, [{**answers, **done}[line.number] for line in chunk])
                return done

            answers.update(run_transaction(engine, work, attempts=settings.db_retry_attempts))
            return [answers[line.number] for line in chunk]
        except Exception:
            # Something no rule foresaw: the chunk left nothing. Each line alone, as before,
            # so one line's trouble is that line's answer only.
            logger.exception("chunk of %d lines failed; ingesting its lines one by one", len(valid))
            for number, payload in valid:
                answers[number] = alone(engine, number, payload, matcher=matcher, settings=settings)
    ordered = [answers[line.number] for line in chunk]
    if record is not None:
        # The lines committed one by one above; a crash before this re-runs them, which
        # writes nothing again (their answers then say so).
        run_transaction(
            engine, lambda session: record(session, ordered), attempts=settings.db_retry_attempts
        )
    return ordered


def alone(
    engine: Engine, number: int, payload: IngestPayload, *, matcher: Matcher, settings: Settings
) -> BatchLine:
    """One line in its own transaction through the one-line path; never raises."""
    with counts_of_its_own():  # not the counts a rolled-back chunk kept
        return one_line.ingest_valid_line(
            engine, number=number, payload=payload, matcher=matcher, settings=settings
        )


def _chunk(
    session: Session,
    valid: list[tuple[int, IngestPayload]],
    *,
    matcher: Matcher,
    settings: Settings,
) -> dict[int, BatchLine]:
    answers: dict[int, BatchLine] = {}
    texts = [claim.text for _, payload in valid for claim in payload.claims]
    if texts and locks_rows(session):
        # What the one-line path takes before creating a claim, taken once for the chunk:
        # matching then inserting must not interleave with a concurrent ingest's.
        advisory_lock(session, "claim-create")
    # Counters: the rows written here are recorded (counters.touch) and recounted once,
    # by the before-commit hook, for the whole chunk.
    remaining = valid
    # Decided once per line (it parses the title and URL for credits), not once per run.
    alone_at = {number for number, payload in valid if needs_reference_alone(payload)}
    window = _FIRST_WINDOW
    while remaining:
        number, payload = remaining[0]
        if number in alone_at:
            answers[number] = _reference(session, number, payload, matcher, settings)
            remaining = remaining[1:]
            continue
        # The run of lines up to the next one that surely needs the one-line path.
        end = next(
            (i for i, (n, _) in enumerate(remaining) if n in alone_at),
            len(remaining),
        )
        # A line the planner hands back makes it read the rest again; after one, plan
        # a short run, growing while none comes back, so that a chunk full of them costs
        # a bounded read per line rather than one of the whole remainder.
        run = remaining[: min(end, window)]
        chunk_claims = ChunkClaims(matcher)
        chunk_claims.prepare([c.text for _, p in run for c in p.claims])
        planner = Planner(
            session, run, matcher=matcher, settings=settings, chunk_claims=chunk_claims
        )
        stop = len(run)
        for index, (number, payload) in enumerate(run):
            if planner.needs_reference(payload):
                stop = index
                break
            plan = planner.plan(number, payload)
            if isinstance(plan, AppError):
                answers[number] = failed(number, plan)
        write(session, planner)
        origins = _origins(
            session, [line.article.id or 0 for line in planner.lines if line.has_origin]
        )
        # A stored article may carry a credited origin (a new one planned here never does).
        credits = ingest_origins.credited_public_many(
            session, [line.article.id or 0 for line in planner.lines if not line.article_created]
        )
        for line in planner.lines:
            answers[line.number] = _answer(line, origins, credits)
        review.queue(session, planner.lines, matcher)
        merge_search_segments(session, planner)
        if stop < len(run):
            number, payload = run[stop]
            answers[number] = _reference(session, number, payload, matcher, settings)
            remaining = remaining[stop + 1 :]
            window = _FIRST_WINDOW
        else:
            remaining = remaining[len(run) :]
            window *= 4
    return answers


def _reference(
    session: Session, number: int, payload: IngestPayload, matcher: Matcher, settings: Settings
) -> BatchLine:
    """The line through the one-line path, in a savepoint of the chunk's transaction."""
    session.expire_all()  # the engine's Core writes are not in the identity map
    try:
        with session.begin_nested():
            result = one_line.ingest(session, payload=payload, matcher=matcher, settings=settings)
    except TransactionConflict:
        raise  # the whole chunk is re-run
    except AppError as exc:
        return failed(number, exc)
    return BatchLine(line=number, status=201 if result.article_created else 200, result=result)


def _ref(scored: Scored, *, signals: bool = True) -> MatchRef:
    return MatchRef(
        claim_id=scored.claim.id or 0,
        score=scored.score,
        signals=scored.signals if signals else None,
    )


def _outcome(plan: ClaimPlan) -> ClaimOutcome:
    return ClaimOutcome(
        claim_id=plan.claim.id or 0,
        action=plan.action,
        attribution_id=plan.attribution.id or 0,
        match=None
        if plan.match is None
        else _ref(plan.match, signals=not plan.match_without_signals),
        suggestions=[_ref(s) for s in plan.suggestions],
    )


def _origins(session: Session, article_ids: list[int]) -> dict[int, LinkPublic]:
    """The links of these articles to their origins, as the API shows them (one query)."""
    found: dict[int, LinkPublic] = {}
    connection = session.connection()
    for start in range(0, len(article_ids), 500):
        part = article_ids[start : start + 500]
        for row in connection.execute(queries.ORIGIN_LINKS, {"ids": part}):
            # The row holds the link's columns and its origin's under their own names.
            outlet = OutletRef(id=row.outlet_id, slug=row.outlet_slug, name=row.outlet_name)
            found[row.article_id] = LinkPublic.of(link=row, origin=row, outlet=outlet)
    return found


def _answer(
    line: LinePlan, origins: dict[int, LinkPublic], credits: dict[int, CreditedOriginPublic]
) -> BatchLine:
    article_id = line.article.id or 0
    if line.has_origin and article_id not in origins:
        # A stored article's link, read when the run was planned, was removed since by a
        # concurrent unlink (or delete of its origin): plan the chunk again from the start.
        raise lost_race(f"the origin link of article {article_id} was removed concurrently")
    result = IngestResult(
        outlet_id=line.outlet.id or 0,
        outlet_created=line.outlet_created,
        article_id=article_id,
        article_created=line.article_created,
        changed=line.changed,
        claims=[_outcome(plan) for plan in line.claims],
        origin=origins[article_id] if line.has_origin else None,
        credited_origin=credits.get(article_id),
        copy_candidates=[
            review.copy_candidate(other) for other in line.copy_candidates[:COPY_CANDIDATES_LISTED]
        ],
        copy_candidates_total=len(line.copy_candidates),
    )
    return BatchLine(line=line.number, status=201 if line.article_created else 200, result=result)
