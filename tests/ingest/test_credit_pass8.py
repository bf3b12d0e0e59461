# ruff: noqa: E501
"""Credits pass 8 (docs/matching.md, "Credits, pass 8"): house datelines and sign-offs
(credits.datelines: Interfax's "Город. 17 ноября. ИНТЕРФАКС-РЕГИОН -", GNA's "Kumasi, Nov. 29,
GNA -", "— VNA/VNS"), frames in Finnish, Romanian, Spanish and Portuguese and two English forms
(credits.frames: "STT:n mukaan", "relatează Moldpres", "consignó la agencia estatal Andina",
"refere a Agência Angola Press", "told news agency PTI", "the Jordan News Agency (Petra)
reported"), an agency's full name from a stored outlet's name (credits.outlets.outlet_keys), and the
look-alikes each must refuse."""

import pytest

from app.ingest.credits.outlets import outlet_keys
from app.tables import Outlet
from app.tables import OutletKind
from tests.ingest.test_credit_shapes import decided

BAR = 0.7

RU = (
    "Решение принято на заседании правительства региона, сообщили в пресс-службе ведомства. "
    "Работы планируется завершить до конца следующего года."
)
EN = (
    "Officials said more details would be released later in the week, and that the figures "
    "were in line with what analysts had expected going into the announcement. "
) * 2
FI = (
    "Yhtiön mukaan taustalla ovat heikko kysyntä ja kustannusten nousu. Neuvottelujen piirissä "
    "on noin kolmesataa työntekijää eri paikkakunnilla. "
) * 2
RO = (
    "Autoritățile locale au anunțat că lucrările vor începe în primăvară și vor dura cel puțin "
    "doi ani, potrivit unui comunicat al primăriei. "
) * 2
ES = (
    "Las autoridades regionales indicaron que los trabajos continuarán durante la semana y que "
    "los pasajeros afectados podrán reprogramar sus viajes sin costo. "
) * 2
PT = (
    "As autoridades provinciais disseram que os trabalhos vão continuar durante a semana e que "
    "as equipas móveis vão percorrer mercados, escolas e igrejas. "
) * 2


def _credited(article: dict, agency: str) -> bool:
    got = decided(**article)
    return got is not None and got[0] == agency and got[1] >= BAR


def _not_counted(article: dict) -> bool:
    got = decided(**article)
    return got is None or got[1] < BAR


# --- Interfax's Russian datelines, its regional services and its site -----------------------
@pytest.mark.parametrize(
    ("body", "agency"),
    [
        pytest.param(
            "Новосибирск. 17 ноября. ИНТЕРФАКС-СИБИРЬ - Открытие нового терминала аэропорта перенесено на весну. "
            + RU,
            "interfax",
            id="siberia",
        ),
        pytest.param(
            "Краснодар. 3 декабря. ИНТЕРФАКС-ЮГ - Власти края ввели режим повышенной готовности из-за ливней. "
            + RU,
            "interfax",
            id="south",
        ),
        pytest.param(
            "Екатеринбург. 21 марта. ИНТЕРФАКС-УРАЛ - Губернатор подписал указ о переносе выборов. "
            + RU,
            "interfax",
            id="urals",
        ),
        pytest.param(
            "Санкт-Петербург. 5 июня. ИНТЕРФАКС-СЕВЕРО-ЗАПАД - Городской парламент принял бюджет в первом чтении. "
            + RU,
            "interfax",
            id="north_west_hyphenated",
        ),
        pytest.param(
            "Владивосток. 9 августа. ИНТЕРФАКС-ДАЛЬНИЙ ВОСТОК - Морской порт возобновил работу после шторма. "
            + RU,
            "interfax",
            id="far_east_two_words",
        ),
        pytest.param(
            "Нижний Новгород. 14 февраля. ИНТЕРФАКС-ПОВОЛЖЬЕ - Завод приостановил выпуск автобусов. "
            + RU,
            "interfax",
            id="volga_two_word_city",
        ),
        pytest.param(
            "Москва. 2 октября. ИНТЕРФАКС - Правительство утвердило новые правила субсидирования. "
            + RU,
            "interfax",
            id="moscow_plain",
        ),
        pytest.param(
            "Москва. 2 октября. INTERFAX.RU - Правительство утвердило новые правила субсидирования. "
            + RU,
            "interfax",
            id="site_interfax_ru",
        ),
        pytest.param(
            "Киев. 2 октября. ИНТЕРФАКС-УКРАИНА - Кабинет министров утвердил программу восстановления. "
            + RU,
            "interfax-ukraine",
            id="ukraine_own_company",
        ),
        pytest.param(
            "В Новосибирске открылся новый центр.\n\nНовосибирск. 17 ноября. ИНТЕРФАКС-СИБИРЬ - Открытие нового терминала аэропорта перенесено на весну. "
            + RU,
            "interfax",
            id="carried_paragraph",
        ),
    ],
)
def test_interfax_dateline(body: str, agency: str) -> None:
    assert _credited({"body": body}, agency)


