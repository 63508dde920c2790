"""The words around a figure, read from the parse (part of the subjects stage).

Where `subjects` maps a figure's words to the lexicon's classes, this keeps the words themselves:
the counted noun, the clause's verb, the content words of the figure's dependency neighbourhood
and of its sentence, who the sentence says gave the figure, and the places, people, years and
ordinal words around it. The matcher weighs them as evidence; nothing here is a word list of a
story: only parts of speech, dependency labels and entity types decide.
"""
from __future__ import annotations

import re
from typing import Iterable

from spacy.tokens import Span, Token

from .config import Sourcing
from .model import About
from .nlp import (PART_OF, SUBJECT_DEPS, dated_verb, dates_another_figure, elided_noun, is_verb, scopes_of_comparison,
                  thing_of_the_day)

CONTENT_POS = ("NOUN", "VERB", "PROPN", "ADJ")
COUNTED_DEPS = ("nummod", "quantmod", "compound", "amod", "nmod", "npadvmod")
ARGUMENT_DEPS = ("dobj", "nsubjpass", "nsubj", "attr")
SOURCE_DEPS = ("nsubj",)
PLACE_ENTITIES = ("GPE", "LOC", "FAC")
SCOPE_PREPOSITIONS = ("in", "across", "within", "throughout", "inside", "at", "near", "outside")
PLACE_PREPOSITIONS = ("for",)  # scope a figure only to what the recogniser names a place: "the count for Congo"
CLAUSE_DEPS = ("advcl", "ccomp", "conj", "parataxis", "relcl", "xcomp", "acl")
OWNER_ENTITIES = ("GPE", "NORP", "ORG", "PERSON")
DEFINITE = ("the", "those", "these")  # determiners of a whole told before
NOT_A_THING = ("DATE", "TIME", "CARDINAL", "MONEY", "QUANTITY", "PERCENT", "ORDINAL")
CLIMB = 6  # steps from the figure towards its clause's verb
YEAR = re.compile(r"\b(1[89]\d\d|2[01]\d\d)\b")


def read_about(span: Span, sourcing: Sourcing, date: bool = False) -> About:
    """What the words around a figure (a date when `date`) say it is about; `sourcing` holds the words that tell
    who gave it."""
    sent = span.sent
    inside = range(span.start, span.end)
    chain = _chain(span.root)
    verb = next((t for t in chain if is_verb(t)), None)
    if date and verb is not None:
        verb = dated_verb(verb)
    noun = counted_noun(span, date)
    when = _when_clause(span, chain) if date else None
    if when is not None and _sets_the_scene(chain, verb):
        verb, noun = when, _argument(when, span)  # "it was Tuesday when the dam burst": the day of the bursting
    if date and (owned := _day_of(span)) is not None:
        verb = noun = owned  # "won a landslide in Thursday's general election": the election's day
    told = _told_of(chain, sent)
    if noun is None and told is not None and told.pos_ == "NOUN":
        noun = told  # "put it at 59.9%": what it stands for is what the figure measures
    relative = _relative_clauses(span, noun, sourcing.saying)
    if relative and not date:
        verb = relative[-1]
    near: set[Token] = set(_telling(when)) if when is not None else set()
    for node in chain + ([noun] if noun is not None else []) + relative:
        near.add(node)
        for child in node.children:
            if child.i in inside:
                continue
            near.add(child)
            near.update(g for g in child.children if g.dep_ in ("compound", "amod", "pobj", "poss"))
    if told is not None:
        near.add(told)
        near.update(c for c in told.children if c.dep_ in ("compound", "amod"))
    others = [e for e in sent.ents if not (e.start < span.end and span.start < e.end)]
    close = {t.i for t in near}
    nearby = [e for e in others if any(t.i in close for t in e)]  # named in the figure's own phrase and clause
    ordinals = {e.text.lower() for e in nearby if e.label_ == "ORDINAL"} | _ordinals_of_scope(chain, others)
    return About(
        noun=noun.lemma_.lower() if noun is not None else None,
        verb=verb.lemma_.lower() if verb is not None else None,
        near=_lemmas(t for t in near if t.i not in inside),
        sentence=_lemmas(t for t in sent if t.i not in inside),
        sources=_sources(sent, sourcing.saying),
        givers=_givers(span, sourcing),
        places=_places(span, verb, nearby),
        persons=tuple(sorted({_name(e) for e in nearby if e.label_ == "PERSON"})),
        years=tuple(sorted({y for e in others if e.label_ == "DATE" and not dates_another_figure(e, span)
                            for y in YEAR.findall(e.text)})),
        ordinals=tuple(sorted(ordinals)),
        dimension=_dimension(span),
        owner=_owner(span, others),
        agent=_agent(verb, span),
        part=_is_part(span),
    )


