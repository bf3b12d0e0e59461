# ruff: noqa: E501  (a table of cases, a line each)
"""Credits as real pages write them, and capitals or captions that only look like one.

A red-team pass fed the credit rules realistic news text. These are its findings, kept: house
styles that were missed (bylines such as "Reuters Staff" or "JOSH BOAK, AP Economics Writer",
"/TASS/", Yonhap's, Kyodo's and Xinhua's datelines, The Canadian Press's closing line), and
look-alikes that were taken for credits (the Australian Federal Police's "the AFP", a party's
"the PTI", a photo's caption over the story, a company reporting its own revenue, a URL whose
first word is only the headline's).
"""

from typing import Any

import pytest
from fastapi.testclient import TestClient

from app.core import agencies
from app.ingest.credits import credited
from app.ingest.credits.reading import credits
from app.ingest.credits.urls import url_credits
from app.tables import Outlet
from app.tables import OutletKind
from tests.assertions import assert_consistent
from tests.ingest.test_credited import AP_STORY
from tests.ingest.test_credited import ap_article
from tests.ingest.test_credited import paper

BAR = 0.7  # CLAIMS_CREDIT_MIN_CONFIDENCE's default
FILLER = (
    "Officials met on Monday to go over the plan in detail, and residents who attended the "
    "session asked about costs, timing and the effect on nearby homes and businesses. "
) * 3


def decided(
    *,
    body: str = FILLER,
    author: str | None = None,
    title: str | None = None,
    url: str = "https://paper.example/news/story-1",
) -> tuple[str, float] | None:
    """The agency the article's own words credit and how sure, as ingest decides it when no
    article of the agency is stored (agencies only, no database)."""
    found = credits(author=author, body=body, title=title) + url_credits(url, title)
    resolved = []
    for number, credit in enumerate(found, 1):
        agency = agencies.by_key(credit.key)
        if agency is not None and not credit.ambiguous:
            outlet = Outlet(
                id=number, slug=agency.slug, name=agency.name, kind=OutletKind.wire_agency
            )
            resolved.append((credit, outlet))
    decision = credited.decide(resolved)
    return None if decision is None else (decision.outlet.slug, decision.confidence)


