# ruff: noqa: E501, RUF003
"""Look-alikes the seventh credit pass read as credits, found by a red-team review of it
(docs/matching.md, "Credits, pass 7: review"): a given name as a one-word byline, a US
dateline's state ("HARRISBURG, PA -"), another body's capitals in brackets after a paragraph's
opening words (a province, a ministry, a ticker, an airline), "The PNA reported" (the
Palestinian National Authority), a fact-check's account of the story it debunks ("The story was
based on reports from TASS."), and an agency's item quoted after "began:"."""

import pytest

from tests.ingest.test_credit_shapes import decided

BAR = 0.7

PK = (
    "Lahore: The Punjab government on Monday announced a new scheme of interest-free loans for "
    "young entrepreneurs, with applications opening next week through a provincial web portal. "
    "Officials said the first tranche would cover 10,000 small businesses across the province. "
) * 2
US = (
    "Officials said the money would go to local governments and nonprofits for road repairs, "
    "storefront upgrades and park improvements, with work expected to begin in the spring. "
) * 2
NEWS = (
    "Officials said more details would be released later in the week, and that the figures "
    "were in line with what analysts had expected going into the announcement. "
) * 2


def _credited(article: dict, agency: str) -> bool:
    got = decided(**article)
    return got is not None and got[0] == agency and got[1] >= BAR


# --- 1. A one-word byline that is a given name (credits.paragraphs.sole_agency, called at
# credits/reading.py). WordPress-style single-name author fields on English-language sites.
# now: (agency, 0.95); base: None.
@pytest.mark.parametrize(
    ("author", "agency"),
    [
        pytest.param("Sana", "sana", id="byline_sana_given_name"),
        pytest.param("Hina", "hina", id="byline_hina_given_name_english_story"),
        pytest.param("Ria", "ria-novosti", id="byline_ria_given_name"),
        pytest.param("Ani", "ani", id="byline_ani_given_name"),
        pytest.param("Wafa", "wafa", id="byline_wafa_given_name"),
        pytest.param("Mena", "mena", id="byline_mena_given_name"),
        pytest.param("Suna", "suna", id="byline_suna_given_name"),
    ],
)
def test_given_name_byline_is_no_agency(author: str, agency: str) -> None:
    assert not _credited({"author": author, "body": PK}, agency)


# --- 2. A US press-release dateline "CITY, PA –" (Pennsylvania) read as PA Media's house
# dateline (credits/paragraphs.py:48 _HOUSE_DATELINE, found at :118). now: ('pa-media', 0.95);
# base: None.
@pytest.mark.parametrize(
    "body",
    [
        pytest.param(
            "HARRISBURG, PA – Governor Josh Shapiro today announced $12 million in grants for 40 community revitalization projects across the Commonwealth.\n\n"
            + US,
            id="harrisburg_pa_press_release",
        ),
        pytest.param(
            "SCRANTON, PA – The Scranton School District board voted Thursday night to close two elementary schools at the end of the academic year.\n\n"
            + US,
            id="scranton_pa_local_news",
        ),
    ],
)
def test_pennsylvania_dateline_is_no_pa_media(body: str) -> None:
    assert not _credited({"body": body}, "pa-media")


