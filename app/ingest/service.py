"""Ingest: one article with its outlet and claims in one idempotent transaction.

Every write goes through the domain services (outlets, articles, claims); the corroboration
counters of the claims it touched are recounted in the same transaction, before it commits.
Re-sending a payload finds the outlet, the article and its attributions again and writes
nothing. Concurrent calls for the same new URL race on the unique constraints: the loser's
insert fails inside a savepoint, it re-reads the winner's rows and goes on with them, so both
calls answer with the same ids.
"""

import logging
from collections.abc import Iterable
from collections.abc import Iterator
from typing import Any

import orjson
from pydantic import ValidationError
from sqlalchemy import Engine
from sqlalchemy import bindparam
from sqlalchemy import select
from sqlmodel import Session

from app.articles import service as articles_service
from app.articles.models import ArticleCreate
from app.articles.models import LinkCreate
from app.claims import attributions as claims_attributions
from app.claims import service as claims_service
from app.claims.models import AttributionCreate
from app.claims.models import ClaimCreate
from app.core.config import Settings
from app.core.errors import AppError
from app.core.errors import Conflict
from app.core.errors import Invalid
from app.core.errors import UnknownReference
from app.core.locks import advisory_lock
from app.core.locks import locks_rows
from app.core.unit_of_work import lost_race
from app.core.unit_of_work import run_transaction
from app.ingest import copies
from app.ingest import holds
from app.ingest import origins
from app.ingest import retold
from app.ingest import sentences
from app.ingest.credits import credited
from app.ingest.credits import outlets as credit_outlets
from app.ingest.credits.reading import credits as find_credits
from app.ingest.credits.urls import url_credits
from app.ingest.fingerprints import minhash
from app.ingest.fingerprints import simhash
from app.ingest.fingerprints import to_signed
from app.ingest.models import COPY_CANDIDATES_LISTED
from app.ingest.models import BatchLine
from app.ingest.models import ClaimAction
from app.ingest.models import ClaimOutcome
from app.ingest.models import IngestClaim
from app.ingest.models import IngestOrigin
from app.ingest.models import IngestPayload
from app.ingest.models import IngestResult
from app.ingest.models import MatchMode
from app.ingest.models import MatchRef
from app.ingest.models import error_body
from app.ingest.writes import Changes as _Changes
from app.ingest.writes import outlet as _outlet
from app.matching import service as matching_service
from app.matching.base import Matcher
from app.review_queue import service as review_queue
from app.tables import Article
from app.tables import ArticleLink
from app.tables import Attribution
from app.tables import Claim
from app.tables import LinkProvenance
from app.tables import Outlet

logger = logging.getLogger("app.ingest")

SUGGESTIONS = 5
_MATCH_POOL = 10


# Built once: constructing a statement costs SQLAlchemy more than SQLite spends running it,
# and these run for every line of a batch.
_ATTACHED = (
    select(Claim, Attribution.id)
    .join(Attribution, Attribution.claim_id == Claim.id)
    .where(Attribution.article_id == bindparam("article_id"))
    .order_by(Attribution.id)
)


def _article(
    session: Session, payload: IngestPayload, outlet: Outlet, changes: _Changes
) -> tuple[Article, bool]:
    data = payload.article
    article = articles_service.get_by_url(session, url=data.url)
    created = False
    if article is not None and not holds.keep(session, article, payload, changes):
        raise lost_race(f"article {article.id} was deleted concurrently")
    if article is None:
        try:
            article = articles_service.create(
                session,
                data=ArticleCreate.model_validate(data, update={"outlet": outlet.slug}),
            )
            created = changes.any = True
        except Conflict:
            article = articles_service.get_by_url(session, url=data.url)  # the winner's
            if article is None:
                raise
    if article.outlet_id != outlet.id:
        raise Conflict(
            f"article {article.id} at this URL belongs to another outlet than {outlet.slug!r}",
            code="article_outlet_mismatch",
            details=[{"field": "article.url", "existing_id": article.id}],
        )
    return article, created


