"""Copy detection: which earlier article an ingested one copies or cites, with a reason.

Signals, strongest first (see docs/matching.md):
1. near-verbatim body: SimHash similarity with an article from another outlet published within
   CLAIMS_COPY_WINDOW_HOURS at or above CLAIMS_COPY_BODY_SIMILARITY -> `syndicates`;
   or one body inside the other: MinHash containment at or above CLAIMS_COPY_CONTAINMENT, or
   sentences of CLAIMS_COPY_SHARED_SENTENCES passages of the earlier body reappearing in the
   later one (sentences.py) -> `syndicates`;
2. a credit to another outlet (dateline, byline, "according to") -> that outlet's article on
   the same claim, if there is one: `syndicates` for a dateline or byline, `cites` otherwise;
   when both bodies are fingerprinted and no body rule matched, `cites` unless the article
   retells CLAIMS_COPY_RETOLD_SENTENCES of its sentences in other words (sentence vectors,
   retold.py); such a retelling with no credit is only a candidate for review;
3. the same headline from another outlet within CLAIMS_COPY_HEADLINE_WINDOW_HOURS: reported as a
   candidate only, and turns a `cites` credit to that article into `syndicates`.
Articles arrive out of order, so detection also runs the other way: an original ingested after
its copies links the copies that have no origin yet. Every link made here has provenance
`detected`; an origin stated in the payload always wins over it.
"""

from dataclasses import dataclass
from dataclasses import field
from datetime import timedelta
from typing import Any

from sqlalchemy import bindparam
from sqlalchemy import func
from sqlalchemy import or_
from sqlalchemy import select
from sqlalchemy.orm import defer
from sqlmodel import Session

from app.articles import service as articles_service
from app.articles.headlines import headline_key
from app.articles.models import LinkCreate
from app.core.config import Settings
from app.core.errors import Conflict
from app.core.errors import Invalid
from app.core.errors import NotFound
from app.ingest.credits.credited import told
from app.ingest.credits.outlets import outlet_keys
from app.ingest.credits.reading import SYNDICATING_KINDS
from app.ingest.credits.reading import Credit
from app.ingest.credits.reading import credit_kind
from app.ingest.fingerprints import containment
from app.ingest.fingerprints import similarity
from app.ingest.models import CopyCandidate
from app.ingest.retold import Aligned
from app.ingest.retold import retells
from app.ingest.sentences import Reappearing
from app.ingest.sentences import carries
from app.ingest.sentences import reappearing
from app.tables import Article
from app.tables import ArticleLink
from app.tables import Attribution
from app.tables import CreditedOrigin
from app.tables import LinkProvenance
from app.tables import LinkRelation
from app.tables import Outlet


@dataclass
class Detection:
    origin_linked: bool = False
    copies: list[int] = field(default_factory=list)  # articles linked to this one as copies
    candidates: list[CopyCandidate] = field(default_factory=list)
    retold: int = 0  # how many candidates (the first ones) are retellings, not same headlines


@dataclass(frozen=True, slots=True)
class _Nearby:
    article: Article
    outlet: Outlet


def _headline(title: str) -> str:
    return headline_key(title)


def _describe(article: Article, outlet: Outlet) -> str:
    stamp = article.published_at.strftime("%Y-%m-%d %H:%M UTC")
    return f'{outlet.name} article {article.id} "{article.title}" of {stamp}'