# --- 3. An abbreviation in brackets after a paragraph's opening words that is another body's,
# spelled out in another language or not at all (credits/paragraphs.py:55 _OPENING_BRACKET,
# :95 _opening_bracket, found at :122). now: (agency, 0.95); base: None.
@pytest.mark.parametrize(
    ("body", "agency"),
    [
        pytest.param(
            "West Nusa Tenggara (NTB) police arrested three men suspected of smuggling migrant workers to Malaysia through Lombok's eastern ports.\n\n"
            + NEWS,
            "ntb",
            id="ntb_indonesian_province",
        ),
        pytest.param(
            "Singapore's trade ministry (MTI) said on Tuesday the economy grew 2.9 per cent in the third quarter from a year earlier.\n\n"
            + NEWS,
            "mti",
            id="mti_singapore_trade_ministry",
        ),
        pytest.param(
            "State Street Corporation (STT) reported third-quarter adjusted earnings per share of $2.78, beating the consensus estimate on higher fee revenue.\n\n"
            + NEWS,
            "stt",
            id="stt_stock_ticker",
        ),
        pytest.param(
            "Shares of Scotiabank (BNS) fell 3% on Tuesday after the lender set aside more money for bad loans.\n\n"
            + NEWS,
            "bns",
            id="bns_stock_ticker",
        ),
        pytest.param(
            "Vietnam Airlines (VNA) will resume direct flights between Hanoi and Moscow from next month, the carrier said on Friday.\n\n"
            + NEWS,
            "vna",
            id="vna_vietnam_airlines",
        ),
        pytest.param(
            "Colombia's infrastructure agency (ANI) said on Tuesday it had awarded the contract for the Bogota-Girardot highway to a Spanish consortium.\n\n"
            + NEWS,
            "ani",
            id="ani_colombian_agency",
        ),
        pytest.param(
            "The largest US Muslim organisation (ISNA) condemned the attack on the mosque and called for a federal hate-crime investigation.\n\n"
            + NEWS,
            "isna",
            id="isna_muslim_society",
        ),
    ],
)
def test_other_bodys_abbreviation_is_no_agency(body: str, agency: str) -> None:
    assert not _credited({"body": body}, agency)


# --- 4. "The PNA reported that" where PNA is the Palestinian National Authority, as Xinhua's
# English copy still names it, not introduced in this paragraph (credits/paragraphs.py:148
# the_agency_reported, in credits/reading.py). now: ('pna', 0.8); base: None.
def test_pna_as_palestinian_authority() -> None:
    body = (
        "RAMALLAH, Dec. 5 -- Israeli forces demolished three Palestinian homes near Hebron on "
        "Saturday, leaving 20 people homeless, witnesses said. The PNA reported that Israeli "
        "forces had demolished more than 150 structures in the southern West Bank since January. "
    ) + NEWS
    assert not _credited({"body": body}, "pna")


# --- 6. A fact-check describing the viral story it debunks: "The story was based on reports
# from RIA Novosti." ends a paragraph (credits/paragraphs.py:76 _REPORTS_LINE, found at :130).
# now: (agency, 0.9); base: None.
@pytest.mark.parametrize(
    ("body", "agency"),
    [
        pytest.param(
            "A video shared thousands of times on Facebook claims that Ukrainian soldiers burned a church in Kursk region. The claim first appeared on pro-Kremlin Telegram channels on March 3. The story was based on reports from RIA Novosti.\n\n"
            "There is no evidence the video was filmed in Kursk: the church in the footage stands in Serbia, and its priest said it burned in an electrical fire in 2021. "
            + NEWS,
            "ria-novosti",
            id="factcheck_debunked_story_based_on_ria",
        ),
        pytest.param(
            "Posts circulating on social media say Finland will close its border with Russia from Monday. The article was based on reports from TASS.\n\n"
            "Finland's interior ministry said no such decision had been taken and called the posts disinformation. "
            + NEWS,
            "tass",
            id="factcheck_debunked_article_based_on_tass",
        ),
    ],
)
def test_factcheck_describing_debunked_story(body: str, agency: str) -> None:
    assert not _credited({"body": body}, agency)


# --- 7. Media criticism quoting an agency's item as an example, as a paragraph of its own
# (credits/paragraphs.py:48 _HOUSE_DATELINE, found at :118). now: ('armenpress', 0.95); base: None.
def test_media_criticism_quoting_armenpress_item() -> None:
    body = (
        "Critics say the state agency's copy is reproduced word for word by private outlets. A typical item from Tuesday began:\n\n"
        "YEREVAN, DECEMBER 3, ARMENPRESS. Prime Minister Nikol Pashinyan held a meeting with the ambassador of France, discussing bilateral cooperation.\n\n"
        + NEWS
    )
    assert not _credited({"body": body}, "armenpress")
