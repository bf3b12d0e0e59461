# ruff: noqa: E501
"""Credits, pass 9 (docs/matching.md, "Credits, pass 9: newsrooms that syndicate"): the frames
newsrooms that are not agencies syndicate under credit any stored outlet, by its name, an
edition's or a service's name, or its domain; the agency forms held-out 7 found; and reports
the text places before its own time ("after Reuters reported") are no credit. With the
look-alikes that must credit nobody."""

from typing import Any

import pytest
from fastapi.testclient import TestClient

from app.ingest.credits.editions import edition_keys
from app.ingest.credits.reading import credits
from tests.ingest.credit_support import credited_origin
from tests.ingest.test_credit_shapes import decided

BAR = 0.7
STORY = (
    "The county health department said on Tuesday that it would add six inspectors next year "
    "after a review found hundreds of complaints had waited months for an answer. Officials said "
    "the new staff would start in March and that the oldest cases would be closed first.\n\n"
    "Residents who filed complaints said they had heard nothing for most of the year, and two "
    "county commissioners asked for a monthly report on the backlog."
)
NEWSROOMS = {
    "the-conversation": ("The Conversation", "theconversation.com"),
    "kff-health-news": ("KFF Health News", "kffhealthnews.org"),
    "propublica": ("ProPublica", "propublica.org"),
    "calmatters": ("CalMatters", "calmatters.org"),
    "texas-tribune": ("The Texas Tribune", "texastribune.org"),
    "stateline": ("Stateline", "stateline.org"),
    "nytimes": ("The New York Times", "nytimes.com"),
    "chalkbeat": ("Chalkbeat", "chalkbeat.org"),
    "grist": ("Grist", "grist.org"),
    "marshall-project": ("The Marshall Project", "themarshallproject.org"),
    "guardian": ("The Guardian", "theguardian.com"),
    "new-york-mag": ("New York", "nymag.com"),
    "the-times": ("The Times", "thetimes.co.uk"),
    "jane-mag": ("Jane", "janemag.example"),
    "lancet": ("The Lancet", "thelancet.com"),
}


def credited_to(
    client: TestClient,
    body: str,
    *,
    author: str | None = None,
    outlet: dict[str, Any] | None = None,
    stored: tuple[str, ...] = tuple(NEWSROOMS),
) -> tuple[str, float] | None:
    """The credited origin ingest records for a local paper's article (slug, confidence), with
    the newsrooms stored (each by one article on another claim)."""
    return credited_origin(
        client,
        body,
        stored={slug: NEWSROOMS[slug] for slug in stored},
        title="County to add six health inspectors",
        claim="The county will add six health inspectors next year.",
        author=author,
        outlet=outlet,
    )


# --- 1. Syndicating frames, any stored outlet ----------------------------------------------
@pytest.mark.parametrize(
    ("body", "author", "slug"),
    [
        pytest.param(
            STORY
            + "\n\nThis article is republished from The Conversation under a Creative Commons license. Read the original article.",
            None,
            "the-conversation",
            id="republished_conversation",
        ),
        pytest.param(
            STORY
            + "\n\nThis article includes material republished from The Conversation under a Creative Commons license.",
            None,
            "the-conversation",
            id="includes_material_republished",
        ),
        pytest.param(
            STORY + "\n\nRepublished with permission from Grist.",
            None,
            "grist",
            id="republished_with_permission",
        ),
        pytest.param(
            "This story was originally published by ProPublica.\n\n" + STORY,
            None,
            "propublica",
            id="originally_published_by_first_line",
        ),
        pytest.param(
            STORY
            + "\n\nThis article was originally published on CalMatters and was republished under the Creative Commons Attribution-NonCommercial-NoDerivatives license.",
            None,
            "calmatters",
            id="originally_published_on",
        ),
        pytest.param(
            STORY
            + "\n\nThis article originally appeared in The Texas Tribune at https://www.texastribune.org/2026/12/05/county-inspectors/. The Texas Tribune is a member-supported, nonpartisan newsroom.",
            None,
            "texas-tribune",
            id="originally_appeared_in_with_url",
        ),
        pytest.param(
            STORY
            + "\n\nThis article originally appeared at https://www.texastribune.org/2026/12/05/county-inspectors/.",
            None,
            "texas-tribune",
            id="originally_appeared_url_only",
        ),
        pytest.param(
            STORY + "\n\n(Originally published by CalMatters, a nonprofit newsroom.)",
            None,
            "calmatters",
            id="originally_published_line_with_appositive",
        ),
        pytest.param(
            STORY + "\n\nThis article first appeared in The Guardian in 2019.",
            None,
            "guardian",
            id="first_appeared_dated_is_still_its_text",
        ),
        pytest.param(
            STORY + "\n\nA version of this story first appeared in The Marshall Project.",
            None,
            "marshall-project",
            id="version_first_appeared",
        ),
        pytest.param(
            STORY
            + "\n\nThis story includes reporting by ProPublica, a nonprofit newsroom that investigates abuses of power.",
            None,
            "propublica",
            id="includes_reporting_by",
        ),
        pytest.param(
            STORY
            + "\n\nThis story includes reporting from CalMatters, a nonprofit newsroom covering California policy and politics.",
            None,
            "calmatters",
            id="includes_reporting_from",
        ),
        pytest.param(
            STORY
            + "\n\nThis story was produced by KFF Health News, a national newsroom that produces in-depth journalism about health issues.",
            None,
            "kff-health-news",
            id="produced_by",
        ),
        pytest.param(
            STORY + "\n\nThis story was produced in partnership with The Marshall Project.",
            None,
            "marshall-project",
            id="produced_in_partnership",
        ),
        pytest.param(
            STORY
            + "\n\nThis article is part of a collaboration between Stateline and the Local Paper.",
            None,
            "stateline",
            id="part_of_a_collaboration",
        ),
    ],
)
def test_a_syndicating_frame_credits_a_stored_newsroom(
    client: TestClient, body: str, author: str | None, slug: str
) -> None:
    got = credited_to(client, body, author=author)
    assert got is not None
    assert got[0] == slug
    assert got[1] >= 0.9


