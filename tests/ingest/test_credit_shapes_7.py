# ruff: noqa: E501, RUF002  (a table of articles in many scripts, one a line)
"""A seventh pass on credits: the forms the fifth held-out set missed (docs/matching.md, "A fifth
held-out set"), and the sixth pass's leftovers, each as the convention of a press or of agency
datelines, with the look-alikes the rule must not take for a credit.

- Slovene and Hungarian: the closing line "Vir: STA", "Forrás: MTI" (and Croatian "Izvor:");
  "Kot je poročala STA", "po poročanju STA", "navaja STA"; "az MTI értesülése szerint",
  "közölte az MTI"; "az MTI-nek nyilatkozta" is told (for review).
- A byline that is an agency's name alone, in the case running text writes it ("Hina").
- A credit line saying the story was written from an agency's reports.
- House datelines in capitals without brackets ("ALMATY. KAZINFORM – ", "YEREVAN, DECEMBER 3,
  ARMENPRESS. "), at the start or starting a paragraph in a local story.
- The agency in brackets after a paragraph's opening words ("Alexandria governorate (MENA)
  evacuated"), and an agency's lower-case code closing a paragraph ("... sammeln. (sda)").
- "The PNA reported that": capitals English news uses for no other reporting body.
- Leftovers: Czech "Uvedla to agentura Reuters", "pro agenturu Reuters" (told), Croatian
  "rekao je Hini" (told), Serbian Cyrillic "Хина", a last line with a date ("AFP, Paris, 5
  March") or a reporter before the agency ("Jane Smith, Reuters, Berlin").
"""

from typing import Any

import pytest

from tests.ingest.test_credit_shapes import BAR
from tests.ingest.test_credit_shapes import decided
from tests.ingest.test_credit_shapes_4 import STORY
from tests.ingest.test_credit_shapes_5 import TOLD

SL = "Mestni svet je v torek potrdil odlok o brezplačnem prevozu za dijake in študente. Ukrep bo letno stal okoli 1,9 milijona evrov."
HU = "Hétfő hajnalban tűz ütött ki egy debreceni logisztikai központ raktárában. A lángok mintegy négyezer négyzetméteren pusztítottak."
HR = "Županijski sud u Splitu osudio je bivšeg ravnatelja marine na tri i pol godine zatvora. Presuda nije pravomoćna."
CS = "Schodek má dosáhnout 230 miliard korun. Opozice návrh kritizuje."
LOCAL = 'Residents gathered outside the school on Wednesday evening, many of them carrying bags and blankets. "We left with the children and the papers," said one mother of three.\n\nVolunteers from a local charity brought hot meals, and the headmaster said classes would move to the afternoon shift at a nearby school.\n\n'
WIRE = "The government on Thursday approved a decision limiting the release of water from the lake for irrigation to 170 million cubic metres next year."
TAIL = "\n\nThe village council said it would ask the ministry to include the eastern shore in next year's clean-up of the shore."
DE_LOCAL = 'Wer an der Hochbergerstrasse wohnt, kennt das Geräusch der Kräne am frühen Morgen, und dann geht es weiter bis in den Abend.\n\n"Niemand hat uns gefragt, was doppelt so viele Container für uns bedeuten", sagt eine Anwohnerin, die seit 1989 im Quartier lebt.\n\nDie Hafenverwaltung will die Anwohner im Frühling einladen.\n\n'
DE_WIRE = "Der Grosse Rat hat am Mittwoch einen Kredit von 148 Millionen Franken für den Bau eines neuen Hafenbeckens bewilligt."
DE_TAIL = "\n\nDer Quartierverein verlangt nun Lärmschutzwände entlang der Bahngleise und ein Nachtfahrverbot."


