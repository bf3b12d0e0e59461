"""The wire agencies a credit may name (app/core/agencies.py): the table itself, the world's
national agencies in the credit styles their clients use, and ordinary words that look like an
agency's abbreviation but credit nobody."""

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from app.articles.headlines import headline_key
from app.core import agencies
from app.ingest.credits.reading import credit_kind
from app.ingest.credits.reading import credits
from tests.factories import T0

TEXT = "The government approved the budget on Tuesday after a night of talks with the unions."


def named(body: str, author: str | None = None) -> set[tuple[str, str]]:
    """(agency slug, credit kind) of every credit in a body that names a listed agency (an
    ambiguous one names none: app/ingest/credited.resolve_agencies)."""
    return {
        (agency.slug, credit_kind(credit.quote))
        for credit in credits(author=author, body=body)
        if not credit.ambiguous and (agency := agencies.by_key(credit.key)) is not None
    }


def keys_of(agency: agencies.Agency) -> list[str]:
    return [agency.name.lower().replace("-", " "), agency.slug.replace("-", " "), *agency.aliases]


def test_the_table_s_slugs_domains_and_keys_are_unique_and_lower_case() -> None:
    slugs = [a.slug for a in agencies.AGENCIES]
    domains = [a.domain for a in agencies.AGENCIES]
    assert len(set(slugs)) == len(slugs)
    assert len(set(domains)) == len(domains)
    owner: dict[str, str] = {}
    for agency in agencies.AGENCIES:
        for key in keys_of(agency):
            assert owner.setdefault(key, agency.slug) == agency.slug, key
    for agency in agencies.AGENCIES:
        for alias in agency.aliases:
            assert alias == alias.lower(), alias
            # by_key reads "-" as a space: a hyphenated alias only serves headline suffixes.
            assert "-" not in alias or alias.replace("-", " ") in agency.aliases, alias
    assert owner.keys() >= agencies.CAPITALS_ONLY
    assert owner.keys() >= agencies.NOT_IN_ENGLISH_TEXT
    assert len(agencies.AGENCIES) >= 80
    source = Path(agencies.__file__).read_text(encoding="utf-8")
    assert len(source.splitlines()) < 600


def test_the_agencies_the_project_names_keep_their_slugs() -> None:
    slugs = {a.slug for a in agencies.AGENCIES}
    expected = (
        "ap reuters afp dpa the-canadian-press efe ansa kyodo yonhap pti bernama antara pa-media "
        "aap xinhua anadolu bloomberg kuna nan tass ani apa belga anp tt ntb ritzau ctk pap mena "
        "wafa irna prensa-latina notimex agerpres bta hina sta lusa jiji cna vna pna ians"
    )
    assert set(expected.split()) <= slugs
    assert agencies.by_key("news.cn") is agencies.by_key("xinhua")
    assert agencies.by_key("anadolu ajansı") is agencies.by_key("aa")
    assert agencies.by_key("pa news agency") is agencies.by_key("pa")


