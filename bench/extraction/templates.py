"""Page shapes for the extraction quality set, each modelled on a kind of news page met in the
wild: a WordPress newspaper theme (Yoast JSON-LD @graph, comments), a large-publisher CMS (ad
slots and "read more" links inside the body, most-read rail), an AMP page, a live blog
(LiveBlogPosting, newest entry first, key events), a paywalled teaser, an old table-layout
regional paper (today's date in the masthead, the date only in text), a wire-service story
(dateline, itemprop microdata), a personal blog (date only as "Aug 30, 2026"), German, French,
Spanish, Italian and Dutch CMS pages, a magazine with non-standard date meta tags.

Every page carries what makes extraction hard: cookie banners, navigation, related and most-read
lists with their own dates, captions, comments, newsletter boxes, footers.
"""

import html
import json
from typing import Any

E = html.escape

COOKIE = {
    "en": (
        "We use cookies to improve your experience, measure our audience and show you "
        "personalised advertising. You can change your choices at any time.",
        "Accept all",
        "Manage options",
    ),
    "de": (
        "Wir verwenden Cookies und ähnliche Technologien, um Inhalte zu personalisieren und "
        "Zugriffe zu analysieren. Sie können Ihre Einwilligung jederzeit widerrufen.",
        "Alle akzeptieren",
        "Einstellungen",
    ),
    "fr": (
        "Nous utilisons des cookies pour mesurer l'audience et vous proposer des publicités "
        "personnalisées. Vous pouvez modifier vos choix à tout moment.",
        "Tout accepter",
        "Paramétrer",
    ),
    "es": (
        "Utilizamos cookies propias y de terceros para analizar la navegación y mostrarte "
        "publicidad personalizada. Puedes cambiar la configuración en cualquier momento.",
        "Aceptar",
        "Configurar",
    ),
    "it": (
        "Questo sito utilizza cookie tecnici e di profilazione, anche di terze parti, per "
        "migliorare la navigazione e mostrarti pubblicità in linea con le tue preferenze.",
        "Accetta",
        "Personalizza",
    ),
    "nl": (
        "Wij gebruiken cookies om de site goed te laten werken, het gebruik te meten en "
        "advertenties aan te passen aan je interesses.",
        "Akkoord",
        "Instellingen",
    ),
}

RELATED = {
    "en": [
        "Harbour authority names new chief executive",
        "Five walks along the Aske this autumn",
        "Letters: the bypass debate continues",
        "Carrow named among best places to live",
    ],
    "de": [
        "Neue Radwege für die Innenstadt geplant",
        "Wochenmarkt zieht auf den Schlossplatz",
        "Polizei sucht Zeugen nach Einbruch",
        "Sommerferien: Das ist los in der Region",
    ],
    "fr": [
        "Le marché de Noël ouvrira plus tôt cette année",
        "La piscine municipale fermée pour travaux",
        "Trois nouvelles lignes de bus à la rentrée",
        "Les commerçants du centre inquiets",
    ],
    "es": [
        "El mercado de abastos cerrará por obras en enero",
        "Nueva línea de autobús al hospital",
        "Las fiestas patronales tendrán menos ruido",
        "El paro baja por tercer mes consecutivo",
    ],
    "it": [
        "Nuovo parcheggio in centro entro l'estate",
        "Festa del patrono, il programma completo",
        "Lavori sulla provinciale, strada chiusa",
        "La biblioteca amplia gli orari",
    ],
    "nl": [
        "Gemeente wil meer groen op het plein",
        "Nieuwe huisartsenpost in Heerendal",
        "Brug over de Vliet twee weken dicht",
        "Zwembad krijgt zonnepanelen",
    ],
}

RELATED_DATES = [
    "2026-12-03T18:20:00+00:00",
    "2026-12-02T07:05:00+00:00",
    "2026-11-29T12:45:00+00:00",
    "2026-10-11T09:10:00+00:00",
]


def body_html(article: dict[str, Any], *, p_class: str = "", extras_inside: bool = True) -> str:
    """The article's paragraphs, with the interruptions real bodies carry (caption, ad slot,
    read-more link) placed among them; none of these is part of the gold text."""
    extras = article["extras"]
    attr = f' class="{p_class}"' if p_class else ""
    out = []
    for i, para in enumerate(article["paragraphs"]):
        if para.startswith("## "):
            out.append(f"<h2>{E(para[3:])}</h2>")
        else:
            out.append(f"<p{attr}>{E(para)}</p>")
        if not extras_inside:
            continue
        if i == 0 and extras.get("caption"):
            out.append(
                f'<figure class="article-image"><img src="/img/{article["id"]}.jpg" alt="" width="800" height="450">'
                f"<figcaption>{E(extras['caption'])}</figcaption></figure>"
            )
        if extras.get("ad_after") == i:
            out.append(
                '<div class="ad-slot ad-slot--inarticle" data-ad-unit="mid1"><span class="ad-label">Advertisement</span></div>'
            )
        if extras.get("readmore") and i == 2:
            out.append(
                f'<p class="read-more"><strong><a href="/news/related-1">{E(extras["readmore"])}</a></strong></p>'
            )
    return "\n".join(out)


