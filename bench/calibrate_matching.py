"""Fit the hybrid matcher's score on the dev split of the labelled pairs; report dev and test.

    .venv/bin/python bench/calibrate_matching.py            # fit on dev, print weights + tables
    .venv/bin/python bench/calibrate_matching.py --report   # only evaluate the weights in code

The model is a logistic regression over the signals of `app.matching.hybrid.features`, fitted
with L2 regularisation on the **dev** split only; the link threshold is the lowest at which dev
precision is at least TARGET_PRECISION, the suggest threshold the highest at which dev recall is
at least TARGET_SUGGEST_RECALL. The test split is only scored, never used to choose anything.
"""

import argparse
import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.matching import hybrid  # noqa: E402
from app.matching.embedding import DEFAULT_MODEL  # noqa: E402
from app.matching.embedding import load_embedder  # noqa: E402
from app.matching.lexical import signals  # noqa: E402
from app.matching.lexical import stored_analysis  # noqa: E402

PAIR_FILES = (ROOT / "tests/data/claim_pairs.jsonl", ROOT / "tests/data/claim_pairs_news.jsonl")
TARGET_PRECISION = 0.95  # on dev: what the test split must reach
TARGET_SUGGEST_RECALL = 0.93
L2 = 0.05


def load_pairs() -> list[dict]:
    rows = []
    for path in PAIR_FILES:
        if path.is_file():
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    row = json.loads(line)
                    row.setdefault("lang", "en")
                    row["source"] = path.name
                    rows.append(row)
    return rows


def unrelated_pairs(rows: list[dict], per_topic: int = 3, seed: int = 0) -> list[dict]:
    """Claims of different topics paired at random, within each split: what most candidates
    from the indexes are. The labelled pairs are all topical, so without these the model never
    sees an unrelated claim and scores one like a near miss. Used to fit, not reported."""
    rng = np.random.default_rng(seed)
    anchors: dict[tuple[str, int], dict] = {}
    for row in rows:
        anchors.setdefault((row["split"], row["topic"]), row)
    out = []
    for (split, topic), row in anchors.items():
        others = [a for (s, t), a in anchors.items() if s == split and t != topic]
        for other in rng.choice(len(others), size=min(per_topic, len(others)), replace=False):
            partner = others[int(other)]
            out.append(
                {
                    **row,
                    "b": partner["b"],
                    "b_claimant": partner["b_claimant"],
                    "same": False,
                    "kind": "unrelated",
                    "source": "unrelated",
                    "lang": partner.get("lang", "en"),
                }
            )
    return out


def pair_signals(rows: list[dict], model: str) -> list[tuple[float, object, bool]]:
    embedder = load_embedder(model)
    a = embedder.embed([row["a"] for row in rows])
    b = embedder.embed([row["b"] for row in rows])
    out = []
    for row, va, vb in zip(rows, a, b, strict=True):
        lexical = signals(
            stored_analysis(row["a"], row.get("a_claimant")),
            stored_analysis(row["b"], row.get("b_claimant")),
        )
        cross = hybrid.language(row["a"]) != hybrid.language(row["b"])
        out.append((float(va @ vb), lexical, cross))
    return out


def hard_vetoed(sig: tuple[float, object, bool]) -> bool:
    return hybrid.calibrated(*sig).capped


def design(sigs: list[tuple[float, object, bool]]) -> np.ndarray:
    names = list(hybrid.WEIGHTS)
    return np.array([[hybrid.features(*s)[n] for n in names] for s in sigs], dtype=float)


# Signs the model must keep, whatever one labelled set suggests: more similarity never lowers
# the score, a disagreement never raises it. (A set built from minimal edits makes word overlap
# look like evidence of *different* claims; a model that learnt that would fail on real news.)
SIGNS = {
    "semantic": 1,
    "semantic_cross": 1,
    "lexical": 1,
    "agree_numbers": 1,
    "agree_names": 1,
}  # the rest (vetoes): <= 0 ...
FREE: set[str] = set()  # (the cross-lingual offset too: a language change is no evidence)