@pytest.mark.parametrize(
    ("body", "author", "slug", "kind"),
    [
        ("BRUSSELS (BELGA) - " + TEXT, None, "belga", "dateline"),
        ("Brussel (Belga) - " + TEXT, None, "belga", "dateline"),
        (TEXT + "\n\u2014 ANP", None, "anp", "sign_off"),
        (TEXT + "\n\nSource: Anadolu Ajans\u0131", None, "anadolu", "credit_line"),
        ("LISBOA, 5 dez (Lusa) - " + TEXT, None, "lusa", "dateline"),
        (TEXT + "\n\nFonte: Ag\u00eancia Lusa", None, "lusa", "credit_line"),
        ("WARSZAWA (PAP) - " + TEXT, None, "pap", "dateline"),
        ("PRAHA (\u010cTK) - " + TEXT, None, "ctk", "dateline"),
        (TEXT, "Jiji Press", "jiji", "byline"),
        ("TOKYO, Dec. 5 Jiji Press - " + TEXT, None, "jiji", "dateline"),
        ("\u6642\u4e8b\u901a\u4fe1\u306b\u3088\u308b\u3068\u3001\u653f\u5e9c\u306f\u627f\u8a8d"
         "\u3057\u305f\u3002", None, "jiji", "text"),
        ("TAIPEI, Dec. 5 (CNA) - " + TEXT, None, "cna", "dateline"),
        ("\u53f0\u5317\uff08\u4e2d\u592e\u793e\uff09\u653f\u5e9c\u4eca\u5929\u6279\u51c6\u4e86"
         "\u9810\u7b97\u3002", None, "cna", "dateline"),
        ("NEW DELHI, Dec 5 (IANS) - " + TEXT, None, "ians", "dateline"),
        (TEXT + "\n\u2014 IANS", None, "ians", "sign_off"),
        ("LA HABANA, 5 dic (Prensa Latina) " + TEXT, None, "prensa-latina", "dateline"),
        ("RABAT (MAP) - " + TEXT, None, "maghreb-arabe-presse", "dateline"),
        ("ISLAMABAD, Dec 5 (APP): " + TEXT, None, "associated-press-of-pakistan", "dateline"),
        (TEXT + "\n\u2014 TT", None, "tt", "sign_off"),
        ("KUALA LUMPUR, Dec 5 (Bernama) -- " + TEXT, None, "bernama", "dateline"),
        ("JAKARTA (ANTARA) - " + TEXT, None, "antara", "dateline"),
        ("HANOI (VNA) \u2013 " + TEXT, None, "vna", "dateline"),
        ("CAIRO, Dec 5 (MENA) - " + TEXT, None, "mena", "dateline"),
        ("AMMAN (PETRA) -- " + TEXT, None, "petra", "dateline"),
        ("Amman, Dec 5 (Petra) -- " + TEXT, None, "petra", "dateline"),
        ("ALGIERS (APS) - " + TEXT, None, "algerie-presse-service", "dateline"),
        ((TEXT + " ") * 4 + "(sda)", None, "keystone-sda", "sign_off"),
        ("Bern (sda) - " + TEXT, None, "keystone-sda", "dateline"),
        (TEXT + " SPA reported.", None, "saudi-press-agency", "text"),
        (TEXT + " KUNA reported.", None, "kuna", "text"),
        ("The budget was approved, according to the Saudi Press Agency.", None,
         "saudi-press-agency", "text"),
        ("The budget was approved, Jordan's Petra news agency reported.", None, "petra", "text"),
        ("Die Regierung beschloss das Budget am Dienstag, laut APA.", None, "apa", "text"),
        ("Il governo ha approvato il bilancio, secondo l'Adnkronos.", None, "adnkronos", "text"),
        ("Middle East News Agency (MENA) - " + TEXT, None, "mena", "dateline"),
    ],
)  # fmt: skip
def test_national_agencies_are_credited_in_their_clients_styles(
    body: str, author: str | None, slug: str, kind: str
) -> None:
    assert (slug, kind) in named(body, author), named(body, author)


@pytest.mark.parametrize(
    "body",
    [
        # Words and names that are an agency's abbreviation only in capitals.
        "Download the app to follow the count. The App reported five million users in a week.",
        "(Map) Flooded streets in the old town on Tuesday, as shown on the map.",
        "The vote was close, according to Petra, a volunteer at the polling station.",
        "The family said nothing, and she told Nan she would stay until the spring.",
        TEXT + " Sana, who voted for the budget, said the talks had been hard.",
        TEXT + " Tap.",
        # Capitals that English text uses for something else.
        "TAP reported a 4 percent rise in passengers flying to Brazil this year.",
        "Screen time harms sleep, according to the APA, which published new guidance.",
        "CNA reported that the ministry would review the rules for foreign workers.",
        "Rival militias clashed outside Tripoli, according to the GNA.",
        "Turnout in the estate rose, according to the PAP, which won every seat there.",
        # Abbreviations introduced after what they stand for, near the start of a story.
        "Leaders of the Middle East and North Africa (MENA) region met in Rabat on Tuesday.",
        "Pakistan Tehreek-e-Insaf (PTI) lawmakers walked out of the assembly on Tuesday.",
        "A certified nursing assistant (CNA) at the home said staff were overstretched.",
        "A Member of the National Assembly (MNA) from Lahore resigned on Tuesday.",
        "The Rashtriya Swayamsevak Sangh (RSS) held a rally in Nagpur on Tuesday.",
        "Graduates of the \u00c9cole nationale d'administration (ENA) run most ministries.",
    ],
)
def test_ordinary_words_like_an_agency_s_abbreviation_credit_no_agency(body: str) -> None:
    assert named(body) == set()


@pytest.mark.parametrize(
    ("title", "key"),
    [
        ("Portugal approves budget - Lusa", "portugal approves budget"),
        ("Morocco opens new port - MAP", "morocco opens new port"),
        ("Polish parliament passes budget | PAP", "polish parliament passes budget"),
        ("Where the floods hit - map", "where the floods hit map"),
        ("Best budgeting tools - App", "best budgeting tools app"),
        ("Ten things to do this winter - Spa", "ten things to do this winter spa"),
        ("City approves fare rise - Reuters", "city approves fare rise"),
    ],
)
def test_headline_suffixes_strip_agencies_not_ordinary_words(title: str, key: str) -> None:
    assert headline_key(title) == key


