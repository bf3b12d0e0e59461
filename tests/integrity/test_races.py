"""The races of issue 20, run with real concurrent requests, each repeated ROUNDS times.

Every request goes through the whole app (retry middleware, session, services) from its own
thread, on its own connection, all released at once by a barrier. After each test no response is
a 5xx, the answers are those some serial order of the same requests would give, and every
invariant `corroborate recount --check` verifies holds. PostgreSQL is where these raced (SQLite
runs one writer at a time), so that is where they must run; they stay bounded (~1 s each).
"""

import itertools
import threading
from collections.abc import Callable
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from sqlalchemy import func
from sqlalchemy import select
from sqlalchemy import text
from sqlmodel import Session

from app.articles import graph
from app.articles import service as articles_service
from app.articles.models import LinkCreate
from app.claims import attributions as claims_attributions
from app.claims.models import AttributionCreate
from app.core.unit_of_work import run_transaction
from app.core.unit_of_work import transaction
from app.corroboration import counters
from app.ingest import copies
from app.ingest import service as ingest_service
from app.ingest.models import IngestPayload
from app.integrity import service as integrity
from app.tables import Article
from app.tables import Claim
from app.tables import LinkProvenance
from app.tables import LinkRelation
from tests.factories import T0
from tests.factories import Factory

pytestmark = pytest.mark.postgresql_only

ROUNDS = 10
Call = Callable[[TestClient], httpx.Response]


class Racer:
    """Sends requests together, one thread and one client (own connection) per request."""

    def __init__(self, app: FastAPI, secret: str, width: int) -> None:
        headers = {"Authorization": f"Bearer {secret}"}
        self.clients = [
            TestClient(app, headers=headers, raise_server_exceptions=False) for _ in range(width)
        ]
        self.statuses: list[int] = []

    def race(self, *calls: Call) -> list[httpx.Response]:
        barrier = threading.Barrier(len(calls))
        responses: list[Any] = [None] * len(calls)

        def run(index: int) -> None:
            barrier.wait()
            responses[index] = calls[index](self.clients[index])

        threads = [threading.Thread(target=run, args=(i,)) for i in range(len(calls))]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
        assert all(isinstance(r, httpx.Response) for r in responses), "a request did not finish"
        self.statuses += [r.status_code for r in responses]
        server_errors = [r.text for r in responses if r.status_code >= 500]
        assert server_errors == []
        return responses


@pytest.fixture
def racer(make_app: Callable[..., FastAPI], factory: Factory, engine: Engine) -> Iterator[Racer]:
    app = make_app(db_pool_size=20, db_max_overflow=10)
    racer = Racer(app, factory.api_key(scopes=["read", "write", "admin"], name="racer"), 16)
    yield racer
    with transaction(engine, write=False) as session:
        broken = {f.name: f.ids for f in integrity.check(session) if f.ids}
    assert broken == {}


def merge(claim_id: int | None, into: int | None) -> Call:
    return lambda client: client.post(f"/v1/claims/{claim_id}/merge", json={"into": into})


def link(article_id: int | None, origin_id: int | None, relation: str = "syndicates") -> Call:
    body = {"origin_article_id": origin_id, "relation": relation}
    return lambda client: client.post(f"/v1/articles/{article_id}/links", json=body)


def codes(responses: list[httpx.Response]) -> list[int]:
    return sorted(r.status_code for r in responses)


def test_opposite_merges_run_one_after_the_other(racer: Racer, factory: Factory) -> None:
    for _ in range(ROUNDS):
        a, b = factory.claim(), factory.claim()
        factory.attribute(a, factory.article())
        factory.attribute(b, factory.article())
        responses = racer.race(merge(a.id, b.id), merge(b.id, a.id))
        assert codes(responses) == [200, 422]  # the second finds the first: into itself
        loser = next(r for r in responses if r.status_code == 422)
        assert loser.json()["error"]["code"] == "merge_into_self"


def test_three_way_merge_ring_leaves_no_cycle(racer: Racer, factory: Factory) -> None:
    for _ in range(ROUNDS):
        a, b, c = factory.claim(), factory.claim(), factory.claim()
        responses = racer.race(merge(a.id, b.id), merge(b.id, c.id), merge(c.id, a.id))
        assert codes(responses) == [200, 200, 422]


