"""Credited origins: papers running a wire story count as the wire, stored or not (issue 14)."""

import csv
import io
import json
from datetime import timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from app.core import agencies
from app.core.unit_of_work import transaction
from app.ingest.credits.context import name_key
from app.ingest.credits.reading import credit_kind
from app.ingest.credits.reading import credits
from app.integrity import service as integrity
from tests.assertions import assert_consistent
from tests.factories import T0

CLAIM = {"text": "The city council approved a 4% rise in bus fares from July."}
AP_STORY = (
    "The city council voted 7-2 on Tuesday to raise bus fares by 4% from July, the first "
    "increase in six years. Officials said rising fuel and wage costs left no choice. Riders "
    "groups called the decision unfair to low-income commuters who have no other way to work. "
    "The mayor said discounted passes for students and pensioners would stay unchanged."
)


def at(hours: float) -> str:
    return (T0 + timedelta(hours=hours)).isoformat()


def paper(slug: str, hours: float, **article: Any) -> dict[str, Any]:
    return {
        "outlet": {"slug": slug, "name": slug.replace("-", " ").title(), "kind": "newspaper"},
        "article": {
            "url": f"https://{slug}.example/news/{int(hours * 10)}",
            "title": "Bus fares to rise 4% from July",
            "published_at": at(hours),
            **article,
        },
        "claims": [CLAIM],
    }


def ap_article(hours: float = 0) -> dict[str, Any]:
    return {
        "outlet": {"slug": "ap", "name": "Associated Press", "kind": "wire_agency"},
        "article": {
            "url": "https://apnews.com/article/bus-fares-1",
            "title": "Bus fares to rise 4% from July",
            "published_at": at(hours),
            "body": "SPRINGFIELD (AP) - " + AP_STORY,
        },
        "claims": [CLAIM],
    }


def ingest(client: TestClient, payload: dict[str, Any]) -> dict[str, Any]:
    response = client.post("/v1/ingest", json=payload)
    assert response.status_code in (200, 201), response.text
    return response.json()


def findings(engine: Engine) -> dict[str, list[int]]:
    with transaction(engine, write=False) as session:
        return {f.name: f.ids for f in integrity.check(session) if f.ids}


