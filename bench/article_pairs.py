"""The labelled article pairs for copy detection and credited origins: build them, choose the
thresholds on dev, and measure precision and recall per class on dev and test.

    .venv/bin/python bench/article_pairs.py build    # stories -> tests/data/article_pairs.jsonl
    .venv/bin/python bench/article_pairs.py choose   # dev only: containment, sentence rules
    .venv/bin/python bench/article_pairs.py report   # dev and test, through the real ingest
    .venv/bin/python bench/article_pairs.py report --pairs tests/data/article_pairs_heldout.jsonl

`report` ingests every pair through `POST /v1/ingest`'s code path into a scratch SQLite database
(each pair in its own time window, so pairs never meet): the wire article `a`, then the other
article `b` with the same claim, and reads what ingest decided (`syndicates` link or not). A
second copy of `b`, alone in another window, measures the credited origin: which outlet, if any,
ingest makes its origin when no article of it is stored. See tests/data/article_pairs.README.md.
`--pairs PATH` reports on another file of pairs in the same format (every split in it, e.g. the
held-out set of tests/data/article_pairs_heldout.README.md, whose split is "heldout").
"""

import argparse
import json
import sys
import tempfile
from collections import Counter
from datetime import UTC
from datetime import datetime
from datetime import timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.core import agencies  # noqa: E402
from app.ingest import sentences  # noqa: E402
from app.ingest.fingerprints import containment  # noqa: E402
from app.ingest.fingerprints import minhash  # noqa: E402
from app.ingest.fingerprints import simhash  # noqa: E402
from app.ingest.fingerprints import similarity  # noqa: E402

STORIES = ROOT / "tests" / "data" / "article_stories.json"
PAIRS = ROOT / "tests" / "data" / "article_pairs.jsonl"
COPY_CLASSES = ("verbatim", "trimmed", "wire_inside_local")
CLASSES = (*COPY_CLASSES, "credited_rewrite", "independent", "same_headline")
SHORT = {
    "ap": "AP",
    "reuters": "Reuters",
    "afp": "AFP",
    "the-canadian-press": "CP",
    "dpa": "dpa",
}
PAPERS = ("gazette", "herald", "times", "post", "courier", "daily", "observer", "chronicle")
HEADLINE_VARIANTS = ("UPDATE 2-{h}", "EXCLUSIVE-{h}", "{h} - {agency}", "{h}.", "RPT-{h}")
REWRITE_CREDITS = (
    "{sentence0} The news was first reported by {name}.",
    "{sentence0} {name} reported the decision earlier in the day.",
    "{sentence0} That is according to {name}, which obtained the figures.",
    "{sentence0} {name} contributed to this report.",
)
FOOTERS = (
    "This story has been updated with more details.",
    "Copyright. All rights reserved.",
    "Follow our live coverage for updates.",
)


def _agency(slug: str) -> agencies.Agency:
    return next(agency for agency in agencies.AGENCIES if agency.slug == slug)


def _slugify(text: str) -> str:
    return "-".join("".join(c if c.isalnum() else " " for c in text.lower()).split())[:60]


def _article(outlet: dict[str, Any], url: str, title: str, body: str, author: str | None = None):
    return {"outlet": outlet, "url": url, "title": title, "body": body, "author": author}