def test_link_racing_a_link_of_its_origin_leaves_the_right_root(
    racer: Racer, factory: Factory, client: TestClient
) -> None:
    for _ in range(ROUNDS):
        z = factory.article(published_at=T0.isoformat())
        y = factory.article(published_at=(T0 + timedelta(hours=1)).isoformat())
        x = factory.article(published_at=(T0 + timedelta(hours=2)).isoformat())
        claim = factory.claim()
        for article in (x, y, z):
            factory.attribute(claim, article)
        # "X cites Y" racing "Y syndicates Z"
        responses = racer.race(link(x.id, y.id, "cites"), link(y.id, z.id))
        assert codes(responses) == [201, 201]
        assert client.get(f"/v1/articles/{x.id}").json()["root_article_id"] == z.id
        assert (
            client.get(f"/v1/claims/{claim.id}").json()["corroboration"]["independent_origins"] == 1
        )


def test_unlinking_an_origin_while_a_copy_links_to_it_leaves_the_right_root(
    racer: Racer, factory: Factory, client: TestClient
) -> None:
    for _ in range(ROUNDS):
        z = factory.article(published_at=T0.isoformat())
        y = factory.article(published_at=(T0 + timedelta(hours=1)).isoformat())
        x = factory.article(published_at=(T0 + timedelta(hours=2)).isoformat())
        factory.link(y, z)
        # "X cites Y" racing "Y no longer syndicates Z"
        responses = racer.race(
            link(x.id, y.id, "cites"),
            lambda c, a=y.id, o=z.id: c.delete(f"/v1/articles/{a}/links/{o}"),
        )
        assert [r.status_code for r in responses] == [201, 204]
        assert client.get(f"/v1/articles/{x.id}").json()["root_article_id"] == y.id


def attribute(claim_id: int | None, article_id: int | None) -> Call:
    body = {"article_id": article_id}
    return lambda client: client.post(f"/v1/claims/{claim_id}/attributions", json=body)


def stale(engine: Engine) -> list[int]:
    with transaction(engine, write=False) as session:
        return counters.stale_claim_ids(session)


def test_attributing_an_article_while_it_is_linked_counts_it_under_its_new_root(
    racer: Racer, factory: Factory, engine: Engine
) -> None:
    """The link recounts the claims it finds on the article; the new attribution is not
    committed yet, so the attribution's own recount must see the article's new root (it waits
    for the link), or the link must wait and then find it: never a count from the old root."""
    for _ in range(ROUNDS):
        y = factory.article(published_at=T0.isoformat())
        x = factory.article(published_at=(T0 + timedelta(hours=1)).isoformat())
        claim = factory.claim()
        factory.attribute(claim, y)
        responses = racer.race(link(x.id, y.id), attribute(claim.id, x.id))
        assert codes(responses) == [201, 201]
        assert stale(engine) == []


def test_attributing_an_article_while_it_is_re_dated_counts_the_new_date(
    racer: Racer, factory: Factory, engine: Engine
) -> None:
    for _ in range(ROUNDS):
        article = factory.article(published_at=(T0 + timedelta(hours=1)).isoformat())
        claim = factory.claim()
        responses = racer.race(
            lambda c, a=article.id: c.patch(
                f"/v1/articles/{a}", json={"published_at": T0.isoformat()}
            ),
            attribute(claim.id, article.id),
        )
        assert codes(responses) == [200, 201]
        assert stale(engine) == []


def test_mutual_links_at_the_same_time_make_no_cycle(racer: Racer, factory: Factory) -> None:
    for _ in range(ROUNDS):
        x = factory.article(published_at=T0.isoformat())
        y = factory.article(published_at=T0.isoformat())
        responses = racer.race(link(x.id, y.id), link(y.id, x.id))
        assert codes(responses) == [201, 409]
        assert next(r for r in responses if r.status_code == 409).json()["error"]["code"] == "cycle"


def test_redating_an_origin_while_it_is_linked_keeps_copies_after_origins(
    racer: Racer, factory: Factory
) -> None:
    for _ in range(ROUNDS):
        origin = factory.article(published_at=T0.isoformat())
        copy = factory.article(published_at=(T0 + timedelta(hours=1)).isoformat())
        later = (T0 + timedelta(hours=2)).isoformat()
        responses = racer.race(
            link(copy.id, origin.id),
            lambda client, o=origin.id, at=later: client.patch(
                f"/v1/articles/{o}", json={"published_at": at}
            ),
        )
        # Whichever ran second was refused: a copy cannot precede its origin.
        assert sorted(r.status_code for r in responses if r.status_code < 300) in ([200], [201])
        refused = [r for r in responses if r.status_code >= 300]
        assert [(r.status_code, r.json()["error"]["code"]) for r in refused] == [
            (422, "copy_before_origin")
        ]