# --- 2. "contributed to this report" and bylines of a news service or an edition -----------
@pytest.mark.parametrize(
    ("body", "author", "slug"),
    [
        pytest.param(
            STORY + "\n\nKFF Health News correspondent Rachel Odum contributed to this report.",
            None,
            "kff-health-news",
            id="correspondent_contributed",
        ),
        pytest.param(
            STORY + "\n\nStateline, part of States Newsroom, contributed to this report.",
            None,
            "stateline",
            id="appositive_contributed",
        ),
        pytest.param(
            STORY + "\n\nChalkbeat Philadelphia contributed to this report.",
            None,
            "chalkbeat",
            id="edition_contributed",
        ),
        pytest.param(
            STORY + "\n\nThe New York Times contributed to this report.",
            None,
            "nytimes",
            id="paper_contributed",
        ),
        pytest.param(
            STORY + "\n\nNaomi Feld, a reporter for Chalkbeat, contributed to this report.",
            None,
            "chalkbeat",
            id="reporter_for_contributed",
        ),
        pytest.param(
            STORY, "Sophie Kramer, New York Times News Service", "nytimes", id="byline_news_service"
        ),
        pytest.param(STORY, "Marisol Vega, CalMatters", "calmatters", id="byline_newsroom"),
        pytest.param(STORY, "Jane Smith, Guardian Australia", "guardian", id="byline_edition"),
    ],
)
def test_contributed_and_service_bylines_credit_a_stored_newsroom(
    client: TestClient, body: str, author: str | None, slug: str
) -> None:
    got = credited_to(client, body, author=author)
    assert got is not None
    assert got[0] == slug
    assert got[1] >= BAR


def test_editions_and_services_keep_the_distinctive_part() -> None:
    assert edition_keys("Chalkbeat Philadelphia") == ["chalkbeat"]
    assert edition_keys("New York Times News Service") == ["new york times"]
    assert edition_keys("Guardian Australia") == ["guardian"]
    # Not a masthead's own words, a name with a small word, nor a short word (a given name).
    assert edition_keys("New York Post") == []
    assert edition_keys("Times of India") == []
    assert edition_keys("Jane Doe") == []
    assert edition_keys("The Texas Tribune") == []