def _nearby_query(*, with_body: bool) -> Any:
    signals = [
        Article.outlet_id.in_(bindparam("credited", expanding=True)),  # type: ignore[attr-defined]
        Article.credit_name.in_(bindparam("keys", expanding=True)),  # type: ignore[union-attr]
        Article.id.in_(  # type: ignore[union-attr]
            select(CreditedOrigin.article_id).where(
                CreditedOrigin.outlet_id == bindparam("outlet_id")
            )
        ),
        (Article.headline_key == bindparam("title"))
        & (Article.published_at >= bindparam("headline_from"))
        & (Article.published_at <= bindparam("headline_to")),
    ]
    if with_body:
        signals.append(Article.body_simhash.is_not(None))  # type: ignore[union-attr]
        signals.append(Article.body_minhash.is_not(None))  # type: ignore[union-attr]
    return (
        select(Article, Outlet)
        .join(Outlet, Outlet.id == Article.outlet_id)
        .where(
            Article.published_at >= bindparam("window_from"),
            Article.published_at <= bindparam("window_to"),
            Article.outlet_id != bindparam("outlet_id"),
            Article.id != bindparam("article_id"),
            or_(*signals),
        )
        .order_by(Article.published_at, Article.id)
        # The sentence vectors (up to 11.5 kB an article) are read only for the few articles
        # they are compared with (retold_sentences), not for every article of the window.
        .options(defer(Article.body_sentence_vectors))  # type: ignore[arg-type]
    )


# Built once (one per shape): ingest runs this for every article, and building it cost more
# than running it.
_NEARBY = {with_body: _nearby_query(with_body=with_body) for with_body in (False, True)}


def _has_body(article: Article) -> bool:
    return article.body_simhash is not None or article.body_minhash is not None


def partial_copy(copy: Article, origin: Article) -> tuple[float, str] | None:
    """The shingle containment between two bodies, with which side is inside the other, when
    one holds most of the other (a trimmed copy, or the origin inside a longer copy)."""
    if copy.body_minhash is None or origin.body_minhash is None:
        return None
    copy_count, origin_count = copy.body_shingles or 0, origin.body_shingles or 0
    inside = containment(copy.body_minhash, copy_count, origin.body_minhash, origin_count)
    holds = containment(origin.body_minhash, origin_count, copy.body_minhash, copy_count)
    if inside >= holds:
        return inside, "of this article's 3-word shingles are in"
    return holds, "of the 3-word shingles of"


def contained(
    copy: Article, origin: Article, settings: Settings, quotations: frozenset[int]
) -> tuple[float, str] | None:
    """`partial_copy` at or above CLAIMS_COPY_CONTAINMENT, when the shared shingles are whole
    sentences carried over: at least CLAIMS_COPY_SHARED_SENTENCES of them the reporter's
    running text, or twice as many in all (a story that is mostly a speaker's words), or every
    sentence of `copy` long enough to count is one of them (a brief: the wire's lead and its
    quotation). A short independent report of the same event shares its names, figures and a
    quotation, which can make half of its 3-word shingles without one sentence of the other's
    (held-out 22); a copy, even edited, keeps sentences. Without sentence fingerprints,
    containment alone."""
    found = partial_copy(copy, origin)
    if found is None or found[0] < settings.copy_containment:
        return None
    if origin.body_sentences is None or copy.body_sentences is None:
        return found
    shared = reappearing(origin.body_sentences, copy.body_sentences, quotations)
    enough = settings.copy_shared_sentences
    if shared.narrated >= enough or shared.sentences >= 2 * enough:
        return found
    own = reappearing(copy.body_sentences, origin.body_sentences, quotations)
    return found if own.counted and own.sentences == own.counted else None


def carried_sentences(
    copy: Article, origin: Article, settings: Settings, quotations: frozenset[int]
) -> Reappearing | None:
    """How many sentences of `origin` reappear in `copy`, when enough do, and enough as running
    text (sentences.carries; `quotations`: the quoted shingles of the article being ingested)."""
    return carries(
        origin.body_sentences,
        copy.body_sentences,
        min_sentences=settings.copy_shared_sentences,
        quotations=quotations,
        min_narrated=settings.copy_narrated_passages,
    )


def retold_sentences(copy: Article, origin: Article, settings: Settings) -> Aligned | None:
    """How many sentences of `origin` `copy` retells in other words, when enough do
    (retold.retells)."""
    return retells(
        origin.body_sentence_vectors,
        copy.body_sentence_vectors,
        threshold=settings.copy_retold_similarity,
        min_sentences=settings.copy_retold_sentences,
    )


