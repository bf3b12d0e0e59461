"""The set-based engine against the one-line path it replaces for batches.

The differential tests feed the same random NDJSON through the one-line path (each line its own
transaction, app/ingest/service.py) and through the engine (a chunk per transaction), and
compare every stored row (by natural keys) and every line's answer.
"""

import json
import re
import time
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import Engine
from sqlalchemy import select
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from app.core.bulk_rows import COPY_FROM
from app.core.bulk_rows import insert_rows
from app.core.bulk_rows import reserve_ids
from app.core.columns import metadata
from app.core.config import Settings
from app.core.migrations import UNMODELLED_TABLES
from app.core.unit_of_work import TransactionConflict
from app.core.unit_of_work import transaction
from app.corroboration import counters
from app.ingest import service as one_line
from app.ingest.bulk.engine import ingest_stream
from app.ingest.models import COPY_CANDIDATES_LISTED
from app.matching import vectors
from app.matching.base import Matcher
from app.matching.factory import build_matcher
from app.matching.lexical import LexicalMatcher
from app.matching.lexical import _terms as lexical_terms
from app.tables import ClaimEmbedding
from app.tables import Event
from app.tables import Outlet
from tests.factories import T0
from tests.ingest.bulk_support import answers
from tests.ingest.bulk_support import dump
from tests.ingest.bulk_support import random_lines
from tests.integrity.test_races import waiting_on_a_lock


def _wipe(engine: Engine) -> None:
    with engine.begin() as connection:
        for name in [*UNMODELLED_TABLES, *(t.name for t in reversed(metadata.sorted_tables))]:
            connection.execute(text(f'DELETE FROM "{name}"'))
    store = vectors.active()
    if store is not None:
        store.forget()


def _stale(engine: Engine) -> list[int]:
    with transaction(engine, write=False) as session:
        return counters.stale_claim_ids(session)


@pytest.fixture(autouse=True)
def _no_fallback(caplog: pytest.LogCaptureFixture) -> Iterator[None]:
    """The engine must decide every chunk itself: its line-by-line fallback would hide bugs."""
    yield
    # In teardown `caplog.records` holds the teardown's records only: the test's are "call".
    records = caplog.get_records("setup") + caplog.get_records("call")
    assert not [r for r in records if "one by one" in r.getMessage()]


@pytest.fixture(scope="module", params=["lexical", "hybrid"])
def matcher(request: pytest.FixtureRequest, settings: Settings) -> Iterator[Matcher]:
    built = build_matcher(settings.model_copy(update={"matcher": request.param}))
    yield built
    if request.param == "hybrid":
        vectors.activate(None)  # other tests expect the lexical default not to embed


def _run_both(
    engine: Engine, settings: Settings, matcher: Matcher, lines: list[str], chunk: int
) -> tuple[Any, Any]:
    raw = [f"{line}\n".encode() for line in lines]
    _wipe(engine)
    reference = list(one_line.ingest_lines(engine, raw, matcher=matcher, settings=settings))
    expected = (dump(engine), answers(engine, reference))
    assert _stale(engine) == []
    _wipe(engine)
    bulk = list(ingest_stream(engine, raw, matcher=matcher, settings=settings, chunk_lines=chunk))
    got = (dump(engine), answers(engine, bulk))
    assert _stale(engine) == []
    return expected, got


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_random_input_gives_the_same_database_and_answers_as_line_by_line(
    engine: Engine, settings: Settings, matcher: Matcher, seed: int
) -> None:
    lines = random_lines(seed, 70)
    expected, got = _run_both(engine, settings, matcher, lines, chunk=17)
    assert got[0] == expected[0]
    assert got[1] == expected[1]


def test_one_chunk_for_everything_agrees_too(
    engine: Engine, settings: Settings, matcher: Matcher
) -> None:
    lines = random_lines(11, 90)
    expected, got = _run_both(engine, settings, matcher, lines, chunk=1000)
    assert got == expected