def test_a_credit_to_an_unstored_national_agency_creates_it(client: TestClient) -> None:
    payload: dict[str, Any] = {
        "outlet": {"slug": "le-soir", "name": "Le Soir", "kind": "newspaper"},
        "article": {
            "url": "https://le-soir.example/news/budget",
            "title": "Le gouvernement approuve le budget",
            "published_at": T0.isoformat(),
            "body": "BRUXELLES (BELGA) - " + TEXT,
        },
        "claims": [{"text": "The federal government approved the 2027 budget on Tuesday."}],
    }
    response = client.post("/v1/ingest", json=payload)
    assert response.status_code in (200, 201), response.text
    credit = response.json()["credited_origin"]
    assert (credit["outlet"]["slug"], credit["evidence"]) == ("belga", "(BELGA)")
    outlet = client.get("/v1/outlets/belga").json()
    assert (outlet["name"], outlet["domain"], outlet["kind"]) == (
        "Belga",
        "belga.be",
        "wire_agency",
    )


@pytest.mark.parametrize(
    ("body", "slug"),
    [
        ("The cabinet resigned, the Austrian news agency APA reported.", "apa"),
        ("The ferry sank off Cebu, according to the official news agency PNA.", "pna"),
        ("Four people died in the floods, Jordan's Petra news agency reported.", "petra"),
    ],
)
def test_an_abbreviation_described_as_a_news_agency_is_credited_in_english_text(
    body: str, slug: str
) -> None:
    assert (slug, "text") in named(body), named(body)


def test_a_stored_listed_agency_is_known_by_its_aliases_not_its_initials(
    client: TestClient,
) -> None:
    """A stored wire's name's initials name it (credits.outlets.outlet_keys), but not a listed
    agency's: once RIA Novosti is stored, "National Rally (RN)" is still no credit to it."""

    def paper(slug: str, body: str) -> dict[str, Any]:
        return {
            "outlet": {"slug": slug, "name": slug.title(), "kind": "newspaper"},
            "article": {
                "url": f"https://{slug}.example/news/vote",
                "title": "Vote on pensions delayed",
                "published_at": T0.isoformat(),
                "body": body,
            },
            "claims": [{"text": "The pension vote was delayed until January."}],
        }

    first = client.post("/v1/ingest", json=paper("izvestia", "MOSCOW (RIA Novosti) - " + TEXT))
    assert first.json()["credited_origin"]["outlet"]["slug"] == "ria-novosti"
    body = "Deputies of the National Rally (RN) walked out of the chamber. " + TEXT
    second = client.post("/v1/ingest", json=paper("le-monde", body))
    assert second.status_code in (200, 201), second.text
    assert second.json()["credited_origin"] is None
    third = client.post("/v1/ingest", json=paper("pravda", "MOSCOW (RIA) - " + TEXT))
    assert third.json()["credited_origin"]["outlet"]["slug"] == "ria-novosti"


def test_an_ambiguous_abbreviation_links_to_its_article_but_credits_nobody_alone(
    client: TestClient,
) -> None:
    """ "APA reported" in English text may be the psychologists: it makes no origin alone and
    creates no agency, but with APA's own article on the same claim stored it is the story's
    source (`cites`)."""

    def article(slug: str, kind: str, body: str, hours: int) -> dict[str, Any]:
        return {
            "outlet": {"slug": slug, "name": slug.upper(), "kind": kind},
            "article": {
                "url": f"https://{slug}.example/news/court-{hours}",
                "title": f"Court jails developer ({slug})",
                "published_at": (T0 + timedelta(hours=hours)).isoformat(),
                "body": body,
            },
            "claims": [{"text": "A Vienna court jailed a developer for four years."}],
        }

    told = "A Vienna court jailed the developer for four years on Tuesday, APA reported."
    alone = client.post("/v1/ingest", json=article("kurier", "newspaper", told, 0)).json()
    assert alone["credited_origin"] is None
    assert client.get("/v1/outlets/apa").status_code == 404

    wire = client.post("/v1/ingest", json=article("apa", "wire_agency", TEXT, 10)).json()
    later = client.post("/v1/ingest", json=article("krone", "newspaper", told, 12)).json()
    assert later["origin"]["origin"]["id"] == wire["article_id"]
    assert later["origin"]["relation"] == "cites"
    assert later["origin"]["reason"].startswith('credits APA: "A Vienna court jailed')