def cookie_banner(lang: str) -> str:
    text, yes, more = COOKIE[lang]
    return (
        f'<div id="cookie-consent" class="cmp-banner" role="dialog" aria-label="cookies"><p>{E(text)}</p>'
        f'<button class="cmp-accept">{E(yes)}</button><button class="cmp-settings">{E(more)}</button>'
        f'<a href="/privacy">Privacy</a></div>'
    )


def nav(items: list[str]) -> str:
    return (
        '<nav class="main-nav"><ul>'
        + "".join(f'<li><a href="/{E(i.lower())}">{E(i)}</a></li>' for i in items)
        + "</ul></nav>"
    )


def related(lang: str, *, heading: str, with_times: bool = True, cls: str = "related") -> str:
    items = []
    for i, title in enumerate(RELATED[lang]):
        stamp = (
            f' <time datetime="{RELATED_DATES[i]}">{RELATED_DATES[i][:10]}</time>'
            if with_times
            else ""
        )
        items.append(f'<li><a href="/news/{i}-{len(title) * 37 % 9999}">{E(title)}</a>{stamp}</li>')
    return f'<aside class="{cls}"><h3>{E(heading)}</h3><ul>{"".join(items)}</ul></aside>'


def comments(article: dict[str, Any], heading: str) -> str:
    texts = article["extras"].get("comments") or []
    if not texts:
        return ""
    items = "".join(
        f'<li class="comment"><div class="comment-author">reader{n + 7}</div>'
        f'<div class="comment-meta"><time datetime="2026-12-0{n + 1}T10:0{n}:00Z">{n + 1} December 2026 at 10:0{n}</time></div>'
        f'<div class="comment-content"><p>{E(t)}</p></div></li>'
        for n, t in enumerate(texts)
    )
    return f'<section id="comments" class="comments-area"><h2 class="comments-title">{E(heading)}</h2><ol class="comment-list">{items}</ol></section>'


def json_ld(obj: dict[str, Any]) -> str:
    return f'<script type="application/ld+json">{json.dumps(obj, ensure_ascii=False)}</script>'


def news_ld(article: dict[str, Any], url: str, kind: str = "NewsArticle") -> dict[str, Any]:
    dates = article["dates"]
    obj: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": kind,
        "headline": article["headline"],
        "mainEntityOfPage": url,
        "author": [
            {"@type": "Person", "name": n.strip()} for n in article["byline"].split(" and ")
        ],
        "publisher": {
            "@type": "Organization",
            "name": "The Gazette",
            "logo": {"@type": "ImageObject", "url": "https://example.org/logo.png"},
        },
        "image": [f"https://example.org/img/{article['id']}.jpg"],
    }
    if dates.get("jsonld"):
        obj["datePublished"] = dates["jsonld"]
    if dates.get("jsonld_modified"):
        obj["dateModified"] = dates["jsonld_modified"]
    return obj


def head(
    article: dict[str, Any], url: str, *, extra: str = "", title_suffix: str = " | The Gazette"
) -> str:
    dates = article["dates"]
    metas = [
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{E(article['headline'])}{E(title_suffix)}</title>",
        f'<link rel="canonical" href="{url}">',
        f'<meta property="og:title" content="{E(article["headline"])}">',
        '<meta property="og:type" content="article">',
        f'<meta property="og:url" content="{url}">',
        f'<meta name="description" content="{E(article["paragraphs"][0][:150] if not article["paragraphs"][0].startswith("## ") else article["headline"])}">',
    ]
    if dates.get("og"):
        metas.append(f'<meta property="article:published_time" content="{dates["og"]}">')
        metas.append(f'<meta property="article:section" content="{E(article["section"])}">')
    if dates.get("meta_name"):
        name, value = dates["meta_name"]
        metas.append(f'<meta name="{name}" content="{value}">')
    metas.append('<link rel="stylesheet" href="/assets/site.css">')
    metas.append('<script async src="/assets/analytics.js"></script>')
    return "<head>\n" + "\n".join(metas) + "\n" + extra + "\n</head>"


def url_of(article: dict[str, Any], host: str, dated: bool = True) -> str:
    day = article["gold"][:10].replace("-", "/")
    return (
        f"https://{host}/{article['section'].lower()}/{day + '/' if dated else ''}{article['id']}"
    )


def footer(lang: str) -> str:
    links = {
        "en": ["About us", "Contact", "Advertise", "Terms", "Privacy policy", "Corrections"],
        "de": ["Impressum", "Datenschutz", "Kontakt", "Abo", "Mediadaten"],
        "fr": ["Mentions légales", "Contact", "Abonnement", "Publicité", "Données personnelles"],
        "es": ["Aviso legal", "Contacto", "Suscripción", "Publicidad", "Política de privacidad"],
        "it": ["Chi siamo", "Contatti", "Pubblicità", "Privacy", "Note legali"],
        "nl": ["Over ons", "Contact", "Adverteren", "Privacy", "Voorwaarden"],
    }[lang]
    return (
        '<footer class="site-footer"><ul>'
        + "".join(f'<li><a href="#">{E(x)}</a></li>' for x in links)
        + "</ul><p>© 2026 The Gazette Media Group. All rights reserved.</p></footer>"
    )