def _attached(session: Session, article_id: int) -> dict[int, tuple[Claim, int]]:
    """The article's claims (each with its attribution id), by claim id."""
    rows = session.execute(_ATTACHED, {"article_id": article_id})
    return {row[0].id: (row[0], row[1]) for row in rows}


class _ClaimResolver:
    """Decides, per payload claim, which claim the article is attributed to."""

    def __init__(
        self,
        session: Session,
        article: Article,
        matcher: Matcher,
        settings: Settings,
        changes: _Changes,
    ) -> None:
        assert article.id is not None
        self.session = session
        self.article_id = article.id
        self.matcher = matcher
        self.settings = settings
        self.changes = changes
        self.attached = _attached(session, article.id)

    def outcome(self, item: IngestClaim) -> ClaimOutcome:
        if item.claim_id is not None:
            claim = claims_service.resolve(self.session, claim_id=item.claim_id)
            return self._attribute(claim, item, ClaimAction.linked, match=None)
        already = self._already_attributed(item)
        if already is not None:
            return already
        found = self._existing(item)
        if found.claim is None and locks_rows(self.session):
            # Match-then-insert must not interleave, or concurrent ingests of one new claim in
            # slightly different words each find nothing and each create it (PostgreSQL; SQLite
            # runs one writer at a time). The lock is held until commit, so matching again
            # under it sees every claim created before.
            advisory_lock(self.session, "claim-create")
            found = self._existing(item)
        if found.claim is not None:
            assert found.claim.id is not None
            assert found.score is not None
            best = found.candidates[0] if found.candidates else None
            match = MatchRef(
                claim_id=found.claim.id,
                score=found.score,
                signals=best.signals
                if best is not None and best.claim_id == found.claim.id
                else None,
            )
            return self._attribute(found.claim, item, ClaimAction.linked, match=match)
        suggestions = [
            MatchRef(claim_id=c.claim_id, score=c.score, signals=c.signals)
            for c in found.candidates
            if c.score >= self.matcher.suggest
        ][:SUGGESTIONS]
        return self._create(item, suggestions)

    def _existing(self, item: IngestClaim) -> matching_service.Existing:
        return matching_service.existing_claim(
            self.session,
            text=item.text,
            claimant=item.claimant,
            matcher=self.matcher if item.match == MatchMode.auto else None,
            pool=_MATCH_POOL,
        )

    def _already_attributed(self, item: IngestClaim) -> ClaimOutcome | None:
        """On a re-send, the claim this article was already attributed for this text."""
        if not self.attached:
            return None
        key = claims_service.fingerprint(item.text, item.claimant)
        for claim, attribution_id in self.attached.values():
            if claim.fingerprint == key:
                return ClaimOutcome(
                    claim_id=claim.id or 0,
                    action=ClaimAction.already_attributed,
                    attribution_id=attribution_id,
                    match=MatchRef(claim_id=claim.id or 0, score=1.0),
                )
        if item.match == MatchMode.exact:
            return None
        scored = sorted(
            (
                (
                    self.matcher.similarity(
                        item.text, claim.text, a_claimant=item.claimant, b_claimant=claim.claimant
                    ),
                    claim.id or 0,
                    attribution_id,
                )
                for claim, attribution_id in self.attached.values()
            ),
            key=lambda entry: (-entry[0], entry[1]),
        )
        score, claim_id, attribution_id = scored[0]
        if score < self.matcher.link:
            return None
        return ClaimOutcome(
            claim_id=claim_id,
            action=ClaimAction.already_attributed,
            attribution_id=attribution_id,
            match=MatchRef(claim_id=claim_id, score=score),
        )

    def _create(self, item: IngestClaim, suggestions: list[MatchRef]) -> ClaimOutcome:
        data = ClaimCreate(text=item.text, claimant=item.claimant, claim_date=item.claim_date)
        try:
            claim = claims_service.create(self.session, data=data)
        except Conflict as exc:  # created concurrently by another call: use that one
            existing_id = exc.details[0]["existing_id"] if exc.details else None
            if existing_id is None:
                raise
            claim = claims_service.resolve(self.session, claim_id=existing_id)
            return self._attribute(
                claim, item, ClaimAction.linked, match=MatchRef(claim_id=claim.id or 0, score=1.0)
            )
        self.changes.any = True
        outcome = self._attribute(claim, item, ClaimAction.created, match=None)
        outcome.suggestions = suggestions
        return outcome

    def _attribute(
        self, claim: Claim, item: IngestClaim, action: ClaimAction, match: MatchRef | None
    ) -> ClaimOutcome:
        assert claim.id is not None
        if claim.id in self.attached:
            return ClaimOutcome(
                claim_id=claim.id,
                action=ClaimAction.already_attributed,
                attribution_id=self.attached[claim.id][1],
                match=match,
            )
        data = AttributionCreate(
            article_id=self.article_id,
            stance=item.stance,
            quote=item.quote,
            sourcing=item.sourcing,
        )
        try:
            # No hold before the insert here: an article the line created is seen by no one
            # else, and a stored one is already held (KEY SHARE, `_article`) before anything
            # else, so a hold now would come after that and could not restore the order. (A
            # stored copy's root is held at the recount: against a delete of that copy this
            # can still deadlock, and the retry policy re-runs the line.)
            attribution = claims_attributions.add_attribution(
                self.session, claim=claim, data=data, article_held=True
            )
        except Conflict as exc:  # attributed concurrently by another call
            existing_id = exc.details[0]["existing_id"] if exc.details else None
            if existing_id is None:
                raise
            self.attached[claim.id] = (claim, existing_id)
            return ClaimOutcome(
                claim_id=claim.id,
                action=ClaimAction.already_attributed,
                attribution_id=existing_id,
                match=match,
            )
        assert attribution.id is not None
        self.changes.any = True
        self.attached[claim.id] = (claim, attribution.id)
        return ClaimOutcome(
            claim_id=claim.id, action=action, attribution_id=attribution.id, match=match
        )