def test_two_papers_running_an_ap_story_are_one_credited_origin_until_ap_arrives(
    client: TestClient, engine: Engine
) -> None:
    first = ingest(client, paper("daily-planet", 2, body="SPRINGFIELD (AP) - " + AP_STORY))
    second = ingest(
        client, paper("the-ledger", 3, author="Associated Press", body="Fares are going up.")
    )
    claim_id = first["claims"][0]["claim_id"]
    assert second["claims"][0]["claim_id"] == claim_id
    # The papers' copy is not linked to any article (none of AP's is stored); each credits AP.
    assert (first["origin"], second["origin"]) == (None, None)
    credit = first["credited_origin"]
    assert (credit["outlet"]["slug"], credit["relation"], credit["evidence"]) == (
        "ap",
        "syndicates",
        "(AP)",
    )
    assert credit["confidence"] >= 0.95
    assert credit["reason"].startswith('credits Associated Press ("(AP)")')
    assert second["credited_origin"]["evidence"] == "byline: Associated Press"
    # The article itself says whom it credits (GET /v1/articles/{id}), as ingest answered.
    shown = client.get(f"/v1/articles/{first['article_id']}").json()
    assert shown["origin"] is None
    assert shown["credited_origin"] == credit
    listed = client.get("/v1/articles", params={"outlet": "the-ledger"}).json()["items"]
    assert [a["credited_origin"]["evidence"] for a in listed] == ["byline: Associated Press"]

    counts = assert_consistent(client, claim_id)
    assert (counts["outlets"], counts["independent_origins"], counts["credited_origins"]) == (
        2,
        1,
        1,
    )
    explained = client.get(f"/v1/claims/{claim_id}/corroboration").json()
    [origin] = explained["origins"]
    assert (origin["outlet"]["slug"], origin["credited"]) == ("ap", True)
    assert [a["relation"] for a in origin["articles"]] == ["credited", "credited"]
    assert origin["articles"][0]["credited_to"]["outlet"]["slug"] == "ap"
    attributions = client.get(f"/v1/claims/{claim_id}/attributions").json()["items"]
    assert {(a["independent_origin"]["outlet"]["slug"], a["independent_origin"]["credited"])
            for a in attributions} == {("ap", True)}  # fmt: skip
    # Under a method that follows no credit, each paper is its own origin again.
    none = client.get(f"/v1/claims/{claim_id}/corroboration", params={"collapse": "none"}).json()
    assert none["corroboration"]["independent_origins"] == 2
    assert findings(engine) == {}

    # AP's own article arrives afterwards: the credited copies attach to it.
    wire = ingest(client, ap_article(0))
    assert sorted(link["article_id"] for link in wire["copies"]) == sorted(
        [first["article_id"], second["article_id"]]
    )
    for copy in (first, second):
        shown = client.get(f"/v1/articles/{copy['article_id']}").json()
        link = shown["origin"]
        assert link["origin"]["id"] == wire["article_id"]
        # The credit stays as evidence; the link is what counts now.
        assert shown["credited_origin"]["outlet"]["slug"] == "ap"
        assert link["relation"] == "syndicates"
    counts = assert_consistent(client, claim_id)
    assert (counts["outlets"], counts["independent_origins"], counts["credited_origins"]) == (
        3,
        1,
        0,
    )
    [origin] = client.get(f"/v1/claims/{claim_id}/corroboration").json()["origins"]
    assert (origin["outlet"]["slug"], origin["credited"]) == ("ap", False)
    assert findings(engine) == {}


def test_a_credited_origin_shows_in_timeline_as_of_and_exports(client: TestClient) -> None:
    first = ingest(client, paper("daily-planet", 2, body="SPRINGFIELD (AP) - " + AP_STORY))
    ingest(client, paper("the-ledger", 30, url="https://the-ledger.example/ap-bus-fares"))
    claim_id = first["claims"][0]["claim_id"]
    timeline = client.get(f"/v1/claims/{claim_id}/timeline", params={"bucket": "day"}).json()
    assert [p["cumulative_independent_origins"] for p in timeline["points"]] == [1, 1]
    assert [p["cumulative_outlets"] for p in timeline["points"]] == [1, 2]
    early = client.get(f"/v1/claims/{claim_id}", params={"as_of": at(5)}).json()
    assert early["corroboration"]["credited_origins"] == 1
    # as_of_basis=recorded: a credit recorded after the instant is not followed.
    recorded = client.get(
        f"/v1/claims/{claim_id}/corroboration",
        params={"as_of": "2000-01-01T00:00:00Z", "as_of_basis": "recorded"},
    ).json()
    assert recorded["corroboration"]["independent_origins"] == 0

    exported = client.get("/v1/claims", params={"format": "csv"})
    rows = list(csv.DictReader(io.StringIO(exported.text)))
    row = next(r for r in rows if r["id"] == str(claim_id))
    assert (row["outlets"], row["independent_origins"], row["credited_origins"]) == ("2", "1", "1")
    ndjson = client.get("/v1/claims", params={"format": "ndjson"}).text.splitlines()
    item = next(json.loads(line) for line in ndjson if json.loads(line)["id"] == claim_id)
    assert item["corroboration"]["credited_origins"] == 1
    live_csv = client.get("/v1/claims", params={"format": "csv", "as_of": at(100)}).text
    live_row = next(r for r in csv.DictReader(io.StringIO(live_csv)) if r["id"] == str(claim_id))
    assert live_row["credited_origins"] == "1"


