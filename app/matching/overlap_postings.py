"""An upper bound on the overlap of one claim with each of many, from posting lists.

Bulk ingest bounds every pair of a chunk's new claims that share a stem (`ChunkClaims`), and
with a news vocabulary nearly every pair shares one ("citing"): about 120,000 pairs of S's
212,100 bounds, for 322 scored. `bounds.signals_from` bounds them one by one. `Postings` holds
the claims added so far by word, so that one pass over a query's words and their posting lists
bounds the query against all of them at once; a pair it rules out is one `signals_from` rules
out too, and every other pair is left to `signals_from`, so the decisions are the same.

Why a pair it rules out cannot reach the threshold. `signals_from(a, b, t)` returns signals only
when `factor * min(1, (cov(a, b) + cov(b, a)) / (a.total + b.total)) >= t - MARGIN`, where `cov`
is `bounds._covered_bound` and `factor <= 1`. Here `up(a, b) >= cov(a, b)`, as the sum of
the weight of each word of a that:

* b covers exactly (`a.keys & b.covers`), or
* is fuzzy in a and a neighbour (`bounds._index`) of one of b's long words (`_covered_bound`
  asks of b's long words not in a, fewer), or
* is a claimant word or a word of an acronym of a (`_covered_bound` may count them whatever b
  says about them): always counted.

and `up(b, a)` the same from b's side: the words of b in `a.covers`, b's fuzzy words not in
`a.covers` that neighbour one of a's long words (the relation is symmetric), and b's claimant
and acronym words. A pair is ruled out when `(up(a, b) + up(b, a)) / total` is below the cut by
more than rounding. A claim whose words are not all in the neighbour index is never ruled out
here.
"""

from collections import defaultdict

from app.matching import bounds
from app.matching.bounds import Prepared

_ROUNDING = 1e-9  # sums in another order than _covered_bound's: ruled out only below by this


def _always(p: Prepared) -> float:
    """The weight of p's words `_covered_bound` may count as covered whatever the other says:
    its claimant's words and the words of its acronyms."""
    weights = p.analysis.weights
    words = {token for token, _ in p.spelled_out} | (p.keys & p.analysis.claimant)
    return sum(weights[token] for token in words)


class Postings:
    """Claims added in order (numbered from 0), by the words a bound asks about."""

    def __init__(self) -> None:
        self._covers: dict[str, list[int]] = defaultdict(list)  # word -> claims covering it
        self._long: dict[str, list[int]] = defaultdict(list)  # word -> claims with it, long
        self._keys: dict[str, list[tuple[int, float]]] = defaultdict(list)  # (claim, weight)
        self._fuzzy: dict[str, list[tuple[int, float]]] = defaultdict(list)
        self._total: list[float] = []
        self._always: list[float] = []
        self._unindexed: list[int] = []

    def add(self, p: Prepared) -> None:
        number = len(self._total)
        weights = p.analysis.weights
        for word in p.covers:
            self._covers[word].append(number)
        for word in p.long:
            self._long[word].append(number)
        for word in p.keys:
            self._keys[word].append((number, weights[word]))
        for word in p.fuzzy:
            self._fuzzy[word].append((number, weights[word]))
        self._total.append(p.total)
        self._always.append(_always(p))
        if not p.indexed:
            self._unindexed.append(number)

    def may_reach(self, a: Prepared, cut: float, numbers: list[int]) -> list[int]:
        """The claims among `numbers` (in their order) whose pair with a the bound cannot rule
        out at `cut` (the threshold less `bounds.MARGIN`)."""
        if not a.indexed or cut <= 0:
            return numbers
        covered: dict[int, float] = defaultdict(float)
        weights = a.analysis.weights
        fuzzy = set(a.fuzzy)
        of = bounds._index.of  # looked up each time: tests give bounds a fresh index
        for word in a.keys:
            reached = self._covers.get(word, ())
            if word in fuzzy:
                near = set(reached)
                for other in of[word]:
                    near.update(self._long.get(other, ()))
                reached = near  # type: ignore[assignment]
            weight = weights[word]
            for number in reached:
                covered[number] += weight
        for word in a.covers:
            for number, weight in self._keys.get(word, ()):
                covered[number] += weight
        reach: set[str] = set()
        for word in a.long:
            reach |= of[word]
        for word in reach:
            if word not in a.covers:
                for number, weight in self._fuzzy.get(word, ()):
                    covered[number] += weight
        always = _always(a)
        unindexed = set(self._unindexed)
        kept = []
        for number in numbers:
            total = a.total + self._total[number]
            if (
                number in unindexed
                or total <= 0
                or (covered.get(number, 0.0) + always + self._always[number]) / total
                >= cut - _ROUNDING
            ):
                kept.append(number)
        return kept