def _line(url: str, claims: list[str], *, slug: str = "daily", **extra: Any) -> str:
    body: dict[str, Any] = {
        "outlet": {"slug": slug, "name": slug.title()},
        "article": {
            "url": url,
            "title": extra.pop("title", f"About {url}"),
            "published_at": extra.pop("published_at", T0.isoformat()),
        },
        "claims": [{"text": claim} for claim in claims],
    }
    body.update(extra)
    return json.dumps(body)


def _ingest(engine: Engine, settings: Settings, matcher: Matcher, lines: list[str]) -> list[Any]:
    return list(
        ingest_stream(
            engine, [f"{line}\n".encode() for line in lines], matcher=matcher, settings=settings
        )
    )


def test_claims_in_one_chunk_differing_in_word_forms_link_as_line_by_line(
    engine: Engine, settings: Settings, matcher: Matcher
) -> None:
    """The full-text index keeps stems, so a stored "Protesters blocked highways" is found for
    "Protester blocks highway"; a claim created earlier in the chunk is found the same way."""
    lines = [
        _line("https://daily.example/1", ["Protesters blocked highways"]),
        _line("https://herald.example/1", ["Protester blocks highway"], slug="herald"),
    ]
    expected, got = _run_both(engine, settings, matcher, lines, chunk=1000)
    assert got == expected
    assert [answer[6][0][1] for answer in got[1]] == ["created", "linked"]


def test_a_stored_article_s_credited_origin_is_in_its_answer(
    engine: Engine, settings: Settings, matcher: Matcher
) -> None:
    """A line the engine plans itself, about an article stored with a credited origin, answers
    with that credited origin, as the one-line path does."""
    credited = {
        "outlet": {"slug": "wire", "name": "Wire Press"},
        "relation": "syndicates",
        "reason": "credits Wire Press",
        "evidence": "(Wire Press)",
    }
    lines = [
        _line("https://daily.example/1", [], title="Strike ends", credited_origin=credited),
        _line("https://daily.example/1", [], title="Strike ends"),
    ]
    expected, got = _run_both(engine, settings, matcher, lines, chunk=1000)
    assert got == expected
    assert [answer[-1][0] for answer in got[1]] == ["wire", "wire"]


def test_an_outlet_mismatch_names_the_outlet_the_payload_resolved_to(
    engine: Engine, settings: Settings, matcher: Matcher
) -> None:
    """The slug `daily-two` with the domain of the stored `daily` is `daily`: the error says
    so, in a chunk as line by line."""
    daily = {"slug": "daily", "name": "Daily", "domain": "daily.example"}
    daily_two = {"slug": "daily-two", "name": "Daily Two", "domain": "daily.example"}
    lines = [
        _line("https://daily.example/1", [], outlet=daily),
        _line("https://herald.example/1", [], slug="herald"),
        _line("https://herald.example/1", [], outlet=daily_two),
    ]
    raw = [f"{line}\n".encode() for line in lines]
    messages = []
    for chunk in (1, 1000):
        _wipe(engine)
        found = list(
            ingest_stream(engine, raw, matcher=matcher, settings=settings, chunk_lines=chunk)
        )
        assert found[2].error is not None
        messages.append(re.sub(r"article \d+", "article #", found[2].error.message))
    _wipe(engine)
    reference = list(one_line.ingest_lines(engine, raw, matcher=matcher, settings=settings))
    assert reference[2].error is not None
    assert messages == [re.sub(r"article \d+", "article #", reference[2].error.message)] * 2
    assert "than 'daily'" in messages[0]


def test_the_engine_records_the_events_of_the_one_line_path(
    engine: Engine, settings: Settings, matcher: Matcher
) -> None:
    """Claims created and detected copies stated by an export are announced as line by line
    (the engine inserts without the ORM, whose flush announces them there)."""
    lines = [
        _line("https://daily.example/1", ["The port strike ended after nine days."]),
        _line(
            "https://herald.example/1",
            ["The port strike ended after nine days."],
            slug="herald",
            published_at=(T0 + timedelta(hours=1)).isoformat(),
            origin={
                "url": "https://daily.example/1",
                "relation": "syndicates",
                "provenance": "detected",
            },
            detect_copies=False,
        ),
    ]
    expected, got = _run_both(engine, settings, matcher, lines, chunk=1000)
    assert got[0]["event"] == expected[0]["event"]
    types = [row[0] for row in got[0]["event"]]
    assert types.count("claim.created") == 1
    assert types.count("article.copy_detected") == 1
    with engine.connect() as connection:
        causes = [
            (data if isinstance(data, dict) else json.loads(data))["cause"]["kind"]
            for (data,) in connection.execute(
                text("SELECT data FROM event WHERE type = 'claim.corroboration_changed'")
            )
        ]
    # The count event names the reports that moved the counts, not a maintenance recount.
    assert causes
    assert set(causes) == {"attribution"}