# ---------------------------------------------------------------- the shapes


def wordpress(a: dict[str, Any]) -> str:
    url = url_of(a, "www.ellerygazette.example")
    d = a["dates"]
    graph = {
        "@context": "https://schema.org",
        "@graph": [
            {
                "@type": "WebSite",
                "@id": "https://www.ellerygazette.example/#website",
                "name": "Ellery Gazette",
            },
            {
                "@type": "WebPage",
                "@id": url + "#webpage",
                "url": url,
                "name": a["headline"],
                "datePublished": d["jsonld_graph"],
                "dateModified": d.get("jsonld_modified", d["jsonld_graph"]),
            },
            {
                "@type": "NewsArticle",
                "@id": url + "#article",
                "headline": a["headline"],
                "isPartOf": {"@id": url + "#webpage"},
                "author": {"@type": "Person", "name": a["byline"]},
                "datePublished": d["jsonld_graph"],
                "dateModified": d.get("jsonld_modified", d["jsonld_graph"]),
            },
        ],
    }
    return f"""<!DOCTYPE html>
<html lang="en-GB">
{head(a, url, extra=json_ld(graph), title_suffix=" - Ellery Gazette")}
<body class="post-template-default single single-post">
{cookie_banner("en")}
<div id="page" class="site">
<header id="masthead" class="site-header"><div class="site-branding"><p class="site-title"><a href="/">Ellery Gazette</a></p>
<p class="site-description">News from Port Ellery and the coast since 1881</p></div>
{nav(["News", "Local", "Politics", "Sport", "Weather", "Business", "What's on", "Obituaries"])}
<form class="search-form"><input type="search" placeholder="Search …"><button>Search</button></form></header>
<div id="content" class="site-content"><div id="primary" class="content-area"><main id="main" class="site-main">
<nav class="breadcrumbs"><a href="/">Home</a> » <a href="/{a["section"].lower()}">{E(a["section"])}</a> » {E(a["headline"])}</nav>
<article id="post-48211" class="post type-post status-publish format-standard hentry">
<header class="entry-header"><h1 class="entry-title">{E(a["headline"])}</h1>
<div class="entry-meta"><span class="byline">By <span class="author vcard"><a class="url fn n" href="/author/x">{E(a["byline"])}</a></span></span>
<span class="posted-on"><time class="entry-date published" datetime="{d["time"]}">{E(d["time_text"])}</time></span></div></header>
<div class="entry-content">
{body_html(a)}
<div class="sharedaddy sd-sharing-enabled"><h3 class="sd-title">Share this:</h3><ul><li>Facebook</li><li>X</li><li>Email</li></ul></div>
</div>
<footer class="entry-footer"><span class="cat-links">Posted in <a href="#">{E(a["section"])}</a></span> <span class="tags-links">Tagged <a href="#">Port Ellery</a>, <a href="#">{E(a["section"])}</a></span></footer>
</article>
<div class="jp-relatedposts"><h3>Related</h3>{related("en", heading="You may also like")}</div>
{comments(a, "2 thoughts on “" + a["headline"] + "”")}
<div id="respond" class="comment-respond"><h3>Leave a Reply</h3><form><textarea name="comment"></textarea><p>Your email address will not be published. Required fields are marked *</p><button>Post Comment</button></form></div>
</main></div>
<aside id="secondary" class="widget-area"><section class="widget"><h2 class="widget-title">Recent Posts</h2><ul><li><a href="#">Lifeboat crew called out twice in one night</a></li><li><a href="#">Ferry timetable changes for winter</a></li></ul></section>
<section class="widget"><h2 class="widget-title">Archives</h2><ul><li>December 2026</li><li>November 2026</li><li>October 2026</li></ul></section></aside>
</div>
{footer("en")}
</div></body></html>
"""


