"""Credits, pass 22 (held-out 20's misses, seen, and the review of passes 20 and 21): a site
named by its domain ("TEMPO.CO, Jakarta -", "Artikel ini telah tayang di Tempo.co"), the
network's edition in the crediting article's language, a regional edition's hyphenated name
("Radio-Canada Côte-Nord"), "Avec les informations de", and a media descriptor that is a
compound noun ("nieuwsweekblad") but never a person's role ("el director del diario")."""

import pytest
from fastapi.testclient import TestClient

from app.ingest.credits.reading import credits
from tests.ingest.credit_support import Fields
from tests.ingest.credit_support import assert_credits
from tests.ingest.credit_support import assert_credits_nobody
from tests.ingest.credit_support import credited_by_local
from tests.ingest.credit_support import store_outlets

TEMPO: dict[str, Fields] = {
    "tempo": ("Tempo", "tempo.co", "id", "ID", "magazine"),
    "tempo-en": ("Tempo English", "en.tempo.co", "en", "ID", "online"),
}
CNN: dict[str, Fields] = {
    "cnn": ("CNN", "cnn.com", "en-US", "US", "broadcaster"),
    "cnn-chile": ("CNN Chile", "cnnchile.com", "es-CL", "CL", "broadcaster"),
}
STORY = {
    "id": "Ribuan penumpang KRL tertahan tiga jam di Manggarai pada Kamis sore.\n\n"
    "Gangguan sistem persinyalan membuat perjalanan terhenti.",
    "en": "Bali froze new villa permits for two years on Friday.\n\n"
    "Officials cited falling groundwater levels in the south.",
}


@pytest.mark.parametrize(
    ("body", "language", "slug"),
    [
        pytest.param(f"TEMPO.CO, Jakarta - {STORY['id']}", "id", "tempo", id="site_dateline"),
        pytest.param(
            f"{STORY['id']}\n\nArtikel ini telah tayang di Tempo.co", "id", "tempo", id="site_line"
        ),
        pytest.param(f"TEMPO.CO, Denpasar - {STORY['en']}", "en", "tempo-en", id="site_in_english"),
        pytest.param(
            f"{STORY['en']}\n\nWith reporting from Tempo", "en", "tempo-en", id="name_in_english"
        ),
        pytest.param(
            f"{STORY['id']}\n\nSumber: Tempo", "id", "tempo", id="name_in_its_own_language"
        ),
    ],
)
def test_a_site_by_its_domain_and_the_edition_in_the_articles_language(
    client: TestClient, body: str, language: str, slug: str
) -> None:
    store_outlets(client, TEMPO)
    assert_credits(credited_by_local(client, body, language=language), slug)


def test_a_countrys_edition_is_another_newsroom(client: TestClient) -> None:
    store_outlets(client, CNN)
    body = "La tormenta cerró tres escuelas el martes, informó la cadena estadounidense CNN."
    assert_credits(credited_by_local(client, body, language="es-CL", country="CL"), "cnn")


def test_an_agencys_copy_is_its_own_in_every_language(client: TestClient) -> None:
    store_outlets(
        client,
        {
            "ap": ("Associated Press", "apnews.com", "en-US", "US", "wire_agency"),
            "ap-pt": ("AP Português", "pt.apnews.com", "pt", "BR", "online"),
        },
    )
    body = "SÃO PAULO (AP) — A tempestade fechou três escolas na terça-feira."
    assert_credits(credited_by_local(client, body, language="pt-BR"), "ap")


def test_a_regional_editions_hyphenated_name(client: TestClient) -> None:
    store_outlets(client, {"rc": ("Radio-Canada", "ici.radio-canada.ca", "fr", "CA", None)})
    found = credited_by_local(
        client, STORY["en"], language="fr-CA", author="Radio-Canada Côte-Nord"
    )
    assert_credits(found, "rc")


@pytest.mark.parametrize(
    ("body", "name"),
    [
        ("Le traversier reste à quai.\n\nAvec les informations de Radio-Canada", "Radio-Canada"),
        ("Bali stopt met vergunningen, meldt het Indonesische nieuwsweekblad Tempo.", "Tempo"),
        ("Der Zug fällt aus, berichtete der niederländische Sender NOS.", "NOS"),
    ],
)
def test_the_words_read(body: str, name: str) -> None:
    assert name in [c.name for c in credits(author=None, body=body)]


@pytest.mark.parametrize(
    ("body", "outlet"),
    [
        ("La tormenta cerró tres escuelas, según el director del diario El Mundo.", "El Mundo"),
        ("A tempestade fechou três escolas, disse o porta-voz da emissora TV Globo.", "TV Globo"),
        ("Der Sturm schloss Schulen, laut dem Chefredakteur der Wochenzeitung Die Zeit.", "Zeit"),
    ],
)  # fmt: skip
def test_a_persons_role_is_no_descriptor(body: str, outlet: str) -> None:
    assert not any(outlet in c.name for c in credits(author=None, body=body))


def test_a_beat_in_a_byline_is_no_outlet(client: TestClient) -> None:
    store_outlets(client, {"science": ("Science", "science.org", "en", "US", "magazine")})
    found = credited_by_local(
        client, STORY["en"], language="en", author="Jane Doe (Science Editor)"
    )
    assert_credits_nobody(found)


EURONEWS: dict[str, Fields] = {
    "euronews-it": ("Euronews Italiano", "it.euronews.com", "it", "FR", "broadcaster"),
}
BBC: dict[str, Fields] = {
    "bbc": ("BBC News", "bbc.co.uk", "en-GB", "GB", "broadcaster"),
    "bbc-persian": ("BBC Persian", "bbc.com", "fa", "GB", "broadcaster"),
}


def test_a_plain_name_in_the_lead_is_the_service_the_text_names_later(client: TestClient) -> None:
    """No outlet of its own answers to "Euronews"; the text says which Euronews."""
    store_outlets(client, EURONEWS)
    body = (
        "Venice will charge day-trippers on 108 days in 2027, Euronews reported on Thursday.\n\n"
        "The fee will rise to €10, according to Euronews' Italian edition, which quoted the "
        "city's budget chief."
    )
    assert_credits(credited_by_local(client, body, language="en"), "euronews-it")


def test_the_networks_own_outlet_in_the_lead_stays_its_own(client: TestClient) -> None:
    store_outlets(client, BBC)
    body = (
        "Tehran closed its schools for two days, the BBC reported on Sunday.\n\n"
        "The BBC's Persian service separately reported that flights were cancelled."
    )
    assert_credits(credited_by_local(client, body, language="en"), "bbc")