def build() -> list[dict[str, Any]]:
    """Every pair, deterministically, from the hand-written stories."""
    data = json.loads(STORIES.read_text(encoding="utf-8"))
    wrappers = data["local_wrappers"]
    stories = data["stories"]
    pairs: list[dict[str, Any]] = []
    for index, story in enumerate(stories):
        agency = _agency(story["agency"])
        short = SHORT[agency.slug]
        place = story["place"]
        split = "dev" if story["id"] % 2 else "test"
        wire_outlet = {
            "slug": agency.slug,
            "name": agency.name,
            "domain": agency.domain,
            "kind": "wire_agency",
        }
        wire_text = " ".join(story["wire"])
        dateline = f"{place.upper()} ({short}) - "
        a = _article(
            wire_outlet,
            f"https://{agency.domain}/article/{_slugify(story['headline'])}",
            story["headline"],
            dateline + wire_text,
        )
        wrapper = wrappers[index % len(wrappers)]
        intro = " ".join(wrapper["intro"]).format(place=place)
        outro = " ".join(wrapper["outro"]).format(place=place)
        headline = story["headline"]

        def paper(n: int, index: int = index, place: str = place) -> dict[str, Any]:
            name = PAPERS[(index + n) % len(PAPERS)]
            return {
                "slug": f"{_slugify(place)}-{name}",
                "name": f"{place} {name.title()}",
                "kind": "newspaper",
            }

        def url(n: int, segment: str | None = None, headline: str = headline) -> str:
            path = f"{segment}-{_slugify(headline)}" if segment else _slugify(headline)
            return f"https://{paper(n)['slug']}.example/{n}/{path}"

        segment = agency.url_segments[0] if agency.url_segments else None
        variant = HEADLINE_VARIANTS[index % len(HEADLINE_VARIANTS)].format(h=headline, agency=short)
        other = stories[(index + 7) % len(stories)]
        rewrite = REWRITE_CREDITS[index % len(REWRITE_CREDITS)].format(
            sentence0=story["independent"][0],
            name=agency.name if index % 2 else short,
        )
        independent = list(story["independent"])
        if story.get("trap"):
            independent.insert(2, story["trap"])
        made = [
            # A verbatim copy with the wire's dateline and a footer.
            ("verbatim", True, agency.slug,
             _article(paper(0), url(0), headline, dateline + wire_text + " " +
                      FOOTERS[index % len(FOOTERS)])),
            # A verbatim copy with no credit at all, under a headline in another house style.
            ("verbatim", True, None,
             _article(paper(1), url(1), variant, wire_text)),
            # The first four of six paragraphs, bylined to the agency.
            ("trimmed", True, agency.slug,
             _article(paper(2), url(2, segment), headline, " ".join(story["wire"][:4]),
                      author=agency.name)),
            # The first three paragraphs under the paper's own headline, no credit.
            ("trimmed", True, None,
             _article(paper(3), url(3), f"What it means for {place}: {headline.lower()}",
                      " ".join(story["wire"][:3]))),
            # The whole wire story inside a local one, with the usual credit line.
            ("wire_inside_local", True, agency.slug,
             _article(paper(4), url(4), f"{place} reacts: {headline}",
                      f"{intro} {wire_text} {outro} {agency.name} contributed to this report.")),
            # Five of the six wire paragraphs inside a local story, no credit.
            ("wire_inside_local", True, None,
             _article(paper(5), url(5), f"Local view: {headline}",
                      f"{intro} {' '.join(story['wire'][:5])} {outro}")),
            # The newsroom's own words, crediting the agency in the text.
            ("credited_rewrite", False, agency.slug,
             _article(paper(6), url(6), headline,
                      rewrite + " " + " ".join(story["independent"][1:]))),
            # The same event reported independently (a trap may name an agency for a quote).
            ("independent", False, None,
             _article(paper(7), url(7), f"{place}: {story['independent'][0][:60]}",
                      " ".join(independent))),
            # Reported independently but quoting the same statement as the wire (a sentence
            # in common): the hard case for containment.
            ("independent", False, None,
             _article(paper(9), url(9), f"{place} latest: {headline.lower()}",
                      " ".join(story["independent"][:2] + story["wire"][3:4] +
                               story["independent"][2:]))),
            # The wire's headline over another story's independent report.
            ("same_headline", False, None,
             _article(paper(8), url(8), headline, " ".join(other["independent"]))),
        ]  # fmt: skip
        for n, (kind, copy, credit, b) in enumerate(made):
            pairs.append(
                {
                    "id": f"{story['id']}-{n}",
                    "story": story["id"],
                    "split": split,
                    "class": kind,
                    "copy": copy,
                    "credit": credit,
                    "a": a,
                    "b": b,
                }
            )
    return pairs


def load(path: Path = PAIRS) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


# ---- choosing the thresholds on dev ----------------------------------------------------------


def scores(pair: dict[str, Any]) -> tuple[float, float]:
    """(SimHash similarity, shingle containment) of the pair's two bodies."""
    a, b = pair["a"]["body"], pair["b"]["body"]
    sa, sb = simhash(a), simhash(b)
    ma, mb = minhash(a), minhash(b)
    sim = similarity(sa, sb) if sa is not None and sb is not None else 0.0
    contained = 0.0
    if ma is not None and mb is not None:
        contained = max(containment(*mb, *ma), containment(*ma, *mb))
    return sim, contained


