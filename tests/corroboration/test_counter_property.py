"""Property: after any sequence of writes, the stored counters equal a from-scratch recount.

Hypothesis drives random sequences of every write that can change a claim's counts (claim
merges included), each in its own transaction through the service layer (as the API runs
them); refused writes (a link
that would precede its origin or close a cycle, a duplicate attribution, ...) roll back like a
4xx would. After every step two independent checks must agree with the stored columns:
`stale_claim_ids()` (the SQL recount behind `corroborate recount --check`) and a plain-Python
oracle that follows the article links itself instead of trusting `root_article_id`.
"""

from collections.abc import Callable
from datetime import UTC
from datetime import datetime
from datetime import timedelta
from typing import Any

import hypothesis.strategies as st
import pytest
from hypothesis import HealthCheck
from hypothesis import settings
from hypothesis.stateful import RuleBasedStateMachine
from hypothesis.stateful import invariant
from hypothesis.stateful import rule
from hypothesis.stateful import run_state_machine_as_test
from sqlalchemy import Engine
from sqlalchemy import select
from sqlalchemy import text
from sqlmodel import Session

from app.articles import service as articles
from app.articles.models import ArticleCreate
from app.articles.models import ArticleUpdate
from app.articles.models import LinkCreate
from app.claims import attributions
from app.claims import merging
from app.claims import service as claims
from app.claims.models import AttributionCreate
from app.claims.models import AttributionUpdate
from app.claims.models import ClaimCreate
from app.core.columns import metadata
from app.core.errors import AppError
from app.core.migrations import UNMODELLED_TABLES
from app.core.unit_of_work import transaction
from app.corroboration import counters
from app.outlets import service as outlets
from app.outlets.models import OutletCreate
from app.tables import REPORTING_STANCES
from app.tables import Article
from app.tables import ArticleLink
from app.tables import Attribution
from app.tables import Claim
from app.tables import Outlet

T0 = datetime(2025, 5, 1, tzinfo=UTC)
OUTLETS = ("wire-a", "wire-b", "paper-c", "paper-d")
CLAIMS = 3
STANCES = ("reports", "supports", "disputes")

# Small pools make collisions (same claim, same article, chains, deletes of used rows) likely.
hours = st.integers(min_value=0, max_value=12)
pick = st.integers(min_value=0, max_value=10_000)


def _empty(engine: Engine) -> None:
    tables = [*UNMODELLED_TABLES, *(table.name for table in reversed(metadata.sorted_tables))]
    with engine.begin() as connection:
        for name in tables:
            connection.execute(text(f'DELETE FROM "{name}"'))


def expected_counters(session: Session) -> dict[int, tuple[Any, ...]]:
    """Every claim's counters computed in Python from the rows, following links by hand."""
    outlet_of = {a.id: a.outlet_id for a in session.scalars(select(Article))}
    published = {a.id: a.published_at for a in session.scalars(select(Article))}
    origin_of = {
        link.article_id: link.origin_article_id for link in session.scalars(select(ArticleLink))
    }

    def root(article_id: int) -> int:
        seen = {article_id}
        while article_id in origin_of:
            article_id = origin_of[article_id]
            assert article_id not in seen, "cycle in article links"
            seen.add(article_id)
        return article_id

    by_claim: dict[int, list[Attribution]] = {c: [] for c in session.scalars(select(Claim.id))}
    for attribution in session.scalars(select(Attribution)):
        by_claim[attribution.claim_id].append(attribution)
    result: dict[int, tuple[Any, ...]] = {}
    for claim_id, rows in by_claim.items():
        reporting = [r.article_id for r in rows if r.stance in REPORTING_STANCES]
        disputing = [r.article_id for r in rows if r.stance == "disputes"]
        first = min(reporting, key=lambda a: (published[a], a), default=None)
        result[claim_id] = (
            len({outlet_of[a] for a in reporting}),
            len({outlet_of[root(a)] for a in reporting}),
            len(reporting),
            len({outlet_of[a] for a in disputing}),
            None if first is None else published[first],
            first,
            None if first is None else outlet_of[first],
            max((published[a] for a in reporting), default=None),
        )
    return result