THING_PRONOUNS = ("it", "they", "this", "that", "these", "those")  # stand for what the sentence before is about


def _ordinals_of_scope(chain: list[Token], entities: list[Span]) -> set[str]:
    """Ordinals that describe the object of a preposition on the figure's way to its verb: the phrase scopes the
    figure to one instance ("In the first round of sampling, four of 36 samples contained the bacteria")."""
    described = {g.i for node in chain for prep in node.children if prep.dep_ == "prep"
                 for obj in prep.children if obj.dep_ == "pobj" for g in obj.children if g.dep_ == "amod"}
    return {e.text.lower() for e in entities if e.label_ == "ORDINAL" and any(t.i in described for t in e)}


def _told_of(chain: list[Token], sent: Span) -> Token | None:
    """What a pronoun in the figure's clause stands for: the subject of the sentence before ("Turnout was the
    lowest since 2001. The Press Association put it at 59.9%": it is turnout)."""
    pronoun = next((c for t in chain for c in t.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")
                    and c.lower_ in THING_PRONOUNS and c.pos_ == "PRON"), None)
    if pronoun is None or sent.start == 0:
        return None
    before = sent.doc[sent.start - 1].sent
    root = before.root
    subject = next((c for c in root.children if c.dep_ in SUBJECT_DEPS), None)
    return subject if subject is not None and subject.pos_ in ("NOUN", "PROPN") else None


def counted_noun(span: Span, date: bool = False) -> Token | None:
    """The noun a figure counts or measures: "300 officers", "a toll of 40", "deaths rose to 40"; for a date, the
    noun its event happens to."""
    root, head = span.root, span.root.head
    if root.dep_ in COUNTED_DEPS and head.pos_ == "NOUN" and head.i >= span.end:
        return head
    if root.dep_ == "npadvmod" and head.pos_ == "ADJ" and head.dep_ == "amod" and head.head.pos_ == "NOUN":
        return head.head  # "a gap about 60 metres wide": the gap's width
    if root.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ == "NOUN":
        return head.head
    if (stuff := _measured_stuff(root)) is not None:
        return stuff
    for tok in span.doc[span.end: span.end + 3]:
        if tok.ent_type_ in NOT_A_THING:  # "$100 million last week"
            break
        if tok.pos_ == "NOUN":
            return tok
        if tok.pos_ not in ("ADJ", "ADV", "NUM"):
            break
    if root.pos_ == "NOUN" and not root.like_num and root.ent_type_ not in NOT_A_THING:
        return root
    if (elided := elided_noun(root)) is not None:
        return elided
    if (level_of := _level_of(span)) is not None:
        return level_of
    verb = head
    while verb.pos_ in ("ADP", "ADV", "PART") and verb.head.i != verb.i:
        verb = verb.head
    argument = _argument(verb, span)
    if argument is None and date:
        return _said_of(verb)
    return _plural_counted(argument) if argument is not None and not date else argument