# --- 3. Look-alikes: naming a newsroom is no credit ------------------------------------------
@pytest.mark.parametrize(
    "body",
    [
        pytest.param(
            STORY
            + "\n\nProPublica, a nonprofit newsroom, said on Tuesday that it had hired a new managing editor.",
            id="story_about_propublica",
        ),
        pytest.param(
            STORY
            + "\n\nOhio's oversight drew scrutiny before: a 2023 ProPublica investigation examined staffing at for-profit chains.",
            id="earlier_investigation",
        ),
        pytest.param(
            STORY
            + "\n\nIn a KFF survey published in 2025, four in 10 rural women said they lived too far from a hospital.",
            id="kff_survey",
        ),
        pytest.param(
            STORY
            + "\n\nThe conversation about inspections has changed since the pandemic, the commissioner said.",
            id="the_conversation_common_noun",
        ),
        pytest.param(
            STORY + "\n\nThe Conversation about inspections has changed, a commissioner said.",
            id="the_conversation_capital_at_sentence_start",
        ),
        pytest.param(
            STORY
            + "\n\nDr Ramanathan, who wrote about heat refuges for The Conversation last summer, said the county was late.",
            id="wrote_for_last_summer",
        ),
        pytest.param(
            STORY
            + "\n\nA Texas Tribune analysis published in March counted at least 30 towns with water restrictions.",
            id="tribune_analysis_in_march",
        ),
        pytest.param(
            STORY
            + "\n\nAs The New York Times reported last year, several towns have debated limits on inspections.",
            id="nyt_last_year",
        ),
        pytest.param(
            STORY
            + "\n\nThe Texas Tribune is a member-supported, nonpartisan newsroom informing Texans.",
            id="about_line_alone",
        ),
        pytest.param(
            STORY + "\n\nFirst published in The Lancet, the study found that inspections lag.",
            id="participle_opening_a_sentence",
        ),
        pytest.param(
            STORY + " First published in The Lancet in 2020, it found inspections lag.",
            id="participle_inside_a_paragraph",
        ),
        pytest.param(STORY + "\n\nJane Doe contributed to this report.", id="a_person_contributed"),
        pytest.param(
            STORY + "\n\nJane Doe, a freelance writer, contributed to this report.",
            id="a_person_with_appositive",
        ),
        pytest.param(
            STORY + "\n\nThis story was produced by Jane Doe and edited by John Roe.",
            id="produced_by_a_person",
        ),
        pytest.param(
            STORY + "\n\nNew York Post contributed to this report.",
            id="masthead_word_is_no_edition",
        ),
        pytest.param(
            STORY + "\n\nTimes of India contributed to this report.",
            id="times_of_india_is_no_times",
        ),
        pytest.param(
            STORY + "\n\nJane Smith contributed to this report.",
            id="given_name_is_no_magazine_jane",
        ),
        pytest.param(
            STORY
            + "\n\nThe county confirmed the review after ProPublica reported, citing internal emails, that cases were left open.",
            id="after_propublica_reported",
        ),
    ],
)
def test_a_newsroom_named_without_credit_is_no_credit(client: TestClient, body: str) -> None:
    got = credited_to(client, body)
    assert got is None or got[1] < BAR


def test_an_outlet_naming_itself_is_no_credit(client: TestClient) -> None:
    propublica = {
        "slug": "propublica",
        "name": "ProPublica",
        "kind": "online",
        "domain": "propublica.org",
    }
    body = "This story was originally published by ProPublica.\n\n" + STORY
    assert credited_to(client, body, outlet=propublica, stored=("the-conversation",)) is None


def test_an_edition_naming_itself_is_no_credit_of_the_parent(client: TestClient) -> None:
    edition = {"slug": "chalkbeat-philadelphia", "name": "Chalkbeat Philadelphia", "kind": "online"}
    body = STORY + "\n\nChalkbeat Philadelphia contributed to this report."
    assert credited_to(client, body, outlet=edition, stored=("chalkbeat",)) is None


# --- 4. Agency forms held-out 7 found (no database: agencies are known without one) ---------
DE = (
    "Ein Erdbeben hat in der Nacht die Gegend bei Neapel erschüttert. Schäden wurden zunächst "
    "nicht gemeldet, die Schulen bleiben am Montag geschlossen. "
)
IT = (
    "Il sindaco ha disposto la chiusura delle scuole di ogni ordine e grado per la giornata di "
    "domani, per consentire le verifiche sugli edifici."
)
LOCAL = (
    "In the village, neighbours spent the night outside and volunteers handed out blankets "
    "and hot soup until the morning, a local councillor said."
)


