"""A network's language service named in words (app/ingest/credits/services.py): which words
credit it and with what language, and that the credit goes to the stored service of that
language only (credits/outlets.py, `_services`)."""

import pytest
from fastapi.testclient import TestClient

from app.ingest.credits import markers
from app.ingest.credits import services
from app.ingest.credits.reading import credits
from tests.ingest.credit_support import Fields
from tests.ingest.credit_support import assert_credits
from tests.ingest.credit_support import assert_credits_nobody
from tests.ingest.credit_support import credited_by_local
from tests.ingest.credit_support import store_outlets


@pytest.mark.parametrize(
    ("text", "name", "language", "kind"),
    [
        pytest.param(
            "Ash rose 4,800 metres, Voice of America's Spanish-language service reported.",
            "Voice of America", "es", "text", id="en_possessive_after",
        ),
        pytest.param(
            "Cases passed 1,200, the Portuguese-language service of Voice of America reported.",
            "Voice of America", "pt", "text", id="en_of_after",
        ),
        pytest.param(
            "Two men were held, according to the BBC's Russian service.",
            "BBC", "ru", "text", id="en_according_to",
        ),
        pytest.param(
            "Due morti in Tirolo, riferisce l'edizione in lingua tedesca di Euronews.",
            "Euronews", "de", "text", id="it_verb_first_declined",
        ),
        pytest.param(
            "Hubo 30 heridos, según el servicio en español de RFI.",
            "RFI", "es", "text", id="es_segun",
        ),
        pytest.param(
            "Le pont a cédé, selon la rédaction anglophone de France 24.",
            "France 24", "en", "text", id="fr_phone_adjective",
        ),
        pytest.param(
            "Er vielen twee doden, volgens de Engelstalige redactie van NOS.",
            "NOS", "en", "text", id="nl_talige",
        ),
        pytest.param(
            "Zwei Menschen starben, berichtet der russischsprachige Dienst von DW.",
            "DW", "ru", "text", id="de_sprachige",
        ),
        pytest.param(
            "Погибли двое, сообщает Русская служба Би-би-си.",
            "Би-би-си", "ru", "text", id="ru_declined_adjective",
        ),
        pytest.param(
            "Погибли двое.\n\nПо материалам русской службы DW",
            "DW", "ru", "credit_line", id="ru_credit_line",
        ),
        pytest.param(
            "Le trafic reprend jeudi.\n\nAvec la rédaction francophone d'Euronews.",
            "Euronews", "fr", "credit_line", id="fr_credit_line",
        ),
        pytest.param(
            "The mayor told the BBC's Russian service the bridge would reopen.",
            "BBC", "ru", "told", id="told",
        ),
    ],
)  # fmt: skip
def test_the_words_that_credit_a_service_and_its_language(
    text: str, name: str, language: str, kind: str
) -> None:
    found = [(s.name, s.language, s.kind) for s in services.find(text)]
    assert (name, language, kind) in found


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("DW's Russian service has two million readers.", id="no_verb"),
        pytest.param("The BBC's World Service reported a surge.", id="world_is_no_language"),
        pytest.param("Voice of America's new service reported nothing.", id="new_is_no_language"),
        pytest.param("El servicio en vivo de RFI informó del corte.", id="vivo_is_no_language"),
    ],
)
def test_words_that_credit_no_service(text: str) -> None:
    assert services.find(text) == []


def test_a_service_recalled_from_last_year_is_no_credit_for_the_story() -> None:
    found = credits(
        author=None, body="Floods hit the valley, as DW's Russian service reported last year."
    )
    assert [c.earlier for c in found if c.key == "dw"] == [True]


@pytest.mark.parametrize(
    ("word", "code"),
    [
        ("Spanish", "es"),
        ("русском", "ru"),
        ("русской", "ru"),
        ("tedesca", "de"),
        ("russische", "ru"),
        ("inglesa", "en"),
    ],
)
def test_a_declined_language_name(word: str, code: str) -> None:
    assert markers.language(word, inflected=True) == code