@pytest.mark.parametrize(
    "body",
    [
        # Interfax as the story's subject, not its dateline.
        pytest.param(
            "Москва. 17 ноября. Группа «Интерфакс» объявила о запуске нового сервиса для банков. "
            + RU,
            id="interfax_as_subject",
        ),
        pytest.param(
            "ИНТЕРФАКС-СИБИРЬ отмечает 30 лет работы в регионе, рассказал директор агентства журналистам. "
            + RU,
            id="interfax_anniversary",
        ),
        # A list of results, no prose after the dash.
        pytest.param(
            "Москва. 17 ноября. ИНТЕРФАКС - 71,9%\nОмск. 17 ноября. ИНТЕРФАКС - 65,2%",
            id="list_of_figures",
        ),
        # An item quoted in a story about a dispatch.
        pytest.param(
            "Сообщение агентства начиналось так:\nНовосибирск. 17 ноября. ИНТЕРФАКС-СИБИРЬ - Открытие нового терминала аэропорта перенесено на весну. "
            + RU,
            id="quoted_after_colon",
        ),
        # A region's word in capitals that names no agency.
        pytest.param(
            "Москва. 17 ноября. СИБИРЬ - Открытие нового терминала аэропорта перенесено на весну. "
            + RU,
            id="no_agency",
        ),
    ],
)
def test_interfax_lookalikes(body: str) -> None:
    assert not _credited({"body": body}, "interfax")


# --- "Place, date, AGENCY -": the Ghana News Agency's house dateline --------------------------
@pytest.mark.parametrize(
    "body",
    [
        pytest.param(
            "Kumasi, Nov. 29, GNA - The Komfo Anokye Teaching Hospital has opened a 30-bed dialysis centre in the city. "
            + EN,
            id="kumasi",
        ),
        pytest.param(
            "Accra, Dec. 3, GNA - The Electoral Commission has opened registration centres in all sixteen regions. "
            + EN,
            id="accra",
        ),
        pytest.param(
            "Sekondi-Takoradi, March 14, GNA - Fishermen in the Western Region have called for an end to illegal light fishing. "
            + EN,
            id="hyphenated_place_full_month",
        ),
        pytest.param(
            "Cape Coast, 5 January, GNA - The University of Cape Coast has opened a new library for graduate students. "
            + EN,
            id="day_month",
        ),
        pytest.param(
            "Tamale, Nov. 29, 2026, GNA - The Northern Regional Minister has inaugurated a new water treatment plant. "
            + EN,
            id="with_year",
        ),
        pytest.param(
            "Residents of Kumasi welcomed the news.\n\nKumasi, Nov. 29, GNA - The Komfo Anokye Teaching Hospital has opened a 30-bed dialysis centre in the city. "
            + EN,
            id="carried_paragraph",
        ),
    ],
)
def test_gna_dateline(body: str) -> None:
    assert _credited({"body": body}, "ghana-news-agency")


