# ruff: noqa: E501, RUF002  (a table of articles in many scripts, one a line)
"""A third red-team pass on credits: short articles in the house styles of wires and papers
that the first two passes did not cover, and look-alikes, each with what it must yield.

The house styles: a closing credit followed by the desk's author and editor codes (PAP's
"(PAP)" then "autor: …" and "kw/ mrr/", EFE's "EFE" then "jgb/pddp", IANS' "--IANS" then
"sk/pgh", PTI's "PTI ABC DEF"), dpa's financial wire "(dpa-AFX)", Jiji's "（時事）" and
"【ワシントン時事】", Turkish "Anadolu Ajansı'nın haberine göre", Dutch "ANP meldt", Polish
"podała PAP", Ukrainian "повідомляє Укрінформ", Korean "연합뉴스에 따르면", Chinese "据新华社",
Hindi datelines "(भाषा)" and "(आईएएनएस)", Bangladesh's UNB, and a wire reporter's byline in a
contribution line ("Reuters' Jane Doe contributed to this report").

The look-alikes: a photo's caption closing the body with "(AP)", photo credits ("AP Photo/…",
"REUTERS/…", "Foto: dpa"), an agency as the subject of the story, its spokesperson quoted, an
interview given to it in other languages (the agency told, below the bar), unnamed "agencies"
(no outlet to credit, so nothing: not even a review item, as for any name no outlet has), and
capitals that are something else ("UNB", the University of New Brunswick).
"""

from typing import Any

import pytest
from fastapi.testclient import TestClient

from app.ingest.credits import credited
from app.ingest.credits.reading import credits
from tests.assertions import assert_consistent
from tests.ingest.test_credit_shapes import BAR
from tests.ingest.test_credit_shapes import assert_credits
from tests.ingest.test_credit_shapes import decided
from tests.ingest.test_credited import AP_STORY
from tests.ingest.test_credited import paper

TOLD = credited.CONFIDENCE["told_agency"]
STORY = "The finance ministry said on Monday that the budget deficit narrowed to 2.1 percent of output last year. Tax receipts rose faster than expected, officials said. Opposition lawmakers questioned the figures. Parliament will debate the numbers next week."


