"""Normalised verdicts: a review's textual rating mapped to one scale, by a documented table.

Fact-checkers each have their own words ("Pants on Fire", "Trompeur", "Engañoso", "Falsch").
`normalise` maps the common ones in English, Spanish, Portuguese, French and German (and the
frequent ones in Italian, Hindi, Arabic, Chinese and Turkish) to seven
verdicts with a 0-1 truth score (docs/fact-checking.md has the table); the original text is
always kept on the review. Unknown words fall back to the numeric rating on its scale, else
`other`.
"""

# Turkish ratings are spelled with the dotless i (U+0131), a letter there, not a typo.
# ruff: noqa: RUF001

import re
import unicodedata
from typing import Literal

Verdict = Literal["true", "mostly_true", "mixed", "mostly_false", "false", "unproven", "other"]

# The truth score of each verdict; unproven and other say nothing about truth.
SCORES: dict[Verdict, float | None] = {
    "true": 1.0,
    "mostly_true": 0.75,
    "mixed": 0.5,
    "mostly_false": 0.25,
    "false": 0.0,
    "unproven": None,
    "other": None,
}

# Written without accents and in lower case: ratings are compared that way.
TABLE: dict[Verdict, tuple[str, ...]] = {
    "true": (
        # en
        "true", "correct", "accurate", "fact", "confirmed", "right",
        # es
        "verdadero", "cierto", "correcto", "verdad", "confirmado",
        # pt
        "verdadeiro", "verdade", "correto", "confirmado",
        # fr
        "vrai", "exact", "correct", "confirme",
        # de
        "wahr", "richtig", "korrekt", "stimmt", "zutreffend", "bestatigt",
        # en (fact-checkers' own), it, hi, ar, zh, tr
        "correct attribution", "vero", "सच", "सही", "صحيح", "正確", "正确", "doğru",
    ),
    "mostly_true": (
        "mostly true", "mostly correct", "mostly accurate", "largely true", "largely accurate",
        "mayormente verdadero", "casi verdadero", "mayormente cierto", "verdadero pero",
        "em grande parte verdadeiro", "quase verdadeiro", "verdadeiro, mas",
        "plutot vrai", "globalement vrai", "en grande partie vrai",
        "uberwiegend wahr", "uberwiegend richtig", "weitgehend richtig", "grosstenteils richtig",
        "c'eri quasi", "ampiamente vero", "büyük ölçüde doğru",
    ),
    "mixed": (
        "half true", "half-true", "mixture", "mixed", "partly true", "partially true",
        "partly false", "partially false", "needs context", "missing context", "imprecise",
        "media verdad", "verdad a medias", "parcialmente verdadero", "parcialmente falso",
        "impreciso", "falta contexto", "discutible", "debatible",
        "meia verdade", "parcialmente verdadeiro", "contraditorio", "sem contexto",
        "falta contexto", "impreciso",
        "a moitie vrai", "en partie vrai", "partiellement vrai", "partiellement faux",
        "imprecis", "manque de contexte", "a nuancer",
        "halb wahr", "halbwahr", "teilweise richtig", "teilweise falsch", "teils richtig",
        "fehlender kontext", "ungenau",
        "c'est plus complique", "mixto", "subestimado", "contextualizando", "nì",
        "parzialmente vero", "parzialmente falso", "部分錯誤", "部分错误", "yarı doğru",
        "आधा सच", "صحيح جزئيا",
    ),
    "mostly_false": (
        "mostly false", "largely false", "misleading", "exaggerated", "distorted",
        "out of context", "cherry picks", "spins the facts",
        "mayormente falso", "casi falso", "enganoso", "exagerado", "fuera de contexto",
        "distorsionado",
        "em grande parte falso", "quase falso", "exagerado", "fora de contexto", "distorcido",
        "plutot faux", "trompeur", "exagere", "hors contexte", "sorti de son contexte",
        "en grande partie faux",
        "uberwiegend falsch", "grosstenteils falsch", "irrefuhrend", "ubertrieben",
        "aus dem kontext gerissen", "verzerrt",
        "not really", "miscaptioned", "nao e bem assim", "fuorviante",
        "भ्रामक", "مضلل", "عنوان مضلل", "誤導", "误导", "yanıltıcı", "sin contexto",
    ),
    "false": (
        "false", "fake", "incorrect", "wrong", "pants on fire", "four pinocchios", "fabricated",
        "hoax", "scam", "not true", "manipulated", "altered", "doctored", "baseless",
        "falso", "bulo", "mentira", "fake news", "incorrecto", "no es cierto", "manipulado",
        "errado", "incorreto", "nao e verdade", "golpe", "boato",
        "faux", "infox", "intox", "inexact", "manipule", "arnaque", "canular",
        "falsch", "unwahr", "frei erfunden", "manipuliert", "fake",
        "misattributed", "pinocchio andante", "panzana pazzesca", "really false",
        "गलत", "झूठ", "फर्जी", "فيديو مفبرك", "زائف", "خطأ", "مفبرك", "錯誤", "错误", "yanlış",
    ),
    "unproven": (
        "unproven", "unverified", "unsubstantiated", "no evidence", "unsupported",
        "insufficient evidence", "not proven", "unfounded", "inconclusive",
        "there is no evidence",
        "research in progress",
        "sin evidencia", "sin pruebas", "no verificable", "inverificable", "infundado",
        "sem provas", "insustentavel", "nao comprovado", "sem evidencias",
        "non prouve", "inverifiable", "infonde", "sans preuve",
        "unbelegt", "nicht belegt", "unbestatigt", "unklar", "nicht nachweisbar",
        "ainda e cedo para dizer", "insostenible", "sin datos", "non verificabile",
        "غير مثبت", "尚無證據", "證據不足", "证据不足", "kanıtlanamadı",
    ),
    "other": (
        "satire", "satira", "satirique", "opinion", "opiniao", "meinung", "legend", "outdated",
        "flip-flop", "full flop", "half flip", "no flip", "labeled satire", "satirico",
        "sátira", "ساخر", "事實釐清",
    ),
}  # fmt: skip

