# ruff: noqa: E501
"""Credits, pass 10 (docs/matching.md, "Credits, pass 10"): the wrong and missed readings the
reviews of passes 8 and 9 left, each as a press convention, with the look-alikes each new
reading must refuse and the true credits beside them that must stay.

- capitals Spanish, Portuguese, Romanian and Italian news give their own public bodies
  ("Segundo a ANP", "Según la agencia ANI") credit only with the words for a news agency;
- a person's affiliation in brackets near the top ("Anna Verdi (ANSA).") is no dateline;
- German reports dated before the story ("Wie Reuters 2019 berichtete") are for review;
- "© Agence France-Presse" under a caption in the past tense is the picture's;
- "AA" is Anadolu only in its house forms, Turkish, or after the word for agency;
- an edition's capitals beside an agency's full name ("Agence X (USA)") name no agency;
- Interfax's dateline without its date, the GNA's with the place in capitals;
- agencies listed in brackets closing the last sentence ("(AP, AFP)"): a joint credit;
- "after ProPublica found …": a finding the story follows up, for review only."""

import pytest
from fastapi.testclient import TestClient

from app.core import agencies
from app.ingest.credits import credited
from app.ingest.credits.outlets import outlet_keys
from app.ingest.credits.reading import credits
from app.tables import Outlet
from app.tables import OutletKind
from tests.ingest.credit_support import credited_origin
from tests.ingest.test_credit_pass8 import ES
from tests.ingest.test_credit_pass8 import FI
from tests.ingest.test_credit_pass8 import PT
from tests.ingest.test_credit_pass8 import RO
from tests.ingest.test_credit_pass8 import RU
from tests.ingest.test_credit_shapes import decided

BAR = 0.7
IT = (
    "Le autorità locali hanno confermato che i lavori proseguiranno per tutta la settimana e "
    "che i residenti potranno chiedere un rimborso. "
) * 2
DE = (
    "Die Gewerkschaft kündigte Widerstand an und will mit dem Vorstand über einen Sozialplan "
    "verhandeln. Die Beschäftigten sollen am Freitag informiert werden. "
) * 2
EN = (
    "Officials said more details would be released later in the week, and that the figures "
    "were in line with what analysts had expected going into the announcement. "
) * 2
LEAD = "The French government said on Monday it would raise fuel taxes next year to fund the energy transition."


def _credited(body: str, agency: str) -> bool:
    got = decided(body=body)
    return got is not None and got[0] == agency and got[1] >= BAR


def _not_counted(body: str) -> bool:
    got = decided(body=body)
    return got is None or got[1] < BAR


# --- Capitals Romance news gives its own bodies ----------------------------------------------
@pytest.mark.parametrize(
    "body",
    [
        # Brazil's oil regulator (Agência Nacional do Petróleo), not the Dutch ANP.
        pytest.param(
            "O preço do diesel subiu 3% em novembro. Segundo a ANP, o litro ficou mais caro em todos os estados. "
            + PT,
            id="pt_segundo_a_anp",
        ),
        pytest.param(
            "A produção de petróleo cresceu 5% em outubro, informou a ANP nesta segunda-feira. "
            + PT,
            id="pt_informou_a_anp",
        ),
        pytest.param(
            "De acordo com a ANP, o leilão do pré-sal será em março. " + PT,
            id="pt_de_acordo_com_anp",
        ),
        # Brazil's farm confederation (CNA), Portugal's environment agency (APA).
        pytest.param(
            "Segundo a CNA, a safra de soja deve crescer 8%. " + PT, id="pt_segundo_a_cna"
        ),
        pytest.param(
            "Segundo a APA, o caudal do Tejo baixou para mínimos. " + PT, id="pt_segundo_a_apa"
        ),
        # Colombia's infrastructure agency (ANI), not India's ANI.
        pytest.param(
            "La obra se retrasó. Según la agencia ANI, la concesión vial se adjudicará en marzo. "
            + ES,
            id="es_segun_la_agencia_ani",
        ),
        pytest.param(
            "Según la ANI, la vía al Llano seguirá cerrada hasta el lunes. " + ES,
            id="es_segun_la_ani",
        ),
        # The Palestinian National Authority, in Spanish and Italian.
        pytest.param(
            "La ANP informó que las negociaciones continuarán la próxima semana en El Cairo. " + ES,
            id="es_la_anp_informo",
        ),
        pytest.param(
            "Il negoziato riprenderà la prossima settimana, secondo l'ANP. " + IT,
            id="it_secondo_l_anp",
        ),
        pytest.param(
            "Il negoziato riprenderà al Cairo, riferisce l'ANP. " + IT, id="it_riferisce_l_anp"
        ),
        # Romania's prison service (ANP), after credits.languages' Romanian verbs.
        pytest.param(
            "Deținutul a fost transferat la Jilava, informează ANP. " + RO, id="ro_informeaza_anp"
        ),
        pytest.param(
            "Fostul director este incompatibil, potrivit ANI. " + RO, id="ro_potrivit_ani"
        ),
    ],
)
def test_a_romance_body_in_capitals_is_no_agency(body: str) -> None:
    assert _not_counted(body)