def _retold_reason(found: Aligned, described: str) -> str:
    return (
        f"{found.describe()} of {described} are retold in this article (sentence vectors: "
        f"each aligned with one of this article's at cosine {found.lowest:.2f} or more)"
    )


def _sentences_reason(found: Reappearing, described: str) -> str:
    return f"{found.describe()} of {described} reappear in this article (sentence fingerprints)"


def _containment_reason(share: float, wording: str, described: str) -> str:
    if wording.startswith("of the"):
        return f"{share:.0%} {wording} {described} are inside this article (MinHash containment)"
    return f"{share:.0%} {wording} {described} (MinHash containment)"


def _nearby(
    session: Session,
    article: Article,
    outlet: Outlet,
    credited_outlet_ids: set[int],
    settings: Settings,
) -> list[_Nearby]:
    """Articles of other outlets published close to this one that some signal could tie to it:
    a body fingerprint, the same headline (up to case), a credited outlet, or a credit to us."""
    span = timedelta(hours=settings.copy_window_hours)
    headline_span = timedelta(hours=settings.copy_headline_window_hours)
    rows = session.execute(
        _NEARBY[_has_body(article)],
        {
            "credited": sorted(credited_outlet_ids),
            "keys": sorted(outlet_keys(outlet)),
            "title": article.headline_key or headline_key(article.title),
            "headline_from": article.published_at - headline_span,
            "headline_to": article.published_at + headline_span,
            "window_from": article.published_at - span,
            "window_to": article.published_at + span,
            "outlet_id": article.outlet_id,
            "article_id": article.id,
        },
    )
    return [_Nearby(row[0], row[1]) for row in rows]


def _shared_claims(session: Session, article_id: int, other_ids: list[int]) -> dict[int, int]:
    """How many claims each of `other_ids` shares with the article."""
    if not other_ids:
        return {}
    mine = select(Attribution.claim_id).where(Attribution.article_id == article_id)
    rows = session.execute(
        select(Attribution.article_id, func.count())
        .where(Attribution.article_id.in_(other_ids), Attribution.claim_id.in_(mine))  # type: ignore[attr-defined]
        .group_by(Attribution.article_id)
    )
    return {row[0]: row[1] for row in rows}


def _link(
    session: Session, *, copy: Article, origin: Article, relation: LinkRelation, reason: str
) -> bool:
    """Record a detected link; False when the domain rules refuse it (order, cycle), or when a
    concurrent write deleted the other article since it was found (as if it never was)."""
    try:
        articles_service.add_link(
            session,
            article=copy,
            data=LinkCreate(
                origin_article_id=origin.id or 0, relation=relation, reason=reason[:1000]
            ),
            provenance=LinkProvenance.detected,
        )
    except (Conflict, Invalid, NotFound):
        return False
    return True