def _plural_counted(noun: Token) -> Token:
    """The bare plural a noun is told "of", else the noun: "Microsoft's count of affected machines stands at 8.5
    million", "the number of displaced people rose to 700,000" count machines and people; a noun with its own
    determiner or figure after the "of" ("the cost of the bridge", "a total of 30 deaths") stays as it is."""
    return next((g for g in _objects_of(noun) if g.pos_ == "NOUN" and g.tag_ == "NNS"
                 and not any(c.dep_ in ("det", "poss", "nummod") for c in g.children)), noun)


def _objects_of(noun: Token) -> list[Token]:
    """The objects of the "of" phrases a noun takes: "water" of "98 feet of water"."""
    return [g for of in noun.children if of.dep_ == "prep" and of.lower_ == "of" for g in of.children
            if g.dep_ == "pobj"]


def _measured_stuff(root: Token) -> Token | None:
    """What a measure in units is an amount of: "98 feet (30 metres) of water", "about 3 miles of its shoreline"."""
    if root.pos_ != "NOUN" or root.ent_type_ != "QUANTITY":
        return None
    return next((g for g in _objects_of(root) if g.pos_ == "NOUN"), None)


def _level_of(span: Span) -> Token | None:
    """The noun right before "at" and the figure ("well ahead of inflation at 3%", "with the deficit at $40
    billion"; "put the cost of the disruption at $150 million": the disruption's, which tells this cost from
    others better than "cost"): the figure is its level, wherever the parser hangs the phrase."""
    doc = span.doc
    if span.start < 2 or doc[span.start - 1].lower_ != "at":
        return None
    before = doc[span.start - 2]
    return before if before.pos_ == "NOUN" and before.ent_type_ not in NOT_A_THING else None


def _argument(verb: Token, span: Span) -> Token | None:
    """The first common noun the verb takes as subject or object, other than the figure itself."""
    return next((c for c in verb.children if c.dep_ in ARGUMENT_DEPS and c.pos_ == "NOUN"
                 and not span.start <= c.i < span.end), None)


WHEN_GAP = 2  # tokens between a date and the "when" that starts its clause ("on Tuesday, when ...")


def _when_clause(span: Span, chain: list[Token]) -> Token | None:
    """The verb of a when-clause that follows a date and hangs from it or its clause ("on Friday, when CrowdStrike
    pushed a file"; "on Friday evening when the door plug blew out"): it tells what happened at that moment."""
    for node in chain:
        for clause in node.children:
            if clause.dep_ in ("relcl", "advcl") and clause.i >= span.end and any(
                    c.lower_ == "when" and c.dep_ == "advmod" and span.end <= c.i <= span.end + WHEN_GAP
                    for c in clause.children):
                return clause
    return None


def _day_of(span: Span) -> Token | None:
    """The noun a date in the possessive is the day of: "Thursday's general election", "since Tuesday's collapse"."""
    noun = thing_of_the_day(span)
    if noun is not None and span.root.dep_ == "poss" and noun.pos_ == "NOUN" and noun.ent_type_ not in NOT_A_THING:
        return noun
    return None


def _sets_the_scene(chain: list[Token], verb: Token | None) -> bool:
    """Whether the clause a date sits in only sets the scene for what its when-clause tells: it has no verb but
    "be" ("it was Tuesday when ...", "was at 16,000 feet on Friday when ..."), or its verb is a progressive
    ("was travelling at 40 mph on Tuesday when ...")."""
    if verb is None:
        return True
    return verb.tag_ == "VBG" and any(c.dep_ == "aux" and c.lemma_ == "be" for c in verb.children)


def _telling(when: Token) -> list[Token]:
    """The words of a when-clause and of the clauses it governs to do something ("expected to re-elect the
    Speaker"), without the clauses hanging from those."""
    words, verbs = [], [when]
    while verbs:
        verb = verbs.pop()
        words += _clause(verb)
        verbs += [c for c in verb.children if c.dep_ == "xcomp"]
    return words