def ingest(slug: str, url: str, text: str) -> Call:
    body = {
        "outlet": {"slug": slug, "name": slug.title(), "domain": f"{slug}.example"},
        "article": {"url": url, "title": "A headline", "published_at": T0.isoformat()},
        "claims": [{"text": text}],
    }
    return lambda client: client.post("/v1/ingest", json=body)


def test_outlet_cascade_delete_racing_ingests_into_it(
    racer: Racer, factory: Factory, client: TestClient
) -> None:
    for round_ in range(ROUNDS):
        slug = f"wire-{round_}"
        first = ingest(slug, f"https://{slug}.example/0", "The dam burst.")(client)
        assert first.status_code == 201, first.text
        same = [ingest(slug, f"https://{slug}.example/{n}", "The dam burst.") for n in (1, 2, 3)]
        responses = racer.race(
            lambda c, s=slug: c.delete(f"/v1/outlets/{s}", params={"cascade": "true"}), *same
        )
        assert responses[0].status_code == 204
        assert {r.status_code for r in responses[1:]} <= {200, 201}, [
            (r.status_code, r.text) for r in responses[1:]
        ]


def test_merge_racing_a_delete_answers_4xx_never_500(racer: Racer, factory: Factory) -> None:
    for round_ in range(ROUNDS):
        a, b = factory.claim(), factory.claim()
        factory.attribute(a, factory.article())
        factory.attribute(b, factory.article())
        doomed = b if round_ % 2 else a  # delete the target, or the claim being merged
        responses = racer.race(
            merge(a.id, b.id),
            lambda c, d=doomed.id: c.delete(f"/v1/claims/{d}", params={"cascade": "true"}),
        )
        merged, deleted = (r.status_code for r in responses)
        # Serial orders: merge then delete (204; deleting the merged claim itself is 409), or
        # delete then merge (the merge finds its source or target gone: 404 or 422).
        assert (merged, deleted) in {(200, 204), (200, 409), (404, 204), (422, 204)}


# Ten unrelated statements, each in sixteen wordings that match each other (>= 0.86).
STATEMENTS = [
    "The city council approved a 5% rise in bus fares",
    "Rainfall in March was double the long-term average across the northern region",
    "The health ministry reported 312 new measles cases in the capital",
    "A fire destroyed the old textile mill beside the river overnight",
    "The central bank left its main interest rate unchanged at 4.25%",
    "Engineers found cracks in two pillars of the motorway viaduct",
    "The football club sacked its manager after eight straight defeats",
    "Unemployment among graduates fell to its lowest level in a decade",
    "The airport will close its second runway for resurfacing until May",
    "Police seized three tonnes of counterfeit cigarettes at the port",
]


def wordings(statement: str) -> list[str]:
    return [
        f"{a}{b}{statement}{c}{d}."
        for a, b, c, d in itertools.product(
            ["", "Reportedly, "], ["", "officials said "], ["", " on Tuesday"], ["", " today"]
        )
    ]


def test_sixteen_near_duplicate_new_claims_become_one_claim(racer: Racer, engine: Engine) -> None:
    for round_, statement in enumerate(STATEMENTS[:ROUNDS]):
        texts = wordings(statement)
        responses = racer.race(
            *(
                ingest(f"paper-{round_}-{n}", f"https://p{round_}-{n}.example/a", text)
                for n, text in enumerate(texts)
            )
        )
        assert {r.status_code for r in responses} == {201}
        claim_ids = {r.json()["claims"][0]["claim_id"] for r in responses}
        assert len(claim_ids) == 1
        actions = sorted(r.json()["claims"][0]["action"] for r in responses)
        assert actions == ["created"] + ["linked"] * 15
    with transaction(engine, write=False) as session:
        assert session.scalar(select(func.count()).select_from(Claim)) == ROUNDS


def waiting_on_a_lock(engine: Engine) -> bool:
    """Whether a backend of this database is waiting for a row lock (pg_stat_activity)."""
    query = text(
        "SELECT count(*) FROM pg_stat_activity "
        "WHERE datname = current_database() AND wait_event_type = 'Lock'"
    )
    with engine.connect() as connection:
        return bool(connection.scalar(query))


Work = Callable[[Session], None]


def once(
    engine: Engine, failures: dict[str, BaseException], name: str, work: Work
) -> threading.Thread:
    """Run `work` in one transaction on its own thread, one attempt, recording its error."""

    def run() -> None:
        try:
            with transaction(engine, write=True) as session:  # one attempt, no retry
                work(session)
        except BaseException as error:
            failures[name] = error

    thread = threading.Thread(target=run)
    thread.start()
    return thread