@pytest.mark.parametrize(
    ("article", "agency"),
    [
        # A closing credit, then the desk's author and editor lines (PAP, EFE, IANS, dpa-AFX, PTI).
        pytest.param({"title": "Sejm przyjął ustawę o obronie cywilnej", "body": "Sejm przyjął w piątek ustawę o ochronie ludności i obronie cywilnej. Za ustawą głosowało 410 posłów. Ustawa przewiduje budowę schronów w każdej gminie. Teraz zajmie się nią Senat. (PAP)\n\nautor: Katarzyna Nocuń\n\nkno/ mrr/"}, "pap", id="pap_close_author_codes"),
        pytest.param({"title": "Rząd przyjął projekt budżetu", "body": "Rada Ministrów przyjęła we wtorek projekt budżetu na przyszły rok. Deficyt ma wynieść 289 mld zł. Minister finansów zapowiedział dalsze cięcia wydatków. Projekt trafi do Sejmu pod koniec września.\n\n(PAP)\n\nkw/ mrr/"}, "pap", id="pap_close_codes_only"),
        pytest.param({"title": "El BCE mantiene los tipos de interés", "body": "El Banco Central Europeo ha decidido este jueves mantener los tipos de interés en el 2 %. La presidenta de la institución ha explicado que la inflación se mantiene cerca del objetivo. Los analistas esperaban la decisión. La próxima reunión será en diciembre.\n\nEFE\n\njgb/pddp"}, "efe", id="efe_close_codes"),
        pytest.param({"title": "Lluvias dejan tres muertos en Bogotá", "body": "Las intensas lluvias caídas en Bogotá dejaron al menos tres muertos y decenas de damnificados, informaron las autoridades locales. La alcaldía declaró la calamidad pública en cuatro localidades. Los organismos de socorro siguen trabajando en la zona. EFE mf/cg"}, "efe", id="efe_close_codes_same_line"),
        pytest.param({"title": "Monsoon session of Parliament to begin on July 21", "body": "The Monsoon session of Parliament will begin on July 21 and conclude on August 21, the Parliamentary Affairs Minister said on Wednesday. Sixteen bills are likely to be introduced during the session. The opposition has demanded a discussion on the border situation. The government has called an all-party meeting on July 19.\n\n--IANS\n\nsk/pgh"}, "ians", id="ians_close_codes"),
        pytest.param({"title": "Sensex ends 300 points higher on banking gains", "body": "Mumbai, Mar 3 (PTI) The BSE Sensex rose 300 points on Monday led by gains in banking stocks. The NSE Nifty climbed 90 points to close at 22,500. Foreign investors were net buyers, exchange data showed. PTI SKC RT RT"}, "pti", id="pti_close_desk_codes"),
        pytest.param({"title": "Monsoon rain lashes Kerala, schools shut", "body": "Heavy rain lashed several districts of Kerala on Monday, prompting authorities to shut schools and colleges. The India Meteorological Department issued a red alert for three districts. Fishermen were advised not to venture into the sea. Relief camps were opened in low-lying areas.\n\nPTI TGB KH"}, "pti", id="pti_close_codes_only_line"),
        pytest.param({"title": "DAX legt zu - Autowerte gefragt", "body": "FRANKFURT (dpa-AFX) - Der Dax hat am Montag zugelegt. Der deutsche Leitindex stieg bis zum Nachmittag um 0,8 Prozent auf 18 450 Punkte. Gefragt waren vor allem Autowerte nach starken Absatzzahlen aus China. Der Euro notierte kaum verändert bei 1,08 US-Dollar./bek/ajx/he"}, "dpa-afx", id="dpa_afx_dateline"),
        pytest.param({"title": "Ölpreise geben nach", "body": "Die Ölpreise sind am Dienstag gefallen. Ein Barrel der Nordseesorte Brent kostete am Morgen 78,40 US-Dollar, 60 Cent weniger als am Vortag. Händler verwiesen auf steigende Lagerbestände in den USA. Die Opec will im Juni über ihre Förderpolitik beraten. (dpa-AFX)"}, "dpa-afx", id="dpa_afx_close"),
        # Jiji's short forms, Korean and Chinese "according to".
        pytest.param({"title": "日銀、政策金利を据え置き", "body": "日銀は3日の金融政策決定会合で、政策金利を0.5％に据え置くことを決めた。物価の先行きを見極める必要があると判断した。植田和男総裁が午後に記者会見する。市場では次回会合での利上げを予想する声が多い。（時事）"}, "jiji", id="jiji_close"),
        pytest.param({"title": "米、対中関税を一部緩和へ", "body": "【ワシントン時事】米政府は3日、中国製品に課している追加関税の一部を緩和する方針を明らかにした。対象は医療用品など約200品目。両国は来週、閣僚級の協議を開く予定だ。"}, "jiji", id="jiji_house_dateline"),
        pytest.param({"title": "서울 아파트값 6주 연속 상승", "body": "서울 아파트값이 6주 연속 상승했다. 연합뉴스에 따르면 한국부동산원은 3일 이같이 밝혔다. 강남 3구의 상승 폭이 가장 컸다. 정부는 추가 대책을 검토하고 있다."}, "yonhap", id="yonhap_according_ko"),
        pytest.param({"title": "中国一季度GDP增长5.3%", "body": "据新华社电 国家统计局3日发布数据，一季度国内生产总值同比增长5.3%。消费对经济增长的贡献率超过七成。专家表示，经济回升向好态势持续巩固。"}, "xinhua", id="xinhua_ju_zh"),
        # Turkish, Dutch, Polish, Ukrainian running text.
        pytest.param({"title": "Ankara'da trafik düzenlemesi", "body": "Ankara Büyükşehir Belediyesi, kent merkezinde yeni bir trafik düzenlemesine gitti. Anadolu Ajansı'nın haberine göre düzenleme pazartesi günü yürürlüğe girecek. Sürücülerin alternatif güzergahları kullanması istendi. Çalışmaların iki ay sürmesi bekleniyor."}, "anadolu", id="aa_haberine_gore"),
        pytest.param({"title": "İzmir'de orman yangını kontrol altında", "body": "İzmir'in Menderes ilçesinde çıkan orman yangını kontrol altına alındı. AA muhabirinin edindiği bilgiye göre yangında yaklaşık 50 hektar alan zarar gördü. Soğutma çalışmaları sürüyor. Yangının çıkış nedeni araştırılıyor."}, "anadolu", id="aa_muhabirinin"),
        pytest.param({"title": "Kabinet wil snellere bouw van woningen", "author": "Redactie", "body": "Het kabinet wil de bouw van woningen versnellen met nieuwe regels voor vergunningen. ANP meldt dat gemeenten daarvoor extra geld krijgen. Bouwbedrijven reageren positief. De Tweede Kamer debatteert volgende week over het plan."}, "anp", id="anp_meldt_dat"),
        pytest.param({"title": "Treinverkeer rond Utrecht hersteld", "author": "Redactie", "body": "Het treinverkeer rond Utrecht rijdt weer volgens dienstregeling na een storing in de bovenleiding. Reizigers moesten urenlang omreizen, meldt persbureau ANP. ProRail onderzoekt de oorzaak. Het is de derde storing deze maand."}, "anp", id="anp_meldt_persbureau"),
        pytest.param({"title": "Wichura zerwała dachy na Podkarpaciu", "author": "Redakcja", "body": "Silny wiatr zerwał dachy z kilkudziesięciu budynków na Podkarpaciu. Jak podaje PAP, strażacy interweniowali ponad 300 razy. Bez prądu pozostaje 20 tysięcy odbiorców. Synoptycy ostrzegają przed kolejnymi burzami."}, "pap", id="pap_jak_podaje"),
        pytest.param({"title": "Ціни на пальне зросли", "author": "Редакція", "body": "Ціни на пальне на АЗС зросли за тиждень у середньому на 1,2%. Про це повідомляє Укрінформ з посиланням на дані консалтингової групи. Найбільше подорожчав дизель. Аналітики очікують стабілізації цін."}, "ukrinform", id="ukrinform_povidomliaie"),
        pytest.param({"title": "У Києві відкрили новий міст", "author": "Редакція", "body": "У Києві після реконструкції відкрили міст через Русанівську протоку. Як повідомляє УНІАН, рух транспорту відновлено в обидва боки. Роботи тривали півтора року. Вартість ремонту склала 400 мільйонів гривень."}, "unian", id="unian_yak_povidomliaie"),
        pytest.param({"title": "Уряд затвердив програму відновлення", "author": "Редакція", "body": "Кабінет міністрів затвердив програму відновлення енергетики на наступний рік. На неї спрямують 20 мільярдів гривень, передає Укрінформ. Роботи почнуться навесні."}, "ukrinform", id="ukrinform_peredaie"),
        pytest.param({"title": "Regierung beschließt Entlastungspaket", "author": "Politik-Redaktion", "body": "Die Bundesregierung hat am Mittwoch ein Entlastungspaket für Familien beschlossen. Das Kindergeld steigt um zehn Euro, wie die Nachrichtenagentur Reuters aus Regierungskreisen erfuhr und berichtete. Die Opposition sprach von einem Tropfen auf den heißen Stein."}, "reuters", id="nachrichtenagentur_reuters_de"),
        pytest.param({"title": "Streik bei der Lufthansa", "author": "Wirtschaft", "body": "Die Nachrichtenagentur dpa berichtete am Montag, dass die Gewerkschaft Verdi das Bodenpersonal der Lufthansa zum Streik aufgerufen hat. Hunderte Flüge fallen aus. Die Lufthansa nannte den Streik unverhältnismäßig."}, "dpa", id="die_nachrichtenagentur_dpa_de"),
        # Reuters' Japanese and Chinese datelines, La Presse Canadienne.
        pytest.param({"title": "日銀、金利据え置き", "body": "［東京　３日　ロイター］ - 日銀は３日の金融政策決定会合で、政策金利を据え置いた。植田和男総裁は会見で物価動向を注視すると述べた。"}, "reuters", id="reuters_dateline_ja"),
        pytest.param({"title": "中国一季度GDP增长5.3%", "body": "路透北京3月3日 - 中国国家统计局周一公布数据显示，一季度国内生产总值同比增长5.3%，好于市场预期。"}, "reuters", id="reuters_dateline_zh"),
        pytest.param({"title": "Québec annonce de nouvelles mesures", "author": "Rédaction", "body": "MONTRÉAL — Le gouvernement du Québec a annoncé lundi de nouvelles mesures pour le logement. Québec investira 500 millions de dollars sur cinq ans. Les groupes de locataires jugent l'effort insuffisant.\n\nLa Presse Canadienne"}, "the-canadian-press", id="la_presse_canadienne"),
        # "According to" and "reported" in Turkish, Polish, Czech, Romanian, Serbian, Indonesian, Vietnamese and Hungarian.
        pytest.param({"title": "Türkiye'den yeni ekonomi paketi", "author": "Ekonomi Servisi", "body": "Hükümet yeni ekonomi paketini açıkladı. Reuters'a göre paket 10 milyar dolar değerinde. Paketin ihracatçılara destek içermesi bekleniyor."}, "reuters", id="reuters_a_gore_tr"),
        pytest.param({"title": "Deficyt w przyszłym roku", "author": "Redakcja", "body": "Rząd przyjął projekt budżetu. Według PAP deficyt wyniesie 3 proc. PKB. Opozycja zapowiada poprawki."}, "pap", id="wedlug_pap_pl"),
        pytest.param({"title": "Vláda schválila rozpočet", "author": "Redakce", "body": "Vláda dnes schválila návrh rozpočtu. Schodek podle ČTK dosáhne 230 miliard korun. Opozice návrh kritizuje."}, "ctk", id="podle_ctk_cs"),
        pytest.param({"title": "Bugetul a fost aprobat", "author": "Redacția", "body": "Guvernul a aprobat proiectul bugetului pe anul viitor, transmite Agerpres. Deficitul ar urma să scadă la 6%. Opoziția critică proiectul."}, "agerpres", id="transmite_agerpres_ro"),
        pytest.param({"title": "Usvojen budžet", "author": "Redakcija", "body": "Vlada Srbije usvojila je predlog budžeta za narednu godinu, prenosi Tanjug. Deficit će iznositi tri odsto. Skupština o budžetu raspravlja sledeće nedelje."}, "tanjug", id="prenosi_tanjug_sr"),
        pytest.param({"title": "Anggaran disetujui", "author": "Redaksi", "body": "DPR menyetujui anggaran negara tahun depan, dilansir ANTARA. Defisit ditetapkan 2,5 persen. Pemerintah menyambut baik keputusan itu."}, "antara", id="dilansir_antara_id"),
        pytest.param({"title": "Quốc hội thông qua ngân sách", "author": "Phóng viên", "body": "Theo TTXVN, Quốc hội đã thông qua dự toán ngân sách nhà nước năm tới. Bội chi được giữ ở mức 3,8% GDP. Các đại biểu tán thành với tỷ lệ cao."}, "vna", id="theo_ttxvn_vi"),
        pytest.param({"title": "Elfogadták a költségvetést", "author": "Szerkesztőség", "body": "Az Országgyűlés elfogadta a jövő évi költségvetést, az MTI szerint. A hiány 3,7 százalék lesz. Az ellenzék nem szavazta meg."}, "mti", id="mti_szerint_hu"),
        # Hindi and Bangladeshi datelines.
        pytest.param({"title": "संसद का मानसून सत्र 21 जुलाई से", "body": "नयी दिल्ली, तीन मार्च (भाषा) संसद का मानसून सत्र 21 जुलाई से शुरू होगा और 21 अगस्त तक चलेगा। संसदीय कार्य मंत्री ने बुधवार को यह जानकारी दी। सत्र के दौरान 16 विधेयक पेश किए जा सकते हैं।"}, "pti", id="pti_bhasha_hi"),
        pytest.param({"title": "दिल्ली में बारिश से तापमान गिरा", "body": "नई दिल्ली, 3 मार्च (आईएएनएस)। राष्ट्रीय राजधानी में सोमवार को हुई बारिश से तापमान में गिरावट दर्ज की गई। मौसम विभाग ने अगले दो दिन और बारिश का अनुमान जताया है। कई इलाकों में जलभराव की शिकायतें मिलीं।"}, "ians", id="ians_hi"),
        pytest.param({"title": "Dengue cases rise in Dhaka", "body": "Dhaka, Mar 3 (UNB) - Dengue cases continued to rise in the capital with 312 more patients hospitalised in 24 hours, the Directorate General of Health Services said on Monday. Two more deaths were recorded. Health officials urged residents to destroy mosquito breeding grounds. Hospitals have opened dedicated wards."}, "unb", id="unb_dateline"),
        # A wire reporter's byline in a contribution line, and Reuters' sign-off in other languages.
        pytest.param({"title": "Chipmaker shares slide after export curbs", "author": "Business desk", "body": STORY + " Reuters' Jane Doe contributed to this report."}, "reuters", id="reuters_reporter_contributed"),
        pytest.param({"title": "La BCE maintient ses taux", "body": "La Banque centrale européenne a maintenu jeudi ses taux directeurs inchangés. Sa présidente a jugé que l'inflation restait proche de l'objectif. Les marchés attendaient cette décision. La prochaine réunion aura lieu en décembre.\n\n(Reportage Francesco Canepa; version française Blandine Hénault, édité par Kate Entringer)"}, "reuters", id="reuters_signoff_fr"),
        pytest.param({"title": "El petróleo sube por tensiones en Oriente Medio", "body": "Los precios del petróleo subieron el lunes ante las tensiones en Oriente Medio. El Brent ganó un 1,5% hasta los 82 dólares por barril. Los inversores siguen de cerca las negociaciones. Los inventarios estadounidenses cayeron la semana pasada.\n\n(Reporte de Arathy Somasekhar; editado en español por Carlos Serrano)"}, "reuters", id="reuters_signoff_es"),
        pytest.param({"title": "Ifo-Index steigt überraschend", "body": "Die Stimmung in der deutschen Wirtschaft hat sich im März überraschend aufgehellt. Der Ifo-Geschäftsklimaindex stieg auf 87,5 Punkte. Ökonomen hatten mit einem Rückgang gerechnet. Vor allem die Industrie blickte zuversichtlicher in die Zukunft.\n\n(Bericht von Rene Wagner, redigiert von Sabine Ehrhardt. Bei Rückfragen wenden Sie sich an unsere Redaktion unter berlin.newsroom@thomsonreuters.com (für Politik und Konjunktur) oder frankfurt.newsroom@thomsonreuters.com (für Unternehmen und Märkte).)"}, "reuters", id="reuters_signoff_de"),
        # Wires that were read before, kept so they stay read: PNA, TTXVN, ANTARA, Bernama, AGI, Keystone-SDA, Xinhua's correspondent.
        pytest.param({"title": "DOH logs fewer dengue cases", "body": "MANILA – The Department of Health (DOH) on Monday reported a 12-percent drop in dengue cases nationwide compared with the same period last year. Health Secretary said clean-up drives in schools helped. Regional offices were told to keep up surveillance. (PNA)"}, "pna", id="pna_close"),
        pytest.param({"title": "Hà Nội khởi công cầu Tứ Liên", "body": "Hà Nội, 3/3 (TTXVN) - Thành phố Hà Nội khởi công xây dựng cầu Tứ Liên bắc qua sông Hồng. Tổng mức đầu tư dự án khoảng 20.000 tỷ đồng. Cầu dự kiến hoàn thành sau ba năm."}, "vna", id="ttxvn_dateline"),
        pytest.param({"title": "Ekspor RI naik 5 persen", "body": "Jakarta (ANTARA) - Badan Pusat Statistik mencatat nilai ekspor Indonesia pada Februari naik 5 persen dibandingkan bulan sebelumnya. Kenaikan didorong ekspor batu bara dan minyak sawit. Neraca perdagangan kembali surplus.\n\nPewarta: Ahmad Buchori\nEditor: Budi Santoso\nCopyright © ANTARA 2025"}, "antara", id="antara_pewarta_copyright"),
        pytest.param({"title": "Flood victims in Kelantan rise to 20,000", "body": "KOTA BHARU, March 3 (Bernama) -- The number of flood victims in Kelantan rose to 20,000 this morning, with 120 relief centres opened in seven districts. The state disaster management committee said water levels were still rising. More rain is expected until Wednesday.\n\n-- BERNAMA"}, "bernama", id="bernama_close_caps"),
        pytest.param({"title": "Maltempo, frane in Liguria", "body": "(AGI) - Genova, 3 mar. - Diverse frane hanno interrotto strade in provincia di Genova dopo le piogge della notte. Nessun ferito, secondo la Protezione civile. Chiuse alcune scuole nell'entroterra."}, "agi", id="agi_dateline"),
        pytest.param({"title": "Lawinengefahr im Wallis steigt", "body": "Im Wallis ist die Lawinengefahr nach starken Schneefällen auf die zweithöchste Stufe gestiegen. Mehrere Passstrassen bleiben gesperrt. Das Institut für Schnee- und Lawinenforschung rät von Touren abseits der Pisten ab. (sda)"}, "keystone-sda", id="sda_close"),
        # A story's last paragraph of one sentence closed by the agency: no caption (a story's verb).
        pytest.param({"title": "Rome hosts Ukraine talks", "body": "Delegations from 40 countries met in Rome on Monday to discuss reconstruction aid for Ukraine. Italy pledged 200 million euros. The European Commission said it would coordinate the spending.\n\nThe next conference is scheduled for Monday, June 9, in Warsaw. (ANSA)"}, "ansa", id="ansa_close_own_paragraph"),
        pytest.param({"title": "Ceasefire talks stall", "body": "Mediators failed to broker a ceasefire in two days of talks, diplomats said. Both sides accused each other of violations. The United Nations urged restraint.\n\nTalks resumed in Doha on Wednesday. (AFP)"}, "afp", id="afp_close_past_tense_paragraph"),
        pytest.param({"title": "Snap election called", "body": "The prime minister called a snap election for June on Monday, a year ahead of schedule. Opposition parties welcomed the move. Polls show the governing coalition trailing.\n\nThe vote is seen as a test for the government. (AFP)"}, "afp", id="afp_close_seen_as"),
        pytest.param({"title": "Kenya opens new rail link", "body": "Kenya on Monday opened a new rail link between Nairobi and the town of Naivasha, a Xinhua correspondent reported. The line will carry passengers and freight. Officials said it would cut travel time by half. The project was financed by a Chinese loan."}, "xinhua", id="xinhua_correspondent_reported"),
    ],
)  # fmt: skip
def test_house_styles_credit_the_agency(article: dict[str, Any], agency: str) -> None:
    assert_credits(article, agency)


