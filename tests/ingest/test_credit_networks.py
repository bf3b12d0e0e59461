"""A network named short for its stored editions, and a name several stored outlets answer to
(app/ingest/credits/editions.py, `network_editions` and `in_language`): the edition or the
outlet in the crediting article's language, and nobody when the language does not choose."""

from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.ingest.credit_support import Fields
from tests.ingest.credit_support import assert_credits
from tests.ingest.credit_support import assert_credits_nobody
from tests.ingest.credit_support import credited_by_local
from tests.ingest.credit_support import store_outlets

STORY = (
    "The storm closed the main road and three schools on Tuesday, officials said.\n\n"
    "Repairs to the bridge will take at least a week, the roads agency added."
)
REPUBLISHED = (
    f"{STORY}\n\nThis article is republished from The Conversation under a Creative Commons "
    "license. Read the original article."
)
EDITIONS = {
    "the-conversation-uk": ("The Conversation UK", "theconversation.com", "en-GB"),
    "the-conversation-fr": ("The Conversation France", None, "fr"),
    "the-conversation-id": ("The Conversation Indonesia", None, "id"),
    "the-conversation-us": ("The Conversation US", None, "en-US"),
}


def _store(client: TestClient, slugs: list[str], outlets: dict[str, tuple[Any, ...]]) -> None:
    """The outlets named, each (name, domain, language)."""
    store_outlets(client, {slug: (*outlets[slug], None, None) for slug in slugs})


@pytest.mark.parametrize(
    ("language", "country", "slug"),
    [
        pytest.param("en", "GB", "the-conversation-uk", id="country_stored"),
        pytest.param("en-GB", None, "the-conversation-uk", id="country_of_the_language_tag"),
        pytest.param("en", None, None, id="country_unknown"),
        pytest.param(None, None, None, id="nothing_known"),
        pytest.param("en-US", None, None, id="another_country"),
        pytest.param("fr", "FR", None, id="another_country_and_language"),
    ],
)
def test_the_only_stored_edition_for_an_article_of_its_country(
    client: TestClient, language: str | None, country: str | None, slug: str | None
) -> None:
    _store(client, ["the-conversation-uk"], EDITIONS)
    found = credited_by_local(client, REPUBLISHED, language=language, country=country)
    if slug is None:
        assert found is None
    else:
        assert_credits(found, slug)


def test_a_byline_naming_the_network_credits_the_edition(client: TestClient) -> None:
    _store(client, ["the-conversation-fr"], EDITIONS)
    found = credited_by_local(
        client, STORY, language="fr-FR", author="Claire Mounier, The Conversation"
    )
    assert_credits(found, "the-conversation-fr")


@pytest.mark.parametrize(
    ("language", "country", "slug"),
    [
        pytest.param("fr", "FR", "the-conversation-fr", id="french_article"),
        pytest.param("id", "ID", "the-conversation-id", id="indonesian_article"),
        pytest.param("en-US", None, "the-conversation-us", id="american_article"),
        pytest.param("en-gb", None, "the-conversation-uk", id="tag_case_folded"),
    ],
)
def test_of_several_editions_the_one_of_the_articles_country(
    client: TestClient, language: str, country: str | None, slug: str
) -> None:
    _store(client, list(EDITIONS), EDITIONS)
    assert_credits(credited_by_local(client, REPUBLISHED, language=language, country=country), slug)


@pytest.mark.parametrize(
    ("language", "country"),
    [
        pytest.param(None, None, id="nothing_known"),
        pytest.param("de", "DE", id="no_german_edition"),
        pytest.param("en-AU", None, id="no_australian_edition"),
        pytest.param("fr", "SN", id="french_but_of_another_country"),
    ],
)
def test_of_several_editions_none_when_none_fits(
    client: TestClient, language: str | None, country: str | None
) -> None:
    _store(client, list(EDITIONS), EDITIONS)
    assert credited_by_local(client, REPUBLISHED, language=language, country=country) is None


LANGUAGES = {
    "euronews-en": ("Euronews English", None, "en"),
    "euronews-es": ("Euronews Español", None, "es"),
}