@pytest.mark.parametrize(
    ("body", "agency"),
    [
        pytest.param(
            "Het kabinet wil de belasting verhogen, meldt het ANP. De maatregel gaat in januari in.",
            "anp",
            id="nl_meldt_het_anp",
        ),
        pytest.param(
            "Het kabinet wil de belasting verhogen, volgens het ANP. De maatregel gaat in januari in.",
            "anp",
            id="nl_volgens_het_anp",
        ),
        pytest.param(
            "El gobierno neerlandés subirá los impuestos, según la agencia de noticias ANP. " + ES,
            "anp",
            id="es_agencia_de_noticias_anp",
        ),
        pytest.param(
            "O governo neerlandês vai subir os impostos, segundo a agência noticiosa ANP. " + PT,
            "anp",
            id="pt_agencia_noticiosa_anp",
        ),
        pytest.param(
            "La economía india creció un 7%, según la agencia de noticias ANI. " + ES,
            "ani",
            id="es_agencia_de_noticias_ani",
        ),
        pytest.param(
            "Il governo olandese alzerà le tasse, secondo l'agenzia di stampa ANP. " + IT,
            "anp",
            id="it_agenzia_di_stampa_anp",
        ),
        # Italy's own AGI (of agencies.AMBIGUOUS) after Italian verbs.
        pytest.param(
            "Il sindaco ha firmato l'ordinanza, riferisce l'Agi. " + IT,
            "agi",
            id="it_riferisce_l_agi",
        ),
        pytest.param(
            "Il sindaco ha firmato l'ordinanza, riporta l'AGI. " + IT, "agi", id="it_riporta_l_agi"
        ),
        # French is not among these languages: the Maghreb's press credits MAP so.
        pytest.param(
            "Le gouvernement a annoncé de nouvelles mesures, selon la MAP. Les autorités ont confirmé la fermeture de la route.",
            "maghreb-arabe-presse",
            id="fr_selon_la_map",
        ),
        # Capitals of agencies.AMBIGUOUS that are no body of these countries' own stay credits.
        pytest.param("El régimen lanzó dos misiles, según KCNA. " + ES, "kcna", id="es_segun_kcna"),
        pytest.param(
            "O governo sírio anunciou novas medidas, segundo a SANA. " + PT,
            "sana",
            id="pt_segundo_a_sana",
        ),
        pytest.param(
            "El gobierno sirio anunció nuevas medidas, según la agencia SANA. " + ES,
            "sana",
            id="es_segun_la_agencia_sana",
        ),
        # In Italian only the Palestinian ANP: "l'APA" is Austria's agency.
        pytest.param(
            "Il governo austriaco alzerà le tasse, secondo l'APA. " + IT,
            "apa",
            id="it_secondo_l_apa",
        ),
        pytest.param("El Gobierno aprobó el decreto, según EFE. " + ES, "efe", id="es_segun_efe"),
        pytest.param(
            "O governo aprovou o decreto, segundo a Lusa. " + PT, "lusa", id="pt_segundo_a_lusa"
        ),
        pytest.param(
            "Guvernul a aprobat bugetul, potrivit Agerpres. " + RO,
            "agerpres",
            id="ro_potrivit_agerpres",
        ),
    ],
)
def test_the_agencies_are_still_credited(body: str, agency: str) -> None:
    assert _credited(body, agency)


