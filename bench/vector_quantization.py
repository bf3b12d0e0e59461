"""Would a binary vector index keep the hybrid matcher's neighbours? Memory and recall.

The hybrid matcher's in-process index (app/matching/vectors.py: usearch HNSW, int8, connectivity
16) holds every live claim, about 0.65-1 kB each, and is what grows an import's memory with the
database (docs/benchmarks.md, ninth and eleventh passes of bulk ingest). A binary index (one bit
a dimension, Hamming distance) holds 48 bytes a vector instead of 384; since the matcher
re-scores every proposed neighbour from its stored vector anyway, it could ask the binary index
for more neighbours and keep the best by the exact cosine. This measures whether that finds the
same neighbours.

Vectors: `--embedded` generated news claims (bench/claim_corpus.py) embedded by the default
model, then derived vectors up to `--claims` (a random embedded one plus claim_corpus.NOISE
gaussian noise, renormalised, as bench/matching.py makes them: they give the index the crowded
neighbourhoods of near-duplicate claims). Queries: the embeddings of paraphrases of the first
`--paraphrases` claims and of `--fresh` new claims. Each index proposes `k` neighbours, the
exact cosine of the stored (float16) vectors keeps the best 30 (what the matcher asks for), and
the answer is compared with the exact 30 nearest: is the nearest among them (top-1), and how many
of the 10 nearest are (top-10).

    .venv/bin/python bench/vector_quantization.py --claims 200000
"""

import argparse
import json
import random
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from claim_corpus import NOISE
from claim_corpus import claim_text
from claim_corpus import paraphrase

KEEP = 30


def rss_mb() -> float:
    return int(Path("/proc/self/statm").read_text().split()[1]) * 4096 / 1e6


def embed(texts: list[str]) -> np.ndarray:
    from app.matching.embedding import DEFAULT_MODEL
    from app.matching.embedding import load_embedder

    embedder = load_embedder(DEFAULT_MODEL)
    return np.concatenate([embedder.embed(texts[i : i + 128]) for i in range(0, len(texts), 128)])


def build(vectors: np.ndarray, dtype: str, connectivity: int) -> tuple[object, float, float]:
    from usearch.index import Index

    before, started = rss_mb(), time.perf_counter()
    binary = dtype == "b1"
    index = Index(
        ndim=vectors.shape[1],
        metric="hamming" if binary else "cos",
        dtype=dtype,
        connectivity=connectivity,
    )
    data = np.packbits(vectors > 0, axis=1) if binary else vectors
    keys = np.arange(len(vectors), dtype=np.uint64)
    for start in range(0, len(vectors), 20_000):
        index.add(keys[start : start + 20_000], data[start : start + 20_000], threads=1)
    return index, time.perf_counter() - started, rss_mb() - before


def recall(
    index: object,
    vectors: np.ndarray,
    queries: np.ndarray,
    exact: np.ndarray,
    *,
    binary: bool,
    k: int,
) -> dict[str, float]:
    top1 = top10 = 0
    started = time.perf_counter()
    for row, query in enumerate(queries):
        asked = np.packbits(query > 0) if binary else query
        found = index.search(asked, k, threads=1).keys.astype(np.int64)  # type: ignore[attr-defined]
        kept = set(found[np.argsort(-(vectors[found] @ query))[:KEEP]].tolist())
        top1 += int(exact[row, 0]) in kept
        top10 += len(kept & set(exact[row].tolist()))
    return {
        "top1": round(top1 / len(queries), 4),
        "top10": round(top10 / (10 * len(queries)), 4),
        "ms_per_query": round((time.perf_counter() - started) / len(queries) * 1000, 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--claims", type=int, default=200_000)
    parser.add_argument("--embedded", type=int, default=8_000)
    parser.add_argument("--paraphrases", type=int, default=800)
    parser.add_argument("--fresh", type=int, default=400)
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    base = [claim_text(rng)[0] for _ in range(args.embedded)]
    asked = [paraphrase(text, rng) for text in base[: args.paraphrases]]
    asked += [claim_text(rng)[0] for _ in range(args.fresh)]
    started = time.perf_counter()
    embedded, queries = embed(base), embed(asked)
    print(f"embedded {len(base) + len(asked)} texts in {time.perf_counter() - started:.0f} s")
    noise = np.random.default_rng(args.seed)
    sources = noise.integers(0, len(embedded), args.claims - len(embedded))
    derived = embedded[sources] + noise.normal(0, NOISE, (len(sources), embedded.shape[1]))
    derived /= np.linalg.norm(derived, axis=1, keepdims=True)
    vectors = np.concatenate([embedded, derived]).astype(np.float16).astype(np.float32)
    exact = np.argsort(-(queries @ vectors.T), axis=1)[:, :10]
    for dtype, connectivity, asks in (
        ("i8", 16, [30]),
        ("b1", 16, [30, 60, 120, 240]),
        ("b1", 8, [60, 120, 240]),
    ):
        index, seconds, grown = build(vectors, dtype, connectivity)
        for k in asks:
            found = recall(index, vectors, queries, exact, binary=dtype == "b1", k=k)
            print(
                json.dumps(
                    {
                        "index": f"{dtype} connectivity {connectivity}",
                        "asked": k,
                        "claims": args.claims,
                        "build_s": round(seconds),
                        "rss_bytes_per_claim": round(grown * 1e6 / args.claims),
                        **found,
                    }
                )
            )
        del index


if __name__ == "__main__":
    main()
