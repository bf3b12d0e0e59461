# ruff: noqa: E501
"""Credits, pass 14 (docs/matching.md, "Credits, pass 14 (held-out 10's misses, seen)"): the
South Asian agencies' source lines, frames and datelines in Hindi, Nepali, Bengali and Urdu; the
Persian, Greek and Ukrainian ones; the English full names with "of"; and the syndication
networks' "- with AAP", "(TNS)" bylines, Tribune Content Agency footers and "contributed to this
story". With the look-alikes that must credit nobody: an interview given to the agency, a story
about it or its correspondent, an earlier report, a picture's credit."""

import pytest
from fastapi.testclient import TestClient

from tests.ingest.credit_support import credited_origin
from tests.ingest.test_credit_shapes import decided

BAR = 0.7
HI = "महाराष्ट्र के पालघर जिले में बुधवार को एक कारखाने में आग लगने से चार मजदूरों की मौत हो गई।"
HI_MORE = "दमकल की आठ गाड़ियों ने तीन घंटे में आग पर काबू पाया।"
NE = "झापाको कचनकवलमा शनिबार राति जङ्गली हात्तीको आक्रमणबाट दुई जनाको मृत्यु भएको छ।"
BN = "শনিবার সকালে পঞ্চগড়ের তেঁতুলিয়ায় চলতি মৌসুমের সর্বনিম্ন তাপমাত্রা রেকর্ড করা হয়েছে।"
UR = "پنجاب حکومت نے لاہور میں اسموگ کے باعث تمام اسکول تین روز کے لیے بند کر دیے ہیں۔"
FA = "زمین‌لرزه‌ای به بزرگی ۵.۱ ریشتر بامداد پنجشنبه شهرستان راور را لرزاند و به ۴۰ واحد مسکونی آسیب رساند."
EL = "Δεμένα θα παραμείνουν την Πέμπτη τα πλοία σε όλα τα λιμάνια της χώρας λόγω της απεργίας."
UK = "У Житомирі після реконструкції відкрили рух мостом через річку Тетерів."
EN = (
    "Three homes were destroyed and a firefighter was injured as a grass fire tore through "
    "farmland north of Dubbo on Saturday.\n\n"
    "The fire burnt more than 2400 hectares in four hours, the Rural Fire Service said."
)