@pytest.mark.parametrize("word", ["русском", "tedesca", "Mundo", "World", "America", "New"])
def test_a_declined_name_only_where_a_frame_expects_one(word: str) -> None:
    assert markers.language(word) is None


def test_a_declined_language_marks_an_edition() -> None:
    assert markers.edition_of("dw на русском", "dw") == ("language", "ru")
    assert markers.edition_of("euronews (deutsch)", "euronews") == ("language", "de")


VOA: dict[str, Fields] = {
    "voa-es": ("Voz de América", "vozdeamerica.com", "es", "US", "broadcaster"),
    "voa-pt": ("Voz da América", "voaportugues.com", "pt", "US", "broadcaster"),
}
EURONEWS: dict[str, Fields] = {
    "euronews-fr": ("Euronews (français)", "fr.euronews.com", "fr", "FR", "broadcaster"),
    "euronews-de": ("Euronews (deutsch)", "de.euronews.com", "de", "FR", "broadcaster"),
    "euronews-en": ("Euronews English", "euronews.com", "en", "FR", "broadcaster"),
}
DW: dict[str, Fields] = {
    "dw-ru": ("DW на русском", None, "ru", "DE", "broadcaster"),
    "dw-es": ("DW Español", None, "es", "DE", "broadcaster"),
}
LEAD = "Cholera has infected 1,240 people in three weeks"
MORE = "\n\nMost cases are in three districts, where rains fouled the wells."


def test_the_service_of_the_language_named_in_the_lead(client: TestClient) -> None:
    store_outlets(client, VOA)
    body = f"{LEAD}, the Portuguese-language service of Voice of America reported.{MORE}"
    assert_credits(credited_by_local(client, body, language="en"), "voa-pt")


def test_the_network_named_short_after_it_is_the_same_service(client: TestClient) -> None:
    store_outlets(client, VOA)
    body = (
        f"{LEAD}, Voice of America's Portuguese-language service reported.{MORE}\n\n"
        "According to VOA, a vaccination campaign starts next week."
    )
    assert_credits(credited_by_local(client, body, language="en"), "voa-pt")


def test_no_credit_when_that_language_has_no_stored_service(client: TestClient) -> None:
    store_outlets(client, {"voa-es": VOA["voa-es"]})
    body = f"{LEAD}, Voice of America's Portuguese-language service reported.{MORE}"
    assert credited_by_local(client, body, language="en") is None


def test_an_edition_stored_on_a_subdomain_of_the_network(client: TestClient) -> None:
    store_outlets(client, EURONEWS)
    body = (
        "Due scialpinisti sono morti in Tirolo, riferisce l'edizione in lingua tedesca di "
        f"Euronews.{MORE}"
    )
    assert_credits(credited_by_local(client, body, language="it"), "euronews-de")


def test_a_credit_line_naming_the_desk(client: TestClient) -> None:
    store_outlets(client, EURONEWS)
    body = f"{LEAD}.{MORE}\n\nAvec la rédaction francophone d'Euronews."
    assert_credits(credited_by_local(client, body, language="fr", country="BE"), "euronews-fr")


def test_a_russian_credit_line_and_a_declined_edition_name(client: TestClient) -> None:
    store_outlets(client, DW)
    body = f"{LEAD}.{MORE}\n\nПо материалам русской службы DW"
    assert_credits(credited_by_local(client, body, language="kk", country="KZ"), "dw-ru")


def test_a_service_credited_further_down_is_for_review(client: TestClient) -> None:
    store_outlets(client, VOA)
    body = f"{LEAD}.{MORE}\n\nThe Portuguese-language service of Voice of America reported it."
    assert_credits_nobody(credited_by_local(client, body, language="en"))


def test_a_description_of_the_service_is_no_credit(client: TestClient) -> None:
    store_outlets(client, VOA)
    body = f"{LEAD}.{MORE}\n\nVoice of America's Portuguese-language service has a radio show."
    assert credited_by_local(client, body, language="en") is None