def test_agency_url_segments_canonical_and_is_based_on_are_credits(client: TestClient) -> None:
    by_url = ingest(client, paper("daily-planet", 2, url="https://daily-planet.example/ap-fares"))
    assert by_url["credited_origin"]["outlet"]["slug"] == "ap"
    assert by_url["credited_origin"]["evidence"] == "URL: /ap-fares"
    afp = ingest(client, paper("le-quotidien", 2, url="https://le-quotidien.example/AFP/story-9"))
    assert afp["credited_origin"]["outlet"]["slug"] == "afp"
    # rel=canonical to a page of an outlet whose article is not stored: credits that outlet.
    metro = paper("metro", 1)
    metro["outlet"]["domain"] = "metro.example"
    ingest(client, {**metro, "claims": [{"text": "Unrelated: a bridge reopened."}]})
    canonical = ingest(
        client, paper("evening-post", 3, canonical_url="https://metro.example/news/fares")
    )
    assert canonical["credited_origin"]["outlet"]["slug"] == "metro"
    assert canonical["credited_origin"]["evidence"].startswith("rel=canonical: ")
    based = ingest(client, paper("herald", 4, is_based_on="https://www.reuters.com/world/x-1"))
    assert (based["credited_origin"]["outlet"]["slug"], based["credited_origin"]["relation"]) == (
        "reuters",
        "cites",
    )
    # rel=canonical to a stored page of another outlet: that page is the origin itself.
    stored = ingest(client, paper("courier", 1))
    copy = ingest(client, paper("gazette", 5, canonical_url="https://courier.example/news/10"))
    assert copy["origin"]["origin"]["id"] == stored["article_id"]
    assert copy["origin"]["reason"].startswith("rel=canonical points to article")
    assert copy["credited_origin"] is None


def test_a_cites_credit_is_followed_only_when_cites_collapse(client: TestClient) -> None:
    one = ingest(client, paper("daily-planet", 2, body="Fares rise 4%, according to AFP."))
    ingest(client, paper("the-ledger", 3, body="The change was first reported by AFP."))
    claim_id = one["claims"][0]["claim_id"]
    assert one["credited_origin"]["relation"] == "cites"
    counts = assert_consistent(client, claim_id)
    assert (counts["independent_origins"], counts["credited_origins"]) == (1, 1)
    syndicates = client.get(f"/v1/claims/{claim_id}", params={"collapse": "syndicates"}).json()
    assert syndicates["corroboration"]["independent_origins"] == 2
    assert syndicates["corroboration"]["credited_origins"] == 0


def test_a_weak_or_ambiguous_credit_is_not_applied(client: TestClient) -> None:
    ingest(client, {**paper("metro", 1), "claims": [{"text": "Unrelated: a bridge reopened."}]})
    # A newsroom named beside a detail further down, not in the lead (credits.leads): 0.6.
    body = "Fares will rise on Monday, the council said.\n\nDrivers asked for it, Metro reported."
    weak = ingest(client, paper("daily-planet", 2, body=body))
    assert weak["credited_origin"] is None
    blend = ingest(
        client, paper("the-ledger", 3, body="SPRINGFIELD (AP) (Reuters) - Fares will rise.")
    )
    assert blend["credited_origin"] is None
    counts = assert_consistent(client, weak["claims"][0]["claim_id"])
    assert (counts["outlets"], counts["independent_origins"]) == (2, 2)


def test_deleting_the_credited_outlet_recounts(client: TestClient, engine: Engine) -> None:
    one = ingest(client, paper("daily-planet", 2, body="SPRINGFIELD (AP) - " + AP_STORY))
    ingest(client, paper("the-ledger", 3, author="AP"))
    claim_id = one["claims"][0]["claim_id"]
    assert assert_consistent(client, claim_id)["independent_origins"] == 1
    assert client.delete("/v1/outlets/ap").status_code == 204
    counts = assert_consistent(client, claim_id)
    assert (counts["independent_origins"], counts["credited_origins"]) == (2, 0)
    assert findings(engine) == {}