# --- 1. The agencies in their own scripts (agencies only, no database) ---------------------
@pytest.mark.parametrize(
    ("article", "slug"),
    [
        # Hindi: source lines, "with input from", "according to", the agency reporting.
        pytest.param(
            {"body": f"{HI}\n\n{HI_MORE}\n\n(इनपुट: आईएएनएस)"}, "ians", id="hi_input_bracket"
        ),
        pytest.param({"body": f"{HI}\n\nइनपुट - भाषा"}, "pti", id="hi_input_dash_bhasha"),
        pytest.param({"body": f"{HI}\n\nसाभार: पीटीआई"}, "pti", id="hi_courtesy"),
        pytest.param({"body": f"{HI}\n\n(भाषा इनपुट के साथ)"}, "pti", id="hi_with_input"),
        pytest.param(
            {"body": f"पीटीआई के मुताबिक {HI} {HI_MORE}"}, "pti", id="hi_according_muatabik"
        ),
        pytest.param(
            {"body": f"समाचार एजेंसी आईएएनएस के अनुसार, {HI}"}, "ians", id="hi_according_anusar"
        ),
        pytest.param(
            {"body": f"{HI} समाचार एजेंसी पीटीआई ने अधिकारियों के हवाले से यह जानकारी दी।"},
            "pti",
            id="hi_agency_reported",
        ),
        # What was given first, the agency after it: "news agency ANI gave this information".
        pytest.param(
            {"body": f"{HI} यह जानकारी समाचार एजेंसी पीटीआई ने दी।"}, "pti", id="hi_given_by_agency"
        ),
        pytest.param({"body": f"{HI} यह खबर आईएएनएस ने दी है।"}, "ians", id="hi_news_given_by"),
        pytest.param(
            {"body": f"{HI} समाचार एजेंसी भाषा के अनुसार हादसा सुबह हुआ।"},
            "pti",
            id="hi_bhasha_after_agency_word",
        ),
        pytest.param(
            {"body": HI, "author": "इंडो-एशियन न्यूज़ सर्विस"}, "ians", id="hi_byline_full_name"
        ),
        pytest.param(
            {"body": HI, "author": "इंडो एशियन न्यूज सर्विस"}, "ians", id="hi_byline_without_nukta"
        ),
        # Nepali: RSS's dateline, source line, "has stated".
        pytest.param({"body": f"भद्रपुर, २० मङ्सिर (रासस) : {NE}"}, "rss", id="ne_dateline"),
        pytest.param({"body": f"{NE}\n\nस्रोत: राष्ट्रिय समाचार समिति"}, "rss", id="ne_source_full"),
        pytest.param({"body": f"{NE}\n\nस्रोत: रासस"}, "rss", id="ne_source_short"),
        pytest.param(
            {"body": "दुई जनाको मृत्यु भएको छ, राष्ट्रिय समाचार समिति (रासस) ले जनाएको छ।"},
            "rss",
            id="ne_has_stated",
        ),
        pytest.param({"body": f"राससले जनाएको छ कि {NE}"}, "rss", id="ne_has_stated_attached"),
        # Bengali: source lines, byline, "BSS reports".
        pytest.param({"body": f"{BN}\n\nতথ্যসূত্র: বাসস"}, "bss", id="bn_source_tathyasutra"),
        pytest.param({"body": f"{BN}\n\nসূত্র: ইউএনবি"}, "unb", id="bn_source_sutra_unb"),
        pytest.param({"body": BN, "author": "বাংলাদেশ সংবাদ সংস্থা"}, "bss", id="bn_byline_full_name"),
        pytest.param(
            {"body": f"{BN} বাসস জানিয়েছে, আগামী কয়েক দিন তাপমাত্রা আরও কমতে পারে।"}, "bss", id="bn_reports"
        ),
        # Urdu: "according to APP", the dateline in brackets, "courtesy of".
        pytest.param(
            {"body": f"اے پی پی کے مطابق {UR}"}, "associated-press-of-pakistan", id="ur_according"
        ),
        pytest.param(
            {"body": f"لاہور (اے پی پی): {UR}"}, "associated-press-of-pakistan", id="ur_dateline"
        ),
        pytest.param(
            {"body": f"{UR}\n\nبشکریہ: اے پی پی"}, "associated-press-of-pakistan", id="ur_courtesy"
        ),
        # Persian: IRNA's dateline, "as IRNA reports", the source line, the full name as a byline.
        pytest.param({"body": f"کرمان- ایرنا- {FA}"}, "irna", id="fa_dateline"),
        pytest.param({"body": f"به گزارش ایرنا، {FA}"}, "irna", id="fa_according"),
        pytest.param({"body": f"به گزارش خبرگزاری مهر، {FA}"}, "mehr", id="fa_according_mehr"),
        pytest.param({"body": f"به نقل از خبرگزاری تسنیم، {FA}"}, "tasnim", id="fa_quoting_tasnim"),
        pytest.param({"body": f"{FA}\n\nمنبع: ایرنا"}, "irna", id="fa_source"),
        pytest.param(
            {"body": FA, "author": "خبرگزاری جمهوری اسلامی"}, "irna", id="fa_byline_full_name"
        ),
        # Greek: the source line, "with information from", "reports", "according to".
        pytest.param({"body": f"{EL}\n\nΠηγή: ΑΠΕ-ΜΠΕ"}, "ana-mpa", id="el_source"),
        pytest.param(
            {"body": f"{EL}\n\nΜε πληροφορίες από το ΑΠΕ-ΜΠΕ"}, "ana-mpa", id="el_with_information"
        ),
        pytest.param(
            {
                "body": f"{EL} Η απεργία ξεκινά στις έξι, μεταδίδει το Αθηναϊκό-Μακεδονικό Πρακτορείο Ειδήσεων."
            },
            "ana-mpa",
            id="el_reports_full_name",
        ),
        pytest.param(
            {"body": f"{EL} Σύμφωνα με το ΑΠΕ, ο διάλογος συνεχίζεται."},
            "ana-mpa",
            id="el_according_bare_with_article",
        ),
        pytest.param(
            {"body": EL, "author": "Αθηναϊκό-Μακεδονικό Πρακτορείο Ειδήσεων"},
            "ana-mpa",
            id="el_byline_full_name",
        ),
        # Ukrainian and Russian source lines, the name declined.
        pytest.param(
            {"body": f"{UK}\n\nЗа матеріалами Укрінформу"}, "ukrinform", id="uk_materials"
        ),
        pytest.param({"body": f"{UK}\n\nЗа інформацією УНІАН"}, "unian", id="uk_information_unian"),
        pytest.param({"body": f"{UK}\n\nПо материалам ТАСС"}, "tass", id="ru_materials_tass"),
        # English: full names with "of", and "- with AAP".
        pytest.param(
            {
                "body": f"{EN} Schools will stay shut, the state-run Associated Press of Pakistan reported."
            },
            "associated-press-of-pakistan",
            id="en_of_name_reported",
        ),
        pytest.param(
            {"body": f"According to the Press Trust of India, {EN}"},
            "pti",
            id="en_of_name_according",
        ),
        pytest.param({"body": f"{EN}\n\n- with AAP"}, "aap", id="en_with_aap"),
        pytest.param(
            {"body": f"{EN}\n\n\u2014 with Reuters"}, "reuters", id="en_with_reuters_em_dash"
        ),
    ],
)
def test_agencies_in_their_own_scripts_are_credited(article: dict[str, str], slug: str) -> None:
    found = decided(**article)
    assert found is not None
    assert found[0] == slug
    assert found[1] >= BAR


