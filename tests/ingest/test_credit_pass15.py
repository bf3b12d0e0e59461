# ruff: noqa: E501
"""Credits, pass 15 (docs/matching.md, "Credits, pass 15 (held-out 11's misses, seen)"): the
Nordic and Baltic source lines ("Avots:", "Allikas:", "Heimild:"), the Scandinavian reporting
verb after the clause ("melder Bloomberg") and the credit line saying what the article is built
on ("Artiklen bygger på oplysninger fra Ritzau"), PA's sports desk, outlets named with what they
are ("the fact-checking charity Full Fact", "Viron yleisradion uutispalvelu ERR News"), a
broadcaster's service name ("ERR News") and a name with an accent ("RÚV"). With the look-alikes
that must credit nobody: an interview given to the outlet, a story about it, an earlier report,
a photo or data credit."""

import pytest
from fastapi.testclient import TestClient

from tests.ingest.credit_support import credited_origin
from tests.ingest.test_credit_shapes import decided

BAR = 0.7
NO = "Aksjen i Brannvik Subsea steg med 9 prosent på Oslo Børs fredag etter en ny kontrakt."
DA = "Stormfloden kan nå 3,9 meter over normalen ved Esbjerg natten til lørdag."
SV = "Tågtrafiken mellan Umeå och Luleå stoppades på tisdagen på grund av snöovädret."
LV = "Rīgā uz diviem mēnešiem tiks slēgts Vanšu tilts, lai veiktu remontu."
ET = "Tormi tõttu peatati laupäeval parvlaevaliiklus Virtsu ja Kuivastu vahel."
EN = (
    "Hull came from behind to beat Stoke 3-1 at the MKM Stadium on Saturday.\n\n"
    "Kasim Odoi scored twice, the second in stoppage time."
)


# --- 1. Agencies, no database ----------------------------------------------------------------
@pytest.mark.parametrize(
    ("article", "slug"),
    [
        # Source lines in Latvian, Estonian, Icelandic, Nynorsk, Lithuanian.
        pytest.param({"body": f"{LV}\n\nAvots: LETA"}, "leta", id="lv_avots"),
        pytest.param({"body": f"{ET}\n\nAllikas: BNS"}, "bns", id="et_allikas"),
        pytest.param({"body": f"{NO}\n\nKjelde: NTB"}, "ntb", id="nn_kjelde"),
        pytest.param({"body": f"{NO}\n\nHeimild: NTB"}, "ntb", id="is_heimild"),
        pytest.param({"body": f"{LV}\n\nŠaltinis: ELTA"}, "elta", id="lt_saltinis"),
        # The Scandinavian reporting verb after the clause, with or without what the outlet is.
        pytest.param({"body": f"{NO[:-1]}, melder Bloomberg."}, "bloomberg", id="no_melder"),
        pytest.param({"body": f"{NO} Det melder NTB."}, "ntb", id="no_det_melder"),
        pytest.param(
            {"body": f"{NO[:-1]}, melder det britiske nyhetsbyrået PA Media."},
            "pa-media",
            id="no_melder_described",
        ),
        pytest.param(
            {"body": f"{SV[:-1]}, rapporterar nyhetsbyrån TT."}, "tt", id="sv_rapporterar"
        ),
        pytest.param(
            {"body": f"{DA[:-1]}, meldte Ritzau, fredag."}, "ritzau", id="da_meldte_clause"
        ),
        # What the article is built on, as its own line.
        pytest.param(
            {"body": f"{DA}\n\nArtiklen bygger på oplysninger fra Ritzau."},
            "ritzau",
            id="da_bygger_pa",
        ),
        pytest.param(
            {"body": f"{DA}\n\nArtiklen er skrevet på baggrund af materiale fra Ritzau."},
            "ritzau",
            id="da_pa_baggrund_af",
        ),
        pytest.param(
            {"body": f"{NO}\n\nArtikkelen er basert på informasjon fra NTB."},
            "ntb",
            id="no_basert_pa",
        ),
        pytest.param(
            {"body": f"{SV}\n\nArtikeln bygger på uppgifter från TT."}, "tt", id="sv_bygger_pa"
        ),
        # PA's sports desk: its byline and the sports pages' report line.
        pytest.param({"body": EN, "author": "PA Sport"}, "pa-media", id="pa_sport_byline"),
        pytest.param({"body": EN, "author": "By PA Sport Staff"}, "pa-media", id="pa_sport_staff"),
        pytest.param({"body": f"{EN}\n\nMatch report: PA Media"}, "pa-media", id="match_report"),
        pytest.param({"body": f"{EN}\n\nReport by PA Sport."}, "pa-media", id="report_by"),
        # "This article includes reporting originally published by".
        pytest.param(
            {"body": f"{EN}\n\nThis article includes reporting originally published by Reuters."},
            "reuters",
            id="includes_reporting_originally_published",
        ),
    ],
)
def test_nordic_and_desk_credits_credit_the_agency(article: dict[str, str], slug: str) -> None:
    found = decided(**article)
    assert found is not None
    assert found[0] == slug
    assert found[1] >= BAR


