# ruff: noqa: E501
"""Credits pass 11 (docs/matching.md, "Credits, pass 11: agencies in their own languages"): how
the Korean, Japanese, Chinese and Arabic press and papers in Malay, Indonesian, Turkish, Swahili,
Hausa and English credit a national agency, each in sentences other than held-out 8's, and
beside each reading the look-alikes that must not credit: an article about the agency, its
correspondent injured, its survey or report of an earlier time, its photo credit on an original
story, a company with the same letters, "antara lain" (among others)."""

import pytest

from tests.ingest.test_credit_shapes import BAR
from tests.ingest.test_credit_shapes import decided

AR = "أعلنت بلدية المدينة اليوم افتتاح حديقة عامة جديدة على مساحة 12 ألف متر مربع في الحي الشمالي للمدينة."
AR2 = "وقال مدير إدارة الحدائق إن المشروع استغرق عامين وبلغت كلفته أربعة ملايين درهم، وإن الحديقة ستفتح أبوابها للجمهور يوميا."
AR3 = "وتضم الحديقة مسارا للمشي بطول كيلومترين وملاعب للأطفال ومواقف لنحو 300 سيارة."
ZH = "市政府3日宣布，将在明年新建三座城市公园，总投资约2亿元，预计2027年底前全部建成开放。"
ZH2 = "市园林局负责人表示，新公园将优先布局在老城区，方便周边居民就近休闲。"
JA = "市は3日、来年度に公園を3カ所新設すると発表した。総事業費は約20億円で、2027年度末までの完成を目指す。"
JA2 = "市の担当者は「住民の意見を聞きながら、使いやすい公園にしたい」と話した。"
KO = "시는 3일 내년에 도심 공원 3곳을 새로 조성한다고 밝혔다. 총사업비는 약 200억원으로, 2027년 말까지 모두 완공할 계획이다."
KO2 = '시 관계자는 "주민 의견을 충분히 듣고 설계에 반영하겠다"고 말했다.'
EN = "The state government will build three new ferry terminals by mid-2027, the transport committee chairman said on Tuesday, adding that tenders would open next month."
EN2 = "Commuters at the existing terminal said waiting times had grown longer since two vessels were withdrawn for repairs earlier this year."
MS = "Kerajaan negeri akan membina tiga terminal feri baharu menjelang pertengahan 2027, kata pengerusi jawatankuasa pengangkutan negeri pada Selasa."
ID = "Harga bawang merah di sejumlah pasar tradisional di Kota Malang naik hingga 30 persen dalam sepekan terakhir akibat pasokan yang berkurang."
TR = "İzmir'de barajlardaki doluluk oranı yüzde 18'e gerileyerek son yılların en düşük seviyesine indi."
SW = "Bei ya mahindi katika soko la Kongowea mjini Mombasa imepanda kwa asilimia 20 katika wiki mbili zilizopita"
# The first 300 characters are where older rules read any agency's bracket or dash as a dateline
# (credits.reading._DATELINE_DASH, credits.languages' CJK brackets): the look-alikes of a mark closing
# a paragraph stand after them, where only this pass's rules read (and as far from the end: the older sign-offs read the
# last 300).
JA_HEAD = (JA + JA2 + "\n\n") * 4
EN_HEAD = EN + " " + EN2 + "\n\n" + EN2 + "\n\n"
HA = "Gwamnatin Jihar Kaduna ta fara raba buhunan taki 80,000 ga manoman rani a kananan hukumomi goma"


def credited(article: dict[str, str]) -> str | None:
    found = decided(**article)
    return found[0] if found is not None and found[1] >= BAR else None


