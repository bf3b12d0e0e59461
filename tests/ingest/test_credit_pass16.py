# ruff: noqa: E501, RUF002
"""Credits, pass 16 (docs/matching.md, "Credits, pass 16 (held-out 12's misses, seen)"): Cyrillic
names in a dateline's brackets ("МИНСК, 3 декабря (БЕЛТА) –"), a source line's name in quotes,
an agency's name in its own script in a dateline's brackets ("(ኢዜአ)፦") and after a dash, the
frames of Belarusian, Afrikaans, Swahili, Greek and Chinese papers, a reporter "of" an outlet
contributing to the report, and a place before a stored newsroom's name ("Nashville
Tennessean"). With the look-alikes that must credit nobody."""

import pytest
from fastapi.testclient import TestClient

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
            {"body": "Die water is af, berig die Franse nuusagentskap AFP."},
            "afp",
            id="af_berig_agency",
        ),
        pytest.param(
            {"body": "据新华社4日报道，曼德勒市一座新建自来水净化厂当天启用。"},
            "xinhua",
            id="zh_day_only",
        ),
        pytest.param(
            {"body": f"{RU[1:]}\n\nИсточник: «Интерфакс»"}, "interfax", id="ru_source_after_prose"
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
        # From the review of this pass (each credited someone before it was corrected): the
        # agency as a story's subject or a caption's credit in brackets, a party's brackets,
        # a bracket in another script away from a dateline, a chart's quoted source, a poll,
        # a mention, earlier reports, a noun before the word for agency, "berig" before a
        # clause, a typeface.
        pytest.param(
            {"body": f"Информационное агентство России (ТАСС) отметило 120-летие.{RU}"},
            id="ru_agency_subject",
        ),
        pytest.param(
            {"body": f"Корреспондент Иван Петров (ТАСС) задал вопрос президенту.{RU}"},
            id="ru_reporter_bracket",
        ),
        pytest.param({"body": f"Фото: Иван Петров (ТАСС)\n\n{RU}"}, id="ru_caption"),
        pytest.param(
            {"body": f"Российская ассоциация (РИА) застройщиков провела съезд.{RU}"},
            id="ru_association",
        ),
        pytest.param(
            {"body": "ጠቅላይ ሚኒስትሩ በፓርላማ ንግግር ሲያደርጉ (ኢዜአ)\n\nመንግስት በጀቱን አጸደቀ።"}, id="am_caption"
        ),
        pytest.param({"body": "የኢትዮጵያ ዜና አገልግሎት (ኢዜአ) 80ኛ ዓመቱን አከበረ።"}, id="am_agency_subject"),
        pytest.param(
            {"body": "ראש הממשלה נואם בכנסת, אתמול (רויטרס)\n\nהממשלה אישרה את התקציב."},
            id="he_caption",
        ),
        pytest.param(
            {"body": "Цены выросли.\n\nГрафик: динамика цен\nИсточник: «Интерфакс»"},
            id="ru_chart_quoted",
        ),
        pytest.param({"body": f"{EN}\n\nგრაფიკი: ფასები\nწყარო: ინტერპრესნიუსი"}, id="ka_chart"),
        pytest.param(
            {"body": "Giá xăng tăng mạnh trong tuần qua.\n\nẢnh minh họa. Nguồn: TTXVN"},
            id="vi_photo",
        ),
        pytest.param(
            {"body": "Σύμφωνα με το Reuters πέρυσι, η εταιρεία είχε ζημιές."}, id="el_last_year"
        ),
        pytest.param(
            {"body": "Σύμφωνα με Reuters/Ipsos, ο πρόεδρος προηγείται με 4 μονάδες."}, id="el_poll"
        ),
        pytest.param(
            {"body": "Ο πρόεδρος ανέφερε AP και Reuters ως παραδείγματα αξιόπιστων μέσων."},
            id="el_mentioned",
        ),
        pytest.param(
            {
                "body": "Паводле інфармацыі БЕЛТА за мінулы год, у краіне пабудавалі 4 млн кв. м жылля."
            },
            id="be_last_year",
        ),
        pytest.param(
            {"body": "Kwa mujibu wa gazeti la Reuters la mwaka jana, familia 4,000 zilihama."},
            id="sw_paper_last_year",
        ),
        pytest.param(
            {"body": "Как сообщила сотрудница агентства ТАСС, здание эвакуировали."},
            id="ru_employee_of_agency",
        ),
        pytest.param(
            {"body": "Die Britse koerant berig Reuters gaan 200 joernaliste afdank."},
            id="af_reports_that",
        ),
        pytest.param(
            {"body": "Die polisie berig AFP se kantoor in Johannesburg is beroof."},
            id="af_possessive",
        ),
        pytest.param(
            {"body": "Η εφημερίδα μετέδωσε το Reuters να απολύει 200 δημοσιογράφους."},
            id="el_reported_that",
        ),
        pytest.param(
            {"body": "Kwa mujibu wa gazeti la Reuters la mwaka 2019, bei zilipanda."},
            id="sw_paper_2019",
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
    "the-citizen": ("The Citizen", "citizen.co.za", "newspaper"),
    "fortune": ("Fortune", "fortune.com", "magazine"),
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
        # A person of a place, a person named like a magazine, another city's paper of the
        # same word (a place before a masthead is not read: "Ottawa Citizen" is no "The
        # Citizen" of Johannesburg, though "Nashville Tennessean" is "The Tennessean").
        pytest.param(
            f"{BUSES}\n\nJane Doe of Philadelphia contributed to this report.",
            id="person_of_a_city",
        ),
        pytest.param(
            f"{BUSES}\n\nLauren Fortune contributed to this report.", id="person_named_fortune"
        ),
        pytest.param(
            f"{BUSES}\n\nThis article originally appeared on Ottawa Citizen.", id="other_citizen"
        ),
    ],
)
def test_stored_newsroom_look_alikes_credit_nobody(client: TestClient, body: str) -> None:
    assert_credits_nobody(credited_to(client, body))
