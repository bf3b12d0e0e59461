"""Credits to origins that are not news agencies, read beside reading.credits.

Press releases, official statements and public broadcasters travel as agencies' copy does, but a
republisher credits them in other words. Each frame below says the text, or part of it, is the
named origin's; none is specific to a kind of outlet, so the name a frame gives may be any
outlet (a release wire, a ministry, a police headquarters, a broadcaster), and what keeps a
name that is no outlet from becoming a credit is where credits are resolved, as for pass 9's
frames (outlets.resolve_credits, credited.resolve_agencies): only a stored outlet, by
its name, slug or domain, or a listed agency becomes one (docs/matching.md, "Credits, pass 12:
origins that are not agencies").

Syndicating frames (a credit line, `syndicates`):
- a source line of its own after a paragraph of prose, or as the text's first line: "Source:
  Central Bank of Ireland", "Fuente: Ministerio de …", "Quelle: Polizeipräsidium …", "Source :
  …", "Fonte: …", "Källa: …", "Bron: …", "Źródło: …"; or in brackets closing a paragraph
  ("(Quelle: APA)"). Not under a chart, a table or a photo ("Quelle: dpa-Grafik", "Chart: …
  / Source: Reuters"), and not a name in lower case ("Source: a person familiar with the
  matter", "Fuente: elaboración propia");
- "originally published by" in Portuguese, Spanish, French, German, Italian, Dutch, Swedish:
  "Este artigo foi publicado originalmente pela Voz da América", "Dieser Artikel erschien
  zuerst bei der Deutschen Welle"; and a licence footer "… republished / used under licence
  from X";
- the release wires' own marks: "/PRNewswire/", "(GLOBE NEWSWIRE) --", "--(BUSINESS WIRE)--"
  in the dateline (a dateline), "View source version on businesswire.com: …", "This report
  includes material from a … news release distributed by PR Newswire", and the issuer's
  "SOURCE Company" line (only without a wire's mark: with one, the text is the wire's).

Whether a credit in the text is dated before the article's own time ("según informó Europa
Press el pasado mes de marzo"), which pass 12 added here, is read in dates.py since pass 13.
"""

import re

from app.ingest.credits import releases
from app.ingest.credits import source_words
from app.ingest.credits.context import PROSE
from app.ingest.credits.context import paragraph_before
from app.ingest.credits.context import prose
from app.ingest.credits.context import quoted_words
from app.ingest.credits.context import under_a_title
from app.ingest.credits.languages import CAPITAL

Found = tuple[str, str, str]  # (name, the words that give it, kind), as languages.find

_WORD = rf"(?<!\w)[{CAPITAL}](?:[\w&'\u2019/-]|\.(?=\w)){{0,40}}"
_NAME = rf"{_WORD}(?:[ \t]+{_WORD}){{0,5}}"
# Small words inside a body's name: "Central Bank of Ireland", "Ministerio de Agricultura, Pesca
# y Alimentación", "Voz da América".
_SMALL = (
    r"(?:of|for|and|the|de|del|la|las|los|da|do|das|dos|e|y|et|du|des|für|und|der|di|van|och|i)"
)
# A number may be a word of it after the first ("France 24", "Channel 4", "Antena 3").
_LONG_NAME = (
    rf"{_WORD}(?:(?:,?[ \t]+(?:{_SMALL}[ \t]+){{0,2}})(?:{_WORD}|\d{{1,3}}(?![\w.,]\d))){{0,8}}"
)
_PICTURE = re.compile(
    r"(?i:(?<!\w)(?:photo|picture|image|video|graphic|grafik|chart|table|tabelle|map|karte|"
    r"foto|bild|infograf\w*|gr[aá]fico|tabla|mapa|graphique|tableau|carte|grafico|tabella|"
    r"caption|illustration|diagram\w*|wykres|tabela|diagram|"
    # Other languages' words for a photo, a chart, a table: Russian, Ukrainian, Belarusian,
    # Vietnamese, Greek, Georgian, Hebrew, Thai, Armenian, Amharic.
    r"фото|фота|график|графік|таблица|таблиця|табліца|ảnh|hình|biểu[ \t]+đồ|"
    r"φωτογραφία|γράφημα|πίνακας|ფოტო|გრაფიკი|ცხრილი|צילום|גרף|טבלה|ภาพ|กราฟ|ตาราง|"
    r"լուսանկար|գծապատկեր|աղյուսակ|ፎቶ|ሰንጠረዥ|ግራፍ)s?(?!\w))"
)
_SOURCE_WORD = f"(?:{source_words.CAPITALISED})"
_SOURCE_LINE = re.compile(
    rf"(?:^|(?<=\n))[ \t]*{_SOURCE_WORD}[ \t]*:[ \t]*(?P<name>[{CAPITAL}][^\n:]{{1,100}}?)"
    r"[ \t]*\.?[ \t]*(?=\n|$)"
)
_SOURCE_BRACKET = re.compile(
    rf"(?<=[.!?\"\u201d\u00bb])[ \t]*\({_SOURCE_WORD}[ \t]*:[ \t]*"
    rf"(?P<name>[{CAPITAL}][^\n():]{{1,60}}?)"
    r"\)[ \t.]*(?=\n|$)"
)