@pytest.mark.parametrize(
    ("body", "yields"),
    [
        # Slovene.
        pytest.param(SL + "\n\nVir: STA", ("sta", 0.9), id="vir_sta_sl"),
        pytest.param("Kot je poročala STA, bo ukrep mesto letno stal 1,9 milijona evrov. " + SL, ("sta", 0.8), id="kot_je_porocala_sta_sl"),
        pytest.param("Po poročanju STA so svetniki odlok potrdili z 28 glasovi. " + SL, ("sta", 0.8), id="po_porocanju_sta_sl"),
        pytest.param("Svetniki so odlok potrdili z 28 glasovi, navaja STA. " + SL, ("sta", 0.8), id="navaja_sta_sl"),
        # Hungarian.
        pytest.param(HU + "\n\nForrás: MTI", ("mti", 0.9), id="forras_mti_hu"),
        pytest.param("Az oltásban az MTI értesülése szerint 62 tűzoltó vett részt. " + HU, ("mti", 0.8), id="mti_ertesulese_szerint_hu"),
        pytest.param("Az oltásban az MTI szerint 62 tűzoltó vett részt. " + HU, ("mti", 0.8), id="mti_szerint_hu"),
        pytest.param("A tűzben senki sem sérült meg - közölte az MTI. " + HU, ("mti", 0.8), id="kozolte_az_mti_hu"),
        pytest.param("A tűzben senki sem sérült meg - közölte a Reuters. " + HU, ("reuters", 0.8), id="kozolte_a_reuters_hu"),
        pytest.param("A tűzoltóság szóvivője az MTI-nek nyilatkozta, hogy senki sem sérült meg. " + HU, ("mti", TOLD), id="mti_nek_nyilatkozta_told_hu"),
        pytest.param("A tűzben senki sem sérült meg - közölte az MTI tudósítójával a szóvivő. " + HU, ("mti", TOLD), id="kozolte_az_mti_tudositojaval_told_hu"),
        pytest.param("A tűzben senki sem sérült meg - közölte az MTI-vel a szóvivő. " + HU, ("mti", TOLD), id="kozolte_az_mti_vel_told_hu"),
        # Croatian "Izvor:", Serbian "Хина" in Cyrillic.
        pytest.param(HR + "\n\nIzvor: HINA", ("hina", 0.9), id="izvor_hina_hr"),
        pytest.param("Скупштина је усвојила буџет, јавља Хина. Дефицит ће бити 2,2 одсто.", ("hina", 0.8), id="javlja_hina_cyrillic"),
    ],
)  # fmt: skip
def test_slovene_hungarian_and_croatian_credits(body: str, yields: Any) -> None:
    assert decided(body=body) == yields


@pytest.mark.parametrize(
    "body",
    [
        # A source that is no agency, a photo's credit, a person reporting, a job at the agency.
        pytest.param(SL + "\n\nVir: Statistični urad RS", id="vir_statistics_office_sl"),
        pytest.param(SL + "\n\nFoto: STA/Tamino Petelinšek", id="photo_sta_sl"),
        pytest.param("Kot je poročala Ana Novak, bo ukrep stal 1,9 milijona evrov. " + SL, id="porocala_a_person_sl"),
        pytest.param(HU + "\n\nFotó: MTI/Czeglédi Zsolt", id="photo_mti_hu"),
        pytest.param(HU + "\n\nForrás: MTI/Czeglédi Zsolt", id="forras_mti_photographer_hu"),
        pytest.param("Az oltásban a polgármester szerint 62 tűzoltó vett részt. " + HU, id="szerint_a_person_hu"),
        pytest.param("Kovács Péter harminc évig az MTI-nek dolgozott, most nyugdíjba vonult. " + HU, id="worked_for_mti_hu"),
        pytest.param(HR + "\n\nIzvor: Hina Khan, blog", id="izvor_a_person_hr"),
    ],
)  # fmt: skip
def test_slovene_hungarian_and_croatian_look_alikes(body: str) -> None:
    found = decided(body=body)
    assert found is None or found[1] < BAR, found