def test_answers_come_in_input_order_with_a_bad_line_among_good_ones(
    engine: Engine, settings: Settings, matcher: Matcher
) -> None:
    _wipe(engine)
    lines = [
        _line("https://a.example/1", ["Ships left the port of Oslo on Monday."]),
        "{not json",
        _line("https://a.example/2", ["Ships left the port of Oslo on Monday."], slug="herald"),
        _line("https://a.example/1", [], slug="herald"),  # the URL is the daily's
        _line("https://a.example/3", ["A dam burst near Porto."]),
    ]
    result = _ingest(engine, settings, matcher, lines)
    assert [(r.line, r.status) for r in result] == [
        (1, 201),
        (2, 422),
        (3, 201),
        (4, 409),
        (5, 201),
    ]
    assert result[1].error.code == "invalid_json"
    assert result[3].error.code == "article_outlet_mismatch"
    assert [c.action.value for c in result[0].result.claims] == ["created"]
    assert [c.action.value for c in result[2].result.claims] == ["linked"]
    assert result[2].result.claims[0].claim_id == result[0].result.claims[0].claim_id
    assert result[3].result is None
    with transaction(engine, write=False) as session:  # line 4 created nothing: no herald twice
        assert session.scalar(text("SELECT count(*) FROM outlet")) == 2
    assert _stale(engine) == []


def test_duplicates_and_matches_within_one_chunk_link_to_each_other(
    engine: Engine, settings: Settings, matcher: Matcher
) -> None:
    _wipe(engine)
    lines = [
        _line("https://b.example/1", ["Norway's inflation fell to 3.1% in March."]),
        _line("https://b.example/2", ["norway's inflation fell to 3.1% in march"], slug="herald"),
        _line(
            "https://b.example/3",
            ["Inflation in Norway fell to 3.1 percent in March."],
            slug="radio",
        ),
        _line("https://b.example/1", ["Norway's inflation fell to 3.1% in March."]),  # re-send
    ]
    result = _ingest(engine, settings, matcher, lines)
    first = result[0].result.claims[0].claim_id
    assert result[1].result.claims[0].action.value == "linked"
    assert result[1].result.claims[0].claim_id == first
    assert result[1].result.claims[0].match.score == 1.0
    third = result[2].result.claims[0]
    assert (third.action.value, third.claim_id) == ("linked", first)
    assert third.match.score >= matcher.link
    assert result[3].status == 200
    assert result[3].result.changed is False
    assert result[3].result.claims[0].action.value == "already_attributed"
    with transaction(engine, write=False) as session:
        assert session.scalar(text("SELECT count(*) FROM claim")) == 1
        assert session.scalar(text("SELECT outlets_count FROM claim")) == 3
    assert _stale(engine) == []


@pytest.mark.parametrize("origin_first", [True, False])
def test_a_copy_and_its_origin_in_one_chunk(
    engine: Engine, settings: Settings, matcher: Matcher, origin_first: bool
) -> None:
    _wipe(engine)
    origin = _line("https://c.example/wire", ["A ferry sank off Crete."], slug="wire")
    copy = _line(
        "https://c.example/copy",
        ["A ferry sank off Crete."],
        published_at=(T0 + timedelta(hours=1)).isoformat(),
        origin={"url": "https://c.example/wire", "relation": "syndicates"},
    )
    lines = [origin, copy] if origin_first else [copy, origin, copy]
    result = _ingest(engine, settings, matcher, lines)
    if not origin_first:  # the copy names an origin not yet stored, then lands on a re-send
        assert result[0].error.code == "origin_not_found"
        result = result[1:]
    assert result[1].result.origin.origin.url == "https://c.example/wire"
    with transaction(engine, write=False) as session:
        assert session.scalar(text("SELECT origins_count FROM claim")) == 1
        assert session.scalar(text("SELECT outlets_count FROM claim")) == 2
    assert _stale(engine) == []