# --- A person's affiliation in brackets near the top ---------------------------------------
@pytest.mark.parametrize(
    "body",
    [
        "ROMA - Il concerto si terrà sabato. Anna Verdi (ANSA).\n\n" + IT,
        "Relatori: Marco Rossi (Corriere), Anna Verdi (ANSA).\n\n" + IT,
        "Il convegno si è aperto con gli interventi di Marco Rossi, Anna Verdi (ANSA), e Luca Bianchi.\n\n"
        + IT,
        "Speakers included John Smith (Reuters), Jane Doe (AP) and a government spokesman.\n\n"
        + EN,
        "The panel was moderated by Jane Doe (AFP).\n\n" + EN,
        "At the briefing, reporter Jane Doe (Reuters) asked about the cost of the project.\n\n"
        + EN,
        "Bei der Pressekonferenz fragte Reporterin Jana Weber (dpa) nach den Kosten.\n\n" + DE,
        "The award went to two photographers, Ana Lopez (EFE) and Tom Berg (AP), for their flood coverage.\n\n"
        + EN,
        "Moderó la mesa la periodista Lucía Pérez (EFE), y participaron tres alcaldes.\n\n" + ES,
        "A nota foi assinada por João Silva (Lusa); outros jornais não a publicaram.\n\n" + PT,
    ],
)
def test_a_persons_affiliation_is_no_dateline(body: str) -> None:
    assert _not_counted(body)


@pytest.mark.parametrize(
    ("body", "agency"),
    [
        (
            "Cusco, nov. 19 (ANDINA). Un huaico de gran magnitud afectó varias viviendas del distrito, informaron las autoridades. "
            + ES,
            "andina",
        ),
        (
            "Kuala Lumpur (Bernama). The government will raise the minimum wage next year, the minister said. "
            + EN,
            "bernama",
        ),
        (
            "Rio de Janeiro (Agência Brasil). O governo anunciou novas medidas para o setor elétrico. "
            + PT,
            "agencia-brasil",
        ),
        (
            "Frankfurt am Main (dpa). Die Bundesregierung will das Gesetz noch vor der Sommerpause beschließen. "
            + DE,
            "dpa",
        ),
        (
            "Valencia, 6 dic (EFE).- Una fuerte granizada causó daños en los cultivos de la comarca. "
            + ES,
            "efe",
        ),
        ("By Anna Verdi (ANSA)\n" + IT, "ansa"),
        (
            "ROMA (ANSA) - Il sindaco ha detto che tutto è pronto per l'evento in piazza. " + IT,
            "ansa",
        ),
        (
            "Rome, Dec 5 (ANSA). The mayor said everything was ready for the event in the square. "
            + EN,
            "ansa",
        ),
        (
            "Berlin (dpa) - Die Bundesregierung will das Gesetz noch vor der Sommerpause beschließen. "
            + DE,
            "dpa",
        ),
    ],
)
def test_a_dateline_bracket_still_credits(body: str, agency: str) -> None:
    assert _credited(body, agency)


# --- German reports dated before the story --------------------------------------------------
@pytest.mark.parametrize(
    "sentence",
    [
        "Der Konzern hatte schon früher Probleme. Wie Reuters 2019 berichtete, wurden damals 300 Stellen gestrichen.",
        "Wie die Nachrichtenagentur Reuters 2019 berichtete, wurden 300 Stellen gestrichen.",
        "Das berichtete die Nachrichtenagentur Reuters bereits im vergangenen Jahr.",
        "Wie Reuters vor zwei Jahren berichtete, wurden 300 Stellen gestrichen.",
        "Wie dpa damals meldete, wurden 300 Stellen gestrichen.",
        "Wie Reuters im März berichtete, wurden 300 Stellen gestrichen.",
        "Wie die Agentur Reuters im Jahr 2019 berichtete, wurden 300 Stellen gestrichen.",
        "Wie dpa bereits 2019 meldete, wurden 300 Stellen gestrichen.",
        "Reuters berichtete im vergangenen Jahr, dass 300 Stellen wegfallen.",
        "Das meldete dpa schon vor drei Jahren.",
    ],
)
def test_a_german_report_dated_earlier_is_for_review(sentence: str) -> None:
    body = sentence + " " + DE
    assert _not_counted(body)
    assert any(credit.background for credit in credits(author=None, body=body))