def sentence_shares(pair: dict[str, Any]) -> list[tuple[float, int, int]]:
    """Each counted sentence of `a`: the share of its shingles that are in `b` (bridges
    included, as `sentences.reappearing` reads `b`), its size and its passage."""
    a, b = sentences.fingerprint(pair["a"]["body"]), sentences.fingerprint(pair["b"]["body"])
    assert a is not None
    assert b is not None
    in_b = sentences._all_hashes(b)
    stored = sentences._parse(a)
    return [
        (sum(int(h) in in_b for h in sentence) / len(sentence), len(sentence), passage)
        for sentence, passage in zip(stored.sentences, stored.passages, strict=True)
        if len(sentence) >= sentences.MIN_SENTENCE_SHINGLES
    ]


def choose_sentences(dev: list[dict[str, Any]]) -> None:
    """The sentence rule on its own (no SimHash, no containment), on dev: precision and recall
    of every (share, count of passages); the count is the lowest above every non-copy, the
    share the middle of the shares that are perfect at that count."""
    scored = [(sentence_shares(pair), pair) for pair in dev]
    copies = sum(pair["copy"] for pair in dev)
    perfect: dict[int, list[float]] = {}
    print("sentence rule alone: share  count  precision  recall")
    for step in range(20, 95, 5):
        share = step / 100
        for count in (1, 2, 3, 4):
            predicted = [
                pair
                for found, pair in scored
                if len({passage for s, _, passage in found if s >= share}) >= count
                and sum(n for s, n, _ in found if s >= share) >= sentences.MIN_SHINGLES
            ]
            true = sum(pair["copy"] for pair in predicted)
            precision = true / len(predicted) if predicted else 1.0
            if count == 2:
                print(f"  {share:.2f}  {count}  {precision:.3f}  {true / copies:.3f}")
            if precision == 1.0 and true == copies:
                perfect.setdefault(count, []).append(share)
    for count, shares in sorted(perfect.items()):
        print(f"count {count}: dev precision and recall 1.000 for shares {shares[0]:.2f} .. "
              f"{shares[-1]:.2f} (middle {(shares[0] + shares[-1]) / 2:.2f})")  # fmt: skip
    print(f"in use: SENTENCE_SHARE {sentences.SENTENCE_SHARE}, CLAIMS_COPY_SHARED_SENTENCES 2")


def choose_retold(dev: list[dict[str, Any]]) -> None:
    """The sentence-vector rule alone (no fingerprint, no credit), on dev: for each count of
    aligned sentences, the range of cosines at which no non-copy reaches the count and every
    copy does; the cosine in use is the middle of that range at the count in use."""
    from app.core.config import Settings
    from app.ingest import retold
    from app.matching.embedding import load_embedder

    settings = Settings()
    model = load_embedder(settings.embedding_model)
    stored = {}
    for pair in dev:
        for side in ("a", "b"):
            body = pair[side]["body"]
            if body not in stored:
                stored[body] = retold.vectors(body, model)
    print("sentence vectors alone: count  cosines with dev precision and recall 1.000")
    for count in (2, 3, 4):
        perfect = []
        for step in range(500, 1000, 5):
            threshold = step / 1000
            hits = []
            for pair in dev:
                a, b = stored[pair["a"]["body"]], stored[pair["b"]["body"]]
                found = retold.retells(a, b, threshold=threshold, min_sentences=count)
                hits.append((found is not None, pair["copy"]))
            if all(hit == copy for hit, copy in hits):
                perfect.append(threshold)
        if perfect:
            print(f"  {count}  {perfect[0]:.3f} .. {perfect[-1]:.3f} "
                  f"(middle {(perfect[0] + perfect[-1]) / 2:.4f})")  # fmt: skip
        else:
            print(f"  {count}  none")
    print(f"in use: CLAIMS_COPY_RETOLD_SIMILARITY {settings.copy_retold_similarity}, "
          f"CLAIMS_COPY_RETOLD_SENTENCES {settings.copy_retold_sentences}")  # fmt: skip