def test_resending_a_file_writes_nothing(
    engine: Engine, settings: Settings, matcher: Matcher
) -> None:
    _wipe(engine)
    lines = random_lines(5, 60)
    _ingest(engine, settings, matcher, lines)
    before = dump(engine)
    again = _ingest(engine, settings, matcher, lines)
    assert dump(engine) == before
    assert all(line.result is None or line.result.changed is False for line in again)


def test_a_story_queues_one_copy_proposal_per_article_against_its_earliest(
    engine: Engine, settings: Settings, matcher: Matcher
) -> None:
    """Five outlets' articles with one headline and nothing else in common: each later article
    is one review item against the story's earliest article (not one per earlier article,
    which grows with the square of the story), on both paths; the answer lists them."""
    headline = "Ferry service to the islands suspended"
    hours = {"daily": 1, "wire": 0, "herald": 2, "post": 3, "times": 4}  # in arrival order
    lines = [
        _line(
            f"https://{slug}.example/ferry",
            ["The ferry service to the islands is suspended for a week."],
            slug=slug,
            title=headline,
            published_at=(T0 + timedelta(hours=hour)).isoformat(),
        )
        for slug, hour in hours.items()
    ]
    expected, got = _run_both(engine, settings, matcher, lines, chunk=1000)
    assert got == expected
    with transaction(engine, write=False) as session:
        items = session.execute(
            text(
                "SELECT a.url, o.url, r.reason FROM review_item r "
                "JOIN article a ON a.id = r.article_id "
                "JOIN article o ON o.id = r.origin_article_id "
                "WHERE r.kind = 'copy' ORDER BY a.url"
            )
        ).all()
    # daily came first (nothing earlier stored), wire next (the earliest published): neither
    # has an earlier same-headline article when it comes.
    assert [(a, o) for a, o, _ in items] == [
        (f"https://{slug}.example/ferry", "https://wire.example/ferry")
        for slug in ("herald", "post", "times")
    ]
    assert "the earliest of 4 earlier articles" in items[2][2]  # times: wire, daily, herald, post
    last = _ingest(engine, settings, matcher, lines[-1:])[0]  # a re-send queues nothing new
    assert last.result is not None
    assert last.result.changed is False
    assert [c.outlet for c in last.result.copy_candidates] == ["wire", "daily", "herald", "post"]


def test_an_answer_lists_the_first_copy_candidates_and_counts_them_all(
    engine: Engine, settings: Settings, matcher: Matcher
) -> None:
    """Fourteen outlets' articles with one headline: the last has thirteen earlier ones. Its
    answer lists the first COPY_CANDIDATES_LISTED, earliest first, and counts all thirteen, on
    both paths (listing them all grew each answer with the story: quadratic in a story)."""
    headline = "Ferry service to the islands suspended"
    slugs = [f"paper-{n:02d}" for n in range(14)]
    order = [3, 0, 7, 1, 12, 5, 9, 2, 11, 4, 8, 6, 10, 13]  # arrival order; hour = index
    lines = [
        _line(
            f"https://{slugs[n]}.example/ferry",
            ["The ferry service to the islands is suspended for a week."],
            slug=slugs[n],
            title=headline,
            published_at=(T0 + timedelta(hours=n)).isoformat(),
        )
        for n in order
    ]
    expected, got = _run_both(engine, settings, matcher, lines, chunk=1000)
    assert got == expected
    last = _ingest(engine, settings, matcher, lines[-1:])[0]  # paper-13, the latest
    assert last.result is not None
    assert last.result.copy_candidates_total == 13
    assert [c.outlet for c in last.result.copy_candidates] == slugs[:COPY_CANDIDATES_LISTED]
    one = next(one_line.ingest_lines(engine, [f"{lines[-1]}\n".encode()], matcher=matcher,
                                     settings=settings))  # fmt: skip
    assert one.result is not None
    assert one.result.copy_candidates_total == 13
    assert [c.outlet for c in one.result.copy_candidates] == slugs[:COPY_CANDIDATES_LISTED]