def arc(a: dict[str, Any]) -> str:
    url = url_of(a, "www.carrowherald.example")
    d = a["dates"]
    return f"""<!doctype html>
<html lang="en" class="no-js">
{head(a, url, extra=json_ld(news_ld(a, url)), title_suffix=" | Carrow Herald")}
<body>
<div id="fusion-app" class="layout-section">
{cookie_banner("en")}
<div class="top-banner ad-slot" data-ad-unit="leaderboard"><span>Advertisement</span></div>
<header class="site-header" data-testid="header"><a class="logo" href="/">Carrow Herald</a>
{nav(["Home", "News", "Transport", "Health", "Culture", "Business", "Opinion", "Sport", "Puzzles", "Subscribe"])}
<div class="header-date">Friday 4 December 2026</div><a class="signin" href="/account">Sign in</a></header>
<main class="article-layout">
<div class="article-header" data-testid="article-header"><a class="kicker" href="/{a["section"].lower()}">{E(a["section"])}</a>
<h1 class="headline" data-testid="headline">{E(a["headline"])}</h1>
<p class="subheadline">{E(a["paragraphs"][0].split(",")[0])}.</p>
<div class="byline-block"><span class="byline__name">{E(a["byline"])}</span><span class="byline__role">Reporter</span>
<div class="article-dates"><span class="date-published">{E(d["text"])}</span></div></div>
<div class="share-bar"><button>Share</button><button>Save</button><button>Gift article</button></div></div>
<div class="article-body" data-testid="article-body">
{body_html(a, p_class="article-body__paragraph")}
</div>
<div class="newsletter-promo"><h3>Get the Herald Morning Briefing</h3><p>The day's top stories from Carrow and the coast, in your inbox every weekday at 7am.</p><input type="email" placeholder="Your email"><button>Sign up</button></div>
<div class="author-bio"><p>{E(a["byline"])} covers {E(a["section"].lower())} for the Carrow Herald. She previously worked at a national news agency.</p></div>
</main>
<aside class="right-rail"><div class="most-read"><h3>Most read</h3><ol>
<li><a href="#">Why the Carrow bypass is still not finished</a></li><li><a href="#">Pub of the year shortlist revealed</a></li>
<li><a href="#">School term dates for 2027 confirmed</a></li><li><a href="#">Man rescued from mudflats at Saltmarsh</a></li></ol></div>
<div class="ad-slot" data-ad-unit="mpu"><span>Advertisement</span></div></aside>
{related("en", heading="More from the Herald", cls="more-stories")}
{footer("en")}
</div>
<script>window.Fusion=window.Fusion||{{}};Fusion.globalContent={{"_id":"ABC123","type":"story"}};</script>
</body></html>
"""


def amp(a: dict[str, Any]) -> str:
    url = url_of(a, "www.aske-valley-news.example")
    d = a["dates"]
    return f"""<!doctype html>
<html ⚡ lang="en">
<head>
<meta charset="utf-8">
<script async src="https://cdn.ampproject.org/v0.js"></script>
<script async custom-element="amp-ad" src="https://cdn.ampproject.org/v0/amp-ad-0.1.js"></script>
<script async custom-element="amp-consent" src="https://cdn.ampproject.org/v0/amp-consent-0.1.js"></script>
<title>{E(a["headline"])} - Aske Valley News</title>
<link rel="canonical" href="{url}">
<meta name="viewport" content="width=device-width">
<style amp-boilerplate>body{{-webkit-animation:-amp-start 8s steps(1,end) 0s 1 normal both;animation:-amp-start 8s steps(1,end) 0s 1 normal both}}</style>
<style amp-custom>.amp-header{{background:#003}} .byline{{color:#555}} .amp-related li{{margin:4px}}</style>
{json_ld(news_ld(a, url))}
</head>
<body>
<amp-consent id="consent" layout="nodisplay"><div class="consent-ui"><p>{E(COOKIE["en"][0])}</p><button on="tap:consent.accept">Accept</button><button on="tap:consent.reject">Reject</button></div></amp-consent>
<header class="amp-header"><a href="/">Aske Valley News</a><button class="menu">Menu</button></header>
<amp-sidebar id="sidebar" layout="nodisplay" side="left"><ul><li><a href="/news">News</a></li><li><a href="/local">Local</a></li><li><a href="/business">Business</a></li><li><a href="/sport">Sport</a></li><li><a href="/entertainment">Entertainment</a></li></ul></amp-sidebar>
<article class="amp-article">
<h1>{E(a["headline"])}</h1>
<div class="byline">By {E(a["byline"])} · <span class="date">{E(d["text"])}</span></div>
<amp-img src="/img/{a["id"]}.jpg" width="800" height="450" layout="responsive" alt=""></amp-img>
<div class="amp-body">
{body_html(a).replace("<img ", '<amp-img layout="responsive" ')}
<amp-ad width="300" height="250" type="doubleclick" data-slot="/1234/amp"><div placeholder>Advertisement</div></amp-ad>
</div>
</article>
<section class="amp-related"><h3>Read next</h3><ul><li><a href="#">Lowmoor flood defences to be raised by a metre</a></li><li><a href="#">New owners for the Aske Bridge hotel</a></li><li><a href="#">Valley bus timetable changes from Monday</a></li></ul></section>
<footer><p>© 2026 Aske Valley News. <a href="/privacy">Privacy</a> · <a href="/terms">Terms</a> · <a href="{url}">View full site</a></p></footer>
</body></html>
"""