def detect(
    session: Session,
    *,
    article: Article,
    outlet: Outlet,
    credits: list[tuple[Credit, Outlet]],
    settings: Settings,
    has_origin: bool,
    quotations: frozenset[int] = frozenset(),
) -> Detection:
    """Link the article to the earlier article it copies or cites, and later copies to it
    (`quotations`: the shingles of its body inside quotation marks, sentences.quoted)."""
    assert article.id is not None
    result = Detection()
    credited = {credited_outlet.id: credit for credit, credited_outlet in credits}
    nearby = _nearby(session, article, outlet, {i for i in credited if i is not None}, settings)
    span = timedelta(hours=settings.copy_headline_window_hours)
    headline = _headline(article.title)
    same_headline = {
        other.article.id
        for other in nearby
        if abs(other.article.published_at - article.published_at) <= span
        and _headline(other.article.title) == headline
    }

    if not has_origin:
        # An article that credits this one's outlet carries its copy: the outlet's own article
        # is not a copy of it, even when the outlet's page is dated later (an updated time).
        crediting = _crediting(session, outlet, nearby)
        origin, relation, reason = _choose_origin(
            session,
            article,
            [o for o in nearby if o.article.id not in crediting],
            credits,
            credited,
            same_headline,
            settings,
            quotations,
        )
        if origin is not None and _link(
            session, copy=article, origin=origin, relation=relation, reason=reason
        ):
            result.origin_linked = has_origin = True
        elif origin is None:
            earlier = [o for o in nearby if o.article.published_at <= article.published_at]
            result.candidates += _retold_candidates(session, article, earlier, settings)
            result.retold = len(result.candidates)
            for other in nearby:
                if other.article.id in same_headline and other.article.published_at <= (
                    article.published_at
                ):
                    result.candidates.append(
                        CopyCandidate(
                            article_id=other.article.id or 0,
                            outlet=other.outlet.slug,
                            reason=f"same headline as {_describe(other.article, other.outlet)}; "
                            "no other signal, so not linked",
                        )
                    )

    if not has_origin:
        result.copies = _adopt_copies(
            session, article, outlet, nearby, same_headline, settings, quotations
        )
    return result


def _body_origin(
    article: Article, earlier: list[_Nearby], settings: Settings, quotations: frozenset[int]
) -> tuple[_Nearby, str] | None:
    """The earlier article whose body this one copies, by its fingerprints, with the reason:
    near-verbatim (SimHash), one body inside the other (MinHash containment), or sentences of
    the earlier body reappearing in this one (sentence fingerprints)."""
    if article.body_simhash is not None:
        scored = [
            (similarity(article.body_simhash, other.article.body_simhash), other)
            for other in earlier
            if other.article.body_simhash is not None
        ]
        best = max(
            (pair for pair in scored if pair[0] >= settings.copy_body_similarity),
            key=lambda pair: (pair[0], -pair[1].article.published_at.timestamp()),
            default=None,
        )
        if best is not None:
            score, other = best
            differing = round((1 - score) * 64)
            reason = (
                f"body {score:.0%} similar to {_describe(other.article, other.outlet)} "
                f"(SimHash of 3-word shingles: {differing} of 64 bits differ)"
            )
            return other, reason

    if article.body_minhash is not None:
        partial = [
            (found, other)
            for other in earlier
            if (found := contained(article, other.article, settings, quotations)) is not None
        ]
        if partial:
            (share, wording), other = max(
                partial, key=lambda pair: (pair[0][0], -pair[1].article.published_at.timestamp())
            )
            reason = _containment_reason(share, wording, _describe(other.article, other.outlet))
            return other, reason
        carrying = [
            (found, other)
            for other in earlier
            if (found := carried_sentences(article, other.article, settings, quotations))
            is not None
        ]
        if carrying:
            # The most sentences carried, then the earliest (as for the other fingerprints).
            found, other = max(
                carrying,
                key=lambda pair: (pair[0].sentences, -pair[1].article.published_at.timestamp()),
            )
            reason = _sentences_reason(found, _describe(other.article, other.outlet))
            return other, reason
    return None


# At most this many earlier articles (sharing a claim, the latest first) are compared by their
# sentence vectors for review candidates: CPU and reads stay bounded in a busy window.
MAX_RETOLD_COMPARED = 20


def _retold_candidates(
    session: Session, article: Article, earlier: list[_Nearby], settings: Settings
) -> list[CopyCandidate]:
    """Earlier articles on a claim of this one whose sentences it retells in other words, with
    no credit and no fingerprint to say it is their copy: candidates for review, not links (an
    independent report of the same briefing retells the same facts; docs/matching.md)."""
    if article.body_sentence_vectors is None or not earlier:
        return []
    shared = _shared_claims(session, article.id or 0, [o.article.id or 0 for o in earlier])
    compared = [o for o in reversed(earlier) if shared.get(o.article.id or 0)]
    found = []
    for other in reversed(compared[:MAX_RETOLD_COMPARED]):  # the earliest first, as proposed
        retelling = retold_sentences(article, other.article, settings)
        if retelling is not None:
            described = _describe(other.article, other.outlet)
            reason = f"{_retold_reason(retelling, described)}; no credit, so not linked"
            found.append(
                CopyCandidate(
                    article_id=other.article.id or 0, outlet=other.outlet.slug, reason=reason[:1000]
                )
            )
    return found