# A footer's name ends its line, perhaps with the language it was written in ("… en español.").
_FOOTER_END = r"(?=(?:[ \t]+(?:en|em|in|[îi]n)[ \t]+\w+)?[ \t]*\.?[ \t]*(?:\n|$))"
_ORIGINALLY = [
    re.compile(p)
    for p in (
        # Portuguese: "Este artigo foi publicado originalmente pela Voz da América."
        rf"(?i:(?:este|esta)[ \t]+(?:artigo|texto|conte\u00fado|reportagem|mat\u00e9ria|"
        rf"not\u00edcia)"
        rf"[ \t]+(?:foi[ \t]+)?(?:publicad[oa][ \t]+originalmente|originalmente[ \t]+publicad[oa])"
        rf"[ \t]+(?:pel[oa]s?|por|n[oa]s?|em))[ \t]+(?P<name>{_LONG_NAME})",
        # Spanish: "Este artículo fue publicado originalmente por la Voz de América."
        rf"(?i:(?:este|esta)[ \t]+(?:art\u00edculo|texto|contenido|reportaje|nota|noticia)"
        rf"[ \t]+(?:fue|ha[ \t]+sido)[ \t]+(?:publicad[oa][ \t]+originalmente|originalmente"
        rf"[ \t]+publicad[oa])[ \t]+(?:por|en)(?:[ \t]+(?:la|el|los|las))?)[ \t]+"
        rf"(?P<name>{_LONG_NAME})",
        # French: "Cet article a été publié initialement par RFI", "… publié à l'origine sur X".
        rf"(?i:cet[ \t]+(?:article|texte|reportage)[ \t]+a[ \t]+"
        rf"(?=[^\n.]{{0,30}}?(?:initialement|originellement|d['\u2019]abord|"
        rf"\u00e0[ \t]+l['\u2019]origine))"
        rf"(?:d['\u2019]abord"
        rf"[ \t]+)?(?:\u00e9t\u00e9[ \t]+)?(?:initialement|originellement|d['\u2019]abord|"
        rf"\u00e0[ \t]+l['\u2019]origine)?[ \t]*(?:\u00e9t\u00e9[ \t]+)?publi\u00e9[ \t]+"
        rf"(?:initialement[ \t]+|\u00e0[ \t]+l['\u2019]origine[ \t]+|d['\u2019]abord[ \t]+)?"
        rf"(?:par|sur|dans)(?:[ \t]+(?:la|le|les))?)[ \t]+(?:l['\u2019])?(?P<name>{_LONG_NAME})",
        # German: "Dieser Artikel erschien zuerst bei der Deutschen Welle", "… wurde
        # ursprünglich von X veröffentlicht".
        rf"(?i:dieser[ \t]+(?:artikel|beitrag|text)[ \t]+(?:erschien|ist)[ \t]+"
        rf"(?:zuerst|urspr\u00fcnglich|erstmals)[ \t]+(?:bei|auf|in|im)"
        rf"(?:[ \t]+(?:der|dem|den))?)[ \t]+(?P<name>{_LONG_NAME})",
        rf"(?i:dieser[ \t]+(?:artikel|beitrag|text)[ \t]+wurde[ \t]+(?:zuerst|"
        rf"urspr\u00fcnglich|erstmals)[ \t]+(?:von|bei|auf)(?:[ \t]+(?:der|dem|den))?)[ \t]+"
        rf"(?P<name>{_LONG_NAME})[ \t]+(?i:ver\u00f6ffentlicht)",
        # Italian: "Questo articolo è stato pubblicato originariamente da X".
        rf"(?i:questo[ \t]+(?:articolo|testo|servizio)[ \t]+\u00e8[ \t]+stato[ \t]+"
        rf"(?:originariamente[ \t]+|inizialmente[ \t]+)?pubblicato[ \t]+(?:originariamente"
        rf"[ \t]+|inizialmente[ \t]+)?(?:da|su|sul|sulla|dal|dalla))[ \t]+(?P<name>{_LONG_NAME})",
        # Dutch, Swedish: "Dit artikel verscheen eerder bij X", "Artikeln publicerades
        # ursprungligen av X".
        rf"(?i:dit[ \t]+artikel[ \t]+(?:verscheen|is)[ \t]+(?:eerder|oorspronkelijk)[ \t]+"
        rf"(?:gepubliceerd[ \t]+)?(?:bij|in|op|door))[ \t]+(?P<name>{_LONG_NAME})",
        rf"(?:^|(?<=\n))[ \t]*(?i:(?:artikeln|texten)[ \t]+"
        rf"(?:publicerades|har[ \t]+publicerats)[ \t]+"
        rf"(?:ursprungligen|f\u00f6rst)[ \t]+(?:av|i|p\u00e5|hos))[ \t]+(?P<name>{_LONG_NAME})",
        # A footer that starts with the participle and ends with the name (perhaps its
        # language): "Publicado originalmente en France 24 en español.", "Publicado
        # originalmente pela BBC", "Pubblicato originariamente su X"; not a review's "Publicado
        # originalmente en The New Yorker en 1948, «La lotería» …".
        rf"(?:^|(?<=\n))[ \t]*(?i:(?:publicad[oa][ \t]+originalmente|pubblicato[ \t]+"
        rf"(?:originariamente|inizialmente))[ \t]+(?:en|em|por|pel[oa]|n[oa]|su|sul|sulla|da))"
        rf"(?:[ \t]+(?:la|el))?[ \t]+(?P<name>{_LONG_NAME}){_FOOTER_END}",
        # Indonesian: "Artikel ini telah tayang di DW Indonesia.", "… pertama kali terbit di X".
        rf"(?i:(?:artikel|berita)[ \t]+ini[ \t]+(?:(?:telah|sudah|pernah)[ \t]+|"
        rf"pertama[ \t]+kali[ \t]+)?(?:tayang|terbit|"
        rf"dimuat|diterbitkan)[ \t]+(?:di|dalam|oleh))[ \t]+(?P<name>{_LONG_NAME})",
        # Romanian, a footer: "Acest articol a fost publicat inițial de Europa Liberă."
        rf"(?:^|(?<=\n))[ \t]*(?i:acest[ \t]+articol[ \t]+a[ \t]+fost[ \t]+publicat[ \t]+"
        rf"ini[țţt]ial[ \t]+(?:de|pe|[îi]n))[ \t]+(?P<name>{_LONG_NAME}){_FOOTER_END}",
        # A licence footer: "Republished under licence from the BBC", "Used under license from X".
        rf"(?i:(?:re-?published|reproduced|used)[ \t]+under[ \t]+(?:a[ \t]+)?licen[cs]e[ \t]+"
        rf"(?:from|by)(?:[ \t]+the)?)[ \t]+(?P<name>{_LONG_NAME})",
    )
]
# The release wires' own marks in a dateline.
_WIRE_MARK = re.compile(
    r"/(?P<name>[A-Z][A-Za-z]*(?:Newswire|Wire|wire|NEWSWIRE))(?:[-\u2013][^/\n]{1,40})?/"
    r"|\((?P<name2>[A-Z][A-Z ]{1,20}(?:NEWSWIRE|WIRE))\)[ \t]*(?:--|\u2014|\u2013)"
)
_VIEW_SOURCE = re.compile(
    r"(?i:view[ \t]+source[ \t]+version[ \t]+on)[ \t]+(?:www\.)?(?P<host>[\w-]+)\.[\w.]+"
)
# A source line whose source is a link ("Nguồn: https://tuoitre.vn/…", "Source: www.x.com/…"):
# the site of its domain.
_SOURCE_URL = re.compile(
    rf"(?:^|\n)[ \t]*\(?[ \t]*{source_words.WORD}[ \t]*[{source_words.COLONS}][ \t]*"
    r"(?:https?://)?(?:www\.)?(?P<host>[a-z0-9-]+(?:\.[a-z0-9-]+)+)(?:/[^\s)]*)?"
    r"[ \t]*\)?[ \t]*(?=\n|$)"
)
_RELEASE = re.compile(
    r"(?:^|(?<=\n)|(?<=[.!?])[ \t]+)[ \t]*(?i:this[ \t]+(?:report|article|story))[ \t]+"
    r"(?i:includes|contains|uses|is[ \t]+based[ \t]+on|was[ \t]+based[ \t]+on)[ \t]+"
    r"(?i:(?:material|information|text)[ \t]+from[ \t]+)?(?i:an?|the)[ \t]+[^\n.]{0,60}?"
    r"(?i:news|press)[ \t]+release[ \t]+(?i:distributed|issued|published|sent)[ \t]+"
    rf"(?i:by|via|through|on)[ \t]+(?:(?i:the)[ \t]+)?(?P<name>{_NAME})"
)
_ISSUER = re.compile(rf"(?:^|(?<=\n))[ \t]*SOURCE[ \t]+(?P<name>{_LONG_NAME})[ \t]*(?=\n|$)")


