"""The bound that lets bulk ingest skip lexical pairs (app/matching/bounds.py) changes nothing.

The labelled pairs (tests/data/claim_pairs*.jsonl), every pair of texts within a topic and each
text against the next texts of the file (mostly unrelated claims, what full-text candidates
mostly are) go through the old scoring (`signals`) and the new (`signals_from`, the bound then
`signals`): whatever a threshold keeps must be exactly what `signals` gives, and no pair that
`signals` scores at or above the threshold may be skipped.
"""

import itertools
from collections import defaultdict
from collections.abc import Iterator

import pytest
from sqlalchemy import Engine

from app.core.config import Settings
from app.core.unit_of_work import transaction
from app.matching import bounds
from app.matching.factory import build_matcher
from app.matching.lexical import LexicalMatcher
from app.matching.lexical import signals
from app.matching.lexical import stored_analysis
from app.matching.overlap_postings import Postings
from tests.factories import Factory
from tests.matching.test_quality import all_pairs

Text = tuple[str, str | None]
THRESHOLDS = (0.3, 0.5, 0.6, 0.75, 0.9)
NEXT = 12  # each text is also paired with the next NEXT distinct texts of the files


def _texts_and_pairs() -> tuple[list[Text], list[tuple[Text, Text]]]:
    rows = all_pairs()
    texts: dict[Text, None] = {}
    topics: dict[int, dict[Text, None]] = defaultdict(dict)
    for row in rows:
        for side in ("a", "b"):
            text = (row[side], row[f"{side}_claimant"])
            texts[text] = topics[row["topic"]][text] = None
    pairs = [((row["a"], row["a_claimant"]), (row["b"], row["b_claimant"])) for row in rows]
    for members in topics.values():
        pairs += list(itertools.permutations(members, 2))
    ordered = list(texts)
    for index, text in enumerate(ordered):
        pairs += [(text, other) for other in ordered[index + 1 : index + 1 + NEXT]]
    return ordered, pairs


TEXTS, PAIRS = _texts_and_pairs()