def _said_of(verb: Token) -> Token | None:
    """The noun a clause with no subject of its own tells of: a date there dates what happens to it ("300
    officers, set to depart in early 2025"; "the bridge, which opened in 1977"). A figure there is no such
    noun's ("the company, which produced 210,000 ounces" counts ounces), so only dates ask."""
    while verb.dep_ == "xcomp" and not any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        verb = verb.head  # "set to depart": the subject of "set" departs
    if verb.dep_ in ("acl", "relcl") and verb.head.pos_ == "NOUN" \
            and not any(c.dep_ in SUBJECT_DEPS and c.pos_ != "PRON" for c in verb.children):
        return verb.head
    return None


def _places(span: Span, verb: Token | None, nearby: list[Span]) -> tuple[str, ...]:
    """The places a figure's clause names: places named in its own phrase, and a proper name a scope
    preposition puts in its clause ("killed 11 people in the coastal town of Brevik": the recogniser's label
    for a small town is often wrong, the grammar is not)."""
    compared = scopes_of_comparison(span.sent)  # where a comparison runs, no place of the figure
    names = {_name(e) for e in nearby if e.label_ in PLACE_ENTITIES and e.start not in compared}
    clause = _clause(verb) if verb is not None else list(span.root.subtree)
    if verb is not None and _continues(verb):
        clause += _clause(verb.head)  # "tore through a factory in Ashulia, killing 17": the head clause's places
    for prep in clause:
        if prep.dep_ != "prep" or prep.lower_ not in SCOPE_PREPOSITIONS + PLACE_PREPOSITIONS or prep.i in compared:
            continue
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            named = _place_named(obj)
            if named is None or named.ent_type_ in NOT_A_THING:
                continue
            if prep.lower_ in SCOPE_PREPOSITIONS or named.ent_type_ in PLACE_ENTITIES:
                names.add(_name_at(named))
                if obj.pos_ == "PROPN" and (located := _located_by(prep)) is not None:
                    names.add(_name_at(located))
    return tuple(sorted(names))


def _located_by(prep: Token) -> Token | None:
    """The name a place phrase locates when it follows that name ("took Hendon in north London": the figure is
    Hendon's, London only says where Hendon is; the parser often hangs the phrase on the verb). Not a person's
    name: "Ruto in Nairobi" places the man, not his figure."""
    before = prep.doc[prep.i - 1] if prep.i > prep.sent.start else None
    if before is None or before.pos_ != "PROPN" or before.ent_type_ in NOT_A_THING + ("PERSON",):
        return None
    return before


def _name_at(tok: Token) -> str:
    """The name a proper noun stands in: the recogniser's entity, or the word with the proper nouns compounded
    before it ("Brighton Pavilion")."""
    ent = next((e for e in tok.sent.ents if e.start <= tok.i < e.end), None)
    if ent is not None:
        return _name(ent)
    start = tok.i
    while start > tok.sent.start and (t := tok.doc[start - 1]).pos_ == "PROPN" and t.dep_ == "compound":
        start -= 1
    return tok.doc[start: tok.i + 1].text


def _place_named(obj: Token) -> Token | None:
    """The proper name a scope phrase's object gives: itself ("in Ashulia"), the name after its "of" ("in the
    town of Brevik"), or a name that qualifies it and is not a person's or an organisation's ("in the Ashulia
    industrial belt")."""
    if obj.pos_ == "PROPN":
        return obj
    of_name = next(iter(_names_after_of(obj)), None)
    return of_name or next((m for m in obj.children if m.dep_ in ("compound", "nmod") and m.pos_ == "PROPN"
                            and m.ent_type_ not in NOT_A_THING + ("PERSON", "ORG")), None)


def _continues(verb: Token) -> bool:
    """A participle clause with no subject of its own goes on with the clause it hangs from ("a fire tore through
    the factory, killing 17 workers")."""
    return verb.dep_ == "advcl" and verb.tag_ in ("VBG", "VBN") and verb.head.i != verb.i \
        and not any(c.dep_ in SUBJECT_DEPS for c in verb.children)


def _clause(verb: Token) -> list[Token]:
    """A verb's clause: its subtree without the clauses that hang from it."""
    out, stack = [], [verb]
    while stack:
        tok = stack.pop()
        out.append(tok)
        stack.extend(c for c in tok.children if c.dep_ not in CLAUSE_DEPS)
    return out


