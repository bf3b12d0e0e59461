"""From a crawled article to claim proposals: its quotes (app/feeds/quotes.py), each attached to
the claim the matcher is sure of or queued for a person (app/review_queue/proposals.py).

Runs in the transaction that ingests the article, so an article is never stored without the
proposals it makes, and a re-crawl finds its attributions and proposals already there (review
items are keyed by article, statement and claimant; a rejected one is never proposed again).
"""

from collections import Counter

from sqlmodel import Session

from app.core.config import Settings
from app.feeds import quotes
from app.feeds.nlp import pipeline
from app.matching.base import Matcher
from app.review_queue import service as review_queue
from app.review_queue.proposals import Proposal
from app.review_queue.proposals import sourcing_of
from app.tables import Article
from app.tables import Outlet

MIN_WORDS = 4  # "shameful", "a fair compromise": a word or two is not a claim


def proposals(title: str, body: str, *, settings: Settings) -> list[Proposal]:
    """The claims an article's quotes make, once each, in the article's order."""
    text = f"{title.strip()}\n\n{body.strip()}" if title.strip() else body.strip()
    found = quotes.find(text, nlp=pipeline(settings.quotes_model), headline=bool(title.strip()))
    seen: set[tuple[str, str | None]] = set()
    made: list[Proposal] = []
    for quote in found:
        statement = quote.text.strip(" ,;:—-\"“”'‘’")  # noqa: RUF001
        if len(statement.split()) < MIN_WORDS:
            continue
        claimant = quote.speaker[:500] if quote.speaker else None
        if (statement.lower(), claimant) in seen:
            continue
        seen.add((statement.lower(), claimant))
        made.append(
            Proposal(
                text=statement[:2000],
                claimant=claimant,
                quote=quote.text[:5000],
                sourcing=sourcing_of(claimant),
            )
        )
    return made


def propose(
    session: Session,
    *,
    article: Article,
    title: str,
    body: str,
    matcher: Matcher,
    settings: Settings,
) -> Counter[str]:
    """Attach or queue (or create, for an outlet in CLAIMS_FEEDS_CREATE_CLAIMS_OUTLETS) every
    claim the article's quotes make; counts what happened to them (`attached`, `already`,
    `created`, `proposed`, `known`)."""
    outlet = session.get(Outlet, article.outlet_id)
    create = outlet is not None and outlet.slug in settings.feeds_create_claims_outlets
    outcomes: Counter[str] = Counter()
    for proposal in proposals(title, body, settings=settings):
        outcome = review_queue.propose_claim(
            session, article=article, proposal=proposal, matcher=matcher, create=create
        )
        outcomes[outcome] += 1
    return outcomes
