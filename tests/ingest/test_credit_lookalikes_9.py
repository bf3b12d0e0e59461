# ruff: noqa: E501
"""Credits pass 9, red-team review (docs/matching.md, "Credits, pass 9: review"): look-alikes of
the newsrooms' frames that credited an outlet wrongly, and the true readings beside them that
must stay credits."""

import pytest
from fastapi.testclient import TestClient

from app.ingest.credits.editions import edition_keys
from tests.ingest.credit_support import credited_origin
from tests.ingest.test_credit_pass9 import STORY
from tests.ingest.test_credit_shapes import decided

BAR = 0.7
OUTLETS = {
    "the-hill": ("The Hill", "thehill.com"),
    "axios": ("Axios", "axios.com"),
    "politico": ("Politico", "politico.com"),
    "pulitzer-center": ("Pulitzer Center", "pulitzercenter.org"),
    "texas-tribune": ("The Texas Tribune", "texastribune.org"),
    "the-conversation": ("The Conversation", "theconversation.com"),
}
DE = "Ein Erdbeben hat in der Nacht die Gegend bei Neapel erschüttert. Schäden wurden zunächst nicht gemeldet. "


def credited_to(client: TestClient, body: str) -> tuple[str, float] | None:
    """The credited origin ingest records for a local paper's article, with OUTLETS stored."""
    return credited_origin(
        client,
        body,
        stored=OUTLETS,
        title="County to add six health inspectors",
        claim="The county will add six health inspectors next year.",
    )


@pytest.mark.parametrize(
    "body",
    [
        # "contributed to this report" of a name inside the sentence, not its subject.
        pytest.param(
            STORY + "\n\nAides on the Hill contributed to this report.", id="aides_on_the_hill"
        ),
        pytest.param(
            STORY
            + " Two aides to senators on the Hill, Jane Doe and John Roe, contributed to this report.",
            id="on_the_hill_with_apposition",
        ),
        # "reprinted in / republished on X": where the text went, not where it came from.
        pytest.param(STORY + "\n\nThis article was reprinted in Axios.", id="reprinted_in"),
        pytest.param(
            STORY + "\n\nThis story was republished on Politico with permission.",
            id="republished_on",
        ),
        # A funder or a host of the reporting, not a newsroom whose text it is.
        pytest.param(
            STORY + "\n\nThis story was produced in partnership with the Pulitzer Center.",
            id="produced_with_a_funder",
        ),
        pytest.param(
            STORY + "\n\nThis story is part of a partnership with the Pulitzer Center.",
            id="partnership_with_a_funder",
        ),
        pytest.param(
            STORY + "\n\nThis story was produced in partnership with the Texas Tribune Festival.",
            id="an_event_is_no_edition",
        ),
    ],
)
def test_a_look_alike_credits_no_stored_outlet(client: TestClient, body: str) -> None:
    got = credited_to(client, body)
    assert got is None or got[1] < BAR


@pytest.mark.parametrize(
    ("body", "slug"),
    [
        pytest.param(
            STORY + "\n\nThe Hill contributed to this report.",
            "the-hill",
            id="the_hill_contributed",
        ),
        pytest.param(
            STORY + "\n\nThis story is part of a collaboration between Local Paper and The Hill.",
            "the-hill",
            id="collaboration_with_the_hill",
        ),
        pytest.param(
            STORY
            + "\n\nThis article is republished from The Conversation under a Creative Commons license.",
            "the-conversation",
            id="republished_from",
        ),
        pytest.param(
            STORY + "\n\nReprinted with permission from Axios.",
            "axios",
            id="reprinted_with_permission_from",
        ),
        pytest.param(
            STORY + "\n\nThis story was produced in partnership with The Texas Tribune.",
            "texas-tribune",
            id="produced_with_a_newsroom",
        ),
    ],
)
def test_the_true_readings_beside_them_stay_credits(
    client: TestClient, body: str, slug: str
) -> None:
    got = credited_to(client, body)
    assert got is not None
    assert got[0] == slug
    assert got[1] >= BAR


@pytest.mark.parametrize(
    "body",
    [
        pytest.param(
            DE
            + "Laut Angaben der Nachrichtenagentur Reuters vom vergangenen Jahr waren 2000 Häuser beschädigt.",
            id="vom_vergangenen_jahr",
        ),
        pytest.param(
            DE
            + "Nach Angaben der Nachrichtenagentur Reuters vor zwei Jahren waren Häuser beschädigt.",
            id="vor_zwei_jahren",
        ),
        pytest.param(
            DE
            + "Das berichtete die italienische Nachrichtenagentur ANSA bereits im vergangenen Jahr.",
            id="bereits_im_vergangenen_jahr",
        ),
    ],
)
def test_a_german_report_of_an_earlier_time_is_no_credit(body: str) -> None:
    assert decided(body=body) is None


def test_a_german_report_of_the_day_stays_a_credit() -> None:
    got = decided(body=DE + "Das berichtete die italienische Nachrichtenagentur ANSA am Montag.")
    assert got is not None
    assert got[0] == "ansa"


def test_a_rewrite_closing_on_the_agency_stays_its_credit() -> None:
    body = (
        STORY
        + " The company had planned the closure since spring, Reuters reported after reviewing documents."
    )
    got = decided(body=body)
    assert got is not None
    assert got[0] == "reuters"
    assert got[1] >= BAR


def test_an_event_or_a_funder_is_no_edition() -> None:
    assert edition_keys("Texas Tribune Festival") == []
    assert edition_keys("Guardian Foundation") == []
    assert edition_keys("Chalkbeat Philadelphia") == ["chalkbeat"]