def _is_part(span: Span) -> bool:
    """A figure told as part of a whole: inside an "including" or "among" phrase ("17 dead, including eight
    foreigners"; "among the dead were 12 children"), or a partitive of a whole named before ("56 of them", "19 of
    which", "five of the dead")."""
    root = span.root
    phrase = root.head if root.dep_ in COUNTED_DEPS and root.head.pos_ == "NOUN" else root
    if phrase.dep_ == "pobj" and phrase.head.lower_ in PART_OF:
        return True
    clause = phrase.head if phrase.dep_ in ARGUMENT_DEPS else None
    if clause is not None and any(c.dep_ == "prep" and c.lower_ in PART_OF and not any(t.like_num for t in c.subtree)
                                  for c in clause.children):
        return True  # "Among the dead were 12 children"; not "83 cars derailed, among them 11 tank cars"
    return any(of.dep_ == "prep" and of.lower_ == "of" and any(_names_a_whole(g) for g in of.children)
               for of in root.children)


def _names_a_whole(tok: Token) -> bool:
    """The object of a partitive "of" that names a whole told before: a pronoun, or a definite plural noun with
    no figure of its own ("of them", "of which", "of the dead", "of those cases"; not "of the 41 passengers")."""
    if tok.dep_ != "pobj":
        return False
    if tok.pos_ == "PRON":
        return True
    return (tok.tag_ in ("NNS", "NNPS") or tok.pos_ == "ADJ") and any(c.lower_ in DEFINITE for c in tok.children) \
        and not any(c.like_num for c in tok.children)


def _agent(verb: Token | None, span: Span) -> str | None:
    """Who does what the figure's clause says, when a name says it: "the People's Alliance won 41 seats"; not
    for a figure that describes another name ("the judge fined Daniel Reyes, 61")."""
    if verb is None or span.root.dep_ == "appos" or span.root.head.pos_ == "PROPN":
        return None
    subject = _subject_of(verb, span)
    if subject is None:
        return None
    ent = _name_of(subject, span.sent)
    if ent is not None and ent.label_ == "PERSON":
        ent = next((e for p in subject.children if p.dep_ == "poss" and (e := _name_of(p, span.sent))
                    and e.label_ != "PERSON"), ent)  # "Labour's David Pinto-Duschinsky beat ...": for Labour
    if ent is None and subject.pos_ == "NOUN":  # "the Conservative chairman Richard Holden", "the city of Seacliff"
        ent = next((e for n in _named_as(subject) if (e := _name_of(n, span.sent))), None)
    return _name(ent) if ent is not None else None


def _named_as(noun: Token) -> list[Token]:
    """The names a noun is another word for: in apposition to it ("the chairman Richard Holden"), or after the "of"
    of one definite thing ("the city of Seacliff"; not "a mayor of Brenton", "shares of CrowdStrike")."""
    names = [c for c in noun.children if c.dep_ == "appos"]
    if noun.tag_ == "NN" and any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children):
        names += _names_after_of(noun)
    return names


def _names_after_of(noun: Token) -> list[Token]:
    """The proper nouns an "of" after the noun takes: "Harbor Point" of "the city of Harbor Point"."""
    return [g for g in _objects_of(noun) if g.pos_ == "PROPN"]


def _subject_of(verb: Token, span: Span) -> Token | None:
    """The verb's subject; for an infinitive with none of its own, the object of the verb it completes ("forcing
    the city to close 6 miles": the city closes them)."""
    subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS and not span.start <= c.i < span.end), None)
    if subject is None and verb.dep_ == "xcomp":
        subject = next((c for c in verb.head.children if c.dep_ == "dobj" and not span.start <= c.i < span.end), None)
    return subject


def _name_of(token: Token, sent: Span) -> Span | None:
    """The name of a person, a body or a place the token stands in."""
    return next((e for e in sent.ents if e.start <= token.i < e.end and e.label_ in OWNER_ENTITIES), None)