def _stated_origin(
    session: Session, article: Article, origin: IngestOrigin, changes: _Changes
) -> None:
    """Record the origin the payload states; it replaces a detected one, never a stated one."""
    assert article.id is not None
    target = articles_service.get_by_url(session, url=origin.url)
    if target is None:
        raise _origin_not_found(origin)
    existing = session.get(ArticleLink, article.id)
    if existing is not None:
        if existing.origin_article_id == target.id and existing.relation == origin.relation:
            return
        if existing.provenance == LinkProvenance.stated:
            raise Conflict(
                f"article {article.id} already has a stated origin (article "
                f"{existing.origin_article_id}); delete that link first",
                code="origin_conflict",
                details=[{"existing_origin_article_id": existing.origin_article_id}],
            )
    try:
        articles_service.replace_detected_link(
            session,
            article=article,
            data=LinkCreate(
                origin_article_id=target.id or 0, relation=origin.relation, reason=origin.reason
            ),
            provenance=origin.provenance,
        )
    except UnknownReference:  # deleted by a concurrent write since it was found by its URL
        raise _origin_not_found(origin) from None
    changes.any = True


def _origin_not_found(origin: IngestOrigin) -> Invalid:
    return Invalid(
        f"origin article {origin.url!r} is not stored; ingest it first",
        code="origin_not_found",
        details=[{"field": "origin.url", "value": origin.url}],
    )


def _may_create_claims(session: Session, payload: IngestPayload) -> bool:
    """Whether some claim of the line may be new: one not given by id whose text and claimant
    are not a stored claim's (a paraphrase of one counts: the matcher decides it later)."""
    keys = {
        claims_service.fingerprint(item.text, item.claimant)
        for item in payload.claims
        if item.claim_id is None
    }
    if not keys:
        return False
    stored = session.scalars(
        select(Claim.fingerprint).where(Claim.fingerprint.in_(sorted(keys)))  # type: ignore[attr-defined]
    )
    return bool(keys - set(stored))