@pytest.mark.parametrize(
    ("sentence", "agency"),
    [
        ("Wie Reuters am Montag berichtete, sollen 300 Stellen gestrichen werden.", "reuters"),
        (
            "Wie die Nachrichtenagentur dpa unter Berufung auf Regierungskreise berichtete, soll das Gesetz kommen.",
            "dpa",
        ),
        (
            "Die Regierung will das Gesetz im Januar beschließen, berichtete die Nachrichtenagentur Reuters am Montag.",
            "reuters",
        ),
        ("Laut Reuters soll das Gesetz 2027 in Kraft treten.", "reuters"),
        ("Der Konzern will bis 2027 sparen, berichtete Reuters.", "reuters"),
        (
            "Wie Reuters über den Haushalt 2027 berichtete, sollen 300 Stellen gestrichen werden.",
            "reuters",
        ),
    ],
)
def test_a_german_credit_of_the_day_stays(sentence: str, agency: str) -> None:
    assert _credited(sentence + " " + DE, agency)


# --- A copyright line under a caption in the past tense ------------------------------------
STORY = "The river burst its banks overnight and the water reached the first floors of the houses in the old town, officials said."


@pytest.mark.parametrize(
    "caption",
    [
        "Rescuers searched the rubble in Karangsari after the landslide buried homes on Saturday.\n© Agence France-Presse",
        "Rescuers searched the rubble in Karangsari after the landslide buried homes on Saturday.\n\n© Agence France-Presse",
        "Residents waded through floodwater in Jakarta on Monday.\n\n© Agence France-Presse",
        "Firefighters battled the blaze outside Athens on Tuesday.\n\n© The Associated Press",
        "Soldiers cleared debris along the coastal road near Derna on Sept. 12.\n© Agence France-Presse",
    ],
)
def test_a_copyright_under_a_past_tense_caption_is_the_pictures(caption: str) -> None:
    assert _not_counted(f"{STORY}\n\n{caption}")


@pytest.mark.parametrize(
    "last",
    [
        "Rescue teams said they would resume the search in Karangsari on Sunday morning if the rain stopped.",
        "Kenya has seen repeated protests over tax increases since 2024, some of them deadly.",
        '"We have lost everything," said Siti Aminah, 54, in Karangsari on Saturday.',
        "La Métropole de Lyon a indiqué qu'un expert indépendant remettrait ses premières conclusions d'ici au 18 décembre.",
        "The landslide struck Karangsari village before dawn, burying 31 houses under mud and rocks, a spokesman said.",
    ],
)
def test_the_agencys_copyright_after_prose_still_credits(last: str) -> None:
    assert _credited(f"{STORY}\n\n{last}\n\n© Agence France-Presse", "afp")


# --- "AA": Anadolu only in its house forms, Turkish, or after the word for agency -------------
@pytest.mark.parametrize(
    "body",
    [
        # Alcoholics Anonymous in Finnish, the Foreign Office (Auswärtiges Amt) in German.
        "Ryhmä kokoontuu viikoittain kirkon kellarissa. AA:n mukaan jäseniä on Suomessa tuhansia. "
        + FI,
        "Tukiryhmiä on nyt joka kaupungissa, kertoo AA. " + FI,
        "Die Reisewarnung bleibt bestehen, laut AA ist die Lage weiter angespannt. " + DE,
        "Die Reisewarnung bleibt bestehen, berichtet AA auf seiner Internetseite. " + DE,
        "O sismo atingiu a Turquia, segundo a AA. " + PT,
        "El terremoto sacudió Turquía, según AA. " + ES,
    ],
)
def test_aa_outside_its_house_forms_is_no_credit(body: str) -> None:
    assert _not_counted(body)


@pytest.mark.parametrize(
    "body",
    [
        "Maanjäristys ravisteli Itä-Turkkia. Turkkilaisen uutistoimisto AA:n mukaan kuolonuhreja ei ole. "
        + FI,
        "Maanjäristys ravisteli Itä-Turkkia. Uutistoimisto Anadolun mukaan kuolonuhreja ei ole. "
        + FI,
        "Deprem Malatya'da hissedildi. AA muhabirinin edindiği bilgiye göre can kaybı yok. Yetkililer çalışmaların sürdüğünü açıkladı.",
        "ANKARA (AA) - A magnitude 5.4 earthquake struck eastern Turkey on Monday, the disaster agency said. "
        + EN,
    ],
)
def test_anadolu_is_still_credited(body: str) -> None:
    assert _credited(body, "anadolu")