@pytest.mark.parametrize(
    ("body", "agency"),
    [
        # A Pennsylvania dateline: the state, not PA Media.
        pytest.param(
            "Harrisburg, Nov. 5, PA - The state legislature approved a new transit funding plan for the Commonwealth. "
            + EN,
            "pa-media",
            id="pennsylvania",
        ),
        # A list of party results: no prose after the dash.
        pytest.param(
            "Tripoli, Nov. 29, GNA - 54 per cent\nMisrata, Nov. 29, GNA - 41 per cent",
            "ghana-news-agency",
            id="results_list",
        ),
        # The same shape in running text, not at a paragraph's start.
        pytest.param(
            "Forces loyal to the government said on the radio that Tripoli, Nov. 29, GNA - backed units had moved south, according to witnesses. "
            + EN,
            "ghana-news-agency",
            id="inside_a_sentence",
        ),
        # "GNA-backed": no spaced dash.
        pytest.param(
            "Tripoli, Nov. 29, GNA-backed forces pushed south of the capital on Saturday, officials said. "
            + EN,
            "ghana-news-agency",
            id="gna_backed",
        ),
    ],
)
def test_dated_dateline_lookalikes(body: str, agency: str) -> None:
    assert not _credited({"body": body}, agency)


# --- "— VNA/VNS": an agency's sign-off with the desk or paper after a slash ------------------
@pytest.mark.parametrize(
    ("body", "agency"),
    [
        pytest.param(EN + "\n\n— VNA/VNS", "vna", id="vna_vns"),
        pytest.param(EN + "\n\n- VNA/VNS", "vna", id="hyphen"),
        pytest.param(EN + "\n\n– VNA/VNP", "vna", id="vna_vietnam_plus"),
        pytest.param(EN + "\n\n— AFP/JIJI", "afp", id="afp_jiji"),
        pytest.param(EN + "\n\n— Kyodo/JIJI", "kyodo", id="kyodo_mixed_case_lead"),
    ],
)
def test_slashed_sign_off(body: str, agency: str) -> None:
    assert _credited({"body": body}, agency)


@pytest.mark.parametrize(
    "body",
    [
        # A picture's credit under the story: a caption, then the credit.
        pytest.param(EN + "\n\nFloodwaters in Hue on Saturday. — VNA/VNS", id="caption"),
        pytest.param(EN + "\n\nPhoto: VNA/VNS", id="photo_credit"),
        pytest.param(EN + "\n\n— VNA/VNS Photo", id="photo_after"),
        # Vietnam Airlines' ticker in a story about shares.
        pytest.param(
            "Shares of the national carrier (VNA) rose 3 per cent on Monday. " + EN, id="ticker"
        ),
        # A person's name after the slash: a photographer.
        pytest.param(EN + "\n\n— VNA/Nguyen Van Anh", id="photographer"),
    ],
)
def test_vna_lookalikes(body: str) -> None:
    assert not _credited({"body": body}, "vna")


# --- Finnish --------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("body", "agency"),
    [
        pytest.param(
            FI + "\n\nJuttua on täydennetty STT:n tiedoilla.", "stt", id="supplemented_with_stt"
        ),
        pytest.param(
            FI + "\n\nUutista on päivitetty STT:n tiedoilla.", "stt", id="updated_with_stt"
        ),
        pytest.param(
            "Pohjan Puu aloittaa muutosneuvottelut, kertoo STT. " + FI, "stt", id="kertoo_stt"
        ),
        pytest.param(
            "Yhtiö aikoo vähentää 140 työpaikkaa STT:n mukaan. " + FI, "stt", id="stt_n_mukaan"
        ),
        pytest.param(
            "Uutistoimisto STT:n tietojen mukaan yhtiö aikoo vähentää 140 työpaikkaa. " + FI,
            "stt",
            id="uutistoimisto_stt_tietojen_mukaan",
        ),
        pytest.param(
            "Uutistoimisto Reutersin mukaan yhtiö harkitsee myyntiä. " + FI,
            "reuters",
            id="reutersin_mukaan",
        ),
        pytest.param("AFP:n mukaan mielenosoittajia oli tuhansia. " + FI, "afp", id="afp_n_mukaan"),
        pytest.param(
            "Yhtiö aikoo vähentää työpaikkoja, uutisoi uutistoimisto STT. " + FI,
            "stt",
            id="uutisoi_uutistoimisto",
        ),
        pytest.param(
            "STT kertoi tiistaina, että yhtiö aloittaa neuvottelut. " + FI, "stt", id="stt_kertoi"
        ),
    ],
)
def test_finnish_credits(body: str, agency: str) -> None:
    assert _credited({"body": body}, agency)