def ingest(
    session: Session, *, payload: IngestPayload, matcher: Matcher, settings: Settings
) -> IngestResult:
    """Store one article with its outlet and claims; idempotent (a re-send writes nothing).

    The claims' counters are recounted once, when the line's transaction commits."""
    changes = _Changes()
    if locks_rows(session) and _may_create_claims(session, payload):
        # A line that may create a claim takes the claim-create lock before it writes any row,
        # as the set-based engine does for its chunk: taken later, while this transaction's
        # new outlet or article rows hold their unique keys, it closes a wait cycle with a
        # holder of the lock inserting the same keys (a deadlock, retried, but under a busy
        # import retried to exhaustion; tests/ingest/test_import_races.py).
        advisory_lock(session, "claim-create")
    outlet, outlet_created = _outlet(session, payload.outlet, changes)
    article, article_created = _article(session, payload, outlet, changes)
    assert outlet.id is not None
    assert article.id is not None

    credits = find_credits(
        author=payload.article.author, body=payload.article.body, title=payload.article.title
    ) + url_credits(payload.article.url, payload.article.title)
    resolved = credit_outlets.resolve_credits(session, credits, exclude_outlet_id=outlet.id)
    if payload.detect_copies:
        resolved = credited.resolve_agencies(
            session, credits, resolved, exclude_outlet_id=outlet.id
        )
        resolved = (
            credited.page_credits(
                session,
                canonical_url=payload.article.canonical_url,
                is_based_on=payload.article.is_based_on,
                own_outlet_id=outlet.id,
            )
            + resolved
        )
    body = payload.article.body
    fingerprint = simhash(body) if body else None
    sketch = minhash(body) if body else None
    # A stored article without fingerprints gets them (a body sent later, or cleared by
    # migration 3600), and its credit if it has none yet; a re-send that fills nothing writes
    # nothing.
    if article.body_simhash is None and article.body_minhash is None:
        filled = False
        if fingerprint is not None:
            article.body_simhash = to_signed(fingerprint)
            filled = True
        if sketch is not None:
            article.body_minhash, article.body_shingles = sketch
            article.body_sentences = sentences.fingerprint(body or "")
            if settings.copy_sentence_vectors and payload.detect_copies:
                model = retold.embedder(settings.embedding_model)
                if model is not None:
                    article.body_sentence_vectors = retold.vectors(body or "", model)
            filled = True
        if credits and article.credit is None:
            article.credit, article.credit_name = copies.credit_columns(credits, resolved)
            filled = True
        if filled:
            session.add(article)
            session.flush()
            changes.any = True

    resolver = _ClaimResolver(session, article, matcher, settings, changes)
    outcomes = [resolver.outcome(item) for item in payload.claims]

    adopted: list[int] = []
    candidates = []
    retellings = 0
    has_origin = not article_created and holds.has_origin(
        session, article.id, payload, changes.tree_held
    )
    if payload.origin is not None:
        _stated_origin(session, article, payload.origin, changes)
        has_origin = True
    elif payload.detect_copies:
        has_origin = has_origin or origins.canonical_origin(session, article, payload, changes)
        detection = copies.detect(
            session,
            article=article,
            outlet=outlet,
            credits=resolved,
            settings=settings,
            has_origin=has_origin,
            quotations=sentences.quoted(body or ""),
        )
        changes.any = changes.any or detection.origin_linked or bool(detection.copies)
        adopted, candidates = detection.copies, detection.candidates
        retellings = detection.retold
        has_origin = has_origin or detection.origin_linked
        if not has_origin:
            origins.credited_origin(session, article, resolved, settings, changes)
        # Queued when the line wrote something: a re-sent file writes nothing (issue 13), and
        # what it would queue was queued when the article came, or is for a person to find.
        # One proposal per article, against its earliest candidate (origins.copy_proposal_reason
        # says why): not one per candidate, which is quadratic in a story's articles.
        if candidates and (article_created or changes.any):
            review_queue.propose_copy(
                session,
                article_id=article.id,
                origin_article_id=candidates[0].article_id,
                score=origins.COPY_CANDIDATE_SCORE,
                # A retelling goes first and is proposed alone; same headlines are summed up.
                reason=origins.copy_proposal_reason(
                    candidates[0].reason, 0 if retellings else len(candidates) - 1
                ),
            )
    if article_created or changes.any:
        origins.propose_merges(session, outcomes, matcher)
    if payload.credited_origin is not None:
        origins.stated_credited_origin(session, article, payload.credited_origin, changes)
    for decision in payload.review_decisions:
        origins.restore_decision(session, article, decision, changes)

    return IngestResult(
        outlet_id=outlet.id,
        outlet_created=outlet_created,
        article_id=article.id,
        article_created=article_created,
        changed=changes.any,
        claims=outcomes,
        origin=articles_service.link_public(session, article_id=article.id) if has_origin else None,
        copies=[articles_service.link_public(session, article_id=copy_id) for copy_id in adopted],
        copy_candidates=candidates[:COPY_CANDIDATES_LISTED],
        copy_candidates_total=len(candidates),
        credited_origin=origins.credited_public(session, article_id=article.id),
    )