@pytest.mark.parametrize(
    "article",
    [
        # Told the agency, in an interview or to its reporter.
        pytest.param({"body": f"{HI} कंपनी के निदेशक ने पीटीआई से कहा कि जांच होगी।"}, id="hi_told_pti"),
        pytest.param({"body": f"{NE} अध्यक्ष गिरीले रासससँग भने।"}, id="ne_told_rss"),
        pytest.param({"body": f"{HI} यह जानकारी पुलिस ने पीटीआई को दी।"}, id="hi_given_to_pti"),
        pytest.param({"body": f"{HI} यह जानकारी पीटीआई ने पिछले साल दी थी।"}, id="hi_given_earlier"),
        pytest.param({"body": f"{BN} কর্মকর্তা বাসসকে জানান, আর্দ্রতা ছিল ৯৬ শতাংশ।"}, id="bn_told_bss"),
        pytest.param(
            {"body": f"{FA} مدیرکل به خبرنگار ایرنا گفت که تلفات جانی نداشته‌ایم."},
            id="fa_told_irna_reporter",
        ),
        pytest.param(
            {"body": f"{FA} صادقی در گفت‌وگو با ایرنا گفته بود که طرح تمام می‌شود."},
            id="fa_interview_irna",
        ),
        pytest.param(
            {"body": f"{EL} Πηγές του υπουργείου ανέφεραν στο ΑΠΕ-ΜΠΕ ότι ο διάλογος συνεχίζεται."},
            id="el_told_ana",
        ),
        # Earlier reports, recalled with their time or in the pluperfect.
        pytest.param(
            {"body": f"{HI} पिछले साल पीटीआई के मुताबिक यहां दो हादसे हुए थे।"}, id="hi_earlier_last_year"
        ),
        pytest.param(
            {"body": f"{BN} গত বছরের জানুয়ারিতে বাসস জানিয়েছিল, তাপমাত্রা ৫ ডিগ্রিতে নেমেছিল।"},
            id="bn_had_reported",
        ),
        pytest.param(
            {"body": f"{UR} اے پی پی نے گزشتہ برس نومبر میں رپورٹ کیا تھا کہ بھٹے منتقل ہوئے۔"},
            id="ur_reported_last_year",
        ),
        pytest.param(
            {"body": f"{UR} گزشتہ برس اے پی پی کے مطابق بھٹے منتقل ہوئے تھے۔"},
            id="ur_according_last_year",
        ),
        pytest.param(
            {
                "body": f"{EN} The Associated Press of Pakistan reported last year that kilns had moved."
            },
            id="en_of_name_last_year",
        ),
        # The agency as the subject of the story, or its staff.
        pytest.param(
            {"body": f"{NE} राष्ट्रिय समाचार समितिका झापा संवाददाता पनि घाइते भएका छन्।"},
            id="ne_rss_correspondent",
        ),
        pytest.param(
            {"body": f"{EL} Στη στάση εργασίας συμμετέχουν και οι δημοσιογράφοι του ΑΠΕ-ΜΠΕ."},
            id="el_ana_journalists",
        ),
        pytest.param(
            {"body": f"{EL} Σύμφωνα με τις ΑΠΕ, η παραγωγή αυξήθηκε."}, id="el_renewables_ape"
        ),
        pytest.param({"body": f"{FA} به گزارش مهر ماه، بارش‌ها کم بود."}, id="fa_mehr_the_month"),
        pytest.param({"body": f"{HI} भाषा के अनुसार शब्दों का अर्थ बदलता है।"}, id="hi_bhasha_the_word"),
        # A picture's credit.
        pytest.param(
            {"body": f"{HI}\n\nफोटो: आईएएनएस — मथुरा के पास टकराए वाहन।"}, id="hi_photo_ians"
        ),
        pytest.param({"body": f"{UK}\n\nФото: Укрінформ"}, id="uk_photo"),
        pytest.param({"body": f"{FA}\n\nعکس: ایرنا"}, id="fa_photo"),
        # A source line that goes on after the name; "with AAP" inside the story.
        pytest.param({"body": f"{NE}\n\nस्रोत: रासस र स्थानीय प्रशासन"}, id="ne_source_goes_on"),
        pytest.param(
            {
                "body": f"{EN} A similar claim was found false by AAP FactCheck, working with AAP reporters."
            },
            id="en_with_aap_inside",
        ),
    ],
)
def test_look_alikes_in_their_own_scripts_credit_nobody(article: dict[str, str]) -> None:
    found = decided(**article)
    assert found is None or found[1] < BAR