@pytest.fixture(params=["indexed", "one by one"])
def pairs(
    request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> Iterator[list[tuple[Text, Text]]]:
    """A fresh neighbour index with every pair, or a full one (each pair of words checked with
    rapidfuzz directly, slower: every third pair)."""
    indexed = request.param == "indexed"
    monkeypatch.setattr(
        bounds, "_index", bounds._Neighbours(bounds.WORDS_INDEXED if indexed else 0)
    )
    bounds.prepared.cache_clear()  # its entries know words of the process's own index
    yield PAIRS if indexed else PAIRS[::3]
    bounds.prepared.cache_clear()


def test_pairs_set_covers_related_and_unrelated_claims() -> None:
    scores = [signals(stored_analysis(*a), stored_analysis(*b)).score for a, b in PAIRS]
    assert len(PAIRS) > 10_000
    # The set holds pairs on both sides of every threshold, or the comparison would prove little.
    for threshold in THRESHOLDS:
        assert sum(score >= threshold for score in scores) >= 50
        assert sum(0 < score < threshold for score in scores) >= 50


def test_bound_never_below_the_score_and_kept_pairs_score_the_same(
    pairs: list[tuple[Text, Text]],
) -> None:
    prepared = {text: bounds.prepare(stored_analysis(*text)) for text in TEXTS}
    skipped = dict.fromkeys(THRESHOLDS, 0)
    for a, b in pairs:
        old = signals(prepared[a].analysis, prepared[b].analysis)
        bound = bounds.score_bound(prepared[a], prepared[b])
        # The score is rounded to 4 places; the bound is not.
        assert old.score <= round(bound, 4) + 1e-9, (a, b, old, bound)
        for threshold in THRESHOLDS:
            new = bounds.signals_from(prepared[a], prepared[b], threshold)
            if new is None:
                assert old.score < threshold, (a, b, threshold, old)
                skipped[threshold] += 1
            else:
                assert new == old
                assert new.explain() == old.explain()
    # And it skips most of them: that is the point.
    assert skipped[0.5] > len(pairs) // 2


def test_match_many_above_keeps_match_many_candidates_from_the_threshold(
    engine: Engine, factory: Factory, settings: Settings
) -> None:
    stored = TEXTS[:120]
    for text, claimant in stored:
        factory.claim(text=text, claimant=claimant)
    matcher = build_matcher(settings.model_copy(update={"matcher": "lexical"}))
    assert isinstance(matcher, LexicalMatcher)
    queries = TEXTS[90:200]
    kept = 0
    with transaction(engine, write=False) as session:
        old = matcher.match_many(session, queries, limit=10)
        for threshold in (matcher.suggest, matcher.link, 0.3):
            new = bounds.match_many_above(matcher, session, queries, 10, threshold)
            assert new.keys() == old.keys()
            for query, candidates in old.items():
                wanted = [c for c in candidates if c.score >= threshold]
                assert [(c.claim_id, c.score, c.signals) for c in new[query]] == [
                    (c.claim_id, c.score, c.signals) for c in wanted
                ]
                kept += len(wanted)
    assert kept > 50


def _brute_neighbours(words: list[str]) -> dict[str, set[str]]:
    return {w: {o for o in words if o != w and bounds._neighbours(w, o)} for w in words}


def test_the_neighbour_index_finds_each_pair_whichever_calls_bring_the_words() -> None:
    """Words added in one batch (compared by `process.cdist`), in small calls, or one by one
    get the neighbours a rapidfuzz call per pair finds: ratios on both sides of the cutoff
    (83.87 is not 84), shared roots, words of other lengths, repeats across calls."""
    import random

    rng = random.Random(7)
    stems = [stored_analysis(text, claimant).weights for text, claimant in TEXTS]
    words = sorted({w for weights in stems for w in weights if len(w) >= 5})
    variants = []
    for word in words[:300]:  # spelling variants near the cutoff, and shared roots
        chars = list(word)
        chars[rng.randrange(len(chars))] = rng.choice("aeiouxyz")
        variants.append("".join(chars) + rng.choice(["", "s", "ed", "ing", "ation"]))
    near = {"xbcdefghijklmno", "ybcdefghijklmnQZ", "xbcdefghijklmnopqrs", "ybcdefghijklmnopqrQZT"}
    assert not bounds._neighbours("xbcdefghijklmno", "ybcdefghijklmnQZ")  # ratio 83.87
    assert bounds._neighbours("xbcdefghijklmnopqrs", "ybcdefghijklmnopqrQZT")  # ratio 85
    every = sorted(set(words) | set(variants) | near)
    expected = _brute_neighbours(every)
    assert sum(map(len, expected.values())) > 100  # the check has neighbours to find
    shuffled = every[:]
    rng.shuffle(shuffled)
    for size in (len(every), 97, 3, 1):
        index = bounds._Neighbours()
        for start in range(0, len(shuffled), size):
            assert index.add(frozenset(shuffled[start : start + size] + shuffled[:2]))
        assert index.of == expected


def test_a_full_neighbour_index_keeps_what_it_has_and_says_so() -> None:
    words = [f"word{n:04d}" for n in range(50)]
    index = bounds._Neighbours(size=30)
    assert index.add(frozenset(words[:20]))
    assert not index.add(frozenset(words[20:]))
    assert len(index.of) == 30
    indexed = sorted(index.of)
    assert index.of == _brute_neighbours(indexed)
    assert index.add(frozenset(indexed))  # words it holds are no news


def test_postings_rule_out_only_pairs_signals_from_rules_out(
    pairs: list[tuple[Text, Text]],
) -> None:
    """`overlap_postings.Postings` bounds a text against every text added before it at once
    (what bulk ingest does with a chunk's new claims): every pair it rules out, `signals_from`
    rules out too, and with the neighbour index it rules out most of them."""
    prepared = {text: bounds.prepare(stored_analysis(*text)) for text in TEXTS}
    wanted: dict[Text, set[Text]] = defaultdict(set)
    for a, b in pairs:
        wanted[a].add(b)
    for threshold in THRESHOLDS:
        postings = Postings()
        added: list[Text] = []
        asked = ruled_out = 0
        for a in TEXTS:
            numbers = [number for number, b in enumerate(added) if b in wanted[a]]
            kept = set(postings.may_reach(prepared[a], threshold - bounds.MARGIN, numbers))
            for number in numbers:
                b = added[number]
                asked += 1
                if number not in kept:
                    ruled_out += 1
                    assert bounds.signals_from(prepared[a], prepared[b], threshold) is None, (
                        a,
                        b,
                        threshold,
                    )
            postings.add(prepared[a])
            added.append(a)
        assert asked > 500
        if pairs is PAIRS and threshold >= 0.5:  # with a full index, only texts with no long word
            assert ruled_out > asked // 2