def ingest_one(
    engine: Engine, *, payload: IngestPayload, matcher: Matcher, settings: Settings
) -> IngestResult:
    """`ingest` in its own write transaction, re-run when it loses a race (deadlock,
    serialisation failure, a row a concurrent call created or removed)."""
    return run_transaction(
        engine,
        lambda session: ingest(session, payload=payload, matcher=matcher, settings=settings),
        attempts=settings.db_retry_attempts,
    )


def validation_details(exc: ValidationError) -> list[dict[str, Any]]:
    """Pydantic errors in the shape of the API's validation details."""
    return [
        {
            "loc": [str(part) for part in err.get("loc", ())],
            "message": str(err.get("msg", "invalid value")),
            "type": str(err.get("type", "value_error")),
        }
        for err in exc.errors()
    ]


def parse_line(number: int, raw: bytes) -> IngestPayload | BatchLine:
    """An NDJSON line's payload, or its 422 answer (invalid JSON, invalid payload); both
    paths (this one and the set-based engine) parse lines with it."""
    try:
        document = orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        return BatchLine(
            line=number,
            status=422,
            error=error_body("invalid_json", f"line {number} is not valid JSON: {exc}"),
        )
    try:
        return IngestPayload.model_validate(document)
    except ValidationError as exc:
        details = validation_details(exc)
        first = details[0]
        where = ".".join(first["loc"])
        return BatchLine(
            line=number,
            status=422,
            error=error_body(
                "validation_error",
                f"line {number}: {where}: {first['message']}" if where else first["message"],
                details,
            ),
        )


def ingest_line(
    engine: Engine, *, number: int, raw: bytes, matcher: Matcher, settings: Settings
) -> BatchLine:
    """One NDJSON line in its own transaction; any failure is reported, never raised."""
    payload = parse_line(number, raw)
    if isinstance(payload, BatchLine):
        return payload
    return ingest_valid_line(
        engine, number=number, payload=payload, matcher=matcher, settings=settings
    )


def ingest_valid_line(
    engine: Engine, *, number: int, payload: IngestPayload, matcher: Matcher, settings: Settings
) -> BatchLine:
    """A validated line in its own transaction; any failure is its answer, never raised."""
    try:
        result = ingest_one(engine, payload=payload, matcher=matcher, settings=settings)
    except AppError as exc:
        return BatchLine(
            line=number,
            status=exc.status_code,
            error=error_body(exc.code, f"line {number}: {exc.message}", exc.details),
        )
    except Exception:
        logger.exception("ingest of line %d failed", number)
        return BatchLine(
            line=number,
            status=500,
            error=error_body("internal_error", f"line {number}: internal error"),
        )
    return BatchLine(line=number, status=201 if result.article_created else 200, result=result)


def ingest_lines(
    engine: Engine,
    lines: Iterable[bytes],
    *,
    matcher: Matcher,
    settings: Settings,
    first_line: int = 1,
) -> Iterator[BatchLine]:
    """Each non-blank NDJSON line ingested in its own transaction, in order."""
    for number, raw in enumerate(lines, first_line):
        if raw.strip():
            yield ingest_line(engine, number=number, raw=raw, matcher=matcher, settings=settings)