def test_a_stated_credited_origin_is_kept_and_a_re_send_writes_nothing(
    client: TestClient,
) -> None:
    payload = paper("daily-planet", 2)
    payload["credited_origin"] = {
        "outlet": {"slug": "cp", "name": "The Canadian Press", "kind": "wire_agency"},
        "relation": "syndicates",
        "reason": "the desk says so",
        "evidence": "(CP)",
    }
    first = ingest(client, payload)
    assert (first["credited_origin"]["outlet"]["slug"], first["credited_origin"]["provenance"]) == (
        "cp",
        "stated",
    )
    assert ingest(client, payload)["changed"] is False
    payload["credited_origin"]["outlet"] = {"slug": "daily-planet", "name": "Daily Planet"}
    response = client.post("/v1/ingest", json=payload)
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "self_credit"


# A first paragraph long enough that what follows is past the dateline.
LEAD = (
    "The harbour authority said the ferry link between the two islands, suspended since the "
    "storm on Thursday, would reopen once divers had checked the piers, and that timetables "
    "for the winter season would be published on its website by the end of the week, with "
    "extra sailings at weekends for residents who had missed medical appointments. "
)


@pytest.mark.parametrize(
    ("body", "author", "name", "quote"),
    [
        (
            "TOKYO, Nov. 6 Kyodo - Japan's exports rose.",
            None,
            "Kyodo",
            "dateline: TOKYO, Nov. 6 Kyodo -",
        ),
        ("BERLIN (dpa/red) - Trains stopped.", None, "dpa", "(dpa/red)"),
        (
            "The port reopened.\nAdditional reporting by Reuters.",
            None,
            "Reuters",
            "credit line: Additional reporting by Reuters",
        ),
        (
            "The port reopened. With files from The Canadian Press",
            None,
            "The Canadian Press",
            "credit line: With files from The Canadian Press",
        ),
        (
            "The port reopened. (With information from EFE)",
            None,
            "EFE",
            "credit line: (With information from EFE",
        ),
        ("The port reopened.\nSource: ANSA", None, "ANSA", "credit line: Source: ANSA"),
        ("The summit ended without a deal (with AFP).", None, "AFP", "credit line: (with AFP)"),
        (
            "Fares rise, according to the Italian news agency ANSA.",
            None,
            "ANSA",
            "Fares rise, according to the Italian news agency ANSA.",
        ),
        (
            "The PA news agency reports that fares rise.",
            None,
            "PA",
            "The PA news agency reports that fares rise.",
        ),
        ("Fares will rise.", "Maria Rossi with AFP", "AFP", "byline: Maria Rossi with AFP"),
        # Closing the story: the agency in brackets, or alone (or after "with") as its last words.
        (
            LEAD + "The ferry resumed service on Monday. (Xinhua)",
            None,
            "Xinhua",
            "closing: (Xinhua)",
        ),
        (LEAD + "The ferry resumed service. (AFP/mr).", None, "AFP", "closing: (AFP/mr)"),
        ("The ferry resumed service on Monday.\nAAP", None, "AAP", "closing: AAP"),
        ("The ferry resumed service. With Reuters", None, "Reuters", "closing: With Reuters"),
        # A credit line after a dash, and a credit at a sentence start.
        (
            "The ferry resumed service. \u2014 Additional reporting by the Associated Press",
            None,
            "Associated Press",
            "credit line: \u2014 Additional reporting by the Associated Press",
        ),
        (
            "According to Interfax, the ferry resumed service.",
            None,
            "Interfax",
            "According to Interfax, the ferry resumed service.",
        ),
        # A possessor in front of the name is not part of it.
        (
            "Italy's ANSA news agency reported that the ferry resumed service.",
            None,
            "ANSA",
            "Italy's ANSA news agency reported that the ferry resumed service.",
        ),
    ],
)
def test_wire_credit_styles_are_read(body: str, author: str | None, name: str, quote: str) -> None:
    found = {(credit.key, credit.quote) for credit in credits(author=author, body=body)}
    assert (name_key(name), quote) in found, found