# --- 2. Papers' syndication marks, through ingest ------------------------------------------
PAPERS = {
    "chicago-tribune": ("Chicago Tribune", "chicagotribune.com", "newspaper"),
    "columbus-dispatch": ("The Columbus Dispatch", "dispatch.com", "newspaper"),
    "rss-nepal": ("Rastriya Samachar Samiti", "rss.com.np", "wire_agency"),
}
TOLL = (
    "The Illinois Tollway board on Tuesday approved a 10% toll increase for commercial trucks "
    "starting Jan. 1, 2027, the first increase for heavy vehicles since 2017.\n\n"
    "Tolls for passenger cars are unchanged, officials said."
)


def credited_to(
    client: TestClient, body: str, author: str | None = None
) -> tuple[str, float] | None:
    return credited_origin(
        client,
        body,
        stored=PAPERS,
        title="Truck tolls to rise 10% on Illinois tollways",
        claim="The Illinois Tollway will raise truck tolls by 10% in 2027.",
        author=author,
    )


@pytest.mark.parametrize(
    ("body", "author", "slug"),
    [
        pytest.param(
            TOLL, "Maya Delgado, Chicago Tribune (TNS)", "chicago-tribune", id="tns_byline"
        ),
        pytest.param(
            TOLL,
            "By Maya Delgado, Chicago Tribune (Tribune News Service)",
            "chicago-tribune",
            id="tns_byline_spelled",
        ),
        pytest.param(
            TOLL
            + "\n\n\u00a92026 Chicago Tribune. Visit chicagotribune.com. Distributed by Tribune Content Agency, LLC.",
            None,
            "chicago-tribune",
            id="tca_footer",
        ),
        pytest.param(
            TOLL + "\n\nThe Columbus Dispatch contributed to this story.",
            None,
            "columbus-dispatch",
            id="contributed_to_this_story",
        ),
        pytest.param(
            TOLL + "\n\nThe Chicago Tribune contributed to this article.",
            None,
            "chicago-tribune",
            id="contributed_to_this_article",
        ),
        pytest.param(
            "भद्रपुर, २० मङ्सिर (रासस) : " + NE,
            None,
            "rss-nepal",
            id="stored_rss_by_its_devanagari_name",
        ),
    ],
)
def test_syndication_marks_credit_the_paper(
    client: TestClient, body: str, author: str | None, slug: str
) -> None:
    found = credited_to(client, body, author)
    assert found is not None
    assert found[0] == slug
    assert found[1] >= BAR


@pytest.mark.parametrize(
    ("body", "author"),
    [
        pytest.param(
            TOLL
            + " A Tribune News Service analysis last year ranked the road among the most expensive.",
            None,
            id="tns_analysis_in_text",
        ),
        pytest.param(
            TOLL
            + " A 2025 Chicago Tribune investigation found the agency had paid $31 million in overtime.",
            None,
            id="tribune_investigation",
        ),
        pytest.param(TOLL, "Maya Delgado (TNS)", id="tns_byline_without_paper"),
        pytest.param(
            TOLL + "\n\nAides to the mayor contributed to this story.",
            None,
            id="contributed_by_aides",
        ),
    ],
)
def test_syndication_look_alikes_credit_nobody(
    client: TestClient, body: str, author: str | None
) -> None:
    found = credited_to(client, body, author)
    assert found is None or found[1] < BAR