def liveblog(a: dict[str, Any]) -> str:
    url = url_of(
        a, "www.northernpost.example" if a["lang"] == "en" else "www.oostwaardsdagblad.example"
    )
    d = a["dates"]
    lang = a["lang"]
    ld = news_ld(a, url, kind="LiveBlogPosting")
    ld["datePublished"] = d["jsonld_live"]
    ld["coverageStartTime"] = d["jsonld_live"]
    paras = a["paragraphs"]
    entries_ld, entries_html, key = [], [], []
    for n, stamp in enumerate(d["entries"]):
        heading, text = paras[2 * n][3:], paras[2 * n + 1]
        entries_ld.append(
            {
                "@type": "BlogPosting",
                "headline": heading,
                "datePublished": stamp,
                "articleBody": text,
            }
        )
        clock = stamp[11:16]
        entries_html.append(
            f'<div class="block" id="block-{n}" data-block-id="{n}"><div class="block-time"><time datetime="{stamp}">{clock}</time></div>'
            f'<div class="block-elements"><h2 class="block-title">{E(heading)}</h2><p>{E(text)}</p></div>'
            f'<div class="block-footer"><button class="share">Share</button></div></div>'
        )
        key.append(
            f'<li><a href="#block-{n}"><time datetime="{stamp}">{clock}</time> {E(heading)}</a></li>'
        )
    ld["liveBlogUpdate"] = entries_ld
    labels = {
        "en": ("Key events", "Show key events only", "Live", "Updated"),
        "nl": ("Belangrijkste momenten", "Toon alleen hoofdpunten", "Live", "Bijgewerkt"),
    }[lang]
    return f"""<!DOCTYPE html>
<html lang="{lang}">
{head(a, url, extra=json_ld(ld), title_suffix=" | Northern Post")}
<body class="liveblog">
{cookie_banner(lang)}
<header class="masthead"><a href="/" class="logo">Northern Post</a>
{nav(["News", "Politics", "Sport", "Business", "Live", "Opinion", "Culture"])}</header>
<main>
<div class="live-header"><span class="live-badge">{labels[2]}</span><h1>{E(a["headline"])}</h1>
<p class="live-byline">{E(a["byline"])}</p><p class="live-updated">{labels[3]} <time datetime="{d["entries"][0]}">{d["entries"][0][11:16]}</time></p></div>
<aside class="key-events"><h2>{labels[0]}</h2><ul>{"".join(key)}</ul><button>{labels[1]}</button></aside>
<div class="live-blog-body" id="liveblog-body">
{"".join(entries_html)}
</div>
<nav class="pagination"><a href="?page=2">Older posts</a></nav>
</main>
{related(lang, heading="Most viewed" if lang == "en" else "Meest gelezen")}
{footer(lang)}
</body></html>
"""


def paywall(a: dict[str, Any]) -> str:
    url = url_of(
        a, "www.thenationalledger.example" if a["lang"] == "en" else "www.wirtschaftsbote.example"
    )
    lang = a["lang"]
    ld = news_ld(a, url)
    ld["isAccessibleForFree"] = False
    ld["hasPart"] = {
        "@type": "WebPageElement",
        "isAccessibleForFree": False,
        "cssSelector": ".paywalled-content",
    }
    ui = {
        "en": (
            "Subscribe to continue reading",
            "You have read all your free articles this month. Subscribe for full access to award-winning journalism, from £1 a week.",
            "Subscribe now",
            "Already a subscriber? Log in",
            ["Digital: £1 a week for 3 months", "Print + Digital: £4.99 a week", "Cancel any time"],
        ),
        "de": (
            a["extras"].get("paywall_text", "Weiterlesen"),
            "Sie haben Ihr Kontingent an kostenlosen Artikeln erreicht. Testen Sie jetzt Plus, einen Monat für 0,99 Euro.",
            "Jetzt testen",
            "Bereits Abonnent? Anmelden",
            ["Alle Plus-Artikel", "E-Paper inklusive", "Monatlich kündbar"],
        ),
    }[lang]
    return f"""<!DOCTYPE html>
<html lang="{lang}">
{head(a, url, extra=json_ld(ld), title_suffix=" | The National Ledger")}
<body>
{cookie_banner(lang)}
<header><div class="brand"><a href="/">The National Ledger</a></div>
{nav(["World", "Politics", "Money", "Health", "Property", "Opinion", "Life & Style"])}
<a class="subscribe-button" href="/subscribe">{E(ui[2])}</a></header>
<main><article>
<header class="article-head"><p class="section-label">{E(a["section"])}</p><h1>{E(a["headline"])}</h1>
<p class="byline">{E(a["byline"])}</p></header>
<div class="article-content">
{body_html(a)}
<div class="paywalled-content"></div>
</div>
<div class="paywall" id="paywall"><h2>{E(ui[0])}</h2><p>{E(ui[1])}</p><ul>{"".join(f"<li>{E(o)}</li>" for o in ui[4])}</ul>
<a class="cta" href="/subscribe">{E(ui[2])}</a><p><a href="/login">{E(ui[3])}</a></p></div>
</article></main>
{related(lang, heading="Most popular" if lang == "en" else "Meistgelesen")}
{footer(lang)}
</body></html>
"""