@pytest.mark.parametrize(
    ("article", "yields"),
    [
        # A photo's caption closing the body, and photo credits.
        pytest.param({"title": "River crests, cleanup begins", "author": "Staff", "body": "Residents of Marietta began clearing mud from homes on Monday after the Ohio River crested. The mayor said about 300 homes were damaged. Volunteers arrived with pumps and trucks. The state has requested federal disaster aid.\n\nA man walks past a flooded car on Front Street in Marietta on Monday. (AP)"}, None, id="caption_closes_body_ap"),
        pytest.param({"title": "Fans mourn singer", "author": "Arts desk", "body": "Hundreds of fans gathered outside the singer's home on Sunday to lay flowers. His family said he died peacefully. A memorial concert is planned for next month.\n\nFans hold candles outside the singer's home in London, Sunday, March 2, 2025. (Reuters)"}, None, id="caption_closes_body_reuters"),
        pytest.param({"title": "Senate passes stopgap bill", "author": "Capitol bureau", "body": "The Senate passed a stopgap spending bill late Friday, averting a government shutdown. The measure funds agencies through mid-March. The House approved it earlier in the day.\n\nSenate Majority Leader speaks to reporters at the Capitol in Washington, Friday, March 14, 2025. (AP Photo/J. Scott Applewhite)"}, None, id="ap_photo_credit_close"),
        pytest.param({"title": "Quake survivors wait for aid", "author": "World desk", "body": "Survivors of the earthquake waited for aid in makeshift camps on Tuesday. Aid groups said roads into the valley remained blocked. The death toll rose to 1,200.\nA woman sits among the ruins of her house in Al-Haouz on Tuesday. REUTERS/Abdelhak Balhaki"}, None, id="reuters_photo_credit_close"),
        pytest.param({"title": "Bundestag debattiert Haushalt", "author": "Berlin-Redaktion", "body": "Der Bundestag hat am Dienstag mit den Beratungen über den Haushalt begonnen. Der Finanzminister verteidigte die Neuverschuldung. Die Opposition warf der Regierung Wortbruch vor.\n\nFoto: Kay Nietfeld/dpa"}, None, id="dpa_photo_credit_de"),
        pytest.param({"title": "Inundaciones en Valencia", "author": "Redacción", "body": "Las inundaciones han obligado a evacuar a cientos de vecinos en varios municipios de Valencia. Los servicios de emergencia mantienen la alerta roja. Se han suspendido las clases.\n\nEFE/Manuel Bruque"}, None, id="efe_photo_credit_es"),
        # An agency as the subject of the story, its spokesperson, its office, its data.
        pytest.param({"title": "Police raid news agency office", "author": "Staff", "body": "Police raided the AFP news agency's office in the capital on Monday and seized computers. The agency's bureau chief said no warrant was shown. Press freedom groups condemned the raid. The interior ministry declined to comment."}, None, id="afp_office_raided"),
        pytest.param({"title": "News agency sues over access", "author": "Media reporter", "body": "The Associated Press sued three White House officials on Friday over its exclusion from press events. AP spokeswoman Lauren Easton said the agency would not be intimidated. The White House said it stands by its decision. A hearing is set for next week."}, None, id="ap_as_subject_and_spokesperson"),
        pytest.param({"title": "Newsroom union reaches deal", "author": "Labour reporter", "body": "Reuters journalists in the United States reached a tentative contract deal on Monday after months of talks. A Reuters spokesperson said the company was pleased with the agreement. The union will hold a ratification vote next week. The deal includes pay rises of 3% a year."}, None, id="reuters_as_subject"),
        pytest.param({"title": "Death toll rises in Gaza strike", "author": "World desk", "body": "At least 40 people were killed in strikes on Monday, according to an AFP tally based on hospital sources. The army said it targeted militants. Aid groups warned of a worsening crisis. Talks on a ceasefire resume on Wednesday."}, None, id="afp_tally"),
        pytest.param({"title": "Former correspondent publishes memoir", "author": "Books desk", "body": "Jane Doe, a former Reuters correspondent in Moscow, has published a memoir of her years in Russia. She said the book took six years to write. Reviewers have praised its detail. She will speak at the festival on Saturday."}, None, id="former_reuters_correspondent"),
        pytest.param({"title": "Kabul under new rules", "author": "Foreign desk", "body": "Women in Kabul face new restrictions on travel, residents said on Monday. A former AFP correspondent reports from Kabul for the paper now. Aid groups said the rules would hamper their work. The authorities did not comment."}, None, id="former_afp_correspondent_reports_from"),
        pytest.param({"title": "Protests in Paris", "author": "Europe desk", "body": "Tens of thousands marched in Paris on Saturday against the pension reform. Unions said it was the largest turnout this year. Police reported scattered clashes.\n\nAFP TV"}, None, id="afp_tv_video_credit"),
        pytest.param({"title": "TASS chief meets editors", "author": "Редакция", "body": "Генеральный директор ТАСС Андрей Кондрашов встретился с главными редакторами региональных изданий. Обсуждались вопросы сотрудничества. Встреча прошла в Москве."}, None, id="tass_as_subject_ru"),
        # Someone told the agency, in other languages: a proposal for review, not an origin.
        pytest.param({"title": "Bakan yeni yatırımları açıkladı", "author": "Haber Merkezi", "body": "Sanayi Bakanı, yeni yatırım teşviklerini açıkladı. Bakan, AA muhabirine yaptığı açıklamada teşviklerin 500 milyar lirayı bulacağını söyledi. Başvurular nisan ayında başlayacak."}, ("anadolu", TOLD), id="aa_muhabirine_told_tr"),
        pytest.param({"title": "Minister o cenach energii", "author": "Redakcja", "body": "Ceny energii nie wzrosną w przyszłym roku - zapewnił minister klimatu. \"Mamy zapasy na całą zimę\" - powiedział PAP minister. Rząd przygotowuje osłony dla gospodarstw domowych."}, ("pap", TOLD), id="pap_powiedzial_told_pl"),
        pytest.param({"title": "Gemeente zet extra handhavers in", "author": "Redactie", "body": "De gemeente zet deze zomer extra handhavers in op het strand. Aan het ANP meldt een woordvoerder dat het om twintig mensen gaat. Vorig jaar waren er meerdere incidenten."}, ("anp", TOLD), id="anp_aan_het_told_nl"),
        pytest.param({"title": "Мер про відновлення мосту", "author": "Редакція", "body": "Міст відновлять до кінця року. Про це мер міста повідомив Укрінформу. Роботи фінансуватимуть з міського бюджету."}, ("ukrinform", TOLD), id="ukrinform_told_uk"),
        # Unnamed agencies: no outlet to credit, nothing to review.
        pytest.param({"title": "Floods kill 12 in Assam", "author": "Agencies", "body": "At least 12 people were killed as floods swept through Assam, officials said on Monday. More than 200,000 people were affected in 19 districts. Army teams were deployed for rescue work.\n\n— Agencies"}, None, id="agencies_sign_off"),
        pytest.param({"title": "Rupee closes flat", "author": "Markets desk", "body": "The rupee closed flat at 83.2 against the dollar on Monday. Dealers said importers' demand offset foreign inflows. The central bank was seen selling dollars.\n\n(With inputs from agencies)"}, None, id="with_inputs_from_agencies"),
        pytest.param({"title": "Gold hits record", "author": "Business desk", "body": "Gold prices hit a record high on Tuesday as investors sought safety. Spot gold rose 1.2% to $2,400 an ounce. Silver also gained. Agencies contributed to this report."}, None, id="agencies_contributed"),
        # Capitals that are something else.
        pytest.param({"title": "Study finds warmer rivers", "author": "Science desk", "body": "Rivers in Atlantic Canada are warming faster than expected, researchers at UNB reported on Monday. The team measured temperatures at 40 sites over a decade. Fish populations could suffer, they said."}, None, id="unb_university"),
        pytest.param({"title": "Jiji-style bracket in a Japanese essay", "author": "文化部", "body": "時事問題に関する講演会が3日、東京都内で開かれた。講師は若者の政治参加について語った。会場には約200人が集まった。"}, None, id="jiji_word_current_affairs"),
        pytest.param({"title": "民调显示多数人支持新政", "author": "本报记者", "body": "据共同调查显示，七成受访者支持该政策。调查由两所大学联合开展。受访者共两千人。"}, None, id="ju_gongtong_joint_survey_zh"),
        pytest.param({"title": "Politie zoekt getuigen", "author": "Redactie", "body": "De politie zoekt getuigen van een steekpartij in Rotterdam. Vandaag meldt de politie dat een verdachte is aangehouden. Het slachtoffer ligt in het ziekenhuis."}, None, id="vandaag_meldt_nl"),
        pytest.param({"title": "Minister warnt vor Engpässen", "author": "Berlin", "body": "Der Wirtschaftsminister warnt vor Engpässen bei der Gasversorgung im Winter. Im Gespräch mit der Nachrichtenagentur dpa sagte er, die Speicher seien zu 80 Prozent gefüllt. Die Industrie fordert mehr Tempo beim Ausbau der Terminals."}, None, id="interview_with_dpa_de"),
        pytest.param({"title": "Ministr o rozpočtu", "author": "Redakce", "body": "Rozpočet bude vyrovnaný do pěti let. „Situace je vážná, ale zvládneme to,“ řekl ČTK ministr financí. Opozice mu nevěří."}, ("ctk", TOLD), id="rekl_ctk_told_cs"),
        pytest.param({"title": "Menteri soal harga beras", "author": "Redaksi", "body": "Harga beras diperkirakan turun bulan depan. \"Stok kami cukup,\" kata menteri kepada ANTARA di Jakarta. Impor akan dihentikan sementara."}, ("antara", TOLD), id="kepada_antara_told_id"),
        pytest.param({"title": "Walcott back in training", "author": "Sports desk", "body": "Theo Walcott reported for training on Monday after a month out injured. The club said he could return for the weekend. The manager was pleased with his fitness."}, None, id="theo_given_name_en"),
        pytest.param({"title": "Költségvetés", "author": "Szerkesztőség", "body": "A kormány szerint a költségvetés kiegyensúlyozott. Az ellenzék szerint nem. A szavazás jövő héten lesz."}, None, id="szerint_government_hu"),
        pytest.param({"title": "Hindi day celebrated", "author": "Staff", "body": "हिंदी दिवस पर स्कूल में कार्यक्रम आयोजित किया गया। छात्रों ने भाषा के महत्व पर भाषण दिए। प्रधानाचार्य ने सभी को बधाई दी।"}, None, id="bhasha_the_word_language"),
        pytest.param({"title": "Sanskrit week", "author": "Staff", "body": "विश्वविद्यालय ने संस्कृत (भाषा) और साहित्य पर एक सप्ताह का कार्यक्रम शुरू किया। छात्रों ने नाटक प्रस्तुत किए। कुलपति ने सभी को बधाई दी।"}, None, id="bhasha_bracketed_in_a_sentence"),
    ],
)  # fmt: skip
def test_look_alikes_yield_what_they_must(article: dict[str, Any], yields: Any) -> None:
    found = decided(**article)
    if yields is None:
        assert found is None, found
    else:
        assert found == yields
        assert found[1] < BAR


