"""Credit reading on ordinary news text (found by a red-team review of the agency table and
the credit lines of 2026-12-05; each failed before its fix): results lists and bracketed
abbreviations are no datelines, "told" is decided where it is written, abbreviations a text
introduces name nothing later."""

from fastapi.testclient import TestClient

from app.core import agencies
from app.ingest.credits.credited import told
from app.ingest.credits.reading import credits
from tests.ingest.test_retold import REACTION
from tests.ingest.test_retold import WIRE
from tests.ingest.test_retold import _payload

PAD = (
    "The council met on Tuesday evening to discuss the budget for the coming year, and members "
    "argued at length about spending on roads, schools and parks before adjourning. "
) * 3


def _agency_credits(body: str) -> list[str]:
    found = credits(author=None, body=body)
    return [c.quote for c in found if agencies.by_key(c.key) is not None]


def test_election_results_lines_are_no_paragraph_datelines() -> None:
    for results in (
        "ANG MO KIO GRC (PAP) - 71.9 per cent\nSENGKANG GRC (WP) - 56.2 per cent\n",
        "IMRAN KHAN (PTI) - 95,000 votes\nSHEHBAZ SHARIF (PML-N) - 80,000 votes\n",
        "NEW DELHI (AAP) - Arvind Kejriwal lost by 4,000 votes.\n",
        "SARAJEVO CENTRE (SDA) - 34 per cent\nTUZLA (SDP) - 28 per cent\n",
        "JONATAN CHRISTIE (INA) - 21-15, 21-10\nVIKTOR AXELSEN (DEN) - 21-18, 21-19\n",
        "GUNTUR (AP) - The Andhra Pradesh government announced relief on Monday.\n",
    ):
        assert _agency_credits(PAD + "\n\nResults:\n" + results) == [], results


def test_told_with_a_possessor_is_still_told() -> None:
    [credit] = credits(author=None, body="The minister told Russia's TASS news agency it was over.")
    assert told(credit.quote, credit.name)


def test_told_needs_the_whole_name() -> None:
    quote = "AP reported that the official told APTN the deal was off."
    assert not told(quote, "AP")


def test_a_told_sentence_does_not_hide_an_according_to_credit() -> None:
    body = (
        "Officials told Reuters on Monday the plant would close. The closure was confirmed "
        "on Tuesday, according to Reuters."
    )
    found = [c for c in credits(author=None, body=body) if c.key == "reuters"]
    assert any(not told(c.quote, c.name) for c in found), [c.quote for c in found]
    body = (
        "The plant will close, Reuters reported, citing a letter; a spokesman told Reuters "
        "the decision was final."
    )
    [credit] = [c for c in credits(author=None, body=body) if c.key == "reuters"]
    assert not told(credit.quote, credit.name)  # the credit matched is "Reuters reported"


def test_an_according_to_credit_after_a_told_one_still_links(client: TestClient) -> None:
    wire = client.post("/v1/ingest", json=_payload("wire", "wire_agency", " ".join(WIRE), 0))
    body = " ".join(
        [
            *REACTION[:2],
            "The critic told the Wire in an interview last spring that the lines were exposed.",
            *REACTION[2:],
            "Some 6,500 customers were still without power on Sunday, according to the Wire.",
        ]
    )
    found = client.post("/v1/ingest", json=_payload("coast-radio", "broadcaster", body, 2)).json()
    assert found["origin"] is not None, found
    assert found["origin"]["origin"]["id"] == wire.json()["article_id"]


def test_control_without_the_told_sentence_links(client: TestClient) -> None:
    wire = client.post("/v1/ingest", json=_payload("wire", "wire_agency", " ".join(WIRE), 0))
    body = " ".join(
        [
            *REACTION,
            "Some 6,500 customers were still without power on Sunday, according to the Wire.",
        ]
    )
    found = client.post("/v1/ingest", json=_payload("coast-radio", "broadcaster", body, 2)).json()
    assert found["origin"]["origin"]["id"] == wire.json()["article_id"]


def test_an_agency_spelled_out_before_its_abbreviation_is_not_an_introduced_abbreviation() -> None:
    """ "National News Agency (NNA)" spells out the agency itself: its later "NNA reported" is a
    credit (an abbreviation the text introduces for something else is not)."""
    for body in (
        "BEIRUT - Lebanon's state-run National News Agency (NNA) said a strike killed two. "
        "Later, NNA reported a second strike.",
        "ALGIERS - The official Algerian Press Service (APS) said the president would travel. "
        "APS reported that he would meet the prime minister.",
    ):
        assert _agency_credits(body), body


def test_information_from_two_outlets_was_used() -> None:
    body = (
        "The vote is Friday.\n\nInformation from Reuters and The Associated Press was used "
        "in this report."
    )
    assert _agency_credits(body)


def test_mixed_case_house_styles_of_hina_and_wafa_credit() -> None:
    assert _agency_credits("ZAGREB, 3. listopada (Hina) - Vlada je usvojila proračun.")
    assert _agency_credits("RAMALLAH, Oct 3 (Wafa) - Three Palestinians were killed in Jenin.")


def test_new_abbreviations_in_brackets_near_the_start_are_no_datelines() -> None:
    for body in (
        "Singapore's ruling party (PAP) won 65 per cent of the vote on Saturday.",
        "Molson Coors (TAP) shares fell 5% on Tuesday after the brewer cut its forecast.",
        "Bosnia's main Bosniak party (SDA) said it would boycott the vote.",
        "OpenAI says it is close to human-level AI (AGI), a claim experts dispute.",
        "The Palestinian Authority (PNA) said on Monday it would hold elections.",
        "The Hindu nationalist group (RSS) held a rally in Nagpur on Sunday.",
    ):
        assert _agency_credits(body) == [], body


def test_an_abbreviation_the_article_spells_out_is_no_agency_later_on() -> None:
    for body in (
        "The Islamic Society of North America (ISNA) met in Chicago. According to ISNA, "
        "30,000 attended.",
        "The Ministry of Trade and Industry (MTI) said exports rose. MTI reported a 3% rise.",
    ):
        assert _agency_credits(body) == [], body


def test_an_agency_s_own_name_before_its_ambiguous_abbreviation_credits_it() -> None:
    """Spelled out as the agency ("Lebanon's National News Agency (NNA)"), bracketed capitals
    that are no dateline alone ("(NNA) said", no dash) credit it; a party's name does not."""
    assert _agency_credits(
        "BEIRUT - Lebanon's state-run National News Agency (NNA) said a strike killed two."
    ) == ["(NNA)"]
    assert _agency_credits("Singapore's ruling People's Action Party (PAP) won every seat.") == []