def stored_counters(session: Session) -> dict[int, tuple[Any, ...]]:
    rows = session.execute(
        select(
            Claim.id,
            Claim.outlets_count,
            Claim.origins_count,
            Claim.articles_count,
            Claim.disputing_outlets_count,
            Claim.first_reported_at,
            Claim.first_reported_article_id,
            Claim.first_reported_outlet_id,
            Claim.last_reported_at,
        )
    )
    return {row[0]: tuple(row[1:]) for row in rows}


def make_machine(engine: Engine) -> type[RuleBasedStateMachine]:
    class CounterWrites(RuleBasedStateMachine):
        """Random writes through the services; each rule is one request-sized transaction."""

        def __init__(self) -> None:
            super().__init__()
            _empty(engine)
            self.serial = 0
            with transaction(engine, write=True) as session:
                for slug in OUTLETS:
                    outlets.create(session, data=OutletCreate(slug=slug, name=slug.upper()))
                for n in range(CLAIMS):
                    claims.create(session, data=ClaimCreate(text=f"Claim {n} was made."))

        def write(self, action: Callable[[Session], object]) -> None:
            try:
                with transaction(engine, write=True) as session:
                    action(session)
            except AppError:
                pass  # a refused write is rolled back whole, as the API would answer 4xx

        def _ids(self, session: Session, column: Any) -> list[int]:
            return list(session.scalars(select(column).order_by(column)))

        def _choose(self, column: Any, index: int) -> int | None:
            with transaction(engine, write=False) as session:
                ids = self._ids(session, column)
            return ids[index % len(ids)] if ids else None

        @rule(outlet=st.sampled_from(OUTLETS), hour=hours)
        def add_article(self, outlet: str, hour: int) -> None:
            self.serial += 1
            data = ArticleCreate(
                outlet=outlet,
                url=f"https://example.org/{self.serial}",
                title=f"Report {self.serial}",
                published_at=T0 + timedelta(hours=hour),
            )
            self.write(lambda s: articles.create(s, data=data))

        @rule(claim=pick, article=pick, stance=st.sampled_from(STANCES))
        def attribute(self, claim: int, article: int, stance: str) -> None:
            claim_id = self._choose(Claim.id, claim)
            article_id = self._choose(Article.id, article)
            if claim_id is None or article_id is None:
                return
            data = AttributionCreate(article_id=article_id, stance=stance)
            self.write(
                lambda s: attributions.add_attribution(
                    s, claim=claims.get(s, claim_id=claim_id), data=data
                )
            )

        @rule(attribution=pick, stance=st.sampled_from(STANCES))
        def change_stance(self, attribution: int, stance: str) -> None:
            attribution_id = self._choose(Attribution.id, attribution)
            if attribution_id is None:
                return
            self.write(
                lambda s: attributions.update_attribution(
                    s,
                    attribution=s.get_one(Attribution, attribution_id),
                    data=AttributionUpdate(stance=stance),
                )
            )

        @rule(attribution=pick)
        def unattribute(self, attribution: int) -> None:
            attribution_id = self._choose(Attribution.id, attribution)
            if attribution_id is None:
                return
            self.write(
                lambda s: attributions.remove_attribution(
                    s, attribution=s.get_one(Attribution, attribution_id)
                )
            )

        @rule(copy=pick, origin=pick, relation=st.sampled_from(("syndicates", "cites")))
        def link(self, copy: int, origin: int, relation: str) -> None:
            copy_id = self._choose(Article.id, copy)
            origin_id = self._choose(Article.id, origin)
            if copy_id is None or origin_id is None:
                return
            data = LinkCreate(origin_article_id=origin_id, relation=relation)
            self.write(
                lambda s: articles.add_link(
                    s, article=articles.get(s, article_id=copy_id), data=data
                )
            )

        @rule(copy=pick)
        def unlink(self, copy: int) -> None:
            copy_id = self._choose(ArticleLink.article_id, copy)
            if copy_id is None:
                return

            def action(s: Session) -> None:
                link = s.get_one(ArticleLink, copy_id)
                articles.remove_link(
                    s,
                    article=articles.get(s, article_id=copy_id),
                    origin_article_id=link.origin_article_id,
                )

            self.write(action)

        @rule(article=pick, hour=hours)
        def move_in_time(self, article: int, hour: int) -> None:
            article_id = self._choose(Article.id, article)
            if article_id is None:
                return
            data = ArticleUpdate(published_at=T0 + timedelta(hours=hour))
            self.write(
                lambda s: articles.update(
                    s, article=articles.get(s, article_id=article_id), data=data
                )
            )

        @rule(article=pick, outlet=st.sampled_from(OUTLETS))
        def move_to_outlet(self, article: int, outlet: str) -> None:
            article_id = self._choose(Article.id, article)
            if article_id is None:
                return
            data = ArticleUpdate(outlet=outlet)
            self.write(
                lambda s: articles.update(
                    s, article=articles.get(s, article_id=article_id), data=data
                )
            )

        @rule(article=pick)
        def delete_article(self, article: int) -> None:
            article_id = self._choose(Article.id, article)
            if article_id is None:
                return
            self.write(
                lambda s: articles.delete(
                    s, article=articles.get(s, article_id=article_id), cascade=True
                )
            )

        @rule(outlet=st.sampled_from(OUTLETS))
        def delete_outlet(self, outlet: str) -> None:
            def action(s: Session) -> None:
                found = s.scalar(select(Outlet).where(Outlet.slug == outlet))
                if found is not None:
                    outlets.delete(s, outlet=found, cascade=True)
                    # Put it back empty, so later steps can still use the slug.
                    s.flush()
                    outlets.create(s, data=OutletCreate(slug=outlet, name=outlet.upper()))

            self.write(action)

        @rule(claim=pick)
        def replace_claim(self, claim: int) -> None:
            claim_id = self._choose(Claim.id, claim)
            if claim_id is None:
                return
            self.serial += 1
            serial = self.serial

            def action(s: Session) -> None:
                claims.delete(s, claim=claims.get(s, claim_id=claim_id), cascade=True)
                claims.create(s, data=ClaimCreate(text=f"Claim {serial} was made."))

            self.write(action)

        @rule(claim=pick, into=pick)
        def merge(self, claim: int, into: int) -> None:
            claim_id = self._choose(Claim.id, claim)
            into_id = self._choose(Claim.id, into)
            if claim_id is None or into_id is None:
                return
            self.write(
                lambda s: merging.merge(s, claim=claims.get(s, claim_id=claim_id), into_id=into_id)
            )

        @invariant()
        def counters_equal_a_recount(self) -> None:
            with transaction(engine, write=False) as session:
                assert counters.stale_claim_ids(session) == []
                assert stored_counters(session) == expected_counters(session)

    return CounterWrites


@pytest.mark.filterwarnings("ignore::hypothesis.errors.NonInteractiveExampleWarning")
def test_stored_counters_always_equal_a_recount(engine: Engine) -> None:
    machine = make_machine(engine)
    run_state_machine_as_test(
        machine,
        settings=settings(
            max_examples=25,
            stateful_step_count=30,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow],
        ),
    )


def test_the_oracle_sees_a_stale_counter(engine: Engine) -> None:
    """The property above would fail if a write forgot to refresh: the checks catch drift."""
    machine = make_machine(engine)()
    machine.add_article(outlet="wire-a", hour=1)
    machine.attribute(claim=0, article=0, stance="reports")
    machine.counters_equal_a_recount()
    with engine.begin() as connection:
        connection.execute(text("UPDATE claim SET origins_count = origins_count + 1"))
    with pytest.raises(AssertionError):
        machine.counters_equal_a_recount()
    _empty(engine)