def oldschool(a: dict[str, Any]) -> str:
    d = a["dates"]
    today = a["extras"].get("header_today", "")
    return f"""<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<html>
<head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>Greywell Times - {E(a["headline"])}</title>
<meta name="keywords" content="greywell, news, {E(a["section"].lower())}">
<link rel="stylesheet" href="/style.css"></head>
<body bgcolor="#ffffff">
<table width="980" align="center" cellpadding="0" cellspacing="0">
<tr><td colspan="2" class="masthead"><img src="/images/masthead.gif" alt="Greywell Times"><br><span class="today">{E(today)}</span> | Serving Greywell and the hill villages</td></tr>
<tr><td colspan="2" class="menubar"><a href="/">Home</a> | <a href="/news/">News</a> | <a href="/sport/">Sport</a> | <a href="/courts/">Courts</a> | <a href="/education/">Education</a> | <a href="/notices/">Public Notices</a> | <a href="/contact.html">Contact Us</a></td></tr>
<tr><td width="180" valign="top" class="leftcol">
<p><b>SECTIONS</b></p><p><a href="/news/">Local News</a><br><a href="/letters/">Letters</a><br><a href="/farming/">Farming</a><br><a href="/obits/">Obituaries</a><br><a href="/classifieds/">Classifieds</a></p>
<p><b>WEATHER</b><br>Greywell: 7°C, showers</p></td>
<td valign="top" class="maincol">
<span class="headline"><font size="5"><b>{E(a["headline"])}</b></font></span><br>
<span class="byline"><i>{E(a["byline"])}</i></span><br>
<span class="dateline">{E(d["text"])}</span><br><br>
<div class="storytext">
{body_html(a).replace("<p>", '<p class="story">')}
</div>
<br><hr><p class="small">Copyright 2026 Greywell Times. Reproduction without permission is prohibited.</p>
<p><b>Other stories this week:</b><br><a href="/news/market.html">Market traders fight parking charges</a> (Dec 3, 2026)<br>
<a href="/news/christmas-lights.html">Christmas lights switched on</a> (Nov 28, 2026)<br><a href="/news/flood-grant.html">Flood grants for farms</a> (Nov 20, 2026)</p>
</td></tr>
<tr><td colspan="2" class="footer">Greywell Times, 14 High Street, Greywell. Tel 01234 567890. <a href="/privacy.html">Privacy</a></td></tr>
</table></body></html>
"""


def wire(a: dict[str, Any]) -> str:
    url = url_of(a, "www.newswire.example")
    d = a["dates"]
    body = "\n".join(
        f'<p data-testid="paragraph-{i}" class="text__paragraph">{E(p)}</p>'
        for i, p in enumerate(a["paragraphs"])
    )
    return f"""<!DOCTYPE html>
<html lang="en">
{head(a, url, title_suffix=" | Newswire")}
<body>
{cookie_banner("en")}
<header class="site-header">{nav(["World", "Business", "Markets", "Sustainability", "Legal", "Breakingviews", "Technology", "Investigations"])}
<a href="/account/register">Register</a></header>
<main id="main-content" itemscope itemtype="https://schema.org/NewsArticle">
<meta itemprop="datePublished" content="{d["itemprop"]}">
<nav class="breadcrumb"><a href="/world">World</a> / <a href="/{a["section"].lower()}">{E(a["section"])}</a></nav>
<h1 itemprop="headline" data-testid="Heading">{E(a["headline"])}</h1>
<div class="article-info"><span itemprop="author">By Newswire staff</span> <span class="date-line">{E(d["text"])}</span> <span class="read-time">3 min read</span></div>
<div class="article-body__content" itemprop="articleBody">
{body}
<p class="sign-off" data-testid="SignOff">{E(a["byline"])}</p>
</div>
<div class="trust-principles"><p>Our Standards: The Newswire Trust Principles.</p></div>
<div class="purchase-licensing"><a href="/licensing">Purchase Licensing Rights</a></div>
</main>
<section class="read-next"><h2>Read Next</h2><ul>
<li><a href="#">Oil steadies as traders weigh supply outlook</a><time datetime="2026-12-04T08:00:00Z">2 hours ago</time></li>
<li><a href="#">Port strike enters second week</a><time datetime="2026-12-03T22:15:00Z">10 hours ago</time></li></ul></section>
{footer("en")}
</body></html>
"""