def _owner(span: Span, entities: list[Span]) -> str | None:
    """The name nearest before the figure in its sentence, with no other figure between them: whose figure it
    is in a list ("France 17 medals, Japan 20, China 91") and in most plain sentences ("Kenya will send 600")."""
    before = [e for e in entities if e.end <= span.start and e.label_ in OWNER_ENTITIES]
    if not before:
        return None
    nearest = before[-1]
    between = span.doc[nearest.end: span.start]
    if any(t.like_num or t.ent_type_ in ("CARDINAL", "MONEY", "PERCENT", "QUANTITY") for t in between):
        return None
    prep = nearest.root.head
    if nearest.root.dep_ == "pobj" and nearest.root.pos_ == "PROPN" and prep.lower_ in SCOPE_PREPOSITIONS \
            and (located := _located_by(prep)):
        return _name_at(located)  # "took Hendon in north London by 15 votes": Hendon's figure
    return _name(nearest)


def _dimension(span: Span) -> str | None:
    """The adjective a measurement measures: "264 feet wide", "a 400-foot-wide lane", "50 feet deep"."""
    head = span.root.head
    if head.pos_ == "ADJ" and head.i >= span.start:
        return head.lemma_.lower()
    after = span.doc[span.end: span.end + 2]
    return next((t.lemma_.lower() for t in after if t.pos_ == "ADJ" and t.i > 0 and t.doc[t.i - 1].text == "-"), None)


def _relative_clauses(span: Span, noun: Token | None, saying: frozenset[str]) -> list[Token]:
    """The verbs of a relative clause on the figure's noun phrase, which tells what the figure is ("the 3 million
    doses the authorities say are needed": say, need), through a verb of saying to what is said."""
    verbs = [c for head in {span.root, *([noun] if noun is not None else [])} for c in head.children
             if c.dep_ == "relcl" and c.i not in range(span.start, span.end)]
    return verbs + [c for v in verbs if v.lemma_.lower() in saying for c in v.children if c.dep_ in ("ccomp", "xcomp")]


def _chain(token: Token) -> list[Token]:
    """The figure's head and its heads up to the first verb."""
    chain, node = [], token
    for _ in range(CLIMB):
        chain.append(node)
        if node.head.i == node.i or is_verb(node):
            break
        node = node.head
    return chain


def _sources(sent: Span, saying: frozenset[str]) -> tuple[str, ...]:
    """Who gave the sentence's figures: the subject of a verb of saying, or the object of "according to"."""
    heads = [c for t in sent if t.pos_ == "VERB" and t.lemma_.lower() in saying
             for c in t.children if c.dep_ in SOURCE_DEPS]
    heads += [p for t in sent if t.lower_ == "according" for p in t.subtree if p.dep_ == "pobj"]
    names = set()
    for head in heads:
        if head.pos_ not in ("PROPN", "NOUN"):
            continue
        ent = next((e for e in sent.ents if e.start <= head.i < e.end), None)
        names.add(_name(ent) if ent is not None else head.lemma_.lower())
    return tuple(sorted(names))


def _givers(span: Span, sourcing: Sourcing) -> tuple[str, ...]:
    """Who gave the figure, as its clause's outermost attribution names it: the subject of a verb of saying or
    counting whose clause holds the figure or that tags the clause ("Congo has reported 537 deaths, WHO said": the
    WHO), the owner of a figure the clause tells ("CyberCube's figure was $400 million"), or the object of
    "according to"; with a person, the organisation their own words name ("Delta Air Lines chief executive Ed
    Bastian"). Only a name or a described body counts ("the county agriculture directorate"); a bare role
    ("officials", "the company") or a pronoun names no one."""
    verb = span.root
    for _ in range(CLIMB):
        if is_verb(verb) or verb.pos_ == "AUX" or verb.head.i == verb.i:
            break
        verb = verb.head
    found: list[Token] = []
    while True:
        found += _attributions(verb, sourcing)
        if verb.dep_ not in ("ccomp", "xcomp") or verb.head.i == verb.i:
            break
        verb = verb.head
    giver, name = next(((head, name) for head in reversed(found) if (name := _body(head))), (None, None))
    if giver is None or name is None:
        return ()
    speaks_for = [_name(e) for e in giver.doc.ents if e.label_ == "ORG" and giver.left_edge.i <= e.start
                  and e.end <= giver.i]  # "Delta Air Lines chief executive Ed Bastian"
    return tuple(dict.fromkeys([name, *speaks_for]))


