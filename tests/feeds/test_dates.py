"""The publication instant of an article page: the order of trust (app/feeds/dates.py), and
the extraction quality set's figures held as a floor."""

import importlib.util
import sys
from datetime import UTC
from datetime import datetime
from pathlib import Path

import lxml.html

from app.feeds.dates import published
from app.feeds.extract import extract

BODY = "<p>" + "Councillors voted on the budget after a long meeting in the hall. " * 8 + "</p>"


def when(html: str, *, json_ld: dict | None = None, lang: str | None = "en") -> datetime | None:
    return published(
        lxml.html.fromstring(html), json_ld=json_ld or {}, language=lang, fallback=None
    )


def test_json_ld_comes_before_meta_and_text() -> None:
    html = (
        '<html><head><meta property="article:published_time" content="2026-03-01T10:00:00Z">'
        "</head><body><p>Published 1 March 2026, 12:00 GMT</p></body></html>"
    )
    got = when(html, json_ld={"datePublished": "2026-03-01T09:00:00+01:00"})
    assert got == datetime(2026, 3, 1, 8, 0, tzinfo=UTC)
    assert when(html) == datetime(2026, 3, 1, 10, 0, tzinfo=UTC)


def test_analytics_and_dublin_core_meta_names_are_read() -> None:
    for name in ("parsely-pub-date", "DC.date.issued", "pubdate", "sailthru.date"):
        html = f'<html><head><meta name="{name}" content="2026-07-13T10:25:00Z"></head></html>'
        assert when(html) == datetime(2026, 7, 13, 10, 25, tzinfo=UTC), name


def test_microdata_and_a_marked_time_element() -> None:
    micro = (
        '<html><body><div itemscope><meta itemprop="datePublished"'
        ' content="2026-09-28T17:48:00Z"></div></body></html>'
    )
    assert when(micro) == datetime(2026, 9, 28, 17, 48, tzinfo=UTC)
    marked = (
        '<html><body><aside><time class="published" datetime="2026-12-01T08:00:00Z">x</time>'
        '</aside><article><time class="entry-date published"'
        ' datetime="2026-02-26T21:14:00+00:00">Feb 26</time>'
        "</article></body></html>"
    )
    assert when(marked) == datetime(2026, 2, 26, 21, 14, tzinfo=UTC)


def test_a_written_time_with_a_zone_is_read_and_an_update_is_skipped() -> None:
    html = (
        '<html><body><header><span class="today">Friday, December 4, 2026</span></header>'
        "<p class='dates'>Updated 29 April 2026, 09:10 BST</p>"
        "<p class='dates'>Posted Tuesday, April 28, 2026 4:40 pm BST</p></body></html>"
    )
    assert when(html) == datetime(2026, 4, 28, 15, 40, tzinfo=UTC)
    spanish = "<html><body><div><time>09 jul 2026 - 18:30 CEST</time></div></body></html>"
    assert when(spanish, lang="es") == datetime(2026, 7, 9, 16, 30, tzinfo=UTC)


def test_dates_of_other_articles_and_comments_are_not_read() -> None:
    html = (
        "<html><body><aside class='related'><p>Other story 3 December 2026, 18:20 GMT</p></aside>"
        "<section id='comments'><p>2 December 2026, 10:00 GMT</p></section></body></html>"
    )
    assert when(html) is None


def test_a_day_gives_way_to_a_time_on_that_day_but_not_another() -> None:
    head = '<html><head><meta name="date" content="2026-05-02"></head>'
    html = head + "<body><p>Published 2 May 2026, 08:15 BST</p></body></html>"
    assert when(html) == datetime(2026, 5, 2, 7, 15, tzinfo=UTC)
    other = head + "<body><p>3 May 2026, 08:15 BST</p></body></html>"
    assert when(other) == datetime(2026, 5, 2, tzinfo=UTC)


def test_a_live_blog_is_dated_by_its_start_not_its_latest_entry() -> None:
    page = extract(
        '<html><head><script type="application/ld+json">{"@type": "LiveBlogPosting", '
        '"headline": "Count under way", "coverageStartTime": "2026-05-07T22:00:00+01:00", '
        '"dateModified": "2026-05-08T01:42:00+01:00"}</script></head><body><article>'
        '<div class="block"><time datetime="2026-05-08T01:42:00+01:00">01:42</time></div>'
        f"{BODY}</article></body></html>",
        url="https://post.example/live",
    )
    assert page.published_at == datetime(2026, 5, 7, 21, 0, tzinfo=UTC)


def test_the_headline_is_not_part_of_the_body() -> None:
    page = extract(
        "<html><head><title>Budget passed | Gazette</title></head><body><article>"
        "<p>Politics</p><h1>Budget passed</h1>" + BODY + "</article></body></html>",
        url="https://gazette.example/budget",
    )
    assert page.title == "Budget passed"
    assert page.body is not None
    assert page.body.startswith("Councillors voted")


def test_the_quality_set_holds_its_measured_floor() -> None:
    """The committed set (bench/extraction/) against the issue's bar: body F1 >= 0.90 and
    publication time exact on >= 95 % of the pages, on both halves."""
    root = Path(__file__).resolve().parents[2]
    spec = importlib.util.spec_from_file_location(
        "extraction_quality", root / "bench" / "extraction_quality.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("extraction_quality", module)
    spec.loader.exec_module(module)
    for split in ("dev", "test"):
        result = module.evaluate(split)
        assert result["pages"] >= 20
        assert result["body_f1"] >= 0.90, (split, result)
        assert result["time_exact"] >= 0.95, (split, result)
