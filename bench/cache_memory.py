"""What one cached text costs the lexical matcher: bytes per `Analysis` and per `Prepared`.

Ingest keeps both per text in LRU caches (`stored_analysis` and `prepared`, 20,000 texts each),
so what they hold sets most of an import's memory beyond the process itself (docs/benchmarks.md,
"Bulk ingest, eleventh pass"). This reads the distinct (text, claimant) pairs of an NDJSON file
(as `bench/ingest_floor.py` writes it), analyses and prepares each once under tracemalloc, and
prints the bytes allocated per entry, with the shallow size and the share of empty values of
each field. The `Prepared` figure includes what the fuzzy-word index grows by for their words.

    .venv/bin/python bench/cache_memory.py DIR/ingest.ndjson --texts 20000
"""

import argparse
import json
import sys
import tracemalloc
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.matching.analysis import analyse
from app.matching.bounds import prepare

ANALYSIS_FIELDS = ("weights", "numbers", "directions", "claimant", "names", "acronyms")
ANALYSIS_FIELDS += ("leading", "order", "groups")
PREPARED_FIELDS = ("keys", "covers", "long", "fuzzy", "spelled_out")


def texts_of(path: Path, limit: int) -> list[tuple[str, str | None]]:
    found: dict[tuple[str, str | None], None] = {}
    with path.open() as stream:
        for line in stream:
            for claim in json.loads(line).get("claims", []):
                found[(claim["text"], claim.get("claimant"))] = None
                if len(found) >= limit:
                    return list(found)
    return list(found)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("ndjson", type=Path)
    parser.add_argument("--texts", type=int, default=20_000, help="distinct texts to measure")
    args = parser.parse_args()
    texts = texts_of(args.ndjson, args.texts)
    prepare(analyse(*texts[0]))  # the modules' own first allocations, outside the measure
    tracemalloc.start()
    start = tracemalloc.get_traced_memory()[0]
    analyses = [analyse(text, claimant) for text, claimant in texts]
    middle = tracemalloc.get_traced_memory()[0]
    prepared = [prepare(analysis) for analysis in analyses]
    end = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    count = len(texts)
    report: dict[str, object] = {
        "texts": count,
        "analysis_bytes_each": round((middle - start) / count),
        "prepared_bytes_each": round((end - middle) / count),
    }
    shallow: Counter[str] = Counter()
    empty: Counter[str] = Counter()
    for owner, fields, prefix in (
        (analyses, ANALYSIS_FIELDS, "analysis."),
        (prepared, PREPARED_FIELDS, "prepared."),
    ):
        for item in owner:
            for name in fields:
                value = getattr(item, name)
                shallow[prefix + name] += sys.getsizeof(value)
                empty[prefix + name] += not value
    report["fields"] = {
        name: {"shallow_bytes": round(size / count), "empty_share": round(empty[name] / count, 3)}
        for name, size in shallow.items()
    }
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