@pytest.mark.parametrize(
    ("article", "yields"),
    [
        pytest.param({"author": "HINA", "body": HR}, ("hina", 0.95), id="byline_hina_in_capitals"),
        # Given up for precision (a review of this pass): "Hina", "Sana", "Ria", "Ani" alone are
        # also given names, and a one-word byline is often a display name.
        pytest.param({"author": "Hina", "body": HR}, None, id="byline_hina_a_given_name"),
        pytest.param({"author": "Sana", "body": STORY}, None, id="byline_sana_a_given_name"),
        pytest.param({"author": "Sta", "body": SL}, None, id="byline_sta_title_case_given_up"),
        pytest.param({"author": "MTI", "body": HU}, ("mti", 0.95), id="byline_mti_capitals"),
        # A person's name, an agency's name inside a longer byline in mixed case, the body.
        pytest.param({"author": "Hina Khan", "body": STORY}, None, id="byline_hina_khan"),
        pytest.param({"author": "Sana Ahmed and Hina Rabbani", "body": STORY}, None, id="byline_two_women"),
        pytest.param({"author": "Ivana Perić", "body": "Hina je rekla da dolazi. " + HR}, None, id="hina_a_name_in_the_body"),
    ],
)  # fmt: skip
def test_a_byline_that_is_the_agency_s_name_alone(article: dict[str, Any], yields: Any) -> None:
    assert decided(**article) == yields


@pytest.mark.parametrize(
    ("body", "yields"),
    [
        pytest.param(STORY + "\n\nThe story was written using reports from Tanjug.", ("tanjug", 0.9), id="written_using_reports_from"),
        pytest.param(STORY + " This article is based on reports from AFP and Reuters.", ("afp", 0.9), id="article_based_on_reports"),
        pytest.param(STORY + "\n\nThis report was compiled from dispatches from The Associated Press.", ("ap", 0.9), id="compiled_from_dispatches"),
        pytest.param(STORY + "\n\nBased on reports from Reuters", ("reuters", 0.9), id="based_on_reports_line"),
        pytest.param(STORY + "\n\nUsing reporting from AP.", ("ap", 0.9), id="using_reporting_line"),
        # Inside a sentence that goes on, from witnesses, of a person.
        pytest.param("Based on reports from Reuters, the ministry denied the claims. " + STORY, None, id="based_on_reports_in_a_sentence"),
        pytest.param(STORY + "\n\nThe story was written using reports from witnesses.", None, id="reports_from_witnesses"),
        pytest.param(STORY + " Police said the figure was based on reports from AFP and other sources in the city.", None, id="figure_based_on_reports"),
    ],
)  # fmt: skip
def test_a_story_written_from_an_agency_s_reports(body: str, yields: Any) -> None:
    assert decided(body=body) == yields


@pytest.mark.parametrize(
    ("body", "yields"),
    [
        pytest.param("ALMATY. KAZINFORM – " + WIRE + " " + STORY, ("kazinform", 0.95), id="kazinform_dateline"),
        pytest.param("YEREVAN, DECEMBER 3, ARMENPRESS. " + WIRE + " " + STORY, ("armenpress", 0.95), id="armenpress_dateline"),
        pytest.param(LOCAL + "YEREVAN, DECEMBER 3, ARMENPRESS. " + WIRE + TAIL, ("armenpress", 0.95), id="armenpress_paragraph"),
        pytest.param(LOCAL + "ASTANA. KAZINFORM - " + WIRE + TAIL, ("kazinform", 0.95), id="kazinform_paragraph"),
        # Capitals that are no agency, an agency word in a heading, a score line.
        pytest.param("ALMATY. NASA – " + WIRE + " " + STORY, None, id="not_an_agency"),
        pytest.param(LOCAL + "RESULTS. AP – 71.9, 12.0, 3.4\n\n" + WIRE + TAIL, None, id="a_score_line"),
        pytest.param("NEW YORK, DECEMBER 3, ARMENPRESS CORRESPONDENT JOHN DOE WRITES THAT\n\n" + STORY, None, id="heading_in_capitals"),
    ],
)  # fmt: skip
def test_datelines_in_capitals_without_brackets(body: str, yields: Any) -> None:
    assert decided(body=body) == yields


