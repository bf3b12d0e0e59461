"""Planning a chunk: each line decided in input order against what is stored and what the lines
before it created, without writing anything.

The rules are those of the one-line path (app/ingest/service.py), restated on plain rows:
outlet by slug then domain, article by canonical URL (an article of another outlet is the
line's error), per claim: already attributed (same fingerprint, else the best attached claim at
or above the link threshold), else the same claim by fingerprint (through merges), else the
matcher's best candidate (stored claims, and the chunk's new ones) at or above the link
threshold, else a new claim with its suggestions; a stated origin for a new article.

A line the planner cannot decide on rows alone (`needs_reference`) goes, at its place in the
order, through the one-line path: a claim given by id, a body or byline (fingerprint and
credits), a credit in the headline, a stated origin on an article already stored, and any line
for which copy detection could find something (an article nearby in time with the same
headline, or crediting the line's outlet, or a body fingerprint). For every other line copy
detection finds nothing, so skipping it changes nothing.
"""

from bisect import insort
from collections.abc import Iterable
from datetime import timedelta
from functools import lru_cache
from typing import Any
from typing import NamedTuple

from sqlalchemy import select
from sqlmodel import Session

from app.articles.headlines import headline_key as _headline_key_of
from app.claims import service as claims_service
from app.core.columns import utcnow
from app.core.config import Settings
from app.core.errors import AppError
from app.core.errors import Conflict
from app.ingest.bulk import queries
from app.ingest.bulk.matching import ChunkClaims
from app.ingest.bulk.matching import similarity
from app.ingest.bulk.rows import ArticleRow
from app.ingest.bulk.rows import AttributionRow
from app.ingest.bulk.rows import ClaimPlan
from app.ingest.bulk.rows import ClaimRow
from app.ingest.bulk.rows import LinePlan
from app.ingest.bulk.rows import LinkRow
from app.ingest.bulk.rows import OutletRow
from app.ingest.bulk.rows import Scored
from app.ingest.credits.outlets import outlet_keys
from app.ingest.credits.reading import credits as find_credits
from app.ingest.credits.urls import url_credits
from app.ingest.models import ClaimAction
from app.ingest.models import IngestClaim
from app.ingest.models import IngestPayload
from app.ingest.models import MatchMode
from app.matching.base import Candidate
from app.matching.base import Matcher
from app.matching.bounds import match_many_above
from app.matching.bounds import prepared
from app.matching.bounds import signals_from
from app.matching.lexical import LexicalMatcher
from app.tables import Claim
from app.tables import Outlet
from app.tables import OutletKind

SUGGESTIONS = 5
# Asked again and again (a claim's fingerprint in a chunk, a story's headline key): once each.
_fingerprint = lru_cache(maxsize=65_536)(claims_service.fingerprint)
headline_key = lru_cache(maxsize=8192)(_headline_key_of)
MATCH_POOL = 10

_IN_CHUNK = 500  # ids per IN list


def _chunks(values: list[Any]) -> Iterable[list[Any]]:
    for start in range(0, len(values), _IN_CHUNK):
        yield values[start : start + _IN_CHUNK]


class _OutletTuple(NamedTuple):
    id: int
    slug: str
    name: str
    domain: str | None
    kind: str


def needs_reference_alone(payload: IngestPayload) -> bool:
    """Whether the line needs the one-line path whatever is stored: a claim given by id, or an
    article with a body, a byline, a credit (headline or URL), page metadata naming an
    origin, or a credited origin or review decisions carried by an export."""
    article = payload.article
    if article.body or article.author or any(c.claim_id for c in payload.claims):
        return True
    # What only the one-line path reads: page metadata naming an origin, a credited origin or
    # review decisions carried by an export, a credit in the URL (app/ingest/credits/credited.py).
    if article.canonical_url or article.is_based_on:
        return True
    if payload.credited_origin is not None or payload.review_decisions:
        return True
    if url_credits(article.url, article.title):
        return True
    return _title_credits(article.title)