@pytest.mark.parametrize(
    "body",
    [
        # Told: the allative.
        pytest.param(
            "Asia selviää vasta ensi viikolla, kertoi toimitusjohtaja STT:lle. " + FI, id="told_stt"
        ),
        # A woman named Petra, Ansa, and "kertoo" attributing anyone's words.
        pytest.param(
            "Tämä on kylän suurin työpaikka, kertoo Petra Laine. " + FI, id="kertoo_petra"
        ),
        pytest.param(
            "Ansan mukaan sahalla on ollut hiljaista koko syksyn. " + FI, id="ansan_mukaan_a_woman"
        ),
        pytest.param("Petran mukaan tilanne on vaikea. " + FI, id="petran_mukaan"),
        # A picture's credit.
        pytest.param(FI + "\n\nKuva: STT-Lehtikuva / Heikki Saukkomaa", id="photo_credit"),
    ],
)
def test_finnish_lookalikes(body: str) -> None:
    assert _not_counted({"body": body})


def test_finnish_stt_denied_in_quotation_is_for_review() -> None:
    body = "”En koskaan kertonut tätä, vaikka STT:n mukaan niin tein”, hän sanoi. " + FI
    assert _not_counted({"body": body})


# --- Romanian --------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("body", "agency"),
    [
        pytest.param(
            "Cei care conduc trotineta după ce au consumat alcool riscă amenzi de 3.000 de lei, relatează Moldpres. "
            + RO,
            "moldpres",
            id="relateaza_moldpres",
        ),
        pytest.param(
            "Proiectul a fost votat de 58 de deputați, potrivit agenției MOLDPRES. " + RO,
            "moldpres",
            id="potrivit_agentiei",
        ),
        pytest.param(
            "Guvernul a aprobat bugetul, anunță agenția de presă Agerpres. " + RO,
            "agerpres",
            id="anunta_agentia_de_presa",
        ),
        pytest.param(
            "Guvernul a aprobat bugetul, conform agenției Agerpres. " + RO,
            "agerpres",
            id="conform_agentiei",
        ),
        pytest.param(
            "Guvernul a aprobat bugetul, relatează Agerpres. " + RO,
            "agerpres",
            id="relateaza_agerpres",
        ),
        pytest.param(
            "Ministrul, citat de Agerpres, a spus că bugetul va fi aprobat. " + RO,
            "agerpres",
            id="citat_de",
        ),
    ],
)
def test_romanian_credits(body: str, agency: str) -> None:
    assert _credited({"body": body}, agency)


@pytest.mark.parametrize(
    "body",
    [
        # "relatează" attributes anyone's words: a woman named Petra.
        pytest.param(
            "Am stat două săptămâni cu mâna în ghips, relatează Petra Rusu, 67 de ani. " + RO,
            id="relateaza_a_person",
        ),
        pytest.param(
            "Am stat două săptămâni cu mâna în ghips, relatează Valentina Rusu. " + RO,
            id="relateaza_a_person_not_in_table",
        ),
        # The agency as the story's subject.
        pytest.param(
            "Agenția MOLDPRES a împlinit 30 de ani, iar angajații au primit diplome. " + RO,
            id="agency_as_subject",
        ),
    ],
)
def test_romanian_lookalikes(body: str) -> None:
    assert _not_counted({"body": body})