@pytest.mark.parametrize(
    ("body", "yields"),
    [
        # Given up for precision (a review of this pass): capitals other bodies also go by, a
        # province "(NTB)", a ministry "(MTI)", a ticker "(STT)"; MENA's mark is one of them.
        pytest.param(LOCAL + "Alexandria governorate (MENA) evacuated the residents of 11 old buildings on Wednesday after torrential rain." + TAIL, None, id="mena_after_opening_words_given_up"),
        pytest.param("Egypt's Health Ministry (MENA) said on Monday that 12 people were injured in the crash. " + STORY, None, id="mena_first_paragraph_given_up"),
        pytest.param(DE_LOCAL + DE_WIRE + " Gegen den Beschluss kann das Referendum ergriffen werden. (sda)" + DE_TAIL, ("keystone-sda", 0.9), id="sda_closing_a_paragraph"),
        pytest.param(DE_LOCAL + DE_WIRE + " Gegen den Beschluss kann das Referendum ergriffen werden. (dpa/lsw)" + DE_TAIL, ("dpa", 0.9), id="dpa_desk_closing_a_paragraph"),
        pytest.param(DE_LOCAL + DE_WIRE + " Gegen den Beschluss kann das Referendum ergriffen werden. (apa)" + DE_TAIL, ("apa", 0.9), id="apa_closing_a_paragraph"),
    ],
)  # fmt: skip
def test_the_agency_in_a_paragraph_s_first_sentence_or_closing_it(body: str, yields: Any) -> None:
    assert decided(body=body) == yields


@pytest.mark.parametrize(
    "body",
    [
        # Brackets holding something else, an abbreviation spelled out or used again, a group.
        pytest.param(LOCAL + "Investors in the region (MENA region) cut their holdings on Wednesday." + TAIL, id="mena_region_in_brackets"),
        pytest.param(LOCAL + "The region (MENA) saw foreign investment fall by a fifth last year, the report said." + TAIL, id="the_region_mena"),
        pytest.param(LOCAL + "Middle East and North Africa (MENA) markets fell on Wednesday after the vote." + TAIL, id="mena_spelled_out"),
        pytest.param(LOCAL + "Imran Khan's party (PTI) called for protests in Lahore on Friday after the arrest." + TAIL, id="pti_a_party"),
        pytest.param(LOCAL + "The opposition alliance (PTI) called protests. PTI leaders met in Lahore on Friday." + TAIL, id="abbreviation_used_again"),
        pytest.param(LOCAL + "Bosnia's largest party (SDA) said on Monday that it would leave the coalition." + TAIL, id="sda_party_capitals"),
        pytest.param(LOCAL + "File photo (AFP) shows the minister arriving at the summit in Cairo on Monday." + TAIL, id="a_picture_s_credit"),
        pytest.param(LOCAL + "Delegates from Egypt (EGY) won three medals in the relay on Sunday evening." + TAIL, id="a_country_code"),
        # Upper-case codes that are also parties, a reporter's initials, a short caption line.
        pytest.param(DE_LOCAL + "Die Partei hat am Montag ihren Austritt aus der Koalition angekündigt, sagte ihr Chef. (SDA)" + DE_TAIL, id="sda_capitals_closing_a_paragraph"),
        pytest.param(DE_LOCAL + DE_WIRE + " Gegen den Beschluss kann das Referendum ergriffen werden. (ap)" + DE_TAIL, id="a_reporter_s_initials"),
        pytest.param(DE_LOCAL + "Der Hafen am Abend. (dpa)" + DE_TAIL, id="a_short_caption"),
    ],
)  # fmt: skip
def test_brackets_in_a_paragraph_that_credit_nothing(body: str) -> None:
    assert decided(body=body) is None


@pytest.mark.parametrize(
    ("body", "yields"),
    [
        pytest.param("Straws will be banned in Cebu City from July 2027. The PNA reported that violators will lose their permits. " + STORY, None, id="the_pna_reported_that_the_authority"),
        pytest.param("Addis Ababa will host the summit in May. The ENA reported that 30 leaders will attend. " + STORY, ("ethiopian-news-agency", 0.8), id="the_ena_reported_that"),
        # Other bodies of the same capitals, and capitals English uses for other reporting bodies.
        pytest.param("The Palestinian National Authority (PNA) condemned the raid. The PNA reported that 12 people were hurt. " + STORY, None, id="pna_spelled_out_as_the_authority"),
        pytest.param("The PNA reported 12 people hurt in the raid, officials said. " + STORY, None, id="the_pna_reported_no_that"),
        pytest.param("The APA reported that 40 percent of adults feel stressed. " + STORY, None, id="the_apa_reported_that"),
        pytest.param("The PAP reported that its membership had grown. " + STORY, None, id="the_pap_reported_that"),
    ],
)  # fmt: skip
def test_the_agency_s_capitals_reported_that(body: str, yields: Any) -> None:
    assert decided(body=body) == yields


