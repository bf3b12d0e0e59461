"""A credit in the story's lead: the first sentence says where the whole story comes from.

A newsroom that rewrites another outlet's story attributes its lead to it, as wire style has
every rewrite do: "Forty households in Whitby have spent the day at a rest centre after a
section of the East Cliff gave way overnight, the BBC reported.", "According to the BBC, …",
"…, berichtet die Deutsche Welle.", "…, rapporte RFI.", "…, noticiou a VOA.". A story that
only borrows a detail from another outlet names it further down, beside that detail ("The
council had been warned twice, the Herald reported in October."). So a credit in the text to
an outlet that is no agency, which pass 9 left at 0.6 for review (a side detail, often), is
read as the story's source when it stands in the first sentence (credited.CONFIDENCE
"lead_outlet"). Not a credit the text dates earlier or says someone told the outlet (those
are no credit for the story wherever they stand), and not the headline's.

The first sentence is the first paragraph's text up to its first sentence end (". " before a
capital or a quotation mark, or the paragraph's end). An abbreviation's dot ("Dr. Ramanathan")
ends it early: a credit after it is then read as before (0.6), never the other way round.
"""

import re

_SENTENCE_END = re.compile(
    r"[.!?\u2026][\"\u201d\u2019\u00bb)]?"
    r"(?=[ \t]+[\"\u201c\u00ab(]?[A-Z\u00c0-\u00de]|[ \t]*(?:\n|$))"
)


# A second sentence that only says who reported the first: "Dat meldt de NOS.", "Das berichtet
# der Spiegel.", "Lo riferisce l'ANSA.", "Así lo informó El Tiempo.", "A informação é do
# Público.", "C'est ce que rapporte Le Soir.", "That's according to the Herald.", "Hal itu
# dilaporkan harian Kompas." Its credit is the lead's.
_ATTRIBUTION = re.compile(
    r"(?i:(?:dat|dit|das|dies)[ \t]+(?:meldt|meldde|schrijft|schreef|berichtet|berichtete|"
    r"meldet|meldete|schreibt|schrieb)"
    r"|(?:lo|ci[oò]|cos[iì])[ \t]+(?:riferisce|riporta|scrive|rende[ \t]+noto|ha[ \t]+riferito)"
    r"|(?:as[ií][ \t]+)?lo[ \t]+(?:inform[oó]|informa|recoge|public[oóa]|report[oóa])"
    r"|a[ \t]+informa[cç][aã]o[ \t]+[eé]"
    r"|c['\u2019]est[ \t]+ce[ \t]+qu(?:e|['\u2019])[ \t]*(?:rapporte|indique|[ée]crit|annonce)"
    r"|(?:that['\u2019]s|that[ \t]+is|this[ \t]+is)[ \t]+according[ \t]+to"
    # Indonesian and Malay: "Hal itu dilaporkan harian Kompas.", "Demikian dilaporkan Antara."
    r"|(?:hal|demikian)(?:[ \t]+(?:itu|ini|tersebut))?[ \t]+(?:dilaporkan|diberitakan|dilansir))"
    r"(?!\w)"
)


def _first_sentence_end(text: str, start: int) -> int:
    line_end = text.find("\n", start)
    line_end = len(text) if line_end < 0 else line_end
    end = _SENTENCE_END.search(text, start, line_end)
    return end.end() if end is not None else line_end


def lead_end(text: str, *, second: bool = True) -> int:
    """Where the first sentence of the text's first paragraph ends (0 for an empty text), or
    (with `second`) the second's, when the second only says who reported the first ("Dat meldt
    de NOS.")."""
    start = len(text) - len(text.lstrip())
    if start == len(text):
        return 0
    end = _first_sentence_end(text, start)
    after = len(text) - len(text[end:].lstrip())
    if second and _ATTRIBUTION.match(text, after):
        return _first_sentence_end(text, after)
    return end


def in_lead(text: str, words: str, end: int) -> bool:
    """Whether the words a credit module quotes for a credit in the text stand, the first time
    they occur, before `end` (lead_end)."""
    pattern = r"\s+".join(re.escape(word) for word in words.split())
    found = re.search(pattern, text) if pattern else None
    return found is not None and found.start() < end
