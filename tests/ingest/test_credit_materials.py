""" "Based on TASS materials" (and its Russian form, "po materialam TASS"): a story written from
an agency's copy, the Russian press's credit line, read as one (app/ingest/credits/reading.py,
app/ingest/credits/languages.py); the word "based on" alone credits nobody."""

import pytest

from app.core import agencies
from app.ingest.credits.reading import credit_kind
from app.ingest.credits.reading import credits


@pytest.mark.parametrize(
    ("body", "agency"),
    [
        ("The ferry resumed service on Monday.\n\nBased on TASS materials.", "tass"),
        ("The ferry resumed service on Monday. Based on Interfax materials", "interfax"),
        ("Паром возобновил работу в понедельник.\n\nПо материалам ТАСС", "tass"),
    ],
)
def test_based_on_an_agency_s_materials_is_a_credit_line(body: str, agency: str) -> None:
    found = {
        (named.slug, credit_kind(credit.quote))
        for credit in credits(author=None, body=body)
        if (named := agencies.by_key(credit.key)) is not None
    }
    assert (agency, "credit_line") in found, found


@pytest.mark.parametrize(
    "body",
    [
        "The estimate is based on Reuters calculations of customs data.",
        "Based on the new rules, the ferry may sail in winds of up to 60 km/h.",
        "The decision was based on materials from the inquiry.",
    ],
)
def test_based_on_other_things_is_no_credit(body: str) -> None:
    assert [c for c in credits(author=None, body=body) if c.quote.startswith("credit line")] == []


@pytest.mark.parametrize(
    ("body", "agency", "kind"),
    [
        ("The ward ordered fogging.\n\nWith inputs from PTI", "pti", "credit_line"),
        ("Buildings were checked.\n\nIncludes reporting by Reuters", "reuters", "credit_line"),
        (
            "A bridge is planned.\n\nInformation from The Canadian Press was used in this report.",
            "the-canadian-press",
            "credit_line",
        ),
        ("The plant opened.\n\nAgency report: Xinhua", "xinhua", "credit_line"),
        # A wire paragraph carried with its own dateline, well inside a local story.
        (
            "The scanner at the city hospital will work longer hours from April, its director "
            "said on Tuesday, as part of a plan to cut waiting lists across the region. "
            * 4
            + "\n\nBOLOGNA (ANSA) - The region will open diagnostic services in the evenings "
            "and at weekends from April, the regional health councillor said on Tuesday.",
            "ansa",
            "dateline",
        ),
    ],
)
def test_more_credit_lines_and_a_carried_dateline(body: str, agency: str, kind: str) -> None:
    found = {
        (named.slug, credit_kind(credit.quote))
        for credit in credits(author=None, body=body)
        if (named := agencies.by_key(credit.key)) is not None
    }
    assert (agency, kind) in found, found


@pytest.mark.parametrize(
    "body",
    [
        "The report: the ministry said nothing.",
        "Residents said information from the council was used to plan the route.",
        "The mayor (Green) - re-elected in May - opened the bridge.",
        "Its 2023 REPORT (Annex) - published late - found no fault.",
    ],
)
def test_ordinary_sentences_are_no_credit_line(body: str) -> None:
    named = [c for c in credits(author=None, body=body) if agencies.by_key(c.key) is not None]
    assert named == []