def choose(pairs: list[dict[str, Any]]) -> None:
    dev = [pair for pair in pairs if pair["split"] == "dev"]
    choose_sentences(dev)
    choose_retold(dev)
    scored = [(scores(pair), pair) for pair in dev]
    print(f"dev pairs: {len(dev)}")
    negatives = sorted((c for (s, c), p in scored if not p["copy"]), reverse=True)
    positives = sorted(c for (s, c), p in scored if p["copy"] and s < 0.85)
    print("highest dev negative containments:", [round(c, 3) for c in negatives[:5]])
    print("lowest dev positive containments (SimHash below 0.85):",
          [round(c, 3) for c in positives[:8]])  # fmt: skip
    print("threshold  precision  recall (all copies, SimHash or containment)")
    best = None
    for step in range(30, 96, 5):
        threshold = step / 100
        predicted = [p for (s, c), p in scored if s >= 0.85 or c >= threshold]
        true = sum(p["copy"] for p in predicted)
        copies = sum(p["copy"] for p in dev)
        precision = true / len(predicted) if predicted else 1.0
        recall = true / copies
        print(f"  {threshold:.2f}     {precision:.3f}      {recall:.3f}")
        if precision >= 0.99 and (best is None or recall > best[1]):
            best = (threshold, recall)
    if best is not None and negatives:
        lowest = min((c for c in positives if c > negatives[0]), default=best[0])
        middle = round((negatives[0] + lowest) / 2, 2)
        print(f"highest recall at dev precision >= 0.99 from {best[0]:.2f}; the middle of the "
              "gap between the highest negative and the lowest positive above it: "
              f"{middle}")  # fmt: skip


# ---- measuring through the real ingest -------------------------------------------------------


def _payload(article: dict[str, Any], claim: str, at: datetime, url: str) -> dict[str, Any]:
    body = {
        "url": url,
        "title": article["title"],
        "published_at": at.isoformat(),
        "body": article["body"],
    }
    if article.get("author"):
        body["author"] = article["author"]
    return {
        "outlet": article["outlet"],
        "article": body,
        "claims": [{"text": claim, "match": "exact"}],
    }


