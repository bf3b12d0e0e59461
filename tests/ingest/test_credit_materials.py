""" "Based on TASS materials" (and its Russian form, "po materialam TASS"): a story written from
an agency's copy, the Russian press's credit line, read as one (app/ingest/fingerprints.py,
app/ingest/credit_languages.py); the word "based on" alone credits nobody."""

import pytest

from app.core import agencies
from app.ingest.fingerprints import credit_kind
from app.ingest.fingerprints import credits


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