# --- An edition's capitals beside an agency's full name -------------------------------------
@pytest.mark.parametrize(
    ("name", "gives", "refuses"),
    [
        ("Agence France-Presse (USA)", {"Agence France-Presse"}, "USA"),
        ("Agence X (USA)", {"Agence X"}, "USA"),
        ("Agencia EFE (LATAM)", {"Agencia EFE"}, "LATAM"),
        ("Xinhua News Agency (ENG)", {"Xinhua News Agency"}, "ENG"),
        ("Prensa Latina (ESP)", {"Prensa Latina"}, "ESP"),
        ("Associated Press (APA)", {"Associated Press"}, "APA"),
        ("Agencia Andina - EEUU", {"Agencia Andina"}, "EEUU"),
        ("ANGOP - Agência Angola Press", {"Agência Angola Press", "ANGOP"}, None),
        ("Jordan News Agency (PETRA)", {"Jordan News Agency", "PETRA"}, None),
        ("Emirates News Agency (WAM)", {"Emirates News Agency", "WAM"}, None),
        ("PAP - Polish Press Agency", {"Polish Press Agency", "PAP"}, None),
        ("ČTK - Czech News Agency", {"Czech News Agency", "ČTK"}, None),
        ("Agence Ivoirienne de Presse (AIP)", {"Agence Ivoirienne de Presse", "AIP"}, None),
    ],
)
def test_an_editions_capitals_are_no_name(name: str, gives: set[str], refuses: str | None) -> None:
    assert agencies.compound_names(name) == gives
    if refuses is not None:
        outlet = Outlet(id=1, slug="wire-x", name=name, kind=OutletKind.wire_agency)
        assert refuses.lower() not in outlet_keys(outlet)


# --- Interfax without its date; the GNA with the place in capitals ---------------------------
@pytest.mark.parametrize(
    ("body", "agency"),
    [
        (
            "МОСКВА. ИНТЕРФАКС - Правительство России утвердило новые правила для перевозчиков. "
            + RU,
            "interfax",
        ),
        (
            "Москва. ИНТЕРФАКС - Правительство России утвердило новые правила для перевозчиков. "
            + RU,
            "interfax",
        ),
        (
            "НОВОСИБИРСК. ИНТЕРФАКС-СИБИРЬ - Открытие нового терминала аэропорта перенесено на весну. "
            + RU,
            "interfax",
        ),
        (
            "Moscow. INTERFAX - The Russian government approved new rules for carriers on Monday. "
            + EN,
            "interfax",
        ),
        (
            "Региональные новости.\n\nКраснодар. ИНТЕРФАКС-ЮГ - Власти края ввели режим повышенной готовности из-за ливней. "
            + RU,
            "interfax",
        ),
        (
            "KUMASI, GNA - The Ashanti Regional Minister has urged farmers to register for the new fertiliser programme. "
            + EN,
            "ghana-news-agency",
        ),
        (
            "ACCRA, Dec. 3, GNA - The Ashanti Regional Minister has urged farmers to register for the new programme. "
            + EN,
            "ghana-news-agency",
        ),
        (
            "ACCRA, 3 December, GNA - The Ashanti Regional Minister has urged farmers to register for the new programme. "
            + EN,
            "ghana-news-agency",
        ),
    ],
)
def test_house_datelines_without_a_date(body: str, agency: str) -> None:
    assert _credited(body, agency)


@pytest.mark.parametrize(
    "body",
    [
        "Главное за день. ИНТЕРФАКС - ведущее информационное агентство страны, сообщили в компании. "
        + RU,
        "Россия. ЦБ - Центральный банк повысил ключевую ставку до 21%, сообщили в пресс-службе. "
        + RU,
        "Источники: ИНТЕРФАКС - Правительство России утвердило новые правила для перевозчиков. "
        + RU,
        "Газета писала о компании:\nМосква. ИНТЕРФАКС - Правительство России утвердило новые правила. "
        + RU,
        "Цитируемость СМИ за неделю:\nМосква. ИНТЕРФАКС - 12, ТАСС - 8, РИА Новости - 5\n" + RU,
        "HARRISBURG, PA - The Pennsylvania governor has urged farmers to register for the new programme. "
        + EN,
        "TRIPOLI, GNA-backed forces said on Monday they had retaken the airport road. " + EN,
    ],
)
def test_house_dateline_look_alikes(body: str) -> None:
    assert _not_counted(body)