# MediaReview's MediaManipulationRatingEnumeration, for a media review without a textual
# rating: authentic media is true; media shown out of context or cut is mostly false; media
# transformed or staged is false; satire says nothing about truth.
MEDIA: dict[str, Verdict] = {
    "OriginalMediaContent": "true",
    "DecontextualizedContent": "mostly_false",
    "EditedOrCroppedContent": "mostly_false",
    "TransformedContent": "false",
    "StagedContent": "false",
    "SatireOrParodyContent": "other",
}
_CLAUSE = re.compile("[.;:!(\u2013\u2014]|,\\s| - ")


def _plain(text: str) -> str:
    # Accents go (NFKD, combining marks dropped) in Latin script only: in Devanagari or
    # Arabic the marks are letters.
    folded = text.casefold().replace("ß", "ss").replace("\u2019", "'").replace("\u2018", "'")
    folded = folded.replace("_", " ")  # ratings given as slugs: "nao_e_bem_assim", "really_false"
    decomposed = unicodedata.normalize("NFKD", folded)
    plain = "".join(
        char for char in decomposed if not (unicodedata.combining(char) and ord(char) < 0x0370)
    )
    plain = unicodedata.normalize("NFC", plain)
    return " ".join(plain.split()).strip(" .!?¡¿\"'«»“”")


_LOOKUP: dict[str, Verdict] = {
    _plain(words): verdict for verdict, ratings in TABLE.items() for words in ratings
}
# Phrases of several words also count at the start of a sentence ("No evidence that ...").
_PHRASES = sorted((words for words in _LOOKUP if " " in words), key=len, reverse=True)


def from_table(textual: str) -> Verdict | None:
    """The verdict the table gives these words, if it knows them."""
    plain = _plain(textual)
    # The whole rating, else its first clause ("False. The photo is from 2015").
    for candidate in (plain, _plain(_CLAUSE.split(plain, maxsplit=1)[0])):
        if candidate in _LOOKUP:
            return _LOOKUP[candidate]
    for phrase in _PHRASES:
        if plain.startswith(f"{phrase} "):
            return _LOOKUP[phrase]
    return None


def normalise(
    textual: str | None,
    value: float | None = None,
    best: float | None = None,
    worst: float | None = None,
    media: str | None = None,
) -> tuple[Verdict, float | None] | None:
    """The verdict and its truth score; None when the review states nothing to map."""
    found = from_table(textual) if textual is not None else None
    if found is None and media in MEDIA:
        found = MEDIA[media]
    if found is not None:
        return found, SCORES[found]
    if value is not None and best is not None and worst is not None and best != worst:
        score = (value - worst) / (best - worst)
        return _band(score), round(score, 4)
    if textual is not None or media is not None:
        return "other", None
    return None


def _band(score: float) -> Verdict:
    for verdict, floor in (
        ("true", 0.875),
        ("mostly_true", 0.625),
        ("mixed", 0.375),
        ("mostly_false", 0.125),
    ):
        if score >= floor:
            return verdict  # type: ignore[return-value]
    return "false"