@pytest.mark.sqlite_only
def test_ids_drawn_ahead_on_sqlite_are_those_the_insert_gives(engine: Engine) -> None:
    """On SQLite the engine's rows go in with ids drawn ahead: one more than the largest stored,
    as SQLite numbers a rowid (a removed last row's id is drawn again, as SQLite reuses it)."""
    _wipe(engine)
    table = Outlet.__table__  # type: ignore[attr-defined]

    def row(slug: str) -> dict[str, Any]:
        return {"slug": slug, "name": slug, "kind": "other", "created_at": T0, "updated_at": T0}

    with transaction(engine, write=True) as session:
        connection = session.connection()
        assert reserve_ids(connection, table, 2) == [1, 2]
        connection.execute(table.insert(), [row("a"), row("b"), row("c")])
        assert reserve_ids(connection, table, 2) == [4, 5]
        connection.execute(table.delete().where(table.c.slug == "c"))
        drawn = reserve_ids(connection, table, 1)
        connection.execute(table.insert(), [row("d")])
        assert drawn == [connection.scalar(select(table.c.id).where(table.c.slug == "d"))] == [3]
        # An AUTOINCREMENT table never hands an id out twice: its ids are left to the insert.
        assert reserve_ids(connection, Event.__table__, 1) is None  # type: ignore[attr-defined]


@pytest.mark.postgresql_only
def test_a_copy_that_loses_a_race_is_a_lost_race_the_policy_re_runs(engine: Engine) -> None:
    """A chunk's COPY goes past SQLAlchemy to the driver, so its errors came bare: a row that
    references one a concurrent writer removed (here, claims that are not there) was a
    psycopg error the retry policy did not know, and the chunk went down the line-by-line
    path instead of being re-run. It is the lost race `transaction()` reports now."""
    rows = [
        {"claim_id": -number, "model": "m", "vector": b"\x00\x00"}
        for number in range(1, COPY_FROM + 1)
    ]
    with pytest.raises(TransactionConflict) as raised, transaction(engine, write=True) as session:
        insert_rows(session.connection(), ClaimEmbedding.__table__, rows)  # type: ignore[attr-defined]
    assert isinstance(raised.value.__cause__, IntegrityError)
    assert raised.value.__cause__.orig.sqlstate == "23503"  # type: ignore[union-attr]


def test_each_chunk_counts_words_with_counts_of_its_own(engine: Engine, settings: Settings) -> None:
    """A chunk uses no word count kept outside it (by an earlier chunk, another thread, the API)
    and leaves none of its own behind: what it links depends on the database and the input, not
    on when or by whom a count was kept (a resumed import matches as the uninterrupted one)."""
    _wipe(engine)
    matcher = build_matcher(settings.model_copy(update={"matcher": "lexical"}))
    assert isinstance(matcher, LexicalMatcher)
    stored = "Norway's inflation fell to 3.1% in March."
    first = _ingest(engine, settings, matcher, [_line("https://c.example/1", [stored])])
    paraphrase = "Inflation in Norway fell to 3.1 percent in March."
    # Counts kept before any claim had these words: taken at face value, the paraphrase would
    # search for nothing and create a claim of its own.
    kept = {(str(engine.url), term) for term in lexical_terms(paraphrase)}
    for key in kept:
        matcher.shared_frequencies._counts[key] = (time.monotonic() + 3600, 0)
    result = _ingest(engine, settings, matcher, [_line("https://c.example/2", [paraphrase])])
    linked = result[0].result.claims[0]
    assert (linked.action.value, linked.claim_id) == (
        "linked",
        first[0].result.claims[0].claim_id,
    )
    assert set(matcher.shared_frequencies._counts) == kept