def _after_prose(text: str, start: int) -> bool:
    """Whether a line starting at `start` follows a paragraph of prose (not a chart's title, a
    caption), or opens the text."""
    before = paragraph_before(text, start)
    if not before:
        return not text[:start].strip()
    return prose(before, _PICTURE)


def under_a_picture(text: str, start: int) -> bool:
    """Whether a source line at `start` is a chart's, a table's or a photo's: the paragraph
    before it is no prose ("Chart: Inflation by month"), or names a picture."""
    return under_a_title(text, start, _PICTURE)


_SOURCE_QUOTE = re.compile(
    rf"^(?:credit line: |closing: )?(?P<line>\(?{source_words.WORD}[ \t]*"
    rf"[{source_words.COLONS}\u2013\u2014-][ \t]*(?P<name>.+))$"
)


def without_picture_sources(text: str, found: list[Found]) -> list[Found]:
    """`found` without the source lines of a chart, a table or a photo ("Chart: Inflation by
    month" over "Source: Reuters"), however a credit module read them."""
    kept = []
    for name, words, kind in found:
        quoted = _SOURCE_QUOTE.match(words)
        if quoted is not None:
            # Where the quoted line stands (the name as written: in quotes, in its own script).
            line = r"[ \t]*".join(re.escape(part) for part in quoted["line"].split())
            places = [match.start() for match in re.finditer(line, text)]
            if places and all(_a_pictures(text, start) for start in places):
                continue
        kept.append((name, words, kind))
    return kept