def _attributions(verb: Token, sourcing: Sourcing) -> list[Token]:
    """The givers one clause names for its figures, innermost first."""
    out = []
    if verb.lemma_.lower() in sourcing.giving:
        out += [c for c in verb.children if c.dep_ in SOURCE_DEPS]
    for child in verb.children:
        if child.dep_ in SOURCE_DEPS and child.lemma_.lower() in sourcing.figures:
            out += _givers_of_figures(child)  # "the WHO's count stood at"
        if child.dep_ == "prep" and child.lower_ == "according":
            heads = {child.i} | {c.i for c in child.children}  # "according to X", and X parsed under "according"
            for told in (t for t in child.subtree if t.dep_ == "pobj" and t.head.i in heads):
                out += _givers_of_figures(told) if told.lemma_.lower() in sourcing.figures else [told]
        if child.dep_ == "parataxis" and child.lemma_.lower() in sourcing.giving:
            out += [g for g in child.children if g.dep_ in SOURCE_DEPS]  # "..., WHO said"
    return out


def _givers_of_figures(noun: Token) -> list[Token]:
    """Whose figures a noun of figures says they are: "the WHO's count", "figures the transit authority
    released"."""
    return [g for g in noun.children if g.dep_ == "poss"] + \
        [s for c in noun.children if c.dep_ in ("relcl", "acl") for s in c.children if s.dep_ in SOURCE_DEPS]


def _body(head: Token) -> str | None:
    """A giver's name: an entity's, a proper noun's or an initialism's, or that of one body described by nouns
    before it ("the county agriculture directorate", "the health ministry"); None for a bare noun, a pronoun, a
    day, or a role ("a fire official", "state officials")."""
    ent = next((e for e in head.doc.ents if e.start <= head.i < e.end), None)
    if ent is not None:
        return _name(ent) if ent.label_ in OWNER_ENTITIES else None
    if head.pos_ == "PROPN":
        return " ".join(t.text for t in [*(c for c in head.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"), head])
    if head.text.isupper() and len(head.text) > 1:  # "WHO", parsed as a pronoun
        return head.text
    described = [c for c in head.lefts if c.dep_ == "compound" and c.pos_ in ("NOUN", "PROPN")]
    definite = any(c.dep_ == "det" and c.lower_ == "the" for c in head.lefts)
    if head.tag_ == "NN" and definite and described:  # "the health ministry"; not "a fire official"
        return " ".join(t.lemma_.lower() for t in [*described, head])
    return None


def _name(ent: Span) -> str:
    """A name as written, with the proper nouns the recogniser cut from its front ("Liberal" of "the Liberal
    Democrats", tagged "Democrats")."""
    start = ent.start
    while start > ent.sent.start and (t := ent.doc[start - 1]).pos_ == "PROPN" and t.dep_ == "compound" \
            and ent.start <= t.head.i < ent.end and not t.ent_type_:
        start -= 1
    text = ent.doc[start:ent.end].text.replace("\u2019", "'")
    text = text[4:] if text.lower().startswith("the ") else text
    return text.removesuffix("'s").strip()


def _lemmas(tokens: Iterable[Token]) -> tuple[str, ...]:
    """Content-word lemmas, sorted and unique: what the matcher compares as bags of words."""
    return tuple(sorted({t.lemma_.lower() for t in tokens
                         if t.is_alpha and not t.is_stop and t.pos_ in CONTENT_POS}))
