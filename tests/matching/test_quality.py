"""Claim-matching quality on the labelled pairs (tests/data/claim_pairs*.jsonl), per split.

Two sets: claim_pairs.jsonl (191 pairs: paraphrases and near misses, English) and
claim_pairs_news.jsonl (567 pairs over 118 news topics, 219 of them across languages). Odd/even
topics are the dev/test splits; the hybrid matcher's weights and thresholds were chosen on dev
only (bench/calibrate_matching.py). docs/matching.md reports the figures. These tests pin them
from below, so that a change that makes matching worse fails here; they are not the targets of
issue 12, which the docs say are not met.
"""

import json
from pathlib import Path
from typing import Any

import pytest

from app.core.config import Settings
from app.matching.analysis import analyse
from app.matching.embedding import DEFAULT_MODEL
from app.matching.embedding import load_embedder
from app.matching.factory import build_matcher
from app.matching.hybrid import compare

DATA = Path(__file__).resolve().parent.parent / "data"
SETS = ("claim_pairs.jsonl", "claim_pairs_news.jsonl")


def load_pairs(name: str = "claim_pairs.jsonl") -> list[dict[str, Any]]:
    return [json.loads(line) for line in (DATA / name).read_text(encoding="utf-8").splitlines()]


def all_pairs() -> list[dict[str, Any]]:
    return [row for name in SETS for row in load_pairs(name)]


def lexical_scores(rows: list[dict[str, Any]]) -> list[tuple[float, bool]]:
    matcher = build_matcher(Settings(matcher="lexical"))
    return [
        (
            matcher.similarity(
                row["a"], row["b"], a_claimant=row["a_claimant"], b_claimant=row["b_claimant"]
            ),
            row["same"],
        )
        for row in rows
    ]


def hybrid_scores(rows: list[dict[str, Any]]) -> list[tuple[float, bool]]:
    model = load_embedder(DEFAULT_MODEL)
    a = model.embed([row["a"] for row in rows])
    b = model.embed([row["b"] for row in rows])
    return [
        (
            compare(
                row["a"],
                row["b"],
                float(va @ vb),
                a_claimant=row["a_claimant"],
                b_claimant=row["b_claimant"],
            ).score,
            row["same"],
        )
        for row, va, vb in zip(rows, a, b, strict=True)
    ]


def precision_recall(scores: list[tuple[float, bool]], threshold: float) -> tuple[float, float]:
    predicted = [same for score, same in scores if score >= threshold]
    positives = sum(same for _, same in scores)
    true = sum(predicted)
    return (true / len(predicted) if predicted else 1.0), true / positives


def test_the_labelled_sets_are_big_split_and_hard_enough() -> None:
    rows = all_pairs()
    assert len(rows) >= 700
    for name in SETS:
        assert {row["split"] for row in load_pairs(name)} == {"dev", "test"}
    news = load_pairs("claim_pairs_news.jsonl")
    assert sum(row["lang"] != "en" for row in news) >= 200
    assert {lang.split("-")[0] for lang in {row["lang"] for row in news}} >= {
        "ru", "uk", "ja", "es", "fr", "de",
    }  # fmt: skip
    by_topic: dict[int, set[str]] = {}
    for row in rows:
        by_topic.setdefault(row["topic"], set()).add(row["split"])
    assert all(len(splits) == 1 for splits in by_topic.values())  # no topic straddles splits
    near_misses = [row for row in load_pairs() if not row["same"]]
    shared = [
        len(analyse(row["a"]).weights.keys() & analyse(row["b"]).weights.keys())
        for row in near_misses
    ]
    assert sum(count >= 2 for count in shared) >= 0.8 * len(near_misses)


@pytest.mark.parametrize("split", ["dev", "test"])
def test_lexical_matcher_keeps_its_precision_on_its_own_set(split: str) -> None:
    rows = [row for row in load_pairs() if row["split"] == split]
    matcher = build_matcher(Settings(matcher="lexical"))
    precision, recall = precision_recall(lexical_scores(rows), matcher.link)
    assert precision >= 0.95
    assert recall >= 0.15  # it does link: precision is not bought by never answering


@pytest.fixture(scope="module")
def hybrid_by_split() -> dict[str, list[tuple[float, bool]]]:
    rows = all_pairs()
    scores = hybrid_scores(rows)
    out: dict[str, list[tuple[float, bool]]] = {}
    for row, score in zip(rows, scores, strict=True):
        out.setdefault(row["split"], []).append(score)
        if row.get("lang", "en") != "en":
            out.setdefault(f"{row['split']}-multilingual", []).append(score)
    return out


@pytest.mark.parametrize(
    ("subset", "precision_floor", "recall_floor"),
    [("dev", 0.95, 0.18), ("test", 0.9, 0.18), ("test-multilingual", 0.9, 0.1)],
)
def test_hybrid_links_at_its_measured_precision(
    hybrid_by_split: dict[str, list[tuple[float, bool]]],
    subset: str,
    precision_floor: float,
    recall_floor: float,
) -> None:
    matcher = build_matcher(Settings(matcher="hybrid"))
    precision, recall = precision_recall(hybrid_by_split[subset], matcher.link)
    assert precision >= precision_floor
    assert recall >= recall_floor


@pytest.mark.parametrize(
    ("subset", "recall_floor"), [("dev", 0.9), ("test", 0.9), ("test-multilingual", 0.85)]
)
def test_hybrid_suggests_nearly_nine_in_ten_of_the_same_claims(
    hybrid_by_split: dict[str, list[tuple[float, bool]]], subset: str, recall_floor: float
) -> None:
    matcher = build_matcher(Settings(matcher="hybrid"))
    _, recall = precision_recall(hybrid_by_split[subset], matcher.suggest)
    assert recall >= recall_floor