# --- Spanish ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "body",
    [
        pytest.param(
            "Cerca de 1.800 viajeros no pudieron salir de la zona, consignó la agencia estatal Andina. "
            + ES,
            id="consigno_estatal",
        ),
        pytest.param(
            "Unos 1.800 pasajeros quedaron varados, informó la agencia Andina citando al COER. "
            + ES,
            id="informo_la_agencia",
        ),
        pytest.param(
            "Según la agencia peruana de noticias Andina, el tramo quedó bloqueado. " + ES,
            id="segun_peruana_de_noticias",
        ),
        pytest.param(
            "El tramo quedó bloqueado, difundió la agencia oficial Andina. " + ES,
            id="difundio_oficial",
        ),
        pytest.param("El tramo quedó bloqueado, precisó la agencia Andina. " + ES, id="preciso"),
    ],
)
def test_spanish_credits(body: str) -> None:
    assert _credited({"body": body}, "andina")


@pytest.mark.parametrize(
    "body",
    [
        pytest.param(
            "El deslizamiento afectó a varias comunidades de la cordillera andina, señaló el alcalde. "
            + ES,
            id="cordillera_andina",
        ),
        pytest.param(
            "Los turistas compraron sus boletos, informó la agencia de viajes Andina Tours. " + ES,
            id="travel_agency",
        ),
        pytest.param(
            "El financiamiento fue aprobado, informó la Corporación Andina de Fomento. " + ES,
            id="corporacion_andina",
        ),
        pytest.param(
            "El alcalde informó a la agencia Andina que el tramo será reabierto. " + ES,
            id="told_the_agency",
        ),
        pytest.param(
            "El puente quedó dañado, indicó Petra Quispe, vecina del lugar. " + ES, id="a_person"
        ),
    ],
)
def test_spanish_lookalikes(body: str) -> None:
    assert not _credited({"body": body}, "andina")


# --- Portuguese ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("body", "agency"),
    [
        pytest.param(
            "A província registou 312 casos de cólera e nove óbitos, refere a Agência Angola Press. "
            + PT,
            "angop",
            id="refere_full_name",
        ),
        pytest.param(
            "A província registou 312 casos de cólera, avança a Angop. " + PT,
            "angop",
            id="avanca_angop",
        ),
        pytest.param(
            "O governo aprovou o orçamento, adiantou a agência Lusa. " + PT,
            "lusa",
            id="adiantou_agencia_lusa",
        ),
        pytest.param(
            "O governo aprovou o orçamento, noticia a Lusa. " + PT, "lusa", id="noticia_lusa"
        ),
        pytest.param(
            "Segundo a ANGOP, a campanha começa na segunda-feira. " + PT,
            "angop",
            id="segundo_capitals",
        ),
        pytest.param(PT + "\n\nFonte: ANGOP", "angop", id="fonte"),
    ],
)
def test_portuguese_credits(body: str, agency: str) -> None:
    assert _credited({"body": body}, agency)


@pytest.mark.parametrize(
    "body",
    [
        pytest.param(
            "O ministro disse à Lusa que a campanha começa na segunda-feira. " + PT, id="told_lusa"
        ),
        pytest.param(
            "Não quero passar por isso outra vez, refere a Petra, vendedora do mercado. " + PT,
            id="refere_a_person",
        ),
    ],
)
def test_portuguese_lookalikes(body: str) -> None:
    assert _not_counted({"body": body})