@lru_cache(maxsize=8192)  # a story's articles share a headline (S: 565 for 8,106 lines)
def _title_credits(title: str) -> bool:
    return bool(find_credits(author=None, body=None, title=title))


@lru_cache(maxsize=8192)  # asked for each outlet of every run (S: 399 outlets, 34 runs)
def _credit_keys(slug: str, name: str, domain: str | None, kind: OutletKind) -> frozenset[str]:
    """The names a credit may give an outlet with these fields (`outlet_keys`)."""
    return frozenset(outlet_keys(Outlet(slug=slug, name=name, domain=domain, kind=kind)))


class Planner:
    """Decides a run of lines against one snapshot of the rows they touch."""

    def __init__(
        self,
        session: Session,
        payloads: list[tuple[int, IngestPayload]],
        *,
        matcher: Matcher,
        settings: Settings,
        chunk_claims: ChunkClaims,
    ) -> None:
        self.session = session
        self.matcher = matcher
        self.settings = settings
        self.chunk_claims = chunk_claims
        self.outlets_by_slug: dict[str, OutletRow] = {}
        self.outlets_by_domain: dict[str, OutletRow] = {}
        self.outlets_by_id: dict[int, OutletRow] = {}
        self.articles: dict[str, ArticleRow] = {}
        self.claims_by_key: dict[str, ClaimRow] = {}
        self._stored_claims: dict[int, ClaimRow] = {}  # the stored ones among them, by id
        self.neighbours: list[ArticleRow] = []
        self.credited: list[ArticleRow] = []  # neighbours that credit some outlet
        # By headline key: neighbours and new ones, kept in `by_time` order (copy detection's).
        self.by_title: dict[str, list[ArticleRow]] = {}
        # Outlets that an article nearby credits as its origin (app/ingest/credits/credited.py): a
        # line of theirs may adopt it, which only the one-line path decides.
        self.credited_outlets: set[int] = set()
        self._outlet_keys: dict[str, frozenset[str]] = {}
        self.lines: list[LinePlan] = []
        self.new_outlets: list[OutletRow] = []
        self.new_articles: list[ArticleRow] = []
        self.new_claims: list[ClaimRow] = []
        self.new_attributions: list[AttributionRow] = []
        self.new_links: list[ArticleRow] = []
        self._load([payload for _, payload in payloads])
        self._matches = self._prefetch_matches([payload for _, payload in payloads])
        # The rows of every stored candidate, in a few statements rather than one per claim.
        self._claim_rows([c.claim_id for found in self._matches.values() for c in found])
        self._candidates_of: tuple[IngestPayload, list[ArticleRow] | None] | None = None

    # ---- the snapshot ----------------------------------------------------------------------

    def _load(self, payloads: list[IngestPayload]) -> None:
        session, db = self.session, self.session.connection()  # Core rows: no ORM work
        slugs = sorted({p.outlet.slug for p in payloads})
        domains = sorted({p.outlet.domain for p in payloads if p.outlet.domain})
        for row in db.execute(queries.OUTLETS, {"slugs": slugs, "domains": domains or [""]}):
            self._outlet_row(row)
        urls = sorted(
            {p.article.url for p in payloads} | {p.origin.url for p in payloads if p.origin}
        )
        rows = [r for part in _chunks(urls) for r in db.execute(queries.ARTICLES, {"urls": part})]
        missing = {r.outlet_id for r in rows} - set(self.outlets_by_id)
        if missing:
            for row in db.execute(
                select(Outlet.id, Outlet.slug, Outlet.name, Outlet.domain, Outlet.kind).where(
                    Outlet.id.in_(sorted(missing))  # type: ignore[union-attr]
                )
            ):
                self._outlet_row(row)
        by_id: dict[int, ArticleRow] = {}
        for r in rows:
            article = ArticleRow(
                id=r.id,
                url=r.url,
                outlet=self.outlets_by_id[r.outlet_id],
                title=r.title,
                published_at=r.published_at,
                root_id=r.root_article_id,
                body_simhash=r.body_simhash,
                credit=r.credit,
            )
            self.articles[r.url] = by_id[r.id] = article
        for r in rows:
            if r.origin_article_id is not None:
                origin = by_id.get(r.origin_article_id) or ArticleRow(
                    id=r.origin_article_id,
                    url="",
                    outlet=by_id[r.id].outlet,
                    title="",
                    published_at=by_id[r.id].published_at,
                )
                by_id[r.id].link = LinkRow(origin, r.relation, r.reason, r.provenance)
        claims: dict[int, ClaimRow] = {}
        for part in _chunks(sorted(by_id)):
            for r in db.execute(queries.ATTACHED, {"ids": part}):
                claim = claims.get(r.claim_id)
                if claim is None:
                    claim = claims[r.claim_id] = ClaimRow(
                        r.claim_id, r.text, r.claimant, r.fingerprint
                    )
                article = by_id[r.article_id]
                article.attached[claim] = AttributionRow(r.id, claim, article)
        keys = sorted({_fingerprint(c.text, c.claimant) for p in payloads for c in p.claims})
        for part in _chunks(keys):
            for r in db.execute(queries.BY_FINGERPRINT, {"keys": part}):
                if r.merged_into is None:
                    claim = claims.get(r.id) or ClaimRow(r.id, r.text, r.claimant, r.fingerprint)
                else:  # followed to the claim it was merged into, as the one-line path does
                    live = claims_service.resolve(session, claim_id=r.id)
                    assert live.id is not None
                    claim = claims.get(live.id) or ClaimRow(
                        live.id, live.text, live.claimant, live.fingerprint
                    )
                claims.setdefault(claim.id or 0, claim)
                self.claims_by_key[r.fingerprint] = claim
                self._stored_claims[claim.id or 0] = claim
        self._load_neighbours(payloads)

    def _prefetch_matches(
        self, payloads: list[IngestPayload]
    ) -> dict[tuple[str, str | None], list[Candidate]]:
        """The matcher's stored candidates for every claim of the run that may need them, in a
        few statements (`match_many`) instead of a search per claim. Nothing is written while a
        run is planned, so each is what `match` would answer when the line comes."""
        match_many = getattr(self.matcher, "match_many", None)
        if match_many is None:
            return {}
        wanted = list(
            dict.fromkeys(
                (c.text, c.claimant)
                for p in payloads
                for c in p.claims
                if c.match == MatchMode.auto
                and _fingerprint(c.text, c.claimant) not in self.claims_by_key
            )
        )
        if not wanted:
            return {}
        if isinstance(self.matcher, LexicalMatcher):
            # Only candidates at or above the suggest threshold are ever used (a link, or a
            # suggestion): the pairs that cannot get there are not scored (app/matching/bounds.py).
            return match_many_above(
                self.matcher, self.session, wanted, MATCH_POOL, self.matcher.suggest
            )
        return match_many(self.session, wanted, MATCH_POOL)  # type: ignore[no-any-return]

    def _outlet_row(self, row: Any) -> OutletRow:
        outlet = self.outlets_by_id.get(row.id)
        if outlet is None:
            outlet = OutletRow(row.id, row.slug, row.name, row.domain, row.kind)
            self.outlets_by_id[row.id] = outlet
            self.outlets_by_slug[row.slug] = outlet
            if row.domain:
                self.outlets_by_domain.setdefault(row.domain, outlet)
        return outlet

    def _load_neighbours(self, payloads: list[IngestPayload]) -> None:
        detecting = [p for p in payloads if p.detect_copies and p.origin is None]
        if not detecting:
            return
        span = timedelta(hours=self.settings.copy_window_hours)
        keys: set[str] = set()
        for p in detecting:
            keys |= self._keys(p)
        titles = sorted({headline_key(p.article.title) for p in detecting})
        titles += sorted(
            {headline_key(a.title) for p in detecting if (a := self.articles.get(p.article.url))}
        )
        times = [p.article.published_at for p in detecting]
        # Stored articles' own dates can lie outside the payloads' (a re-send with another date).
        times += [a.published_at for p in detecting if (a := self.articles.get(p.article.url))]
        params = {"window_from": min(times) - span, "window_to": max(times) + span}
        self.credited_outlets = set(self.session.scalars(queries.CREDITED_OUTLETS, params))
        seen: set[int] = set()
        for part in _chunks(sorted(set(titles))):
            rows = self.session.connection().execute(
                queries.NEIGHBOURS, {**params, "titles": part, "keys": sorted(keys)}
            )
            for r in rows:
                if r.id in seen:
                    continue
                seen.add(r.id)
                outlet = self._outlet_row(
                    _OutletTuple(r.outlet_id, r.slug, r.name, r.domain, r.kind)
                )
                neighbour = self.articles.get(r.url) or ArticleRow(
                    id=r.id, url=r.url, outlet=outlet, title=r.title, published_at=r.published_at
                )
                neighbour.credit_name = r.credit_name
                self.neighbours.append(neighbour)
                titled = self.by_title.setdefault(headline_key(neighbour.title), [])
                insort(titled, neighbour, key=ArticleRow.by_time)
                if neighbour.credit_name is not None:
                    self.credited.append(neighbour)

    def _keys(self, payload: IngestPayload) -> frozenset[str]:
        """The names a credit may give the line's outlet (stored, else as sent)."""
        known = self._find_outlet(payload)
        slug = known.slug if known is not None else payload.outlet.slug
        keys = self._outlet_keys.get(slug)
        if keys is None:
            named = known if known is not None else payload.outlet
            keys = self._outlet_keys[slug] = _credit_keys(
                named.slug, named.name, named.domain, OutletKind(named.kind)
            )
        return keys

    # ---- one line --------------------------------------------------------------------------

    def needs_reference(self, payload: IngestPayload) -> bool:
        """Whether the line needs the one-line path (see the module docstring), for a line that
        does not need it whatever is stored (`needs_reference_alone`: the engine asks first)."""
        article = payload.article
        stored = self.articles.get(article.url)
        if stored is not None and stored.id is None:
            outlet = self._find_outlet(payload)
            if outlet is not stored.outlet:  # the error names the article's id: write it first
                return True
        if payload.origin is not None:
            if stored is None:
                target = self.articles.get(payload.origin.url)
                return (
                    target is None
                    or target.published_at > article.published_at
                    or target.url == article.url
                )
            link = stored.link
            return not (
                link is not None
                and link.origin.url == payload.origin.url
                and link.relation == payload.origin.relation
            )
        if not payload.detect_copies or (stored is not None and stored.link is not None):
            return False
        if stored is not None and stored.body_simhash is not None:
            return True
        found = self._headline_candidates(payload, stored)
        self._candidates_of = (payload, found)  # what `plan` asks next, for the same line
        return found is None

    def _headline_candidates(
        self, payload: IngestPayload, own: ArticleRow | None
    ) -> list[ArticleRow] | None:
        """What copy detection finds for an article with no body and no credit: the articles of
        other outlets with the same headline published up to it (reported, not linked). None
        when it could find more (an article crediting the outlet, which it would adopt) or when
        an article nearby credits the line's outlet as its origin (it would be adopted)."""
        keys = self._keys(payload)
        outlet = self._find_outlet(payload)
        title = own.title if own is not None else payload.article.title
        at = own.published_at if own is not None else payload.article.published_at
        span = timedelta(hours=self.settings.copy_window_hours)
        headline_span = timedelta(hours=self.settings.copy_headline_window_hours)
        headline = headline_key(title)
        for other in self.credited:
            if (
                other is not own
                and other.outlet is not outlet
                and abs(other.published_at - at) <= span
                and other.credit_name in keys
            ):
                return None
        if outlet is not None and outlet.id is not None and outlet.id in self.credited_outlets:
            return None
        # by_title holds only articles whose headline key is this one's, in `by_time` order.
        return [
            other
            for other in self.by_title.get(headline, ())
            if other is not own
            and other.outlet is not outlet
            and abs(other.published_at - at) <= span
            and abs(other.published_at - at) <= headline_span
            and other.published_at <= at
        ]

    def plan(self, number: int, payload: IngestPayload) -> LinePlan | AppError:
        """Decide one line; an error leaves the snapshot as it was."""
        outlet, outlet_created = self._outlet(payload)
        article = self.articles.get(payload.article.url)
        article_created = article is None
        if article is not None and article.outlet is not outlet:
            return Conflict(
                f"article {article.id} at this URL belongs to another outlet than "
                f"{outlet.slug!r}",  # the outlet the payload resolved to, as line by line
                code="article_outlet_mismatch",
                details=[{"field": "article.url", "existing_id": article.id}],
            )
        if outlet_created:
            self.new_outlets.append(outlet)
            self.outlets_by_slug[outlet.slug] = outlet
            if outlet.domain:
                self.outlets_by_domain.setdefault(outlet.domain, outlet)
        if article is None:
            article = self._new_article(payload, outlet)
        line = LinePlan(number, payload, outlet, outlet_created, article, article_created)
        line.changed = outlet_created or article_created
        for item in payload.claims:
            line.claims.append(self._claim(line, item))
        if payload.origin is not None:
            if article.link is None:
                origin = self.articles[payload.origin.url]
                article.link = LinkRow(
                    origin,
                    payload.origin.relation,
                    payload.origin.reason,
                    payload.origin.provenance,
                    new=True,
                )
                self.new_links.append(article)
                line.changed = True
            line.has_origin = True
        else:
            line.has_origin = article.link is not None
            if payload.detect_copies and not line.has_origin:
                asked = self._candidates_of
                found = (
                    asked[1]
                    if asked is not None and asked[0] is payload
                    else self._headline_candidates(payload, None if article_created else article)
                )
                assert found is not None  # needs_reference said so
                line.copy_candidates = found
                if found:
                    line.attached_claims = list(article.attached)
        self.lines.append(line)
        return line

    def _find_outlet(self, payload: IngestPayload) -> OutletRow | None:
        found = self.outlets_by_slug.get(payload.outlet.slug)
        if found is None and payload.outlet.domain is not None:
            found = self.outlets_by_domain.get(payload.outlet.domain)
        return found

    def _outlet(self, payload: IngestPayload) -> tuple[OutletRow, bool]:
        data = payload.outlet
        found = self._find_outlet(payload)
        if found is not None:
            return found, False
        now = utcnow()
        values = {**data.model_dump(), "created_at": now, "updated_at": now}
        return OutletRow(None, data.slug, data.name, data.domain, data.kind, values), True

    def _new_article(self, payload: IngestPayload, outlet: OutletRow) -> ArticleRow:
        data = payload.article
        now = utcnow()
        article = ArticleRow(
            id=None,
            order=len(self.new_articles),
            url=data.url,
            outlet=outlet,
            title=data.title,
            published_at=data.published_at,
            values={
                "url": data.url,
                "title": data.title,
                "headline_key": headline_key(data.title),
                "published_at": data.published_at,
                "author": data.author,
                "language": data.language,
                "created_at": now,
                "updated_at": now,
            },
        )
        self.articles[data.url] = article
        self.new_articles.append(article)
        titled = self.by_title.setdefault(headline_key(article.title), [])
        insort(titled, article, key=ArticleRow.by_time)
        return article

    def _claim(self, line: LinePlan, item: IngestClaim) -> ClaimPlan:
        article = line.article
        key = _fingerprint(item.text, item.claimant)
        already = self._already_attributed(article, item, key)
        if already is not None:
            return already
        same = self.claims_by_key.get(key)
        if same is not None:
            return self._attribute(line, same, item, ClaimAction.linked, Scored(same, 1.0), True)
        candidates: list[Scored] = []
        if item.match == MatchMode.auto:
            candidates = self._candidates(item)
            if candidates and candidates[0].score >= self.matcher.link:
                best = candidates[0]
                return self._attribute(line, best.claim, item, ClaimAction.linked, best, False)
        claim = ClaimRow(
            None,
            item.text,
            item.claimant,
            key,
            claim_date=item.claim_date,
            order=len(self.new_claims),
        )
        self.new_claims.append(claim)
        self.claims_by_key[key] = claim
        self.chunk_claims.add(claim)
        plan = self._attribute(line, claim, item, ClaimAction.created, None, False)
        plan.suggestions = [c for c in candidates if c.score >= self.matcher.suggest][:SUGGESTIONS]
        return plan

    def _candidates(self, item: IngestClaim) -> list[Scored]:
        stored = self._matches.get((item.text, item.claimant))
        if stored is None:
            stored = self.matcher.match(
                self.session, text=item.text, claimant=item.claimant, limit=MATCH_POOL
            )
        rows = self._claim_rows([c.claim_id for c in stored])
        found = [Scored.of(c, rows[c.claim_id]) for c in stored if c.claim_id in rows]
        found += self.chunk_claims.candidates(item.text, item.claimant)
        found.sort(key=lambda s: (-s.score, s.claim.sort_id()))
        return found[:MATCH_POOL]

    def _claim_rows(self, ids: list[int]) -> dict[int, ClaimRow]:
        stored = self._stored_claims
        found = {i: stored[i] for i in ids if i in stored}
        missing = sorted({i for i in ids if i not in found})
        for part in _chunks(missing):
            for r in self.session.connection().execute(
                select(Claim.id, Claim.text, Claim.claimant, Claim.fingerprint).where(
                    Claim.id.in_(part)  # type: ignore[union-attr]
                )
            ):
                claim = self.claims_by_key.setdefault(
                    r.fingerprint, ClaimRow(r.id, r.text, r.claimant, r.fingerprint)
                )
                found[r.id] = claim
                if claim.id is not None:
                    stored[claim.id] = claim
        return {i: found[i] for i in ids if i in found}

    def _already_attributed(
        self, article: ArticleRow, item: IngestClaim, key: str
    ) -> ClaimPlan | None:
        if not article.attached:
            return None
        for claim, attribution in article.attached.items():
            if claim.fingerprint == key:
                return ClaimPlan(
                    claim,
                    ClaimAction.already_attributed,
                    attribution,
                    Scored(claim, 1.0),
                    match_without_signals=True,
                )
        if item.match == MatchMode.exact:
            return None
        scored = sorted(
            ((self._resend_score(item, c), c.sort_id(), c) for c in article.attached),
            key=lambda entry: (-entry[0], entry[1]),
        )
        score, _, claim = scored[0]
        if score < self.matcher.link:
            return None
        return ClaimPlan(
            claim,
            ClaimAction.already_attributed,
            article.attached[claim],
            Scored(claim, score),
            match_without_signals=True,
        )

    def _resend_score(self, item: IngestClaim, claim: ClaimRow) -> float:
        """The matcher's similarity of the two, or -1 when it cannot reach the link threshold
        (only a score at or above it counts: app/matching/bounds.py, lexical matcher)."""
        if isinstance(self.matcher, LexicalMatcher):
            why = signals_from(
                prepared(item.text, item.claimant),
                prepared(claim.text, claim.claimant),
                self.matcher.link,
            )
            return -1.0 if why is None else why.score
        return similarity(self.matcher, item.text, item.claimant, claim.text, claim.claimant)

    def _attribute(
        self,
        line: LinePlan,
        claim: ClaimRow,
        item: IngestClaim,
        action: ClaimAction,
        match: Scored | None,
        exact: bool,
    ) -> ClaimPlan:
        article = line.article
        if claim in article.attached:
            return ClaimPlan(
                claim, ClaimAction.already_attributed, article.attached[claim], match, exact
            )
        attribution = AttributionRow(
            None, claim, article, stance=item.stance, quote=item.quote, sourcing=item.sourcing
        )
        article.attached[claim] = attribution
        self.new_attributions.append(attribution)
        line.changed = True
        return ClaimPlan(claim, action, attribution, match, exact)