# --- Agencies listed in brackets closing the last sentence ----------------------------------
@pytest.mark.parametrize(
    ("closing", "lead", "joint"),
    [
        (
            f"{LEAD}\n\nOpposition parties said they would vote against the budget in parliament. (AP, AFP)",
            "ap",
            "afp",
        ),
        (f"{LEAD} (Reuters, AFP)", "reuters", "afp"),
        (f"{LEAD} (AFP, dpa)", "afp", "dpa"),
        (f"{LEAD}\n\nAFP, Reuters", "afp", "reuters"),
        (f"{LEAD} (Reuters/AFP)", "reuters", "afp"),
    ],
)
def test_a_joint_closing_bracket(closing: str, lead: str, joint: str) -> None:
    found = credits(author=None, body=closing)
    agencies_named = {credit.key: credit for credit in found}
    assert _credited(closing, lead)
    joint_credit = next(c for c in found if agencies.by_key(c.key) is agencies.by_key(joint))
    assert joint_credit.joint
    assert len(agencies_named) >= 2
    resolved = []
    for number, credit in enumerate(found, 1):
        agency = agencies.by_key(credit.key)
        if agency is not None:
            outlet = Outlet(
                id=number, slug=agency.slug, name=agency.name, kind=OutletKind.wire_agency
            )
            resolved.append((credit, outlet))
    decision = credited.decide(resolved)
    assert decision is not None
    assert "also credits" in decision.reason
    assert "same credit" in decision.reason


@pytest.mark.parametrize(
    "closing",
    [
        f"{LEAD}\n\nSmoke rises in Gaza City on Monday. (AP, AFP)",  # a caption's credit
        f"{LEAD} (Reuters, File)",
        f"{LEAD} (Jane Doe, AFP)",
        f"{LEAD[:-1]}, officials said (Reuters, AFP).",
        f"{LEAD} I read it in AFP, Reuters and the BBC.",
        f"{LEAD} (Map, Sana)",
        f"{LEAD} (Reuters, Ipsos, AP)",
        f"{LEAD} (AP, Reuters and the BBC)",
    ],
)
def test_joint_closing_look_alikes(closing: str) -> None:
    assert _not_counted(closing)


# --- "after ProPublica found …": a finding followed up, for review ---------------------------
NEWSROOMS = {
    "propublica": ("ProPublica", "propublica.org"),
    "the-hill": ("The Hill", "thehill.com"),
}


def _credited_with_newsrooms(client: TestClient, body: str) -> tuple[str, float] | None:
    return credited_origin(
        client,
        body,
        stored=NEWSROOMS,
        title="Senator plans nursing home backlog bill",
        claim="A state senator plans a bill on the nursing home complaint backlog.",
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "State Sen. Lorraine Whitcomb plans to introduce a bill, after ProPublica found over 4,300 complaints were investigated late.",
        "The department changed its rules after a ProPublica investigation found inspectors were months behind.",
        "Lawmakers called hearings following a ProPublica analysis that showed the backlog had doubled.",
        "The agency has hired 40 inspectors since ProPublica revealed the delays.",
    ],
)
def test_a_finding_followed_up_is_for_review(client: TestClient, sentence: str) -> None:
    body = f"{sentence}\n\nThe Lancaster Republican said families should not have to guess whether inspectors will come."
    got = _credited_with_newsrooms(client, body)
    assert got is None or got[1] < BAR
    assert [c.key for c in credits(author=None, body=body) if c.background] != []


@pytest.mark.parametrize(
    "sentence",
    [
        "ProPublica found over 4,300 complaints were investigated late.",  # no frame read
        "The review found that inspectors were months behind.",  # no name
        "After the hearing, Smith found the records had been altered.",  # no outlet
        "A 2023 ProPublica investigation examined staffing at for-profit chains.",
    ],
)
def test_other_findings_credit_nobody(client: TestClient, sentence: str) -> None:
    body = f"{sentence}\n\nThe Lancaster Republican said families should not have to guess whether inspectors will come."
    got = _credited_with_newsrooms(client, body)
    assert got is None or got[1] < BAR