@pytest.mark.parametrize(
    ("article", "agency"),
    [
        ({"author": "Reuters Staff"}, "reuters"),
        ({"author": "JILL COLVIN and ZEKE MILLER Associated Press"}, "ap"),
        ({"author": "JOSH BOAK, AP Economics Writer"}, "ap"),
        ({"author": "Jill Colvin | AP"}, "ap"),
        ({"author": "dpa"}, "dpa"),
        ({"body": "By The Associated Press\n\n" + FILLER}, "ap"),
        ({"body": FILLER + "\n\nThis report by The Canadian Press was first published Jan. 5."}, "the-canadian-press"),
        ({"body": FILLER + "\n\n(With PTI inputs)"}, "pti"),
        ({"body": "New Delhi, Jan 5 (IANS) The Election Commission set the dates. " + FILLER}, "ians"),
        ({"body": "MOSCOW, January 5. /TASS/. " + FILLER}, "tass"),
        ({"body": "Bucharest, Jan 5 /Agerpres/ - " + FILLER}, "agerpres"),
        ({"body": "МОСКВА, 5 янв — РИА Новости. Президент подписал указ о пенсиях."}, "ria-novosti"),
        ({"body": "(서울=연합뉴스) 홍길동 기자 = 정부는 5일 내년도 예산안을 발표했다."}, "yonhap"),
        ({"body": "新华社北京1月5日电（记者张三）国务院总理5日主持召开国务院常务会议。"}, "xinhua"),
        ({"body": "【ワシントン共同】米政府は5日、新たな経済対策を発表した。"}, "kyodo"),
        ({"body": FILLER + "\n\nAssociated Press writer Jane Doe in London contributed to this report."}, "ap"),
        # "X reported" and a clause: still a credit (only a figure of its own is not).
        ({"body": FILLER + " Reuters reported there were dozens of casualties. " + FILLER}, "reuters"),
        ({"body": FILLER + " AFP reported police had fired tear gas. " + FILLER}, "afp"),
        ({"body": FILLER + " Reuters reported he had resigned. " + FILLER}, "reuters"),
        ({"body": FILLER + " The Associated Press reported officials were investigating. " + FILLER}, "ap"),
        ({"body": FILLER + " Xinhua reported heavy rain hit the province. " + FILLER}, "xinhua"),
        # The agency's own label in its headline, then its URL.
        ({"title": "AP PHOTOS: Floods in the valley", "url": "https://ledger.example/ap-photos-floods"}, "ap"),
        ({"title": "AP Explains: Why rates rise", "url": "https://ledger.example/ap-explains-why-rates-rise"}, "ap"),
        # What was already read stays read.
        ({"body": FILLER + " Police said the man was arrested, according to AFP. " + FILLER}, "afp"),
        ({"body": "According to the AFP, the agency's reporter saw it. Agence France-Presse " + FILLER}, "afp"),
        ({"title": "Bus fares rise 4%", "url": "https://ledger.example/ap-bus-fares-rise"}, "ap"),
        ({"body": "WASHINGTON (AP) \u2014 " + FILLER}, "ap"),
        ({"body": FILLER + " The results will be published on Monday. (PAP)"}, "pap"),
        ({"body": FILLER + "\n\n(KUNA)"}, "kuna"),
        # The agencies' own desks and joint credits: their copy all the same.
        ({"author": "AFP-JIJI"}, "afp"),
        ({"body": "PARIS (AFP-Jiji) - " + FILLER}, "afp"),
        ({"body": "LONDON (Reuters Breakingviews) - " + FILLER}, "reuters"),
        ({"body": "(Bloomberg Opinion) -- " + FILLER}, "bloomberg"),
        ({"body": "El puerto reabrirá el lunes, según informó EFE. Las obras terminaron antes."}, "efe"),
    ],
)  # fmt: skip
def test_house_styles_credit_the_agency(article: dict[str, Any], agency: str) -> None:
    assert_credits(article, agency)


def assert_credits(article: dict[str, Any], agency: str) -> None:
    """The article's credits decide for `agency`, at or above the bar."""
    found = decided(**article)
    assert found is not None
    assert found[0] == agency, found
    assert found[1] >= BAR, found


@pytest.mark.parametrize(
    "article",
    [
        # Other bodies that go by an agency's capitals, written as they are written.
        {"body": FILLER + " According to the AFP, the man was arrested in Parramatta. " + FILLER},
        {"body": FILLER + " According to the AA, unleaded rose 2p a litre in May. " + FILLER},
        {"body": FILLER + " According to the PTI, 300 of its workers were detained. " + FILLER},
        {"body": FILLER + " According to the PA, three people were killed. " + FILLER},
        {"body": FILLER + " The AFP reported the man was arrested in Parramatta. " + FILLER},
        {"body": FILLER + " The PTI reported 300 workers were detained. " + FILLER},
        {"title": "AP reports 2,345 new Covid cases, 12 deaths"},
        # Companies and people reporting their own figures.
        {"title": "CP reports record quarterly profit", "body": "CP reported net income of C$1.1 billion. " + FILLER},
        {"body": "Thomson Reuters reported first-quarter revenue up 5% on Tuesday. " + FILLER},
        {"body": FILLER + " Bloomberg reported income of more than $1 billion last year. " + FILLER},
        {"body": FILLER + " According to Reuters/Ipsos polling, 38% approve. " + FILLER},
        # A photo's caption over the story.
        {"body": "Police stand guard outside parliament on Monday. (Reuters)\n\nNew Delhi: The house was adjourned. " + FILLER},
        {"body": "Rescue workers search the rubble on Monday. \u2014 AFP\n\nKARACHI: At least 12 people died. " + FILLER},
        # Someone told the agency, in Spanish (as "told Reuters" in English).
        {"body": "El puerto reabrirá el lunes, según informó a EFE un portavoz de la autoridad portuaria."},
        # Capitals that are also a party's, in brackets inside the last sentence.
        {"body": FILLER + " The seat was won by the ruling party (PAP)."},
        # A URL whose first word is only the headline's.
        {"title": "AFP charges man over alleged plot", "url": "https://abc.example/news/afp-charges-man-over-alleged-plot/1037"},
        {"title": "PTI announces nationwide protest", "url": "https://dawn.example/news/1812345/pti-announces-nationwide-protest"},
    ],
)  # fmt: skip
def test_look_alikes_are_no_credit_above_the_bar(article: dict[str, Any]) -> None:
    found = decided(**article)
    assert found is None or found[1] < BAR, found