def run(pairs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """What ingest decides for every pair (see the module docstring)."""
    from app.core.config import Settings
    from app.core.engine import create_db_engine
    from app.core.migrations import upgrade
    from app.core.unit_of_work import run_transaction
    from app.ingest import service
    from app.ingest.models import IngestPayload

    workdir = tempfile.mkdtemp(prefix="article-pairs-")
    settings = Settings(database_url=f"sqlite:///{workdir}/pairs.db", matcher="lexical")
    upgrade(settings.database_url)
    engine = create_db_engine(settings)
    start = datetime(1990, 1, 1, tzinfo=UTC)
    span = timedelta(hours=settings.copy_window_hours * 2 + 1)

    def ingest(payload: dict[str, Any]) -> Any:
        data = IngestPayload.model_validate(payload)
        return run_transaction(
            engine,
            lambda session: service.ingest(session, payload=data, matcher=None, settings=settings),  # type: ignore[arg-type]
            attempts=settings.db_retry_attempts,
        )

    results = []
    for n, pair in enumerate(pairs):
        claim = f"Claim of pair {pair['id']}: {pair['a']['title']}"
        at = start + span * (2 * n)
        ingest(_payload(pair["a"], claim, at, pair["a"]["url"] + f"?pair={n}"))
        copied = ingest(_payload(pair["b"], claim, at + timedelta(hours=2), pair["b"]["url"]))
        alone_at = start + span * (2 * n + 1)
        alone = ingest(
            _payload(pair["b"], claim + " (alone)", alone_at, pair["b"]["url"] + "?alone=1")
        )
        origin = copied.origin
        credited = alone.credited_origin
        results.append(
            {
                "pair": pair,
                "syndicates": origin is not None and origin.relation == "syndicates",
                "linked": origin is not None,
                "reason": origin.reason if origin is not None else None,
                "credited": credited.outlet.slug if credited is not None else None,
                "candidate": bool(copied.copy_candidates),
                "retold": any("retold" in c.reason for c in copied.copy_candidates),
            }
        )
    engine.dispose()
    return results


def _ratio(hit: int, total: int) -> str:
    return f"{hit / total:.3f} ({hit}/{total})" if total else "- (0/0)"


def report(results: list[dict[str, Any]]) -> None:
    # Every split in the pairs (dev and test for the built file, heldout for the held-out one).
    order = ("dev", "test", "heldout", "heldout2")
    present = {r["pair"]["split"] for r in results}
    for split in [s for s in order if s in present] + sorted(present - set(order)):
        rows = [r for r in results if r["pair"]["split"] == split]
        predicted = [r for r in rows if r["syndicates"]]
        true = [r for r in predicted if r["pair"]["copy"]]
        print(f"\n{split}: {len(rows)} pairs")
        print(f"  syndicates precision: {_ratio(len(true), len(predicted))}")
        for kind in COPY_CLASSES:
            members = [r for r in rows if r["pair"]["class"] == kind]
            found = sum(r["syndicates"] for r in members)
            print(f"  recall, {kind}: {_ratio(found, len(members))}")
        for kind in CLASSES[3:]:
            members = [r for r in rows if r["pair"]["class"] == kind]
            wrong = sum(r["syndicates"] for r in members)
            print(f"  {kind}: wrongly syndicated {_ratio(wrong, len(members))}")
        claimed = [r for r in rows if r["credited"] is not None]
        right = [r for r in claimed if r["credited"] == r["pair"]["credit"]]
        labelled = [r for r in rows if r["pair"]["credit"] is not None]
        found = [r for r in labelled if r["credited"] == r["pair"]["credit"]]
        print(f"  credited origin precision: {_ratio(len(right), len(claimed))}")
        print(f"  credited origin recall: {_ratio(len(found), len(labelled))}")
        for r in claimed:
            if r["credited"] != r["pair"]["credit"]:
                print(f"    wrong credit: pair {r['pair']['id']} ({r['pair']['class']}): "
                      f"{r['credited']} for {r['pair']['credit']}")  # fmt: skip
        for r in labelled:
            if r["credited"] is None:
                print(f"    missed credit: pair {r['pair']['id']} ({r['pair']['class']})")
        for r in rows:
            if r["syndicates"] != r["pair"]["copy"]:
                print(f"    {'missed' if r['pair']['copy'] else 'wrong'} copy: pair "
                      f"{r['pair']['id']} ({r['pair']['class']}): {r['reason']}")  # fmt: skip
        # What the independent-origin count sees: a link of either relation collapses the
        # article into the wire (the default `collapse`); a credited rewrite collapsing is right.
        should = [r for r in rows if r["pair"]["copy"] or r["pair"]["class"] == "credited_rewrite"]
        collapsed = [r for r in rows if r["linked"]]
        right = [r for r in collapsed if r in should]
        print("  collapsed into the wire (either relation): "
              f"precision {_ratio(len(right), len(collapsed))}, "
              f"recall {_ratio(len(right), len(should))}")  # fmt: skip
        for kind in ("wire_inside_local", "independent", "same_headline"):
            members = [r for r in rows if r["pair"]["class"] == kind]
            linked = sum(r["linked"] for r in members)
            print(f"    {kind}: collapsed {_ratio(linked, len(members))}")
        retold = [r for r in rows if r.get("retold")]
        by_class = Counter(r["pair"]["class"] for r in retold)
        print(f"  offered for review as a retelling (not linked): {len(retold)} "
              f"{dict(sorted(by_class.items()))}")  # fmt: skip
        same_headline = [r for r in rows if r["pair"]["class"] == "same_headline"]
        offered = sum(r["candidate"] for r in same_headline)
        print(f"  same headline offered as a candidate: {_ratio(offered, len(same_headline))}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("command", choices=("build", "choose", "report"))
    parser.add_argument(
        "--pairs",
        type=Path,
        default=PAIRS,
        help="the file of pairs `report` ingests (default: %(default)s)",
    )
    args = parser.parse_args()
    if args.command == "build":
        pairs = build()
        PAIRS.write_text(
            "".join(json.dumps(pair, ensure_ascii=False) + "\n" for pair in pairs),
            encoding="utf-8",
        )
        counts = Counter((pair["split"], pair["class"]) for pair in pairs)
        where = PAIRS.relative_to(ROOT)
        print(f"wrote {len(pairs)} pairs to {where}: {dict(sorted(counts.items()))}")
    elif args.command == "choose":
        choose(load())
    else:
        report(run(load(args.pairs)))


if __name__ == "__main__":
    main()