def _choose_origin(
    session: Session,
    article: Article,
    nearby: list[_Nearby],
    credits: list[tuple[Credit, Outlet]],
    credited: dict[int | None, Credit],
    same_headline: set[int | None],
    settings: Settings,
    quotations: frozenset[int],
) -> tuple[Article | None, LinkRelation, str]:
    def with_evidence(reason: str, other: _Nearby) -> str:
        """A body match's reason, with the other evidence for the same origin."""
        credit = credited.get(other.outlet.id)
        if credit is not None:
            reason += f'; credits {other.outlet.name}: "{credit.quote}"'
        if other.article.id in same_headline:
            reason += "; same headline"
        return reason

    earlier = [
        other
        for other in nearby
        if other.article.published_at <= article.published_at
        and not (
            other.article.published_at == article.published_at
            and (other.article.id or 0) > (article.id or 0)
        )
    ]
    body_match = _body_origin(article, earlier, settings, quotations)
    if body_match is not None:
        other, reason = body_match
        return other.article, LinkRelation.syndicates, with_evidence(reason, other)

    for credit, credited_outlet in credits:
        if credit.background:
            continue  # spoke to the outlet, or recalls its earlier story: no credit (credited.told)
        candidates = [o for o in earlier if o.outlet.id == credited_outlet.id]
        shared = _shared_claims(session, article.id or 0, [o.article.id or 0 for o in candidates])
        candidates = [o for o in candidates if shared.get(o.article.id or 0)]
        if not candidates:
            continue
        other = max(
            candidates,
            key=lambda o: (shared[o.article.id or 0], o.article.published_at, -(o.article.id or 0)),
        )
        relation = credit.relation
        count = shared[other.article.id or 0]
        reason = (
            f'credits {credited_outlet.name}: "{credit.quote}"; '
            f"{_describe(other.article, other.outlet)} reports the same "
            f"{'claim' if count == 1 else f'{count} claims'}"
        )
        if relation == LinkRelation.syndicates and _bodies_say_rewrite(article, other.article):
            retelling = retold_sentences(article, other.article, settings)
            if retelling is None:
                relation = LinkRelation.cites
                reason += "; the bodies differ, so a rewrite"
            else:
                reason += "; " + _retold_reason(retelling, "it")
        if other.article.id in same_headline:
            reason += "; same headline"
            if _headline_may_syndicate(article, other.article):
                relation = LinkRelation.syndicates
        return other.article, relation, reason
    return None, LinkRelation.syndicates, ""


def _bodies_say_rewrite(copy: Article, origin: Article) -> bool:
    """Both bodies fingerprinted, and none of the body rules found one in the other (they ran
    first): whatever the credit's kind, the article is not a copy of that body but a story
    built on it (`cites`): another story of the same agency, or a rewrite "with AFP"."""
    return copy.body_minhash is not None and origin.body_minhash is not None


def _headline_may_syndicate(copy: Article, origin: Article) -> bool:
    """A rewrite crediting the origin under its headline is taken for its copy only when the
    bodies cannot say otherwise: with both fingerprinted, a copy would have matched them (a
    rewrite that kept the headline stays `cites`)."""
    return copy.body_minhash is None or origin.body_minhash is None


def _credit_relation(quote: str) -> LinkRelation:
    """The relation a stored credit quote stands for (see credits.reading.credit_kind)."""
    if credit_kind(quote) in SYNDICATING_KINDS:
        return LinkRelation.syndicates
    return LinkRelation.cites