@pytest.mark.parametrize(
    "article",
    [
        # Photo and data credits.
        pytest.param(
            {"body": f"{DA}\n\nFoto: Bo Amstrup/Ritzau Scanpix"}, id="ritzau_scanpix_photo"
        ),
        pytest.param({"body": f"{EN}\n\nPhoto: Richard Sellers/PA Wire"}, id="pa_wire_photo"),
        pytest.param(
            {
                "body": f"{EN} Short interest stood at 6.8%, according to data compiled by Bloomberg."
            },
            id="data_compiled_by_bloomberg",
        ),
        # An earlier report, recalled with its time; the outlet told something.
        pytest.param({"body": f"{NO} Det meldte NTB i fjor."}, id="no_meldte_last_year"),
        pytest.param({"body": f"{NO} Det melder Statens vegvesen til NTB."}, id="no_melder_to_ntb"),
        pytest.param(
            {"body": f"{SV} Det sa hon till TT i en intervju i oktober."}, id="sv_told_tt_earlier"
        ),
        # A figure's source, not the article's; the agency as a subject.
        pytest.param(
            {"body": f"{DA} Tallene bygger på oplysninger fra Ritzau."}, id="da_figures_built_on"
        ),
        pytest.param(
            {
                "body": f"{DA}\n\nArtiklen bygger på oplysninger fra Ritzau og Kystdirektoratet om vandstanden."
            },
            id="da_built_on_goes_on",
        ),
        pytest.param(
            {
                "body": f"{EN} Keel told PA news agency before the season that a top-six finish was a stretch."
            },
            id="told_pa_before_the_season",
        ),
        pytest.param(
            {"body": f"{EN}\n\nReport: Bloomberg data shows ticket prices rose."},
            id="report_line_goes_on",
        ),
        pytest.param({"body": f"{LV}\n\nFoto: LETA"}, id="lv_photo_leta"),
    ],
)
def test_nordic_and_desk_look_alikes_credit_nobody(article: dict[str, str]) -> None:
    found = decided(**article)
    assert found is None or found[1] < BAR


# --- 2. Stored newsrooms, through ingest -----------------------------------------------------
NEWSROOMS = {
    "err": ("ERR", "err.ee", "broadcaster"),
    "ruv": ("RÚV", "ruv.is", "broadcaster"),
    "full-fact": ("Full Fact", "fullfact.org", "online"),
    "ostra-tidningen": ("Östra Tidningen", "ostratidningen.example", "newspaper"),
}
FERRY = (
    "Ferry services to Saaremaa and Hiiumaa were halted on Saturday morning as a storm brought "
    "gusts of 28 metres per second to the west coast.\n\n"
    "About 9,000 customers were without power, the grid operator said."
)
STOVES = (
    "A post shared thousands of times claims that wood-burning stoves will be banned in "
    "England from January.\n\n"
    "There is no such ban, and the environment department said it had no plans for one."
)