# Credits in other languages and scripts (app/ingest/credits/languages.py): the agency each names,
# how (the kind credits.reading.credit_kind reads from the quote), and the relation it stands for.
@pytest.mark.parametrize(
    ("body", "agency", "kind"),
    [
        ("El Gobierno aprobó la medida el martes, según Reuters.", "reuters", "text"),
        ("El Gobierno aprobó la medida, según informó la agencia EFE.", "efe", "text"),
        ("Le gouvernement a annoncé la mesure mardi, selon l'AFP.", "afp", "text"),
        ("Die Regierung beschloss das Gesetz am Dienstag, laut dpa.", "dpa", "text"),
        ("Das Gesetz kommt, wie die Deutsche Presse-Agentur berichtete.", "dpa", "text"),
        ("Il governo ha approvato la misura, secondo l'ANSA.", "ansa", "text"),
        ("Правительство одобрило меру во вторник, по данным Reuters.", "reuters", "text"),
        ("Правительство одобрило меру во вторник, сообщает ТАСС.", "tass", "text"),
        ("東京（ロイター） - 政府は火曜日に措置を承認した。", "reuters", "dateline"),
        ("共同通信によると、政府は措置を承認した。", "kyodo", "text"),
        ("El Gobierno aprobó la medida.\n\nCon información de EFE", "efe", "credit_line"),
        (
            "Die Regierung beschloss das Gesetz.\n\nMit Material der Deutschen Presse-Agentur",
            "dpa",
            "credit_line",
        ),
        ("Le gouvernement a annoncé la mesure.\nAvec AFP", "afp", "credit_line"),
        (
            "The bank will cut 1,200 jobs.\n(Reporting by Jane Doe; Editing by John Smith)",
            "reuters",
            "sign_off",
        ),
    ],
)
def test_credits_in_other_languages_name_the_agency(body: str, agency: str, kind: str) -> None:
    found = {
        (found.slug, credit_kind(credit.quote))
        for credit in credits(author=None, body=body)
        if (found := agencies.by_key(credit.key)) is not None
    }
    assert (agency, kind) in found, found


@pytest.mark.parametrize(
    "body",
    [
        # "With agencies" names none; the words after "laut" and "selon" name no outlet.
        "The government approved the measure on Tuesday, with agencies.",
        "The ferry resumed service. (With inputs from agencies)",
        "Die Polizei berichtete am Dienstag von drei Verletzten, laut Angaben der Feuerwehr.",
        "Selon le ministre, rien ne changera avant l'été.",
        # A reporter's own sign-off without Reuters' editing line.
        "The bank will cut 1,200 jobs.\n(Reporting by Jane Doe)",
    ],
)
def test_foreign_words_naming_no_known_outlet_are_no_agency_credit(body: str) -> None:
    named = [c for c in credits(author=None, body=body) if agencies.by_key(c.key) is not None]
    assert named == []


@pytest.mark.parametrize(
    "body",
    [
        "An AFP photographer was slightly injured in the crush.",
        "Reuters could not independently verify the footage.",
        "The minister declined to comment to Reuters on Tuesday.",
        "AFP reporters saw smoke over the harbour.",
        # The name qualifies what follows it: figures, not a story.
        "Shares fell 3 percent, according to Reuters calculations.",
        "Turnout was 61 percent, according to AP estimates.",
        # Brackets inside the text, not closing it.
        LEAD + "The Associated Press (AP) and two local papers sued the city over the photos.",
    ],
)
def test_an_agency_named_without_credit_is_not_a_credit(body: str) -> None:
    assert credits(author=None, body=body) == []
