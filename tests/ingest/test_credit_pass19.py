"""Credits, pass 19 (docs/matching.md, "Credits, pass 19 (held-out 15's misses, seen)"): a
broadcaster's services and a network's editions named by a language or a country, bylines in
another language's "by" and with the outlet in brackets, and the republishing footers of
Spanish, Italian, Indonesian and Romanian pages. With the look-alikes that must credit nobody."""

from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.ingest.credit_support import assert_credits
from tests.ingest.credit_support import assert_credits_nobody
from tests.ingest.credit_support import credited_by_local
from tests.ingest.test_credit_networks import STORY
from tests.ingest.test_credit_networks import _store

OUTLETS: dict[str, tuple[Any, ...]] = {
    "bbc-news": ("BBC News", "bbc.co.uk", "en-GB"),
    "dw-espanol": ("DW Español", None, "es"),
    "dw-brasil": ("DW Brasil", None, "pt-BR"),
    "rfi-espanol": ("RFI Español", None, "es"),
    "france24-es": ("France 24 en español", None, "es"),
    "le-monde-en": ("Le Monde in English", None, "en"),
    "le-monde": ("Le Monde", "lemonde.fr", "fr"),
    "euronews": ("Euronews", "euronews.com", "it"),
    "tempo": ("Tempo", "tempo.co", "id"),
    "europa-libera": ("Europa Liberă", "europalibera.org", "ro"),
    "propublica": ("ProPublica", "propublica.org", "en-US"),
    "new-yorker": ("The New Yorker", "newyorker.com", "en-US"),
    "door-county": ("Door County Advocate", "doorcountyadvocate.com", "en-US"),
    "bbc-canada": ("BBC Canada", "bbccanada.com", "en-CA"),
}


@pytest.mark.parametrize(
    ("stored", "body", "author", "language", "slug"),
    [
        pytest.param(["bbc-news"], STORY, "Por BBC", "es", "bbc-news", id="por_byline"),
        pytest.param(
            ["dw-espanol", "dw-brasil"],
            f"{STORY}\n\nCon información de DW.",
            None,
            "es-CO",
            "dw-espanol",
            id="service_by_language_es",
        ),
        pytest.param(
            ["dw-espanol", "dw-brasil"],
            f"{STORY}\n\nCom informações da Deutsche Welle.",
            None,
            "pt-BR",
            "dw-brasil",
            id="service_by_country_br",
        ),
        pytest.param(
            ["rfi-espanol"], STORY, "Paula Larrea, RFI", "es", "rfi-espanol", id="rfi_service"
        ),
        # Dutch "Door" is no byline's "by": a paper's name.
        pytest.param(
            ["door-county"],
            STORY,
            "Door County Advocate",
            "en-US",
            "door-county",
            id="door_is_a_name",
        ),
        # The broadcaster stored, and a service of a country: the broadcaster itself first.
        pytest.param(
            ["bbc-news", "bbc-canada"],
            STORY,
            "Jane Doe, BBC",
            "en-CA",
            "bbc-news",
            id="broadcaster_before_its_service",
        ),
        pytest.param(
            ["france24-es"],
            f"{STORY}\n\nPublicado originalmente en France 24 en español.",
            None,
            "es-PE",
            "france24-es",
            id="publicado_originalmente",
        ),
        pytest.param(
            ["le-monde-en"],
            f"{STORY}\n\nSource: Le Monde",
            None,
            "en",
            "le-monde-en",
            id="edition_after_a_preposition",
        ),
        pytest.param(
            ["euronews"],
            f"{STORY}\n\nCon informazioni di Euronews",
            None,
            "it",
            "euronews",
            id="con_informazioni_di",
        ),
        pytest.param(
            ["tempo"],
            f"{STORY}\n\nArtikel ini telah tayang di Tempo.",
            None,
            "id",
            "tempo",
            id="telah_tayang_di",
        ),
        pytest.param(
            ["europa-libera"],
            f"{STORY}\n\nCitește mai mult pe Europa Liberă.",
            None,
            "ro",
            "europa-libera",
            id="citeste_mai_mult",
        ),
        pytest.param(
            ["propublica"],
            f"{STORY}\n\nThis report draws on reporting by ProPublica.",
            None,
            "en-US",
            "propublica",
            id="draws_on_reporting",
        ),
    ],
)
def test_pass19_reads(
    client: TestClient,
    stored: list[str],
    body: str,
    author: str | None,
    language: str,
    slug: str,
) -> None:
    _store(client, stored, OUTLETS)
    assert_credits(credited_by_local(client, body, language=language, author=author), slug)


@pytest.mark.parametrize(
    ("stored", "body", "author", "language"),
    [
        # "Citește mai mult pe" inside a paragraph points to another story.
        pytest.param(
            ["europa-libera"],
            f"{STORY} Citește mai mult pe Europa Liberă despre alegeri, a spus ea.",
            None,
            "ro",
            id="read_more_inside_a_paragraph",
        ),
        # "Por" before a person's name only.
        pytest.param(["bbc-news"], STORY, "Por Juan Pérez", "es", id="por_a_person"),
        # A place in brackets after the reporter's name.
        pytest.param(["le-monde"], STORY, "Jane Doe (Paris)", "en", id="bracketed_place"),
        # A broadcaster's service in another language than the article's: "DW" in a Colombian
        # paper is not DW Brasil's, nor DW Indonesia's in an English paper of Jakarta.
        pytest.param(
            ["dw-brasil"], f"{STORY}\n\nCon información de DW.", None, "es-CO", id="dw_brasil"
        ),
        # A review's "first published in": the book's story, not this text.
        pytest.param(
            ["new-yorker"],
            "Publicado originalmente en The New Yorker en 1948, el cuento sigue siendo leído en "
            "las escuelas.\n\n" + STORY,
            None,
            "es",
            id="publicado_in_a_review",
        ),
        # "Read more at X" points to more, it credits nothing.
        pytest.param(
            ["propublica"], f"{STORY}\n\nRead more at ProPublica.", None, "en-US", id="read_more"
        ),
    ],
)
def test_pass19_lookalikes(
    client: TestClient, stored: list[str], body: str, author: str | None, language: str
) -> None:
    _store(client, stored, OUTLETS)
    assert_credits_nobody(credited_by_local(client, body, language=language, author=author))
