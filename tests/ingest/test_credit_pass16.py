# ruff: noqa: E501, RUF002
"""Credits, pass 16 (docs/matching.md, "Credits, pass 16 (held-out 12's misses, seen)"): Cyrillic
names in a dateline's brackets ("МИНСК, 3 декабря (БЕЛТА) –"), a source line's name in quotes,
an agency's name in its own script in a dateline's brackets ("(ኢዜአ)፦") and after a dash, the
frames of Belarusian, Afrikaans, Swahili, Greek and Chinese papers, a reporter "of" an outlet
contributing to the report, and a place before a stored newsroom's name ("Nashville
Tennessean"). With the look-alikes that must credit nobody."""

import pytest
from fastapi.testclient import TestClient

from app.ingest.credits.editions import place_keys
from tests.ingest.credit_support import assert_credits
from tests.ingest.credit_support import assert_credits_nobody
from tests.ingest.credit_support import credited_origin
from tests.ingest.test_credit_shapes import decided

RU = " Белорусская железная дорога с 13 декабря назначает новый поезд бизнес-класса Минск – Гродно."
BE = "Беларуская чыгунка з 13 снежня прызначае новы цягнік бізнес-класа Мінск – Гродна, які будзе ісці праз Ліду."
EN = "More than 4,000 families have been forced out of their homes after the river burst its banks."


# --- 1. Agencies, no database ----------------------------------------------------------------
@pytest.mark.parametrize(
    ("article", "slug"),
    [
        # Cyrillic names in a dateline's brackets, Russian and Belarusian.
        pytest.param({"body": f"МИНСК, 3 декабря (БЕЛТА) –{RU}"}, "belta", id="ru_dateline_belta"),
        pytest.param({"body": f"МІНСК, 3 снежня (БЕЛТА) – {BE}"}, "belta", id="be_dateline"),
        pytest.param(
            {"body": f"КИЕВ, 3 декабря (Укринформ) –{RU}"}, "ukrinform", id="ru_dateline_mixed_case"
        ),
        # A source line's name in quotes; in its own script after a dash; an Amharic dateline.
        pytest.param(
            {"body": f"{EN}\n\nწყარო: „ინტერპრესნიუსი“"}, "interpressnews", id="ka_source_quoted"
        ),
        pytest.param({"body": f"{EN}\n\nИсточник: «Интерфакс»"}, "interfax", id="ru_source_quoted"),
        pytest.param(
            {"body": f"{EN}\n\nምንጭ፦ ኢዜአ"}, "ethiopian-news-agency", id="am_source_preface_colon"
        ),
        pytest.param(
            {"body": "አዲስ አበባ፣ ህዳር 24/2019 (ኢዜአ)፦ ኢትዮጵያ 142 ሺህ ቶን ቡና ለውጭ ገበያ አቅርባለች።"},
            "ethiopian-news-agency",
            id="am_dateline",
        ),
        pytest.param(
            {"body": f"{EN}\n\nသတင်းရင်းမြစ် – မြန်မာ့သတင်းဌာန"},
            "myanmar-news-agency",
            id="my_source_dash",
        ),
        # The frames of the running text.
        pytest.param(
            {"body": f"{BE} Паводле інфармацыі БЕЛТА, квіткі ўжо ў продажы."},
            "belta",
            id="be_according_to",
        ),
        pytest.param(
            {"body": "Meer as 40 voorstede sal sonder water wees, berig Reuters."},
            "reuters",
            id="af_berig",
        ),
        pytest.param(
            {
                "body": "Zaidi ya familia 4,000 zimehama, kwa mujibu wa shirika la habari la Uingereza, Reuters."
            },
            "reuters",
            id="sw_according_to",
        ),
        pytest.param(
            {"body": "Σε άμεση εκκένωση κλήθηκαν κάτοικοι, μεταδίδει το πρακτορείο ειδήσεων AAP."},
            "aap",
            id="el_latin_agency",
        ),
        pytest.param(
            {"body": "Огромный снегопад, сообщает российское агентство ТАСС со ссылкой на МЧС."},
            "tass",
            id="ru_country_before_agency",
        ),
        pytest.param(
            {"body": "据缅通社12月4日报道，曼德勒市一座新建自来水净化厂当天启用。"},
            "myanmar-news-agency",
            id="zh_dated_report",
        ),
        pytest.param(
            {"body": "Вадзім Ткач, сообщает агентство МОНЦАМЭ."}, "montsame", id="mn_cyrillic_name"
        ),
    ],
)
def test_agencies_are_credited(article: dict[str, str], slug: str) -> None:
    assert_credits(decided(**article), slug)