@pytest.mark.parametrize(
    ("body", "agency"),
    [
        pytest.param(
            "Betroffen sind nach Angaben der Nachrichtenagentur Reuters rund 640 Arbeitsplätze. "
            + DE,
            "reuters",
            id="de_nach_angaben_der_nachrichtenagentur",
        ),
        pytest.param(
            DE
            + "Das berichtet die italienische Nachrichtenagentur ANSA unter Berufung auf das Observatorium.",
            "ansa",
            id="de_berichtet_die_adjective_agentur",
        ),
        pytest.param(
            DE + "Das meldete die französische Nachrichtenagentur AFP.",
            "afp",
            id="de_meldete_die_agentur",
        ),
        pytest.param(
            DE + "Der Agentur Reuters zufolge sind 640 Stellen betroffen.",
            "reuters",
            id="de_zufolge",
        ),
        pytest.param(
            "Pelo menos 40 pessoas estão desaparecidas, informou a agência France-Presse, citando as autoridades.",
            "afp",
            id="pt_agencia_france_presse",
        ),
        pytest.param(
            LOCAL + "\n\n" + IT + " (ANSA)\n\n" + LOCAL, "ansa", id="closing_bracket_mid_story_it"
        ),
        pytest.param(
            LOCAL
            + "\n\nLes secours ont fouillé les décombres toute la nuit sans retrouver de survivants. (AFP)\n\n"
            + LOCAL,
            "afp",
            id="closing_bracket_mid_story_fr",
        ),
        pytest.param(
            LOCAL
            + '\n\n"Rescuers are digging by hand because heavy equipment cannot reach the site," the spokesman said in a statement.\n\n© Agence France-Presse\n\n'
            + LOCAL,
            "afp",
            id="copyright_line_mid_story",
        ),
        pytest.param(
            LOCAL + "\n\n" + LOCAL + "\n\n© 2026 The Associated Press",
            "ap",
            id="copyright_line_written_out_closing",
        ),
    ],
)
def test_agency_forms_of_heldout_7(body: str, agency: str) -> None:
    got = decided(body=body)
    assert got is not None
    assert got[0] == agency
    assert got[1] >= BAR


@pytest.mark.parametrize(
    "body",
    [
        pytest.param(
            LOCAL
            + "\n\nRescuers search the debris in Karangsari village, Banjarnegara, on Saturday. Photo: AFP\n\n"
            + LOCAL,
            id="photo_colon_afp",
        ),
        pytest.param(
            LOCAL
            + "\n\nRescuers search the debris in Karangsari village on Saturday.\n\n© AFP\n\n"
            + LOCAL,
            id="copyright_sign_short_name_caption",
        ),
        pytest.param(
            LOCAL
            + "\n\nRescuers search the debris in Karangsari village on Saturday.\n\n© Agence France-Presse\n\n"
            + LOCAL,
            id="copyright_written_out_under_a_caption",
        ),
        pytest.param(
            LOCAL
            + "\n\nRescuers search the debris in Karangsari village, Banjarnegara, on Saturday. (AFP)\n\n"
            + LOCAL,
            id="caption_closed_by_bracket",
        ),
        pytest.param(
            LOCAL
            + "\n\nA file photo shows rescuers at work in the same village during the floods of 2021. (AFP)\n\n"
            + LOCAL,
            id="file_photo_bracket",
        ),
        pytest.param(
            LOCAL
            + "\n\nThe ruling party won every seat in the district, officials said on Sunday evening. (SDA)\n\n"
            + LOCAL,
            id="ambiguous_capitals_bracket",
        ),
        pytest.param(
            DE + "Nach Angaben der Feuerwehr gab es keine Verletzten.",
            id="de_nach_angaben_der_feuerwehr",
        ),
    ],
)
def test_agency_look_alikes_of_heldout_7(body: str) -> None:
    got = decided(body=body)
    assert got is None or got[1] < BAR


# --- 5. A report the text places before its own ---------------------------------------------
@pytest.mark.parametrize(
    "body",
    [
        "Halvern confirmed in October that it was reviewing the Marl line after Reuters reported, citing people familiar with the matter, that a sale or closure was being considered.",
        "Shares fell 5% on Monday following Reuters reported talks, traders said.",
        "The ministry has refused to comment since AP reported the contract in the spring.",
        "Reuters reported last week that the plant would close.",
        "The company, as Reuters first reported in 2023, had explored a sale.",
    ],
)
def test_an_earlier_report_is_no_credit(body: str) -> None:
    got = decided(body=body + " " + LOCAL)
    assert got is None or got[1] < BAR
    named = [c for c in credits(author=None, body=body) if c.key in ("reuters", "ap")]
    assert named
    assert all(c.background for c in named)


def test_a_report_of_the_day_stays_a_credit() -> None:
    got = decided(body="The plant will close by 2027, Reuters reported on Thursday. " + LOCAL)
    assert got is not None
    assert got[0] == "reuters"
    assert got[1] >= BAR
