"""Credits, pass 21 (held-out 19's misses, seen): a reporter's outlet in brackets in a byline
and a place that is none, an edition named with the word for edition, a second sentence that
only says who reported the first, and a service described with its paper or broadcaster
("the Japanese-language edition of South Korea's Hankyoreh newspaper")."""

import pytest
from fastapi.testclient import TestClient

from app.ingest.credits import leads
from app.ingest.credits import markers
from app.ingest.credits import services
from app.ingest.credits.context import byline
from tests.ingest.credit_support import Fields
from tests.ingest.credit_support import assert_credits
from tests.ingest.credit_support import assert_credits_nobody
from tests.ingest.credit_support import credited_by_local
from tests.ingest.credit_support import store_outlets


@pytest.mark.parametrize(
    ("author", "names"),
    [
        ("Kang Min-seo (Hankyoreh)", ["Kang Min-seo", "Hankyoreh"]),
        ("Li Wen (CGTN)", ["Li Wen", "CGTN"]),
        ("Jane Doe - The Texas Tribune", ["Jane Doe", "The Texas Tribune"]),
        ("Jean-Pierre Dupont", ["Jean-Pierre Dupont"]),
        ("Jane Doe (New York)", ["Jane Doe"]),
        ("Anna Müller (Berlin)", ["Anna Müller"]),
        ("Jane Doe, Chicago", ["Jane Doe"]),
        ("Maria Silva (Brasil)", ["Maria Silva"]),
    ],
)
def test_a_bylines_outlet_in_brackets_or_after_a_dash_and_no_place(
    author: str, names: list[str]
) -> None:
    assert byline(author) == names


@pytest.mark.parametrize(
    ("name", "network", "mark"),
    [
        ("the hankyoreh english edition", "hankyoreh", ("language", "en")),
        ("el país english edition", "el país", ("language", "en")),
        ("kompas edición en español", "kompas", None),  # the language must end the name
        ("bbc world service", "bbc", None),
    ],
)
def test_an_editions_name_with_the_word_for_edition(
    name: str, network: str, mark: tuple[str, str] | None
) -> None:
    assert markers.edition_of(name, network) == mark


@pytest.mark.parametrize(
    ("text", "lead"),
    [
        ("Rents rose 9%. Dat meldt de NOS. More.", "Rents rose 9%. Dat meldt de NOS."),
        ("Rents rose.\n\nDas berichtet NDR. More.", "Rents rose.\n\nDas berichtet NDR."),
        ("Rents rose 9%. Lo riferisce l'Ansa. More.", "Rents rose 9%. Lo riferisce l'Ansa."),
        ("Rents rose. That's according to WNYC.", "Rents rose. That's according to WNYC."),
        ("Rents rose 9%. Dat is veel. More.", "Rents rose 9%."),
        ("Rents rose 9%. The Herald reported it first.", "Rents rose 9%."),
    ],
)  # fmt: skip
def test_a_second_sentence_that_only_says_who_reported_the_first(text: str, lead: str) -> None:
    assert text[: leads.lead_end(text)] == lead


@pytest.mark.parametrize(
    ("text", "name", "language"),
    [
        pytest.param(
            "Tourists get a 72-hour pass, the Japanese-language edition of South Korea's "
            "Hankyoreh newspaper reported.",
            "Hankyoreh", "ja", id="en_possessive_country_and_noun_after",
        ),
        pytest.param(
            "Das berichtet die englischsprachige Ausgabe der südkoreanischen Zeitung Hankyoreh.",
            "Hankyoreh", "en", id="de_adjective_and_noun_between",
        ),
        pytest.param(
            "Segundo noticia a edição em inglês do diário espanhol El País, 1.240 casas.",
            "El País", "en", id="pt_noun_and_adjective_between",
        ),
        pytest.param(
            "según informó el servicio en francés de la radiotelevisión pública turca TRT.",
            "TRT", "fr", id="es_broadcaster_described",
        ),
        pytest.param(
            "With reporting from Spanish newspaper El País's English-language edition.",
            "El País", "en", id="en_described_before_the_possessive",
        ),
    ],
)  # fmt: skip
def test_a_service_described_with_its_paper_or_broadcaster(
    text: str, name: str, language: str
) -> None:
    assert (name, language) in [(s.name, s.language) for s in services.find(text)]


EDITIONS: dict[str, Fields] = {
    "hani-en": ("The Hankyoreh English Edition", "english.hani.co.kr", "en", "KR", "newspaper"),
    "el-pais-en": ("EL PAÍS English Edition", "english.elpais.com", "en", "ES", "newspaper"),
    "cgtn-es": ("CGTN Español", "espanol.cgtn.com", "es", "CN", "broadcaster"),
    "new-york-mag": ("New York", "nymag.com", "en-US", "US", "magazine"),
}
STORY = (
    "Tourists will get a 72-hour pass for both cities from April, officials said.\n\n"
    "The pass covers buses, ferries and twelve museums."
)


@pytest.mark.parametrize(
    ("author", "language", "slug"),
    [
        pytest.param("Kang Min-seo (Hankyoreh)", "en", "hani-en", id="edition_word_bracket"),
        pytest.param("Inés Barrachina, El País", "en-GB", "el-pais-en", id="accented_capitals"),
        pytest.param("Li Wen (CGTN)", "es-MX", "cgtn-es", id="initials_in_brackets"),
        pytest.param("Li Wen (CGTN)", "en", None, id="initials_of_another_language"),
        pytest.param("Jane Doe (New York)", "en-US", None, id="a_place_named_like_a_magazine"),
    ],
)
def test_the_edition_a_bylines_network_names(
    client: TestClient, author: str, language: str, slug: str | None
) -> None:
    store_outlets(client, EDITIONS)
    found = credited_by_local(client, STORY, language=language, author=author)
    if slug is None:
        assert_credits_nobody(found)
    else:
        assert_credits(found, slug)


def test_a_dutch_second_sentence_credits_as_the_lead(client: TestClient) -> None:
    store_outlets(
        client,
        {"rpi": ("Radio Prague International", "english.radio.cz", "en", "CZ", "broadcaster")},
    )
    body = (
        "Praag beperkt de verhuur van hele woningen tot 90 nachten per jaar. Dat meldt Radio "
        "Prague International.\n\nDe regel gaat in april in."
    )
    assert_credits(credited_by_local(client, body, language="nl"), "rpi")