def paused_then(
    engine: Engine,
    first: tuple[str, Work, threading.Event],
    second: tuple[str, Work],
    go: threading.Event,
) -> None:
    """The first unit of work runs until it sets its event (it then waits for `go`, with its
    locks held); the second starts and runs until it commits or waits for a lock; then the
    first goes on. Each gets one attempt, and both must commit."""
    failures: dict[str, BaseException] = {}
    name, work, reached = first
    paused = once(engine, failures, name, work)
    assert reached.wait(30), f"{name} never came to its pause"
    racing = once(engine, failures, *second)
    while racing.is_alive() and not waiting_on_a_lock(engine):
        racing.join(0.02)
    go.set()
    paused.join(60)
    racing.join(60)
    assert {name: repr(error.__cause__ or error) for name, error in failures.items()} == {}


def attribution_of(claim_id: int | None, article_id: int | None) -> Work:
    """A unit of work attributing the claim to the article through the service verb."""

    def attribute_it(session: Session) -> None:
        live = session.get(Claim, claim_id)
        assert live is not None
        data = AttributionCreate(article_id=article_id or 0)
        claims_attributions.add_attribution(session, claim=live, data=data)

    return attribute_it


def wire_story(n: int) -> IngestPayload:
    """The n-th story of outlet "wire", all carrying one claim (a new article each)."""
    return IngestPayload.model_validate(
        {
            "outlet": {"slug": "wire", "name": "Wire", "domain": "wire.example"},
            "article": {
                "url": f"https://wire.example/{n}",
                "title": f"Story {n}",
                "published_at": (T0 + timedelta(hours=n)).isoformat(),
            },
            "claims": [{"text": "The dam burst."}],
        }
    )


def paused_after_first(
    monkeypatch: pytest.MonkeyPatch, owner: Any, name: str
) -> tuple[threading.Event, threading.Event]:
    """Make `owner.name` pause after its first call returns, holding whatever its transaction
    holds then, until the test sets `go`: (reached, go), for `paused_then`."""
    reached, go = threading.Event(), threading.Event()
    real = getattr(owner, name)

    def then_pause(*args: Any, **kwargs: Any) -> Any:
        result = real(*args, **kwargs)
        if not reached.is_set():
            reached.set()
            assert go.wait(30), f"the test never let {name} go on"
        return result

    monkeypatch.setattr(owner, name, then_pause)
    return reached, go