def fit(x: np.ndarray, y: np.ndarray) -> tuple[float, np.ndarray]:
    """Logistic regression with sign constraints: fit, drop each feature whose weight has the
    wrong sign, fit again, until every weight has its sign."""
    names = list(hybrid.WEIGHTS)
    active = np.ones(x.shape[1], dtype=bool)
    while True:
        intercept, weights = _fit(x[:, active], y)
        full = np.zeros(x.shape[1])
        full[active] = weights
        wrong = [
            i
            for i, name in enumerate(names)
            if active[i]
            and name not in FREE
            and (full[i] < 0 if SIGNS.get(name, -1) > 0 else full[i] > 0)
        ]
        if not wrong:
            return intercept, full
        active[wrong] = False


def _fit(x: np.ndarray, y: np.ndarray) -> tuple[float, np.ndarray]:
    """Logistic regression by Newton's method with an L2 penalty (not on the intercept)."""
    xb = np.hstack([np.ones((len(x), 1)), x])
    w = np.zeros(xb.shape[1])
    penalty = np.full(xb.shape[1], L2 * len(x) / 100)
    penalty[0] = 0.0
    for _ in range(100):
        p = 1 / (1 + np.exp(-np.clip(xb @ w, -60, 60)))
        gradient = xb.T @ (p - y) + penalty * w
        hessian = (xb * (p * (1 - p))[:, None]).T @ xb + np.diag(penalty)
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return float(w[0]), w[1:]


def scores(sigs: list[tuple[float, object, bool]]) -> np.ndarray:
    return np.array([hybrid.calibrated(*s).score for s in sigs])


def precision_recall(
    s: np.ndarray, y: np.ndarray, threshold: float
) -> tuple[float, float, int, int]:
    chosen = s >= threshold
    hits = int((chosen & y).sum())
    return (
        (hits / chosen.sum() if chosen.sum() else 1.0),
        hits / max(1, y.sum()),
        hits,
        int(chosen.sum()),
    )


def own_link(value: np.ndarray, y: np.ndarray, usable: np.ndarray, target: float) -> float:
    """The lowest threshold at which the pairs a signal alone would link (not capped by a hard
    veto) have dev precision >= target."""
    for t in np.round(np.arange(0.3, 1.0, 0.01), 2):
        chosen = usable & (value >= t)
        if chosen.any() and (chosen & y).sum() / chosen.sum() >= target:
            return float(t)
    return 0.99


def signal_links(sigs: list, y: np.ndarray) -> dict[str, float]:
    """Each signal's own link threshold, on the dev pairs given: the loosest per-signal target
    (from TARGET_PRECISION up) at which the union of their links keeps dev precision at least
    TARGET_PRECISION."""
    cross = np.array([sig[2] for sig in sigs])
    free = ~np.array([hard_vetoed(sig) for sig in sigs])
    model = np.array([hybrid.probability(*sig) for sig in sigs])
    lexical = np.array([sig[1].score for sig in sigs])
    links = {}
    for target in np.round(np.arange(TARGET_PRECISION, 1.0001, 0.01), 2):
        links = {
            "model": own_link(model, y, free & ~cross, target),
            "model_cross": own_link(model, y, free & cross, target),
            "lexical": own_link(lexical, y, free & ~cross, target),
        }
        hybrid.SIGNAL_LINKS = links
        if precision_recall(scores(sigs), y, hybrid.LINK)[0] >= TARGET_PRECISION:
            break
    return links


def suggest_threshold(s: np.ndarray, y: np.ndarray) -> float:
    grid = np.round(np.arange(0.1, hybrid.LINK, 0.01), 2)
    return float(
        max((t for t in grid if precision_recall(s, y, t)[1] >= TARGET_SUGGEST_RECALL), default=0.1)
    )