def blog(a: dict[str, Any]) -> str:
    url = f"https://{a['byline'].split()[0].lower()}.blog.example/{a['id']}"
    d = a["dates"]
    newsletter = (
        '<div class="subscribe-widget"><h3>Enjoyed this post?</h3><p>Subscribe to get new posts by email. No spam, unsubscribe any time.</p>'
        '<input type="email" placeholder="Type your email…"><button>Subscribe</button></div>'
    )
    return f"""<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>{E(a["headline"])} – {E(a["byline"])}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Ghost 5.80">
<meta property="og:type" content="article"><meta property="og:title" content="{E(a["headline"])}">
<link rel="canonical" href="{url}"></head>
<body class="post-template">
<div class="site-wrapper"><header class="site-header"><a class="site-title" href="/">{E(a["byline"])}'s notebook</a>
<nav><a href="/">Home</a> <a href="/about/">About</a> <a href="/archive/">Archive</a> <a href="/rss/">RSS</a></nav></header>
<main class="site-main"><article class="post-full">
<header class="post-full-header"><section class="post-full-tags"><a href="/tag/{a["section"].lower()}/">{E(a["section"])}</a></section>
<h1 class="post-full-title">{E(a["headline"])}</h1>
<div class="post-full-byline"><span class="author-name">{E(a["byline"])}</span> <span class="byline-meta-content">{E(d["text"])} · 5 min read</span></div></header>
<section class="post-full-content"><div class="gh-content">
{body_html(a)}
</div></section>
{newsletter if a["extras"].get("newsletter") else ""}
<footer class="post-full-footer"><section class="author-card"><h4>{E(a["byline"])}</h4><p>Writes about small things done slowly. Lives by the sea.</p></section></footer>
</article>
<aside class="read-more-wrap"><h3>More posts</h3><article><a href="#">Notes on a wet summer</a><span>Jul 2, 2026</span></article><article><a href="#">Three books for long evenings</a><span>Nov 21, 2026</span></article></aside>
</main>
<footer class="site-footer">Powered by Ghost · <a href="/rss/">Subscribe via RSS</a></footer></div>
</body></html>
"""


def german(a: dict[str, Any]) -> str:
    url = url_of(a, "www.tannenfelder-anzeiger.example")
    d = a["dates"]
    return f"""<!DOCTYPE html>
<html lang="de">
{head(a, url, title_suffix=" | Tannenfelder Anzeiger")}
<body>
<div id="usercentrics-root"></div>
{cookie_banner("de")}
<header class="kopf"><a class="logo" href="/">Tannenfelder Anzeiger</a>
{nav(["Startseite", "Lokales", "Politik", "Wirtschaft", "Gesundheit", "Umwelt", "Sport", "Kultur", "Anzeigen", "E-Paper"])}
<div class="wetter">Tannenfeld 4°C</div><a href="/abo" class="abo-button">Abo</a></header>
<main><article class="artikel">
<div class="artikel-kopf"><span class="dachzeile">{E(a["section"])}</span><h1 class="artikel-titel">{E(a["headline"])}</h1>
<div class="artikel-meta"><span class="autor">Von {E(a["byline"])}</span> <span class="stand">Stand: {E(d["text"])}</span></div></div>
<div class="artikel-text">
{body_html(a)}
</div>
<div class="teilen">Artikel teilen: <a href="#">Facebook</a> <a href="#">WhatsApp</a> <a href="#">E-Mail</a></div>
</article>
{related("de", heading="Mehr zum Thema")}
{comments(a, "Kommentare")}
</main>
{footer("de")}
</body></html>
"""


def french(a: dict[str, Any]) -> str:
    url = url_of(a, "www.lecourrierdevillebrune.example")
    d = a["dates"]
    updated = (
        f'<span class="meta__date--update">, {E(d["updated_text"])}</span>'
        if d.get("updated_text")
        else ""
    )
    return f"""<!DOCTYPE html>
<html lang="fr">
{head(a, url, title_suffix=" - Le Courrier de Villebrune")}
<body>
{cookie_banner("fr")}
<header class="header"><a href="/" class="logo">Le Courrier de Villebrune</a>
{nav(["Actualités", "Ville", "Société", "Culture", "Sports", "Opinions", "Services", "Abonnez-vous"])}</header>
<main class="article article--content">
<section class="article__header"><p class="article__kicker">{E(a["section"])}</p><h1 class="article__title">{E(a["headline"])}</h1>
<p class="article__desc">{E(a["paragraphs"][0][:90])}…</p>
<p class="meta meta__publisher"><span class="meta__author">Par {E(a["byline"])}</span></p>
<p class="meta meta__date">{E(d["text"])}{updated}</p>
<p class="article__reading-time">Temps de lecture : 3 min.</p></section>
<section class="article__content">
{body_html(a).replace("<p>", '<p class="article__paragraph">')}
</section>
<section class="article__footer"><p class="article__offer">Cet article vous a intéressé ? Abonnez-vous pour 1 € le premier mois.</p></section>
{related("fr", heading="Lire aussi")}
</main>
{footer("fr")}
</body></html>
"""