@pytest.mark.parametrize(
    ("article", "agency"),
    [
        # The agency's name as the byline in its own script (a portal's author field).
        ({"author": "연합뉴스", "body": KO}, "yonhap"),
        ({"author": "新华社记者 王磊", "body": ZH}, "xinhua"),
        ({"author": "共同通信社", "body": JA}, "kyodo"),
        ({"author": "وام", "body": AR}, "wam"),
        ({"author": "وكالة الأنباء السعودية", "body": AR}, "saudi-press-agency"),
        # The mark closing a paragraph of a local story that carries the wire's copy.
        ({"body": f"{JA2}\n\n{JA}（共同）\n\n{JA2}"}, "kyodo"),
        ({"body": f"{ZH2}\n\n{ZH}（中央社）\n\n{ZH2}"}, "cna"),
        ({"body": f"{AR2}\n\n{AR} (واس)\n\n{AR3}"}, "saudi-press-agency"),
        ({"body": f"{EN2}\n\n{EN} -- Bernama\n\n{EN2}"}, "bernama"),
        (
            {"body": f'{EN2}\n\n{EN} "We will not wait for the bridge," he said. (NAN)\n\n{EN2}'},
            "nan",
        ),
        ({"body": f"{EN2}\n\n{EN} (WAM)\n\n{EN2}"}, "wam"),
        # Datelines in Arabic: a place and a date, then the bracket.
        ({"body": f"الدوحة - 4 - 12 (قنا) -- {AR}\n\n{AR2}"}, "qna"),
        ({"body": f"عمان (بترا) - {AR}\n\n{AR2}"}, "petra"),
        # Credit lines.
        ({"body": f"{ZH}\n\n（综合新华社、中新社报道）"}, "xinhua"),
        ({"body": f"{ZH}\n\n來源：中央社"}, "cna"),
        ({"body": f"{ZH}\n\n（據韓聯社）"}, "yonhap"),
        ({"body": f"{KO}\n\n{KO2}\n\n연합뉴스 기사 일부 인용"}, "yonhap"),
        ({"body": f"{KO}\n\n<저작권자(c) 연합뉴스, 무단 전재-재배포 금지>"}, "yonhap"),
        ({"body": f"{AR}\n\n{AR2}\n\nالمصدر : وكالة الأنباء القطرية"}, "qna"),
        ({"body": f"{EN}\n\nWith AFP\n\n{EN2}"}, "afp"),
        ({"body": f"{EN}\n\nAdditional reporting from Bernama\n\n{EN2}"}, "bernama"),
        ({"body": f"{MS}\n\nLaporan tambahan oleh Bernama\n\n{MS}"}, "bernama"),
        ({"body": f"{TR}\n\nBu haber Anadolu Ajansı'ndan alınmıştır.\n\n{TR}"}, "anadolu"),
        # The running text of a translated rewrite.
        ({"body": f"据越通社报道，{ZH}"}, "vna"),
        ({"body": f"據馬來西亞國家新聞社報導，{ZH2}"}, "bernama"),
        ({"body": f"韓国の聯合ニュースの報道によると、{JA}"}, "yonhap"),
        ({"body": f"インドネシアのアンタラ通信が伝えた。{JA}"}, "antara"),
        ({"body": f"연합뉴스 보도에 따르면 {KO}"}, "yonhap"),
        ({"body": f"{AR} وفقاً لوكالة الأنباء الكويتية.\n\n{AR2}"}, "kuna"),
        ({"body": f"{AR}، نقلا عن وكالة الأنباء العمانية.\n\n{AR2}"}, "oman-news-agency"),
        ({"body": f"وذكرت وكالة الأنباء الجزائرية أن {AR2}"}, "algerie-presse-service"),
        ({"body": f"{ID}, menurut kantor berita ANTARA."}, "antara"),
        ({"body": f"{MS}, lapor Bernama."}, "bernama"),
        ({"body": f"{SW}, kwa mujibu wa shirika la habari la Uingereza, Reuters."}, "reuters"),
        ({"body": f"{HA}, a cewar NAN."}, "nan"),
    ],
)
def test_an_agency_credited_in_its_own_language(article: dict[str, str], agency: str) -> None:
    assert credited(article) == agency