def table(rows: list[dict], s: np.ndarray, link: float, suggest: float) -> str:
    y = np.array([row["same"] for row in rows])
    out = [
        "| subset | pairs (same / different) | link precision | link recall | suggest recall |",
        "| --- | --- | --- | --- | --- |",
    ]
    groups: list[tuple[str, np.ndarray]] = []
    for split in ("dev", "test"):
        in_split = np.array([row["split"] == split for row in rows])
        groups.append((f"{split}: all", in_split))
        for source in sorted({row["source"] for row in rows}):
            mask = in_split & np.array([row["source"] == source for row in rows])
            groups.append((f"{split}: {source}", mask))
        multi = in_split & np.array([row["lang"] != "en" for row in rows])
        groups.append((f"{split}: multilingual", multi))
        english = in_split & np.array([row["lang"] == "en" for row in rows])
        groups.append((f"{split}: English", english))
    for name, mask in groups:
        if not mask.any():
            continue
        p, r, hits, chosen = precision_recall(s[mask], y[mask], link)
        _, sr, shits, _ = precision_recall(s[mask], y[mask], suggest)
        out.append(
            f"| {name} | {mask.sum()} ({y[mask].sum()} / {(~y[mask]).sum()}) | "
            f"{p:.3f} ({hits}/{chosen}) | {r:.3f} ({hits}/{y[mask].sum()}) | "
            f"{sr:.3f} ({shits}/{y[mask].sum()}) |"
        )
    return "\n".join(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--report", action="store_true", help="evaluate the weights in code")
    parser.add_argument("--model", default=DEFAULT_MODEL)
    args = parser.parse_args()
    rows = load_pairs()
    sigs = pair_signals(rows, args.model)
    y = np.array([row["same"] for row in rows])
    dev = np.array([row["split"] == "dev" for row in rows])
    if not args.report:
        extra = [row for row in unrelated_pairs(rows) if row["split"] == "dev"]
        fit_sigs = [s for s, d in zip(sigs, dev, strict=True) if d] + pair_signals(
            extra, args.model
        )
        fit_y = np.concatenate([y[dev], np.zeros(len(extra), dtype=bool)])
        x = design(fit_sigs)
        # The caps decide the pairs with a hard veto; the model ranks the others.
        fitted = ~np.array([hard_vetoed(s) for s in fit_sigs])
        intercept, weights = fit(x[fitted], fit_y[fitted].astype(float))
        hybrid.INTERCEPT = intercept
        hybrid.WEIGHTS = dict(zip(hybrid.WEIGHTS, (float(w) for w in weights), strict=True))
    if not args.report:
        dev_sigs = [sig for sig, in_dev in zip(sigs, dev, strict=True) if in_dev]
        hybrid.SIGNAL_LINKS = signal_links(dev_sigs, y[dev])
    s = scores(sigs)
    link, suggest = hybrid.LINK, suggest_threshold(s[dev], y[dev])
    if not args.report:
        calibration = {
            "intercept": round(hybrid.INTERCEPT, 4),
            "weights": {name: round(weight, 4) for name, weight in hybrid.WEIGHTS.items()},
            "signal_links": hybrid.SIGNAL_LINKS,
            "suggest": suggest,
            "fitted_on": f"dev split: {int(dev.sum())} labelled pairs from "
            + ", ".join(sorted({row["source"] for row in rows}))
            + f", and {len(extra)} pairs of claims of different dev topics",
        }
        hybrid.CALIBRATION.write_text(json.dumps(calibration, indent=2) + "\n", encoding="utf-8")
        print(json.dumps(calibration, indent=2))
    else:
        suggest = hybrid.SUGGEST
    print(f"\nthresholds: link {link:.2f}, suggest {suggest:.2f} (chosen on dev)\n")
    print(table(rows, s, link, suggest))


if __name__ == "__main__":
    main()