def _crediting(session: Session, outlet: Outlet, others: list[_Nearby]) -> dict[int, str]:
    """Those of `others` that credit `outlet` (by the credit they carry, not a "told", or by
    a recorded credited origin): article id -> the credited origin's evidence, if any."""
    if not others:
        return {}
    rows = session.execute(
        select(CreditedOrigin.article_id, CreditedOrigin.evidence).where(
            CreditedOrigin.outlet_id == outlet.id,
            CreditedOrigin.article_id.in_([o.article.id for o in others]),  # type: ignore[attr-defined]
        )
    )
    found: dict[int, str] = {row[0]: row[1] for row in rows}
    keys = outlet_keys(outlet)
    for other in others:
        name = other.article.credit_name
        if name in keys and not told(other.article.credit or "", name):
            found.setdefault(other.article.id or 0, "")
    return found


def _adopt_copies(
    session: Session,
    article: Article,
    outlet: Outlet,
    nearby: list[_Nearby],
    same_headline: set[int | None],
    settings: Settings,
    quotations: frozenset[int],
) -> list[int]:
    """Later articles, ingested before this original, that copy or credit it: link them to it."""
    later = [
        other
        for other in nearby
        if other.article.published_at > article.published_at
        and session.get(ArticleLink, other.article.id) is None
    ]
    adopted: list[int] = []
    credited_here = _crediting(session, outlet, later)
    credit_copies = [o for o in later if o.article.id in credited_here]
    shared = _shared_claims(session, article.id or 0, [o.article.id or 0 for o in credit_copies])
    for other in later:
        reason: str | None = None
        relation = LinkRelation.syndicates
        if article.body_simhash is not None and other.article.body_simhash is not None:
            score = similarity(article.body_simhash, other.article.body_simhash)
            if score >= settings.copy_body_similarity:
                differing = round((1 - score) * 64)
                reason = (
                    f"body {score:.0%} similar to {_describe(article, outlet)} "
                    f"(SimHash of 3-word shingles: {differing} of 64 bits differ)"
                )
        if reason is None:
            found = contained(other.article, article, settings, quotations)
            if found is not None:
                reason = _containment_reason(found[0], found[1], _describe(article, outlet))
        if reason is None:
            carried = carried_sentences(other.article, article, settings, quotations)
            if carried is not None:
                reason = _sentences_reason(carried, _describe(article, outlet))
        if reason is None and other in credit_copies and shared.get(other.article.id or 0):
            quote = credited_here[other.article.id or 0] or other.article.credit or ""
            relation = _credit_relation(quote)
            reason = (
                f'credits {outlet.name}: "{quote}"; {_describe(article, outlet)} reports the '
                "same claim"
            )
            if relation == LinkRelation.syndicates and _bodies_say_rewrite(other.article, article):
                retelling = retold_sentences(other.article, article, settings)
                if retelling is None:
                    relation = LinkRelation.cites
                    reason += "; the bodies differ, so a rewrite"
                else:
                    reason += "; " + _retold_reason(retelling, "it")
            if other.article.id in same_headline and _headline_may_syndicate(
                other.article, article
            ):
                relation = LinkRelation.syndicates
        if reason is not None and _link(
            session, copy=other.article, origin=article, relation=relation, reason=reason
        ):
            adopted.append(other.article.id or 0)
    return adopted


def credit_columns(credits: list[Credit], resolved: list[tuple[Credit, Any]]) -> tuple[str, str]:
    """The credit an article keeps: the strongest one naming a known outlet, else the first."""
    # Not "told Reuters" nor "Reuters reported last year" if it credits it otherwise too.
    kept = [c for c, _ in resolved if not c.background] or [c for c, _ in resolved]
    chosen = kept[0] if kept else credits[0]
    return chosen.quote[:300], chosen.key[:200]