OWN_WORDS = {
    "sydney-herald": "Neighbours in Parramatta described a quiet man who kept to himself and "
    "worked nights at a warehouse near the station. A court date was set for next month.",
    "west-courier": "Community leaders in western Sydney urged calm after the arrest and asked "
    "residents not to speculate online. The investigation is continuing, officers said.",
}


def _report(slug: str, hours: float, sentence: str) -> dict[str, Any]:
    body = f"{sentence} {OWN_WORDS[slug]}"
    report = paper(slug, hours, title="Man charged over alleged plot in Sydney", body=body)
    report["claims"] = [{"text": "Police charged a 34-year-old Sydney man over an alleged plot."}]
    return report


def test_two_papers_quoting_the_australian_police_stay_two_origins(client: TestClient) -> None:
    """Both cite "the AFP" (the Australian Federal Police): no phantom agency origin between
    them; each credit waits in the review queue instead."""
    first = client.post(
        "/v1/ingest",
        json=_report("sydney-herald", 1, "According to the AFP, the man was arrested at home."),
    ).json()
    second = client.post(
        "/v1/ingest",
        json=_report("west-courier", 2, "The AFP said the man was arrested on Tuesday, according to the AFP."),
    ).json()  # fmt: skip
    claim_id = first["claims"][0]["claim_id"]
    assert second["claims"][0]["claim_id"] == claim_id
    assert (first["credited_origin"], second["credited_origin"]) == (None, None)
    counts = assert_consistent(client, claim_id)
    assert (counts["outlets"], counts["independent_origins"]) == (2, 2)
    queued = client.get("/v1/review", params={"kind": "credited_origin"}).json()["items"]
    assert {item["article"]["id"] for item in queued} == {first["article_id"], second["article_id"]}
    assert {item["outlet"]["slug"] for item in queued} == {"afp"}
    assert all("the AFP" in item["evidence"] for item in queued)


def test_the_agency_s_own_page_dated_later_is_no_copy_of_a_paper_crediting_it(
    client: TestClient,
) -> None:
    """A paper runs AP's story at 11:00; AP's own page, stored afterwards, shows an updated
    time of 14:00. AP is not a copy of the paper that credits it: one origin, AP's own
    article, and no longer a credited one."""
    first = client.post(
        "/v1/ingest", json=paper("daily-planet", 11, body="SPRINGFIELD (AP) - " + AP_STORY)
    ).json()
    assert first["credited_origin"]["outlet"]["slug"] == "ap"
    wire = client.post("/v1/ingest", json=ap_article(14)).json()
    assert wire["origin"] is None
    claim_id = first["claims"][0]["claim_id"]
    counts = assert_consistent(client, claim_id)
    assert (counts["outlets"], counts["independent_origins"], counts["credited_origins"]) == (
        2,
        1,
        0,
    )
    [origin] = client.get(f"/v1/claims/{claim_id}/corroboration").json()["origins"]
    assert (origin["outlet"]["slug"], origin["credited"]) == ("ap", False)


def test_a_body_repeating_a_look_alike_asks_once_whether_the_agency_is_spelled_out(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Whether the article spells the agency out is asked once per agency, not per mention
    (each question searches the whole text: per mention, a long body took minutes)."""
    from app.ingest.credits import context

    asked: list[str] = []
    find = context.SpelledOut._find

    def counted(self: context.SpelledOut, key: str) -> bool:
        asked.append(key)
        return find(self, key)

    monkeypatch.setattr(context.SpelledOut, "_find", counted)
    body = "Officials said the plan would cost more, the AP reported. " * 500
    found = credits(author=None, body=body, title="The AP reports delays")
    assert any(credit.initials for credit in found)
    assert asked == ["ap"]