@pytest.mark.parametrize(
    ("language", "slug"),
    [
        pytest.param("es-MX", "euronews-es", id="spanish_article"),
        pytest.param("en", "euronews-en", id="english_article"),
        pytest.param("pt", None, id="no_portuguese_edition"),
    ],
)
def test_an_edition_named_by_its_language_for_an_article_in_it(
    client: TestClient, language: str, slug: str | None
) -> None:
    _store(client, list(LANGUAGES), LANGUAGES)
    found = credited_by_local(client, STORY, language=language, author="Ana Ruiz, Euronews")
    if slug is None:
        assert found is None
    else:
        assert_credits(found, slug)


@pytest.mark.parametrize(
    ("name", "domain"),
    [
        pytest.param("Middle East Eye", "middleeasteye.net", id="no_country_or_language"),
        pytest.param("Washington Monthly", "washingtonmonthly.com", id="a_place_head"),
        pytest.param("National Geographic", "nationalgeographic.com", id="the_national"),
        pytest.param("Telegraph India", "telegraphindia.com", id="another_countrys_edition"),
    ],
)
def test_a_name_with_a_word_after_it_is_no_edition_unless_it_fits(
    client: TestClient, name: str, domain: str
) -> None:
    stored = {"other": (name, domain, "en-IN" if "India" in name else "en-US")}
    _store(client, ["other"], stored)
    head = " ".join(name.split()[:-1])
    for author in (f"Jane Doe, {head} Correspondent", f"Jane Doe, The {head}"):
        found = credited_by_local(client, STORY, language="en-GB", author=author)
        assert found is None, author


def test_an_agencys_name_is_no_network(client: TestClient) -> None:
    stored = {"breakingviews": ("Reuters Breakingviews", "breakingviews.com", "en-GB")}
    _store(client, ["breakingviews"], stored)
    found = credited_by_local(client, STORY, language="en-GB", author="Jane Doe, Reuters")
    assert found is None or found[0] != "breakingviews"


def test_an_editions_own_article_credits_no_other_edition(client: TestClient) -> None:
    _store(client, ["the-conversation-fr"], EDITIONS)
    own = ("the-conversation-uk", ("The Conversation UK", None, None, None, None))
    assert credited_by_local(client, REPUBLISHED, language="en-GB", own=own) is None


def test_the_networks_own_article_credits_none_of_its_editions(client: TestClient) -> None:
    _store(client, ["the-conversation-uk"], EDITIONS)
    own = ("the-conversation", ("The Conversation", None, None, None, None))
    assert credited_by_local(client, REPUBLISHED, language="en-GB", own=own) is None


def test_a_network_named_in_the_text_is_no_edition(client: TestClient) -> None:
    _store(client, ["the-conversation-uk"], EDITIONS)
    body = f"{STORY}\n\nThe roads agency's plan was first described in The Conversation."
    assert_credits_nobody(credited_by_local(client, body, language="en"))


def test_a_short_head_names_no_network(client: TestClient) -> None:
    # "Vanity" is under seven letters: a credit "Vanity" is no network of "Vanity Fair".
    _store(client, ["vanity-fair"], {"vanity-fair": ("Vanity Fair", "vanityfair.com", "en")})
    assert credited_by_local(client, STORY, language="en", author="Jane Smith, Vanity") is None


BBC = {
    "bbc-news": ("BBC News", "bbc.co.uk", "en-GB"),
    "bbc-mundo": ("BBC News Mundo", "bbc.com", "es"),
}


@pytest.mark.parametrize(
    ("language", "slug"),
    [
        pytest.param("es", "bbc-mundo", id="spanish_article"),
        pytest.param("en", "bbc-news", id="english_article"),
        pytest.param("pt", "bbc-news", id="neither_first_stored"),
        pytest.param(None, "bbc-news", id="unknown_first_stored"),
    ],
)
def test_a_name_two_stored_outlets_answer_to_is_the_one_in_the_articles_language(
    client: TestClient, language: str | None, slug: str
) -> None:
    _store(client, list(BBC), BBC)
    found = credited_by_local(client, STORY, language=language, author="María Pérez, BBC")
    assert_credits(found, slug)


def test_a_name_is_the_outlet_it_names_most_closely_before_the_language(
    client: TestClient,
) -> None:
    stored: dict[str, Fields] = {
        "agencia-para": ("Agência Pará", "agenciapara.com.br", "pt-BR", None, "wire_agency"),
        "ap": ("The Associated Press", "apnews.com", "en-US", None, "wire_agency"),
    }
    store_outlets(client, stored)
    body = "BELÉM (AP) — " + STORY
    assert_credits(credited_by_local(client, body, language="pt-BR"), "ap")