HRB = "Deficit će iznositi 2,5 posto. Sabor raspravlja idući tjedan."
SR = "Дефицит ће бити 2,2 одсто. Опозиција је гласала против."


@pytest.mark.parametrize(
    ("body", "yields"),
    [
        pytest.param("Vláda ve středu schválila návrh rozpočtu. Uvedla to agentura Reuters. " + CS, ("reuters", 0.8), id="uvedla_to_agentura_reuters_cs"),
        pytest.param("Vláda ve středu schválila návrh rozpočtu, uvedla to ČTK. " + CS, ("ctk", 0.8), id="uvedla_to_ctk_cs"),
        pytest.param("Vláda schválila rozpočet, uvedl pro agenturu Reuters ministr financí. " + CS, ("reuters", TOLD), id="uvedl_pro_agenturu_told_cs"),
        pytest.param("Ministr financí v rozhovoru pro ČTK uvedl, že schodek klesne. " + CS, ("ctk", TOLD), id="v_rozhovoru_pro_ctk_told_cs"),
        pytest.param("Pro ČTK to uvedl mluvčí ministerstva. " + CS, ("ctk", TOLD), id="pro_ctk_to_uvedl_told_cs"),
        pytest.param("Ministar financija rekao je Hini da će deficit iznositi 2,5 posto. " + HRB, ("hina", TOLD), id="rekao_je_hini_told_hr"),
        pytest.param("Министар је рекао Танјугу да ће дефицит бити 2,2 одсто. " + SR, ("tanjug", TOLD), id="rekao_tanjugu_told_cyrillic"),
        # "for" someone, a place declined, "said of Hina".
        pytest.param("Ten dárek koupil pro Petru. " + CS, None, id="pro_a_person_cs"),
        pytest.param("Rekao je Zagrebu da. " + HRB, None, id="rekao_je_a_place_hr"),
        pytest.param("Rekao je za Hinu da je zadovoljan. " + HRB, None, id="rekao_je_za_hinu_hr"),
    ],
)  # fmt: skip
def test_czech_told_and_croatian_dative(body: str, yields: Any) -> None:
    assert decided(body=body) == yields


@pytest.mark.parametrize(
    ("tail", "yields"),
    [
        pytest.param("AFP, Paris, 5 March", ("afp", 0.9), id="afp_paris_date"),
        pytest.param("Reuters, Berlin, March 5, 2026", ("reuters", 0.9), id="reuters_berlin_date_year"),
        pytest.param("Jane Smith, Reuters, Berlin", ("reuters", 0.9), id="reporter_agency_place"),
        # A reader's letter with a date, a street, a person named like the agency.
        pytest.param("Jane Smith, Berlin, 5 March", None, id="reader_place_date"),
        pytest.param("Jane Smith, Reuters Street, Berlin", None, id="a_street"),
        pytest.param("Jane Smith, Klaus Reuter, Berlin", None, id="two_people"),
        pytest.param("Jane Smith, Hina, Zagreb", None, id="a_given_name"),
    ],
)  # fmt: skip
def test_a_last_line_with_a_date_or_a_reporter(tail: str, yields: Any) -> None:
    assert decided(body=STORY + "\n\n" + tail) == yields


@pytest.mark.parametrize(
    "body",
    [
        pytest.param("Imran Khan's party (PTI) called for protests in Lahore on Friday. " + STORY, id="pti_a_party_at_the_top"),
        pytest.param("The ruling alliance (PTI) won the vote on Friday, officials said. " + STORY, id="pti_an_alliance_at_the_top"),
    ],
)  # fmt: skip
def test_a_group_s_abbreviation_at_the_top_is_no_dateline(body: str) -> None:
    assert decided(body=body) is None
