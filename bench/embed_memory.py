"""Peak memory and time of embedding many texts, by how many the model gets a call.

The bulk engine embeds a chunk's new claims in one `embed` call; how many texts that call hands
the model at once (`_Embedding.ENCODE_BATCH`) sets the model's working memory
(docs/benchmarks.md, "Bulk ingest, eleventh pass"). Each size runs in a fresh process (peak RSS
is per process): load the default model, embed one text, then `--texts` generated news claims in
calls of that many straight to the model, and report the time and the peak RSS (VmHWM).

    .venv/bin/python bench/embed_memory.py --texts 600 --sizes 600,128,64,32,16
"""

import argparse
import json
import random
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def status(field: str) -> float:
    """A /proc/self/status figure in MB."""
    text = Path("/proc/self/status").read_text()
    return int(text.split(f"{field}:")[1].split()[0]) / 1e3


def one(texts: int, size: int, seed: int) -> dict[str, float]:
    from claim_corpus import claim_text

    from app.matching.embedding import DEFAULT_MODEL
    from app.matching.embedding import load_embedder

    embedder = load_embedder(DEFAULT_MODEL)
    embedder.ENCODE_BATCH = size  # type: ignore[attr-defined]
    embedder.embed(["warm up"])
    loaded = status("VmHWM")
    rng = random.Random(seed)
    batch = [f"{claim_text(rng)[0]} ({n})" for n in range(texts)]
    started = time.perf_counter()
    embedder.embed(batch)
    return {
        "texts": texts,
        "per_call": size,
        "seconds": round(time.perf_counter() - started, 1),
        "loaded_mb": round(loaded),
        "peak_mb": round(status("VmHWM")),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--texts", type=int, default=600)
    parser.add_argument("--sizes", default="600,128,64,32,16")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one is not None:
        print(json.dumps(one(args.texts, args.one, args.seed)))
        return
    for size in (int(size) for size in args.sizes.split(",")):
        command = [sys.executable, __file__, "--texts", str(args.texts), "--one", str(size)]
        command += ["--seed", str(args.seed)]
        print(subprocess.run(command, check=True, capture_output=True, text=True).stdout.strip())


if __name__ == "__main__":
    main()