def _a_pictures(text: str, start: int) -> bool:
    """Whether the source line at `start` is a picture's: on a line of its own, under a
    chart, a table or a photo (`under_a_picture`); inside a line, after a picture's word on
    it ("Ảnh minh họa. Nguồn: TTXVN", an illustrative photo's source)."""
    line_start = text.rfind("\n", 0, start) + 1
    head = text[line_start:start]
    if not head.strip(" \t(*"):
        return under_a_picture(text, line_start)
    return _PICTURE.search(head) is not None


def _source_names(raw: str) -> list[str]:
    """The origin a source line names: the whole name, and without a closing bracket
    ("Ministerio de Sanidad (MSCBS)") or a date after a comma."""
    name = raw.strip(" \t.;")
    names = [name]
    bare = re.sub(r"[ \t]*\([^()]*\)$", "", name)
    undated = re.sub(r",[ \t]*[^,]*\d[^,]*$", "", bare)
    names += [n for n in (bare, undated) if n and n not in names]
    # "Quelle: Polizeibericht des Polizeipräsidiums X": the body whose document it is.
    names += [n for n in releases.issuers(name) if n not in names]
    return names


def find(text: str) -> list[Found]:
    """(name, words, kind) of the credits above; kinds as languages.find gives them."""
    found: list[Found] = []
    for match in _SOURCE_LINE.finditer(text):
        if _PICTURE.search(match["name"]) or not _after_prose(text, match.start()):
            continue  # "Quelle: dpa-Grafik", a chart's "Source: Reuters"
        for name in _source_names(match["name"]):
            found.append((name, f"credit line: {quoted_words(match)}", "credit_line"))
    for match in _SOURCE_BRACKET.finditer(text):
        paragraph = paragraph_before(text, match.start() + 1)
        if _PICTURE.search(match["name"]) or len(paragraph) < PROSE or _PICTURE.search(paragraph):
            continue
        for name in _source_names(match["name"]):
            found.append((name, f"closing: {quoted_words(match)}", "sign_off"))
    for pattern in _ORIGINALLY:
        for match in pattern.finditer(text):
            # German declines the name after "bei der": "Deutschen Welle" is "Deutsche Welle".
            names = {match["name"], re.sub(r"^(\w+e)n(?=[ \t])", r"\1", match["name"])}
            for name in sorted(names):
                found.append((name, f"credit line: {quoted_words(match)}", "credit_line"))
    head = text[:400]
    marks = list(_WIRE_MARK.finditer(head))
    for match in marks:
        name = (match["name"] or match["name2"]).replace(" ", "")
        found.append((name, f"dateline: {quoted_words(match)}", "dateline"))
    for match in _SOURCE_URL.finditer(text):
        if _after_prose(text, match.start() + (match.group(0)[:1] == "\n")):
            words = f"credit line: {quoted_words(match)}"
            labels = match["host"].split(".")
            # A section's subdomain ("megapolitan.kompas.com") names the site too.
            for host in sorted(
                {match["host"], ".".join(labels[1:]) if len(labels) > 2 else ""} - {""}
            ):
                found.append((host, words, "credit_line"))
    for match in _VIEW_SOURCE.finditer(text):
        found.append((match["host"], f"credit line: {quoted_words(match)}", "credit_line"))
    for match in _RELEASE.finditer(text):
        found.append((match["name"], f"credit line: {quoted_words(match)}", "credit_line"))
    if not marks:  # with a wire's mark the text is the wire's; "SOURCE X" names the issuer
        for match in _ISSUER.finditer(text):
            if _after_prose(text, match.start()) or len(text) - match.end() < 300:
                found.append((match["name"], f"credit line: {quoted_words(match)}", "credit_line"))
    return found + releases.find(text)  # "in a release issued through PR Newswire"