def test_outlet_deleted_after_an_ingest_found_it_is_created_anew(
    racer: Racer, client: TestClient, engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The exact window behind the 422 seen once under load: an ingest has found its outlet,
    then the outlet's cascade delete commits before the ingest writes its article. The
    ingest used to look the outlet up again by slug for the article, miss it and answer 422
    `unknown_reference` for a payload that names the outlet in full. In a serial order the
    ingest either ran first (its article is deleted with the outlet) or second (it creates
    the outlet anew): 201 either way. The pause is injected, so the window is hit every time."""
    slug = "wire-window"
    first = ingest(slug, f"https://{slug}.example/0", "The dam burst.")(client)
    assert first.status_code == 201, first.text
    found, go = threading.Event(), threading.Event()
    real_outlet = ingest_service._outlet

    def outlet_then_pause(*args: Any, **kwargs: Any) -> Any:
        result = real_outlet(*args, **kwargs)
        if not found.is_set():  # the first attempt only; a re-run goes straight through
            found.set()
            assert go.wait(30), "the test never let the ingest go on"
        return result

    monkeypatch.setattr(ingest_service, "_outlet", outlet_then_pause)
    answers: dict[str, httpx.Response] = {}

    def send_ingest() -> None:
        call = ingest(slug, f"https://{slug}.example/1", "The dam burst.")
        answers["ingest"] = call(racer.clients[0])

    def send_delete() -> None:
        answers["delete"] = racer.clients[1].delete(
            f"/v1/outlets/{slug}", params={"cascade": "true"}
        )

    ingesting = threading.Thread(target=send_ingest)
    ingesting.start()
    assert found.wait(30), "the ingest never looked its outlet up"
    deleting = threading.Thread(target=send_delete)
    deleting.start()
    # Let the delete run until it has committed, or until it waits for a lock the ingest
    # holds (then the ingest must go on first).
    while deleting.is_alive() and not waiting_on_a_lock(engine):
        deleting.join(0.02)
    go.set()
    ingesting.join(60)
    deleting.join(60)
    assert answers["delete"].status_code == 204, answers["delete"].text
    assert answers["ingest"].status_code == 201, answers["ingest"].text
    outlet = client.get(f"/v1/outlets/{slug}")
    # Ingest then delete: the outlet is gone; delete then ingest: it was created anew.
    assert outlet.status_code == (200 if answers["ingest"].json()["outlet_created"] else 404)


def post_claim(text_: str) -> Call:
    return lambda client: client.post("/v1/claims", json={"text": text_})


def test_the_same_new_claim_posted_eight_times_at_once_is_one_claim(
    racer: Racer, engine: Engine
) -> None:
    """POST /v1/claims with one text from eight clients at once: one 201, and seven 409s that
    name it (the serial answers), never a 500 from the unique index or the embedding's row."""
    for round_ in range(ROUNDS):
        text_ = f"The reservoir held {round_} billion litres."
        responses = racer.race(*(post_claim(text_) for _ in range(8)))
        assert codes(responses) == [201] + [409] * 7
        created = next(r for r in responses if r.status_code == 201).json()["id"]
        named = {
            r.json()["error"]["details"][0]["existing_id"]
            for r in responses
            if r.status_code == 409
        }
        assert named == {created}
    with transaction(engine, write=False) as session:
        assert session.scalar(select(func.count()).select_from(Claim)) == ROUNDS


TUNNEL_BODY = " ".join(
    f"Sentence {k} about the tunnel closure and its repairs, {k}." for k in range(30)
)


def story(slug: str, hour: int, **extra: Any) -> dict[str, Any]:
    return {
        "outlet": {"slug": slug, "name": slug.title(), "domain": f"{slug}.example"},
        "article": {
            "url": f"https://{slug}.example/tunnel",
            "title": "Tunnel to close",
            "published_at": T0.replace(hour=hour).isoformat(),
            "body": TUNNEL_BODY,
        },
        "claims": [{"text": "The harbour tunnel will close for repairs from March."}],
        **extra,
    }


def _ingest_pausing_in(
    racer: Racer,
    monkeypatch: pytest.MonkeyPatch,
    module: Any,
    name: str,
    body: dict[str, Any],
    *,
    after: bool = False,
) -> tuple[threading.Thread, threading.Event, dict[str, httpx.Response]]:
    """Start an ingest that stops (once) when it calls `module.name`, before the call (or
    `after` it)."""
    reached, go = threading.Event(), threading.Event()
    real = getattr(module, name)

    def pause_then_call(*args: Any, **kwargs: Any) -> Any:
        result = real(*args, **kwargs) if after else None
        if not reached.is_set():
            reached.set()
            assert go.wait(30), "the test never let the ingest go on"
        return result if after else real(*args, **kwargs)

    monkeypatch.setattr(module, name, pause_then_call)
    answers: dict[str, httpx.Response] = {}
    thread = threading.Thread(
        target=lambda: answers.__setitem__("ingest", racer.clients[0].post("/v1/ingest", json=body))
    )
    thread.start()
    assert reached.wait(30), f"the ingest never called {name}"
    return thread, go, answers


@pytest.mark.parametrize("deleted", ["copy", "origin"])
def test_an_article_deleted_after_copy_detection_found_it_is_not_an_error(
    racer: Racer, client: TestClient, monkeypatch: pytest.MonkeyPatch, deleted: str
) -> None:
    """Detection found a stored copy (or origin) of the ingested article; a cascade delete of
    that article commits before the link is written. add_link, reading both again under its
    locks, refused with 404/422 and the whole line failed; in a serial order the ingest either
    linked it (then it was deleted) or never saw it: 201 either way."""
    stored, arriving = (story("later", 12), story("earlier", 8))
    if deleted == "origin":
        stored, arriving = arriving, stored
    first = client.post("/v1/ingest", json=stored)
    assert first.status_code == 201, first.text
    doomed = first.json()["article_id"]
    thread, go, answers = _ingest_pausing_in(
        racer, monkeypatch, articles_service, "add_link", arriving
    )
    deleting = racer.clients[1].delete(f"/v1/articles/{doomed}", params={"cascade": "true"})
    assert deleting.status_code == 204, deleting.text
    go.set()
    thread.join(60)
    assert answers["ingest"].status_code == 201, answers["ingest"].text
    assert answers["ingest"].json()["origin"] is None
    assert answers["ingest"].json()["copies"] == []


def test_a_stated_origin_deleted_after_the_ingest_found_it_is_origin_not_found(
    racer: Racer, client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The serial answers are 201 (linked, then deleted) or 422 origin_not_found; the race
    answered 422 unknown_reference "origin article N not found", another code."""
    first = client.post("/v1/ingest", json=story("earlier", 8))
    assert first.status_code == 201, first.text
    origin = {"url": "https://earlier.example/tunnel", "relation": "cites"}
    thread, go, answers = _ingest_pausing_in(
        racer,
        monkeypatch,
        articles_service,
        "replace_detected_link",
        story("later", 12, origin=origin),
    )
    deleting = racer.clients[1].delete(
        f"/v1/articles/{first.json()['article_id']}", params={"cascade": "true"}
    )
    assert deleting.status_code == 204, deleting.text
    go.set()
    thread.join(60)
    assert answers["ingest"].status_code == 422, answers["ingest"].text
    assert answers["ingest"].json()["error"]["code"] == "origin_not_found"


def test_unlinking_an_article_while_it_is_re_sent_answers_as_some_serial_order(
    racer: Racer, client: TestClient, engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A re-sent article read its origin link, then a concurrent unlink committed: the answer
    was 404 "article N has no origin link". Serially the re-send answers with the origin
    (it ran first) or runs detection without one (it ran second)."""
    origin = client.post("/v1/ingest", json=story("earlier", 8))
    copy = story("later", 12, origin={"url": "https://earlier.example/tunnel", "relation": "cites"})
    first = client.post("/v1/ingest", json=copy)
    assert first.status_code == 201, first.text
    del copy["origin"]
    thread, go, answers = _ingest_pausing_in(racer, monkeypatch, copies, "detect", copy)
    unlinking = threading.Thread(
        target=lambda: answers.__setitem__(
            "unlink",
            racer.clients[1].delete(
                f"/v1/articles/{first.json()['article_id']}/links/{origin.json()['article_id']}"
            ),
        )
    )
    unlinking.start()
    # Let the unlink run until it has committed, or until it waits for a lock the re-send holds.
    while unlinking.is_alive() and not waiting_on_a_lock(engine):
        unlinking.join(0.02)
    go.set()
    thread.join(60)
    unlinking.join(60)
    assert answers["unlink"].status_code == 204, answers["unlink"].text
    assert answers["ingest"].status_code == 200, answers["ingest"].text


def test_the_same_attribution_deleted_twice_at_once_is_deleted_once(
    racer: Racer, factory: Factory
) -> None:
    """The second DELETE used to match no row: SQLAlchemy's warning (an error in this suite,
    so a 500) or, where warnings are only logged, a second 204 for a row already gone."""
    for _ in range(ROUNDS):
        claim = factory.claim()
        attribution = factory.attribute(claim, factory.article())
        path = f"/v1/claims/{claim.id}/attributions/{attribution.id}"
        responses = racer.race(*(lambda c, p=path: c.delete(p) for _ in range(3)))
        assert codes(responses) == [204, 404, 404]


@pytest.mark.parametrize("pause", ["after_finding_it", "before_linking_it"])
def test_a_re_sent_article_deleted_meanwhile_is_kept_or_created_anew(
    racer: Racer, client: TestClient, engine: Engine, monkeypatch: pytest.MonkeyPatch, pause: str
) -> None:
    """A re-send found its article by URL, then a cascade delete of the article committed; the
    re-send, stating an origin, linked the vanished article: 404 "article N not found". Serially
    the delete runs after the re-send (200) or before it (the article is created anew: 201)."""
    assert client.post("/v1/ingest", json=story("earlier", 8)).status_code == 201
    body = story("later", 12, detect_copies=False)
    first = client.post("/v1/ingest", json=body)
    assert first.status_code == 201, first.text
    body["origin"] = {"url": "https://earlier.example/tunnel", "relation": "cites"}
    if pause == "after_finding_it":
        paused = _ingest_pausing_in(
            racer, monkeypatch, articles_service, "get_by_url", body, after=True
        )
    else:
        paused = _ingest_pausing_in(racer, monkeypatch, articles_service, "add_link", body)
    thread, go, answers = paused
    deleting = threading.Thread(
        target=lambda: answers.__setitem__(
            "delete",
            racer.clients[1].delete(
                f"/v1/articles/{first.json()['article_id']}", params={"cascade": "true"}
            ),
        )
    )
    deleting.start()
    # Let the delete run until it has committed, or until it waits for a lock the ingest holds.
    while deleting.is_alive() and not waiting_on_a_lock(engine):
        deleting.join(0.02)
    go.set()
    thread.join(60)
    deleting.join(60)
    assert answers["delete"].status_code == 204, answers["delete"].text
    expected = 201 if pause == "after_finding_it" else 200
    assert answers["ingest"].status_code == expected, answers["ingest"].text


def test_deleting_a_credited_outlet_while_a_claim_is_attributed_to_its_crediting_article(
    client: TestClient, factory: Factory, engine: Engine
) -> None:
    """The outlet's delete drops the credited origins naming it and recounts the claims it
    finds on the crediting articles; a claim being attributed to one of them at that moment
    (counted under the credited outlet, not committed yet) was found by neither recount.
    The attribution's transaction is held open here while the delete runs."""
    body = {
        "outlet": {"slug": "paper", "name": "Paper"},
        "article": {"url": "https://paper.example/a", "title": "A", "published_at": T0.isoformat()},
        "claims": [],
        "credited_origin": {
            "outlet": {"slug": "agency", "name": "Agency"},
            "relation": "syndicates",
            "reason": "stated",
            "evidence": "By Agency",
        },
    }
    crediting = client.post("/v1/ingest", json=body)
    assert crediting.json()["credited_origin"] is not None, crediting.text
    claim = factory.claim()
    factory.attribute(claim, factory.article())
    deleted: dict[str, httpx.Response] = {}
    with transaction(engine, write=True) as session:
        live = session.get(Claim, claim.id)
        assert live is not None
        data = AttributionCreate(article_id=crediting.json()["article_id"])
        claims_attributions.add_attribution(session, claim=live, data=data)
        counters.settle(session)  # counted: the article credits the agency
        deleting = threading.Thread(
            target=lambda: deleted.__setitem__(
                "agency", client.delete("/v1/outlets/agency", params={"cascade": "true"})
            )
        )
        deleting.start()
        # The delete commits, or waits for a lock this transaction holds.
        while deleting.is_alive() and not waiting_on_a_lock(engine):
            deleting.join(0.02)
    deleting.join(60)
    assert deleted["agency"].status_code == 204, deleted["agency"].text
    assert stale(engine) == []


def test_a_detected_link_unlinked_while_a_stated_one_replaces_it(
    client: TestClient, factory: Factory, engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Accepting a copy proposal (or an ingest stating an origin) replaces the article's
    detected link: it read that link, then a concurrent unlink removed it, and removing it
    again under the locks answered 404 "article N has no link to article M". Serially the
    unlink runs first (the new link is simply added) or after (it finds the new link)."""
    first = factory.article(published_at=T0.isoformat())
    second = factory.article(published_at=T0.isoformat())
    copy = factory.article(published_at=(T0 + timedelta(hours=1)).isoformat())
    with transaction(engine, write=True) as session:
        articles_service.add_link(
            session,
            article=articles_service.get(session, article_id=copy.id or 0),
            data=LinkCreate(origin_article_id=first.id or 0, relation=LinkRelation.syndicates),
            provenance=LinkProvenance.detected,
        )
    reached, go = threading.Event(), threading.Event()
    real = articles_service.remove_link

    def pause_then_remove(*args: Any, **kwargs: Any) -> Any:
        if not reached.is_set():
            reached.set()
            assert go.wait(30)
        return real(*args, **kwargs)

    monkeypatch.setattr(articles_service, "remove_link", pause_then_remove)
    outcome: dict[str, Any] = {}

    def replace(session: Any) -> None:
        articles_service.replace_detected_link(
            session,
            article=articles_service.get(session, article_id=copy.id or 0),
            data=LinkCreate(origin_article_id=second.id or 0, relation=LinkRelation.cites),
            provenance=LinkProvenance.stated,
        )

    def run() -> None:
        try:
            run_transaction(engine, replace, attempts=3)
            outcome["replaced"] = True
        except Exception as exc:
            outcome["replaced"] = exc

    replacing = threading.Thread(target=run)
    replacing.start()
    unlinking = threading.Thread(
        target=lambda: outcome.__setitem__(
            "unlink", client.delete(f"/v1/articles/{copy.id}/links/{first.id}")
        )
    )
    assert reached.wait(30), "the replacement never came to remove the detected link"
    unlinking.start()
    # The unlink commits (the replacement had read the link without a lock), or waits for
    # the locks the replacement holds.
    while unlinking.is_alive() and not waiting_on_a_lock(engine):
        unlinking.join(0.02)
    go.set()
    replacing.join(60)
    unlinking.join(60)
    assert outcome["replaced"] is True, outcome["replaced"]
    assert client.get(f"/v1/articles/{copy.id}").json()["origin"]["origin"]["id"] == second.id


def test_recount_check_on_a_serving_database_reports_only_what_is_wrong(
    racer: Racer, engine: Engine
) -> None:
    """`recount --check` runs on a serving database (docs/deploy.md). Its checks compare
    stored values with what other rows derive, in several statements; under READ COMMITTED an
    ingest committing between two of them was a finding (stale_counters), and exit 1."""
    stop = threading.Event()

    def write(index: int) -> None:
        for n in itertools.count():
            if stop.is_set():
                return
            call = ingest(f"paper-{n % 3}", f"https://p.example/{index}/{n}", STATEMENTS[n % 4])
            assert call(racer.clients[index]).status_code in (200, 201)

    writers = [threading.Thread(target=write, args=(index,)) for index in range(2)]
    for writer in writers:
        writer.start()
    try:
        findings = [
            {f.name: f.ids for f in integrity.check_snapshot(engine) if f.ids} for _ in range(60)
        ]
    finally:
        stop.set()
        for writer in writers:
            writer.join(60)
    assert [found for found in findings if found] == []


def test_re_sends_stating_an_origin_over_a_detected_one_all_answer(
    racer: Racer, client: TestClient
) -> None:
    """Six sends at once of an article whose detected origin they replace by a stated one: one
    replaces it, the others find it (200 each), without deadlocking on the article's locks
    (a re-send that held its article FOR SHARE and then locked it to relink did, to exhaustion
    of the retries) and without "article N has no link to article M" (the detected link read
    before the locks, removed by the first)."""
    for round_ in range(3):
        assert client.post("/v1/ingest", json=story(f"wire-{round_}", 7)).status_code == 201
        assert client.post("/v1/ingest", json=story(f"early-{round_}", 8)).status_code == 201
        detected = client.post("/v1/ingest", json=story(f"late-{round_}", 12))
        assert detected.json()["origin"]["provenance"] == "detected", detected.text
        origin = {"url": f"https://wire-{round_}.example/tunnel", "relation": "cites"}
        stated = story(f"late-{round_}", 12, origin=origin)
        responses = racer.race(
            *(lambda c, b=stated: c.post("/v1/ingest", json=b) for _ in range(6))
        )
        assert codes(responses) == [200] * 6, [r.text for r in responses if r.status_code != 200]
        assert {r.json()["origin"]["provenance"] for r in responses} == {"stated"}


@pytest.mark.parametrize("write", ["link", "unlink"])
def test_a_link_re_rooting_a_copy_being_attributed_waits_instead_of_deadlocking(
    factory: Factory, engine: Engine, monkeypatch: pytest.MonkeyPatch, write: str
) -> None:
    """The cycle the attribution hold left: a link (or unlink) locked its tree's root, then
    updated its copies' roots one by one, while an attribution of one of those copies held it
    (FOR SHARE, counters.hold, lowest id first) and waited for the root. The copy's id is
    below the root's here, so the hold takes the copy first. The graph writer is paused with
    its locks taken, the attribution sent, and the writer let go once the attribution waits:
    PostgreSQL detected a deadlock (40P01) and aborted one of them every time. Now the writer
    locks the copies it re-roots in the same ascending pass, so the attribution waits for it
    and both commit, in one attempt each."""
    copy = factory.article(published_at=(T0 + timedelta(hours=2)).isoformat())
    middle = factory.article(published_at=(T0 + timedelta(hours=1)).isoformat())
    top = factory.article(published_at=T0.isoformat())
    factory.link(copy, middle)
    if write == "unlink":
        factory.link(middle, top)  # copy's root is top; unlinking middle re-roots copy to it
    assert (copy.id or 0) < (middle.id or 0) < (top.id or 0)
    claim = factory.claim()
    locked, go = threading.Event(), threading.Event()
    real_lock_trees = graph.lock_trees

    def lock_then_pause(*args: Any, **kwargs: Any) -> None:
        real_lock_trees(*args, **kwargs)
        if not locked.is_set():
            locked.set()
            assert go.wait(30), "the test never let the graph writer go on"

    monkeypatch.setattr(graph, "lock_trees", lock_then_pause)

    def change_the_graph(session: Session) -> None:
        article = articles_service.get(session, article_id=middle.id or 0)
        if write == "link":
            data = LinkCreate(origin_article_id=top.id or 0, relation=LinkRelation.syndicates)
            articles_service.add_link(session, article=article, data=data)
        else:
            articles_service.remove_link(session, article=article, origin_article_id=top.id or 0)

    def attribute_the_copy(session: Session) -> None:
        live = session.get(Claim, claim.id)
        assert live is not None
        data = AttributionCreate(article_id=copy.id or 0)
        claims_attributions.add_attribution(session, claim=live, data=data)

    # The attribution's hold waits for a lock the paused writer holds (or commits first).
    paused_then(engine, (write, change_the_graph, locked), ("attribution", attribute_the_copy), go)
    expected_root = top.id if write == "link" else middle.id
    with transaction(engine, write=False) as session:
        assert session.get(Article, copy.id).root_article_id == expected_root  # type: ignore[union-attr]
    assert stale(engine) == []