@pytest.mark.parametrize(
    "article",
    [
        # Brackets that hold no agency, or an agency as a party's or a body's abbreviation.
        pytest.param({"body": f"МИНСК, 3 декабря (МЧС) –{RU}"}, id="ru_ministry_in_brackets"),
        pytest.param(
            {"body": f"В заявлении партии (ЛДПР) говорится:{RU}"}, id="ru_party_in_brackets"
        ),
        # A source line that goes on after the quoted name; a photo's.
        pytest.param(
            {"body": f"{EN}\n\nИсточник: «Интерфакс» и данные МЧС по области"},
            id="ru_source_goes_on",
        ),
        pytest.param({"body": f"{BE}\n\nФота: БЕЛТА"}, id="be_photo"),
        # Told, and the Chinese "last year" report.
        pytest.param(
            {"body": "据缅通社去年报道，曼德勒市一座新建自来水净化厂启用。"}, id="zh_last_year"
        ),
        pytest.param(
            {"body": "Zaidi ya familia 4,000 zimehama, kwa mujibu wa polisi."}, id="sw_police"
        ),
        pytest.param({"body": "Die polisie berig dat die pyp gebars het."}, id="af_police_reports"),
        pytest.param(
            {"body": "Η φωτιά κινείται γρήγορα, σύμφωνα με την Google."}, id="el_not_an_agency"
        ),
    ],
)
def test_look_alikes_credit_nobody(article: dict[str, str]) -> None:
    assert_credits_nobody(decided(**article))


# --- 2. Stored newsrooms, through ingest -----------------------------------------------------
NEWSROOMS = {
    "tennessean": ("The Tennessean", "tennessean.com", "newspaper"),
    "daily-nation": ("Daily Nation", "nation.africa", "newspaper"),
    "news24": ("News24", "news24.com", "online"),
    "philadelphia-magazine": ("Philadelphia", "phillymag.com", "magazine"),
}
BUSES = (
    "Riders on three of WeGo Public Transit's busiest routes will be able to catch a bus at any "
    "hour starting Jan. 4, the agency announced Wednesday.\n\n"
    "The overnight trips will run every 30 minutes between midnight and 5 a.m."
)


def credited_to(client: TestClient, body: str) -> tuple[str, float] | None:
    return credited_origin(
        client,
        body,
        stored=NEWSROOMS,
        title="24-hour buses on three routes",
        claim="WeGo will run buses at any hour on three routes from January 4.",
    )


@pytest.mark.parametrize(
    ("body", "slug"),
    [
        pytest.param(
            f"{BUSES}\n\nThis article originally appeared on Nashville Tennessean: 24-hour bus service coming",
            "tennessean",
            id="place_before_masthead",
        ),
        pytest.param(
            f"{BUSES}\n\nRamona Blevins of The Tennessean contributed to this report.",
            "tennessean",
            id="reporter_of_outlet_contributed",
        ),
        pytest.param(
            f"Zaidi ya familia 4,000 zimehama, kwa mujibu wa gazeti la Daily Nation.\n\n{BUSES}",
            "daily-nation",
            id="sw_according_to_the_paper",
        ),
        pytest.param(
            f"Meer as 40 voorstede is sonder water, berig News24.\n\n{BUSES}",
            "news24",
            id="af_berig",
        ),
    ],
)
def test_stored_newsrooms_are_credited(client: TestClient, body: str, slug: str) -> None:
    assert_credits(credited_to(client, body), slug)


@pytest.mark.parametrize(
    "body",
    [
        # A reporter of the paper quoted, not contributing; a place and a masthead that is
        # another paper.
        pytest.param(
            f"{BUSES} Ramona Blevins of The Tennessean asked about fares.", id="reporter_quoted"
        ),
        pytest.param(
            f"{BUSES}\n\nThis article originally appeared on Knoxville News Sentinel.",
            id="another_paper",
        ),
        # An edition's place is no outlet of that name (only a domain names it after a place).
        pytest.param(
            f"{BUSES}\n\nChalkbeat Philadelphia contributed to this report.", id="edition_place"
        ),
    ],
)
def test_stored_newsroom_look_alikes_credit_nobody(client: TestClient, body: str) -> None:
    assert_credits_nobody(credited_to(client, body))


def test_a_place_before_a_masthead_leaves_only_a_distinctive_name() -> None:
    assert place_keys("Nashville Tennessean") == ["tennessean"]
    assert place_keys("Palm Beach Post") == []
    assert place_keys("Irish Times") == []
    assert place_keys("Texas Tribune Festival") == []