# --- English: "told news agency PTI" and an agency's full name with its short name ----------
@pytest.mark.parametrize(
    ("body", "agency"),
    [
        pytest.param(
            EN
            + "\n\nA senior official of the corporation told news agency PTI that the order would be examined.",
            "pti",
            id="told_news_agency_pti",
        ),
        pytest.param(
            EN + "\n\nThe home minister told news agency ANI that more forces would be sent.",
            "ani",
            id="told_news_agency_ani",
        ),
        pytest.param(
            EN + "\n\nThe Jordan News Agency (Petra) contributed to this report.",
            "petra",
            id="petra_contributed",
        ),
        pytest.param(
            EN + "\n\nWater authorities closed 38 wells, the Jordan News Agency, Petra, reported.",
            "petra",
            id="petra_commas",
        ),
        pytest.param(
            EN + "\n\nThe Syrian Arab News Agency (SANA) reported that the road had reopened.",
            "sana",
            id="sana",
        ),
        pytest.param(
            EN + "\n\nThe Vietnam News Agency (VNA) reported that 6,200 houses were flooded.",
            "vna",
            id="vna_full",
        ),
    ],
)
def test_english_credits(body: str, agency: str) -> None:
    assert _credited({"body": body}, agency)


@pytest.mark.parametrize(
    "body",
    [
        # A speaker's quotation, a denial, an earlier interview.
        pytest.param(
            EN
            + '\n\n"I never told news agency PTI that the order would be challenged," the commissioner said.',
            id="quotation_denying",
        ),
        pytest.param(
            EN
            + "\n\nThe commissioner denied that he had told news agency PTI that the order would be challenged.",
            id="denial",
        ),
        pytest.param(
            EN
            + "\n\nThe commissioner told news agency PTI last year that the drains would be fixed.",
            id="earlier",
        ),
        # With an article or an adjective: an independent report naming the agency a minister
        # also spoke to (held-out 3, h3018-4), read as "told Reuters" is.
        pytest.param(
            EN + "\n\nThe minister told the state news agency KUNA that fees would rise.",
            id="told_the_state_news_agency",
        ),
        pytest.param(
            EN + "\n\nA witness told the AFP news agency that soldiers had fired into the air.",
            id="told_the_afp_news_agency",
        ),
        # A person named Petra.
        pytest.param(
            EN + "\n\nThe volunteer, Petra, said the wells had run dry.", id="a_person_petra"
        ),
        pytest.param(
            EN + "\n\nPetra reported the leak to the ministry on Monday.", id="petra_reported"
        ),
        # An abbreviation of no agency.
        pytest.param(
            EN + "\n\nThe Islamic Society of North America (ISNA) reported a rise in donations.",
            id="isna_society",
        ),
    ],
)
def test_english_lookalikes(body: str) -> None:
    assert _not_counted({"body": body})


# --- A stored agency's full name from its outlet name -----------------------------------------
def test_outlet_keys_take_the_parts_of_an_agency_name() -> None:
    outlet = Outlet(
        id=1, slug="angola-press", name="ANGOP - Agência Angola Press", kind=OutletKind.wire_agency
    )
    keys = outlet_keys(outlet)
    assert {"angop", "agência angola press"} <= keys
    jna = Outlet(id=2, slug="jna", name="Jordan News Agency (PETRA)", kind=OutletKind.wire_agency)
    assert {"jordan news agency", "petra"} <= outlet_keys(jna)
    # A single word in mixed case after a dash is a desk or a section, no name of the agency.
    desk = Outlet(id=4, slug="wire-x", name="Wire X News - Health", kind=OutletKind.wire_agency)
    assert "health" not in outlet_keys(desk)


@pytest.mark.parametrize(
    "name",
    ["Reuters - World News", "AFP (UK)", "EFE - Noticias de América"],
)
def test_outlet_keys_take_no_desk_nor_edition_of_an_agency(name: str) -> None:
    """A feed's title makes an outlet's name: "Reuters - World News" is a desk and "AFP (UK)"
    an edition; neither part names the agency, so "World News reported" or a "(UK)" in a
    dateline credits nobody."""
    outlet = Outlet(id=5, slug="wire-y", name=name, kind=OutletKind.wire_agency)
    keys = outlet_keys(outlet)
    assert not {"world news", "uk", "usa", "noticias de américa"} & keys, keys


def test_outlet_keys_do_not_split_a_papers_name() -> None:
    paper = Outlet(id=3, slug="times-london", name="The Times - London", kind=OutletKind.newspaper)
    assert "london" not in outlet_keys(paper)