def test_desk_codes_after_a_closing_credit_are_skipped_not_read_as_names() -> None:
    """The author and editor lines after "(PAP)" are no credit themselves, and codes alone
    credit nobody."""
    body = STORY + "\n\nautor: Jan Nowak\n\njno/ mhr/"
    assert credits(author=None, body=body) == []


@pytest.mark.parametrize(
    "body",
    [
        "Количество рейсов увеличится, сообщил ТАСС директор аэропорта.",
        "De gemeente zet extra handhavers in. Aan het ANP meldt een woordvoerder dat het om twintig mensen gaat.",
        "Bakan, AA muhabirine yaptığı açıklamada teşviklerin 500 milyar lirayı bulacağını söyledi.",
        "\"Mamy zapasy na całą zimę\" - powiedział PAP minister.",
        "\"No podemos seguir así\", declaró a EFE un portavoz de la organización, según informó a EFE un portavoz.",
    ],
)  # fmt: skip
def test_a_told_credit_is_still_told_when_its_stored_quote_is_read_again(body: str) -> None:
    """Ingest keeps a credit's words (`article.credit`) and reads them again when the outlet's
    own article arrives later (credited.told): the words a "told" credit keeps are its sentence,
    since what makes it "told" stands around the name."""
    [credit] = credits(author=None, body=body)
    assert credit.told, credit
    assert credited.told(credit.quote, credit.name), credit.quote