def spanish(a: dict[str, Any]) -> str:
    url = url_of(a, "www.diariodealmendral.example")
    d = a["dates"]
    ld = json_ld(news_ld(a, url)) if d.get("jsonld") else ""
    if d.get("time"):
        when = f'<time datetime="{d["time"]}" class="a_ti">{E(d["time_text"])}</time>'
    else:
        when = f'<span class="a_ti">{E(d["text_only"])}</span>'
    return f"""<!DOCTYPE html>
<html lang="es">
{head(a, url, extra=ld, title_suffix=" | Diario de Almendral")}
<body>
{cookie_banner("es")}
<header class="_df"><a href="/" class="logo">Diario de Almendral</a>
{nav(["Portada", "España", "Política", "Sociedad", "Economía", "Cultura", "Deportes", "Opinión", "Hemeroteca"])}
<span class="fecha-hoy">Viernes, 4 de diciembre de 2026</span></header>
<main><article class="a _g">
<header class="a_e"><div class="a_k">{E(a["section"])}</div><h1 class="a_t">{E(a["headline"])}</h1>
<div class="a_md"><div class="a_md_a"><a href="/autor/x" class="a_md_a_n">{E(a["byline"])}</a></div>
<div class="a_md_f">{when}</div></div></header>
<div class="a_c clearfix" data-dtm-region="articulo_cuerpo">
{body_html(a)}
</div>
<div class="a_s"><button>Compartir en Facebook</button><button>Compartir en X</button></div>
<section class="a_rel"><h3>Más información</h3><ul>
<li><a href="#">{E(RELATED["es"][0])}</a> <time datetime="2026-11-30T09:00:00+01:00">30 nov 2026</time></li>
<li><a href="#">{E(RELATED["es"][1])}</a> <time datetime="2026-11-02T18:40:00+01:00">02 nov 2026</time></li></ul></section>
</article>
<aside class="lo-mas-visto"><h3>Lo más visto</h3><ol><li>{E(RELATED["es"][2])}</li><li>{E(RELATED["es"][3])}</li></ol></aside>
</main>
{footer("es")}
</body></html>
"""


def italian(a: dict[str, Any]) -> str:
    url = url_of(a, "www.gazzettadivaldora.example")
    d = a["dates"]
    return f"""<!DOCTYPE html>
<html lang="it">
{head(a, url, extra=json_ld(news_ld(a, url)), title_suffix=" - Gazzetta di Valdora")}
<body>
{cookie_banner("it")}
<header class="testata"><a href="/" class="logo">Gazzetta di Valdora</a>
{nav(["Cronaca", "Politica", "Economia", "Cultura", "Spettacoli", "Sport", "Necrologie"])}</header>
<main><article class="articolo">
<div class="articolo-testata"><span class="categoria">{E(a["section"])}</span><h1>{E(a["headline"])}</h1>
<div class="info"><span class="autore">di {E(a["byline"])}</span> <span class="data">{E(d["text"])}</span></div></div>
<div class="articolo-corpo">
{body_html(a)}
</div>
<div class="tag">Argomenti: <a href="#">Valdora</a> <a href="#">{E(a["section"])}</a></div>
</article>
{related("it", heading="Potrebbe interessarti anche")}
</main>
{footer("it")}
</body></html>
"""


def dutch(a: dict[str, Any]) -> str:
    url = url_of(a, "www.oostwaardsdagblad.example")
    d = a["dates"]
    return f"""<!DOCTYPE html>
<html lang="nl">
{head(a, url, extra=json_ld(news_ld(a, url)), title_suffix=" | Oostwaards Dagblad")}
<body>
{cookie_banner("nl")}
<header><a href="/" class="logo">Oostwaards Dagblad</a>
{nav(["Nieuws", "Regio", "Economie", "Sport", "Cultuur", "Puzzels", "Abonneren"])}</header>
<main><article class="article">
<header class="article__header"><span class="article__label">{E(a["section"])}</span><h1 class="article__title">{E(a["headline"])}</h1>
<p class="article__meta"><span class="article__author">{E(a["byline"])}</span> <span class="article__time">{E(d["text"])}</span></p></header>
<div class="article__body">
{body_html(a)}
</div>
<div class="article__share">Deel dit artikel</div>
</article>
{related("nl", heading="Meer nieuws")}
</main>
{footer("nl")}
</body></html>
"""


def magazine(a: dict[str, Any]) -> str:
    url = url_of(a, "www.coastandcountry.example")
    d = a["dates"]
    return f"""<!DOCTYPE html>
<html lang="en-GB">
{head(a, url, title_suffix=" — Coast & Country Magazine")}
<body class="single-feature">
{cookie_banner("en")}
<header class="mag-header"><a href="/" class="mag-logo">Coast &amp; Country</a>
{nav(["Nature", "Science", "Technology", "Travel", "Food", "Subscribe"])}</header>
<main><div class="feature-hero"><p class="feature-section">{E(a["section"])}</p><h1 class="feature-title">{E(a["headline"])}</h1>
<p class="feature-byline">Words by {E(a["byline"])} <span class="feature-date">{E(d["text"])}</span></p></div>
<div class="feature-body">
{body_html(a)}
</div>
<div class="feature-end"><p class="issue-note">This article appears in the summer issue of Coast &amp; Country. <a href="/subscribe">Subscribe</a> and get three issues for £5.</p></div>
{related("en", heading="More features")}
</main>
{footer("en")}
</body></html>
"""


TEMPLATES = {
    f.__name__: f
    for f in (
        wordpress,
        arc,
        amp,
        liveblog,
        paywall,
        oldschool,
        wire,
        blog,
        german,
        french,
        spanish,
        italian,
        dutch,
        magazine,
    )
}