@pytest.mark.parametrize(
    "article",
    [
        # Arabic brackets where no wire puts its mark: the name spelled out before them (an
        # earlier report, its photographer, its correspondent injured, told), or inside a
        # sentence.
        pytest.param(
            {
                "body": f"{AR}\n\nوكانت وكالة الأنباء القطرية (قنا) قد نقلت في يناير الماضي عن البلدية أن المشروع بلغ نصف مراحله.\n\n{AR2}"
            },
            id="ar_bracket_earlier_report",
        ),
        pytest.param(
            {
                "body": f"{AR}\n\n{AR2}\n\nوحضر الافتتاح عدد من الصحفيين، بينهم مصور وكالة الأنباء السعودية (واس)."
            },
            id="ar_bracket_photographer",
        ),
        pytest.param(
            {
                "body": f"{AR}\n\nوأصيب مراسل وكالة الأنباء الكويتية (كونا) بجروح طفيفة أثناء تغطية الحادث.\n\n{AR2}"
            },
            id="ar_bracket_correspondent_injured",
        ),
        pytest.param(
            {"body": f"وقال مدير الحدائق في تصريح لوكالة أنباء الإمارات (وام) إن {AR2}"},
            id="ar_bracket_told",
        ),
        pytest.param(
            {
                "body": f"{AR}\n\nوأظهر استطلاع أجرته (كونا) العام الماضي أن أغلب السكان يطالبون بمزيد من الحدائق.\n\n{AR2}"
            },
            id="ar_bracket_survey_mid_sentence",
        ),
        pytest.param(
            {
                "body": f"{AR}\n\nوقال المتحدث باسم الوزارة (واس) في المؤتمر إن العمل مستمر.\n\n{AR2}"
            },
            id="ar_bracket_mid_sentence",
        ),
        pytest.param(
            {"body": f"صورة أرشيفية (وام)\n\n{AR}\n\n{AR2}"}, id="ar_bracket_photo_caption"
        ),
        # Arabic source lines of a picture, or that go on.
        pytest.param({"body": f"{AR}\n\n{AR2}\n\nالصورة: وام"}, id="ar_photo_source"),
        pytest.param({"body": f"{AR}\n\n{AR2}\n\nتصوير: كونا"}, id="ar_photographed_by"),
        pytest.param({"body": f"{AR}\n\n{AR2}\n\nمصدر الصورة: وام"}, id="ar_source_of_the_photo"),
        pytest.param(
            {"body": f"{AR}\n\n{AR2}\n\nالمصدر: وام والصور من أرشيف الصحيفة"},
            id="ar_source_line_goes_on",
        ),
        # Arabic running text: an earlier report, the agency as employer or subject, told, a
        # survey, a place with the same letters.
        pytest.param(
            {"body": f"{AR} وذكرت وكالة الأنباء الكويتية في مارس الماضي أن المشروع تأخر.\n\n{AR2}"},
            id="ar_text_last_march",
        ),
        pytest.param(
            {"body": f"{AR} وكانت ذكرت وكالة أنباء الإمارات أن المشروع تأخر.\n\n{AR2}"},
            id="ar_text_pluperfect",
        ),
        pytest.param(
            {"body": f"{AR} وبحسب ما أفادت وكالة الأناضول قبل عامين، فإن المشروع تأخر.\n\n{AR2}"},
            id="ar_text_two_years_ago",
        ),
        pytest.param(
            {
                "body": f"{AR} ذكرت وكالة الأنباء الكويتية (كونا) العام الماضي أن الحديقة ستفتح.\n\n{AR2}"
            },
            id="ar_text_last_year_after_bracket",
        ),
        pytest.param(
            {
                "body": f"{AR}\n\nوافتتح المدير العام لوكالة أنباء الإمارات معرضا للصور في مقر الوكالة.\n\n{AR2}"
            },
            id="ar_text_about_the_agency",
        ),
        pytest.param(
            {
                "body": f"{AR}\n\nوبحسب استطلاع أجرته وكالة الأنباء القطرية العام الماضي فإن السكان راضون.\n\n{AR2}"
            },
            id="ar_text_survey_last_year",
        ),
        pytest.param(
            {"body": f"{AR}\n\nوقال المدير لوكالة الأنباء الكويتية إن العمل مستمر.\n\n{AR2}"},
            id="ar_text_told",
        ),
        pytest.param(
            {"body": f"{AR}\n\nونقلت صحيفة محلية عن مصادر في قنا أن الطريق أغلق.\n\n{AR2}"},
            id="ar_text_qena_the_city",
        ),
        pytest.param(
            {"body": f"{AR}\n\nبحسب قنا، وهي مدينة في صعيد مصر، فإن الطريق أغلق.\n\n{AR2}"},
            id="ar_text_short_name_that_is_a_place",
        ),
        # Bylines of the paper, of a former reporter, of a picture, of another company.
        pytest.param({"author": "本报记者 杨小红", "body": ZH}, id="byline_own_reporter"),
        pytest.param({"author": "前新华社记者 张三", "body": ZH}, id="byline_former_reporter"),
        pytest.param({"author": "图/新华社", "body": ZH}, id="byline_picture"),
        pytest.param({"author": "사진=연합뉴스", "body": KO}, id="byline_korean_picture"),
        pytest.param({"author": "연합뉴스TV 제작팀", "body": KO}, id="byline_yonhap_tv"),
        pytest.param({"author": "صورة: وام", "body": AR}, id="byline_arabic_picture"),
        # CJK brackets under a picture, inside a sentence, after a short line, not the name alone.
        pytest.param(
            {"body": f"{JA_HEAD}写真は記者会見する市長＝3日午前、市役所。（共同）\n\n{JA_HEAD}"},
            id="cjk_caption_photo",
        ),
        pytest.param(
            {"body": f"{JA_HEAD}图为游客在新开放的步道上行走。（中央社）\n\n{JA_HEAD}"},
            id="cjk_caption_tuwei",
        ),
        pytest.param({"body": f"{JA_HEAD}市長が会見。（時事）\n\n{JA_HEAD}"}, id="cjk_short_line"),
        pytest.param({"body": f"{JA}と話した（時事通信社提供）\n\n{JA2}"}, id="cjk_provided_photo"),
        pytest.param({"body": f"{ZH}\n\n（新华社记者张三摄）\n\n{ZH2}"}, id="cjk_photographer"),
        pytest.param(
            {"body": f"{JA}\n\n出席者：佐藤氏（共同）、鈴木氏（時事）\n\n{JA2}"},
            id="cjk_list_of_names",
        ),
        # Chinese and Korean lines of a picture, of data, or that go on.
        pytest.param({"body": f"{ZH}\n\n图片来源：新华社"}, id="zh_picture_source"),
        pytest.param({"body": f"{ZH}\n\n视频来源：中央社"}, id="zh_video_source"),
        pytest.param({"body": f"{ZH}\n\n来源：新华社记者调查"}, id="zh_source_goes_on"),
        # A chart's data source (after prose, the same line is the story's credit: pass 17).
        pytest.param({"body": f"{ZH}\n\n图表：各地气温\n资料来源：中央社"}, id="zh_data_source"),
        pytest.param({"body": f"{KO}\n\n사진=연합뉴스"}, id="ko_photo"),
        pytest.param({"body": f"{KO}\n\n[연합뉴스 자료사진]"}, id="ko_file_photo"),
        pytest.param({"body": f"{KO}\n\n(사진=연합뉴스 제공)"}, id="ko_photo_provided"),
        pytest.param({"body": f"{KO}\n\n연합뉴스 제공"}, id="ko_provided_alone"),
        pytest.param({"body": f"{KO}\n\n그래픽=연합뉴스"}, id="ko_graphic"),
        pytest.param({"body": f"{KO}\n\n출처: 연합뉴스 자료사진"}, id="ko_source_of_a_photo"),
        # CJK running text: an earlier report, a reporter injured, a survey, an interview.
        pytest.param({"body": f"据新华社去年报道，{ZH}"}, id="zh_last_year"),
        pytest.param({"body": f"据韩联社此前报道，{ZH}"}, id="zh_previously"),
        pytest.param({"body": f"{ZH}一名新华社记者在采访中受伤。"}, id="zh_reporter_injured"),
        pytest.param(
            {"body": f"共同通信社が昨年実施した世論調査によると、{JA}"}, id="ja_survey_last_year"
        ),
        pytest.param({"body": f"{JA}共同通信の記者が負傷した。"}, id="ja_reporter_injured"),
        pytest.param({"body": f"市と県が共同で伝えた。{JA}"}, id="ja_kyodo_the_word"),
        pytest.param({"body": f"연합뉴스가 지난해 보도한 바와 같이 {KO}"}, id="ko_last_year"),
        pytest.param({"body": f"{KO} 연합뉴스 기자가 현장에서 다쳤다."}, id="ko_reporter_injured"),
        pytest.param({"body": f"시장은 연합뉴스와의 인터뷰에서 {KO}"}, id="ko_interview"),
        # Sign-offs mid-story that are no agency's: a picture, a person, a short line, words on.
        pytest.param(
            {
                "body": f"{EN_HEAD}Commuters board a ferry at the Raja Tun Uda terminal in George Town on Monday. -- Bernama\n\n{EN_HEAD}"
            },
            id="dash_caption",
        ),
        pytest.param(
            {
                "body": f"{EN}\n\nThe final was decided on penalties after a goalless draw in Manila. -- AFP Photo\n\n{EN2}"
            },
            id="dash_afp_photo",
        ),
        pytest.param(
            {
                "body": f'{EN}\n\n"We will not wait for the bridge, we will take the boat," said one commuter. -- Jane Doe\n\n{EN2}'
            },
            id="dash_a_person",
        ),
        pytest.param({"body": f"{EN_HEAD}Photo -- Bernama\n\n{EN_HEAD}"}, id="dash_short_line"),
        pytest.param(
            {
                "body": f"{EN}\n\nHe joined the agency in 1998 after years of working for a rival wire service. -- Former Bernama editor\n\n{EN2}"
            },
            id="dash_former_editor",
        ),
        pytest.param(
            {
                "body": f"{EN} -- Bernama, which turns 58 this year, will cover the launch live.\n\n{EN2}"
            },
            id="dash_words_go_on",
        ),
        # Capitals closing a paragraph that are no agency's mark.
        pytest.param(
            {
                "body": f"{EN}\n\nFarmers collect fertiliser at a distribution centre in Bunkure on Sunday. (NAN)\n\n{EN2}"
            },
            id="caps_caption",
        ),
        pytest.param(
            {"body": f"{EN}\n\nUpdated at 10:00 today. (NAN)\n\n{EN2}"}, id="caps_short_line"
        ),
        pytest.param(
            {
                "body": f"The Association of Nigerian Importers (ANI) met on Monday to discuss the new tariffs and port fees.\n\n{EN} The importers said the fees were too high. (ANI)\n\n{EN2}"
            },
            id="caps_introduced_abbreviation",
        ),
        pytest.param(
            {
                "body": f"{EN}\n\nThe value was recorded as not a number in the first week's data. (NaN)\n\n{EN2}"
            },
            id="caps_mixed_case",
        ),
        pytest.param(
            {
                "body": f"{EN}\n\nThe route of the new ferry line and its three terminals is shown in the graphic below. (MAP)\n\n{EN2}"
            },
            id="caps_graphic",
        ),
        # Lines that are no credit line.
        pytest.param({"body": f"{EN}\n\nWith thanks to Reuters\n\n{EN2}"}, id="line_with_thanks"),
        pytest.param({"body": f"{EN}\n\nWith AP Photos\n\n{EN2}"}, id="line_with_photos"),
        pytest.param({"body": f"{EN}\n\nWith Map\n\n{EN2}"}, id="line_with_map"),
        pytest.param(
            {"body": f"{EN}\n\nAdditional reporting: Jane Doe in Seoul.\n\n{EN2}"},
            id="line_reporting_a_person",
        ),
        pytest.param(
            {
                "body": f"{EN}\n\nWith Bernama's help, the team mapped every ferry route in the state.\n\n{EN2}"
            },
            id="line_with_goes_on",
        ),
        pytest.param(
            {"body": f"{TR}\n\nFotoğraf Anadolu Ajansı'ndan alınmıştır.\n\n{TR}"},
            id="tr_photo_taken_from",
        ),
        pytest.param(
            {"body": f"{TR}\n\nFotoğraflar AA'dan alınmıştır.\n\n{TR}"}, id="tr_photos_taken_from"
        ),
        pytest.param(
            {"body": f"{MS}\n\nDengan laporan tambahan daripada wartawan kami\n\n{MS}"},
            id="ms_our_reporters",
        ),
        # Indonesian and Malay running text: "antara" the word, an earlier report, a survey,
        # a reporter, told, a company with the same letters, "bernama" (named).
        pytest.param(
            {"body": f"{ID} Kenaikan ini, antara lain, disebabkan hujan deras."},
            id="id_antara_lain",
        ),
        pytest.param(
            {"body": f"Antara lain, pedagang mengeluhkan pasokan. {ID}"},
            id="id_antara_lain_at_start",
        ),
        pytest.param(
            {"body": f"{ID} Perjalanan antara Malang dan Surabaya juga terganggu."},
            id="id_antara_between",
        ),
        pytest.param(
            {"body": f"{ID} Menurut survei ANTARA tahun lalu, harga biasanya turun."},
            id="id_survey_last_year",
        ),
        pytest.param(
            {"body": f"{ID} Hal itu dilaporkan ANTARA pada Maret lalu."}, id="id_reported_in_march"
        ),
        pytest.param(
            {"body": f"{ID} Seorang wartawan ANTARA terluka saat meliput."},
            id="id_reporter_injured",
        ),
        pytest.param({"body": f'{ID} "Kami rugi besar," kata dia kepada ANTARA.'}, id="id_told"),
        pytest.param(
            {"body": f"{ID} PT Antara Niaga melaporkan laba naik 12 persen."},
            id="id_company_same_letters",
        ),
        pytest.param(
            {"body": f"{MS} Menurut seorang lelaki bernama Ali, air naik sejak pagi."},
            id="ms_named_the_word",
        ),
        pytest.param(
            {"body": f"{ID} Menurut ANTARA beberapa tahun lalu, harga sempat turun."},
            id="id_years_ago",
        ),
        # Swahili and Hausa: an earlier report, a reporter, a person, a given name.
        pytest.param(
            {"body": f"{SW}, kwa mujibu wa ripoti ya Xinhua ya mwaka jana."},
            id="sw_report_last_year",
        ),
        pytest.param({"body": f"{SW}, kwa mujibu wa Xinhua mwaka jana."}, id="sw_last_year"),
        pytest.param(
            {"body": f"{SW}. Mwandishi wa Xinhua alijeruhiwa sokoni."}, id="sw_reporter_injured"
        ),
        pytest.param({"body": f"{SW}, kwa mujibu wa Waziri Musa Juma."}, id="sw_a_minister"),
        pytest.param({"body": f"{HA}, a cewar Nan."}, id="ha_given_name"),
        pytest.param({"body": f"{HA}, kamar yadda NAN ta ruwaito a bara."}, id="ha_last_year"),
        pytest.param({"body": f"{HA}, kamar yadda Musa Danladi ya ruwaito."}, id="ha_a_person"),
    ],
)
def test_a_look_alike_credits_no_agency(article: dict[str, str]) -> None:
    assert credited(article) is None