@pytest.mark.parametrize(
    ("body", "name"),
    [
        ("Le Monde rapporte que le gouvernement est divisé.", "Le Monde"),
        ("Der Spiegel berichtete, die Regierung sei uneins.", "Der Spiegel"),
        ("De Telegraaf meldt dat het kabinet valt.", "De Telegraaf"),
        ("Het ANP meldt dat het kabinet valt.", "ANP"),
        ("Die Nachrichtenagentur Reuters berichtete am Montag.", "Reuters"),
    ],
)
def test_a_paper_s_article_is_part_of_its_name_an_agency_s_is_not(body: str, name: str) -> None:
    """Before the verb, "Le", "Der", "De" belong to a paper's name (a stored outlet "Le Monde"
    is credited by it), while "Het ANP" and "Die Nachrichtenagentur Reuters" name the agency."""
    [credit] = credits(author=None, body=body)
    assert credit.name == name


OWN_REPORT = (
    "Bus riders in Springfield will pay 4% more from July after a council vote on Tuesday. "
    "Transit managers blamed diesel prices and a new drivers' contract. Several councillors "
    "asked for a review of the route network before any further rise, and a petition against "
    "the increase has gathered 3,000 signatures."
)


def test_unnamed_agencies_and_a_caption_s_credit_make_no_origin_and_queue_nothing(
    client: TestClient,
) -> None:
    """Through ingest, on both databases: "— Agencies" names no outlet (nothing to count it
    under, nothing a reviewer could accept) and a caption's "(AP)" under the story is a photo's
    credit; each paper stays its own origin and the review queue stays empty. A paper closing
    with PAP's "(PAP)" above its desk codes is PAP's copy."""
    agencies_sign_off = client.post(
        "/v1/ingest", json=paper("daily-planet", 1, body=OWN_REPORT + "\n\n— Agencies")
    ).json()
    caption = client.post(
        "/v1/ingest",
        json=paper(
            "the-ledger",
            2,
            body=AP_STORY + "\n\nRiders wait for a bus on Main Street on Tuesday. (AP)",
        ),
    ).json()
    assert (agencies_sign_off["credited_origin"], caption["credited_origin"]) == (None, None)
    claim_id = caption["claims"][0]["claim_id"]
    counts = assert_consistent(client, claim_id)
    assert (counts["outlets"], counts["independent_origins"], counts["credited_origins"]) == (
        2,
        2,
        0,
    )
    assert client.get("/v1/review", params={"kind": "credited_origin"}).json()["items"] == []
    coded = client.post(
        "/v1/ingest",
        json=paper(
            "warsaw-courier",
            3,
            body="Springfield's council raised bus fares by 4% from July in a 7-2 vote. Officials "
            "cited fuel and wage costs; riders' groups said commuters on low pay would suffer "
            "most. Discounted passes stay unchanged. (PAP)\n\nautor: Jan Nowak\n\njno/ mhr/",
        ),
    ).json()
    assert coded["credited_origin"]["outlet"]["slug"] == "pap"