@pytest.mark.postgresql_only
def test_a_stored_link_removed_while_the_chunk_runs_re_plans_the_chunk(
    engine: Engine, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The planner read a stored article's link; a concurrent unlink committed before the
    chunk built its answers, which then looked the link up and failed (KeyError): the chunk
    fell back to line by line with an error logged. It is a lost race: the chunk is re-run."""
    from app.articles import service as articles_service
    from app.core.unit_of_work import run_transaction
    from app.ingest.bulk import engine as bulk_engine
    from app.tables import Article

    matcher = build_matcher(settings)
    origin = _line("https://daily.example/o", ["The pier will reopen in May."], title="Pier")
    copy = _line(
        "https://herald.example/c",
        ["The pier will reopen in May."],
        slug="herald",
        title="Pier to reopen",
        published_at=(T0 + timedelta(hours=1)).isoformat(),
        origin={"url": "https://daily.example/o", "relation": "cites"},
    )
    first = _ingest(engine, settings, matcher, [origin, copy])
    copy_id = first[1].result.article_id
    origin_id = first[0].result.article_id
    real_write = bulk_engine.write
    unlinked: list[bool] = []

    def write_then_unlink(session: Any, planner: Any) -> None:
        real_write(session, planner)
        if not unlinked:
            unlinked.append(True)

            def unlink(other: Any) -> None:
                article = other.get(Article, copy_id)
                articles_service.remove_link(other, article=article, origin_article_id=origin_id)

            run_transaction(engine, unlink, attempts=1)

    monkeypatch.setattr(bulk_engine, "write", write_then_unlink)
    again = json.loads(copy)
    del again["origin"]
    [answer] = _ingest(engine, settings, matcher, [json.dumps(again)])
    assert unlinked
    assert answer.error is None, answer.error
    assert answer.result.origin is None  # planned again, after the unlink


@pytest.mark.postgresql_only
def test_a_chunk_attributing_a_stored_article_while_it_is_linked_counts_its_new_root(
    engine: Engine, settings: Settings, monkeypatch: pytest.MonkeyPatch, client: Any
) -> None:
    """A chunk gives a stored article a new claim and recounts it; a link of that article
    commits before the chunk does. The link recounts the claims it finds on the article (not
    the chunk's, uncommitted), the chunk counted from the old root: the claim stayed stale.
    The chunk holds its stored articles (FOR SHARE) until it commits: the link waits."""
    import threading

    from sqlalchemy import event
    from sqlmodel import Session

    matcher = build_matcher(settings)
    claim = "The ferry service will resume in June."
    origin = _line("https://daily.example/ferry", [claim], title="Ferry")
    copy = _line(
        "https://herald.example/ferry",
        [],
        slug="herald",
        title="Ferry back",
        published_at=(T0 + timedelta(hours=1)).isoformat(),
    )
    first = _ingest(engine, settings, matcher, [origin, copy])
    origin_id, copy_id = (answer.result.article_id for answer in first)
    copy_with_claim = json.loads(copy)
    copy_with_claim["claims"] = [{"text": claim}]
    linked: dict[str, Any] = {}

    def link_before_commit(session: Session) -> None:
        if session.in_nested_transaction() or linked:
            return
        linked["started"] = True  # once: the link's own commit comes through here too
        body = {"origin_article_id": origin_id, "relation": "syndicates"}
        linking = threading.Thread(
            target=lambda: linked.__setitem__(
                "link", client.post(f"/v1/articles/{copy_id}/links", json=body)
            )
        )
        linking.start()
        # The link commits, or waits for a lock the chunk holds.
        while linking.is_alive() and not waiting_on_a_lock(engine):
            linking.join(0.02)
        linked["thread"] = linking

    event.listen(Session, "before_commit", link_before_commit)
    try:
        [answer] = _ingest(engine, settings, matcher, [json.dumps(copy_with_claim)])
    finally:
        event.remove(Session, "before_commit", link_before_commit)
    linked["thread"].join(60)
    assert answer.error is None, answer.error
    assert linked["link"].status_code == 201, linked["link"].text
    assert _stale(engine) == []