def credited_to(
    client: TestClient, body: str, author: str | None = None
) -> tuple[str, float] | None:
    return credited_origin(
        client,
        body,
        stored=NEWSROOMS,
        title="Storm halts island ferries",
        claim="A storm halted ferry services to Estonia's islands on Saturday.",
        author=author,
    )


@pytest.mark.parametrize(
    ("body", "author", "slug"),
    [
        pytest.param(FERRY, "ERR News", "err", id="err_news_byline"),
        pytest.param(FERRY + "\n\nSource: ERR News.", None, "err", id="err_news_source_line"),
        pytest.param(
            "Lauttaliikenne Saarenmaalle keskeytettiin lauantaina myrskyn vuoksi, kertoo Viron "
            "yleisradion uutispalvelu ERR News.\n\nNoin 9 000 asiakasta oli ilman sähköä.",
            None,
            "err",
            id="fi_described_err_news",
        ),
        pytest.param(FERRY + "\n\nHeimild: RÚV", None, "ruv", id="ruv_heimild"),
        pytest.param(
            "Hellisheidi was closed early Tuesday because of a winter storm, national "
            "broadcaster RÚV reports.\n\nAbout 20 people were given shelter.",
            None,
            "ruv",
            id="ruv_national_broadcaster_reports",
        ),
        pytest.param(
            "The mountain road was closed on Tuesday, according to the national broadcaster "
            "RUV.\n\nAbout 20 people were given shelter.",
            None,
            "ruv",
            id="ruv_without_accent",
        ),
        pytest.param(
            STOVES + "\n\nThis article includes reporting originally published by Full Fact.",
            None,
            "full-fact",
            id="full_fact_includes_reporting",
        ),
        pytest.param(
            "A widely shared post warning of a January ban on wood burners is false, according "
            "to the fact-checking charity Full Fact.\n\nMany homes are outside smoke control areas.",
            None,
            "full-fact",
            id="full_fact_described_in_lead",
        ),
        pytest.param(
            FERRY + "\n\nKälla: Östra Tidningen", None, "ostra-tidningen", id="accented_name"
        ),
    ],
)
def test_stored_newsrooms_are_credited(
    client: TestClient, body: str, author: str | None, slug: str
) -> None:
    found = credited_to(client, body, author)
    assert found is not None
    assert found[0] == slug
    assert found[1] >= BAR


@pytest.mark.parametrize(
    ("body", "author"),
    [
        pytest.param(
            FERRY + " Laur told ERR's Aktuaalne kaamera in October that a fifth vessel was needed.",
            None,
            id="err_programme_interview",
        ),
        pytest.param(
            FERRY + " Hún sagði í viðtali við RÚV í sumar að sveitin þyrfti nýjan snjóbíl.",
            None,
            id="ruv_interview_in_summer",
        ),
        pytest.param(
            STOVES
            + " Full Fact's chief executive told MPs that false claims about energy rules spread fast.",
            None,
            id="full_fact_as_subject",
        ),
        pytest.param(
            STOVES + " A similar claim was rated false by Full Fact in 2024.",
            None,
            id="full_fact_earlier_check",
        ),
        pytest.param(
            STOVES
            + " Sales fell, according to the fact-checking charity Full Fact's survey last year.",
            None,
            id="full_fact_survey",
        ),
        pytest.param(FERRY, "Source: Estonian Weather Service", id="weather_service_byline"),
    ],
)
def test_stored_newsroom_look_alikes_credit_nobody(
    client: TestClient, body: str, author: str | None
) -> None:
    found = credited_to(client, body, author)
    assert found is None or found[1] < BAR
