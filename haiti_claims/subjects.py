"""What each claim is about, read from the dependency parse.

For a mention this finds the counted thing ("officers" in "a second contingent of 300
police officers"), the container and its qualifiers ("second contingent"), the event
(the governing verb or event noun: deploy, kill, cut) and the actor (the country,
company or agency that does or owns it: a named entity in the noun phrase, else the
subject of a governing verb). Words are mapped to classes through the lexicon, so the
matcher can compare canonical fields beside the words themselves (about.py).

Actors are resolved across the corpus afterwards (`ActorResolver`): demonyms to
places ("Kenyan" -> "Kenya") and people to the organisation or country the articles
tie them to ("Kenyan President William Ruto" makes "Ruto" speak for Kenya).
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from typing import Any, Callable, Iterable

from spacy.tokens import Span, Token

from .extract import TIME_UNITS, Mention
from .model import About, Claim, Subject
from .nlp import SUBJECT_DEPS, clause_verb, dated_verb, elided_noun, token_after
from .normalize.numbers import one_word_number

ACTOR_ENTITIES = ("GPE", "NORP", "ORG")
MODIFIER_DEPS = ("amod", "compound", "nummod", "advmod", "nmod", "npadvmod", "acl", "poss", "quantmod")
CLIMB_LIMIT = 12
CLAUSE_EDGES = ("advcl", "ccomp", "conj", "parataxis", "relcl", "ROOT")
PERSON_PRONOUNS = ("he", "she", "him", "her")  # stand for the last person named before
# a subject that counts off part of a group is someone, though no one by name: "one was sentenced"
PART_SUBJECTS = {"one", "another", "some", "several", "many", "most", "few", "both", "each", "others"}


@dataclass(frozen=True)
class Reading:
    """The subject of one mention, plus any person -> affiliation ties seen on the way."""

    subject: Subject
    affiliations: tuple[tuple[str, str], ...] = ()
    person: bool = False  # the actor is a person's name, to be resolved to what they speak for


class SubjectReader:
    """Reads subjects with one lexicon; build once, call per mention."""

    def __init__(self, lexicon: dict[str, Any]):
        self.things: dict[str, str] = lexicon["things"]
        self.event_nouns: dict[str, list[str]] = lexicon["event_nouns"]
        self.events: dict[str, str] = lexicon["events"]
        self.light: set[str] = set(lexicon["light_verbs"]["words"])
        self.containers: set[str] = set(lexicon["containers"]["words"])
        self.qualifiers: dict[str, dict[str, str | list[str]]] = lexicon["qualifiers"]
        self.units: set[str] = set(lexicon["units"])

    def __call__(self, mention: Mention, another_moment: Callable[[Token], bool] = lambda date: True) -> Reading:
        """The subject of a mention; `another_moment` says whether a date word names another moment than the
        story's (by default any date does)."""
        family = mention.family
        if family == "date":
            noun, event_from = self._date_noun(mention.span)
        else:
            noun, event_from = self._counted_noun(mention.span)
            if mention.kind == "money":
                noun = _money_for(mention.span) or noun
        container, thing_tok = self._container(noun)
        words: list[str] = []
        thing = event = None
        if mention.kind == "money":
            thing = f"money:{mention.unit}" + (f" {measured}" if (measured := self._measured(thing_tok)) else "")
        elif thing_tok is not None:
            thing, event = self._thing(thing_tok, counts=mention.kind in ("count", "number"))
            words.append(thing_tok.text)
        qualifiers = self._qualifiers(family, [t for t in (thing_tok, container) if t is not None], mention.span, words)
        # a figure's own place scopes it, not its conjunct's: "380,000 vehicles in the United States and 32,000 in
        # Canada"
        qualifiers += _places([mention.span.root], words) or \
            _places([t for t in (thing_tok, container, event_from) if t is not None], words)
        qualifiers += _moment_told(mention.span, words, another_moment) if family == "number" else []
        qualifiers += _part_of_a_group(thing_tok or event_from, words)
        if event is None:
            # a date belongs to its verb ("approval was received in October"), a number to its noun first
            nouns = [t for t in (container, thing_tok) if t is not None] if family == "number" else []
            event = self._event(event_from, nouns, words)
        if thing in TIME_UNITS and event is None:
            thing = None  # a length of time said of nothing that happens ("25 years old", "took two years")
        if event == "loss" and thing in ("people", "personnel"):
            event = "death"  # "the army lost three soldiers"; jobs, seats and money lost stay losses
        actor, ties, is_person = self._actor(thing_tok, container, event_from, strong=_is_strong(mention.span))
        if actor:
            words.append(actor)
        subject = Subject(actor=actor, thing=thing, qualifiers=tuple(sorted(set(qualifiers))), event=event,
                          words=tuple(dict.fromkeys(words)))
        return Reading(subject, ties, is_person)

    # -- the counted thing -----------------------------------------------------------------
    def _counted_noun(self, span: Span) -> tuple[Token | None, Token]:
        """The noun a number counts, and the token to look for its event from."""
        root = span.root
        head = root.head
        if head.lemma_.lower() == "strong" and head.head.pos_ in ("NOUN", "PROPN"):  # a 2,500-strong force
            return head.head, head.head
        if root.dep_ in ("nummod", "quantmod", "compound", "amod", "nmod") and head.pos_ in ("NOUN", "PROPN") \
                and head.i >= span.end:
            return head, head
        if root.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ == "NOUN" \
                and head.head.lemma_.lower() not in self.containers:  # "winds of 140 mph", "a population of 11 million"
            return head.head, head.head
        nxt = token_after(span)
        if nxt is not None and nxt.pos_ == "NOUN" and nxt.head.i >= nxt.i:  # "300 additional officers"
            return nxt.head if nxt.head.pos_ == "NOUN" else nxt, nxt
        if (elided := elided_noun(root)) is not None:  # "21 people have died: 16 in Acari and five in Chala"
            return elided, elided
        # "bringing the total number of personnel to nearly 1,000", "revised the toll down to 310":
        # the verb's object names the thing
        verb = head
        while verb.pos_ in ("ADP", "ADV", "PART") and verb.head.i != verb.i:
            verb = verb.head
        preference = ("dobj", "attr", "nsubjpass", "nsubj")
        for child in sorted(verb.children, key=lambda c: preference.index(c.dep_) if c.dep_ in preference else 9):
            if child.dep_ in preference and child.pos_ == "NOUN" and child.i != root.i:
                return child, verb
        return None, verb

    def _date_noun(self, span: Span) -> tuple[Token | None, Token]:
        """For a date: the noun phrase the dated event happens to, and the event's token."""
        anchor = span.root.head
        if anchor.dep_ == "prep" or anchor.pos_ == "ADP":
            anchor = dated_verb(anchor.head)
        if anchor.pos_ == "NOUN":  # "the initial deployment of officers in 2024"
            return anchor, anchor
        node = anchor
        for _ in range(CLIMB_LIMIT):
            deps = SUBJECT_DEPS + (("dobj",) if node.lemma_.lower() in self.light else ())
            for child in node.children:  # "the vote was postponed to ...", "will hold its election in ..."
                if child.dep_ in deps and child.pos_ == "NOUN":
                    return child, anchor
            if node.dep_ in ("acl", "relcl") and node.head.pos_ == "NOUN":  # "a contingent ... set to depart"
                return node.head, anchor
            if node.dep_ not in ("xcomp", "advcl", "conj", "acl", "relcl", "prep", "pcomp", "pobj") or node.head.i == node.i:
                break
            node = node.head
        return None, anchor

    def _container(self, noun: Token | None) -> tuple[Token | None, Token | None]:
        """("contingent", "officers") for "contingent of 300 officers"; (None, noun) otherwise."""
        if noun is None:
            return None, None
        if noun.lemma_.lower() in self.containers:
            of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            inner = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
            if inner is not None and inner.pos_ in ("NOUN", "PROPN"):
                return noun, inner
        if noun.head.lower_ == "of" and noun.dep_ == "pobj" and noun.head.head.lemma_.lower() in self.containers:
            return noun.head.head, noun
        return None, noun

    def _thing(self, tok: Token, counts: bool = True) -> tuple[str | None, str | None]:
        """(thing class, event class) of a counted noun; event nouns carry their event, and the thing they count
        where the figure counts them ("1,200 cuts" are jobs; "a quarter-point cut" measures one cut)."""
        lemmas = [tok.lemma_.lower(), tok.lower_]
        lemmas += [c.lemma_.lower() for c in tok.children if c.dep_ == "compound"]
        for lemma in lemmas:
            if lemma in self.event_nouns:
                thing, event = self.event_nouns[lemma]
                return (thing if counts else None), event
        for lemma in lemmas[:2]:
            if lemma in self.things:
                return self.things[lemma], None
        if tok.lemma_.lower() in TIME_UNITS:
            return tok.lemma_.lower(), None  # "12 years" and "18 months" are lengths of time, never compared
        if tok.pos_ == "PROPN" or tok.ent_type_:
            return None, None
        return _kind_of(tok), None

    def _measured(self, tok: Token | None) -> str | None:
        """What a sum measures, when a noun names it ("profit rose to $640 million"); a noun that names an
        event ("$2.5 million in emergency aid": funding) says it as the event instead."""
        if tok is None or tok.pos_ != "NOUN" or tok.ent_type_ in ("MONEY", "CARDINAL", "DATE") \
                or tok.lemma_.lower() in self.events:
            return None
        return _kind_of(tok)

    # -- qualifiers -------------------------------------------------------------------------
    def _qualifiers(self, family: str, nouns: list[Token], span: Span, words: list[str]) -> list[str]:
        table = self.qualifiers[family]
        found: list[str] = []

        def take(tok: Token) -> None:
            entry = table.get(tok.lemma_.lower()) or table.get(tok.lower_)
            if entry:
                found.extend([entry] if isinstance(entry, str) else entry)
                words.append(tok.text)

        for noun in nouns:
            take(noun)
            for child in noun.children:
                if child.dep_ in MODIFIER_DEPS and not (span.start <= child.i < span.end):
                    take(child)
                    if (kind := _sized_kind(child, self.units)) is not None:
                        found.append(kind)
                        words.append(child.text)
        if family == "number":
            head = span.root.head
            if head.lemma_.lower() in ("strong", "total") or (head.dep_ == "prep" and head.head.lemma_.lower() == "total"):
                take(head if head.lemma_.lower() in table else head.head)
        return found

    # -- the event --------------------------------------------------------------------------
    def _event(self, start: Token, nouns: list[Token], words: list[str]) -> str | None:
        """The class of the nearest governing verb or event noun that names an event."""
        for noun in nouns:
            if (cls := self.events.get(noun.lemma_.lower())) and noun.pos_ == "NOUN":
                words.append(noun.text)
                return cls
        node = start
        for _ in range(CLIMB_LIMIT):
            lemma = _phrasal_lemma(node)
            # a verb the parse takes for a preposition ("17 dead, including eight foreigners") names no event
            if node.pos_ in ("VERB", "NOUN", "AUX", "ADJ") and node.dep_ != "prep":
                if lemma in self.events:
                    words.append(node.text)
                    return self.events[lemma]
                if node.pos_ in ("VERB", "AUX") and lemma in self.light:
                    for child in node.children:  # "the deployment will be completed": the subject names it
                        if child.dep_ in SUBJECT_DEPS + ("dobj",) and (cls := self.events.get(child.lemma_.lower())):
                            words.append(child.text)
                            return cls
                elif node.pos_ == "VERB":
                    words.append(node.text)
                    return lemma  # an event the lexicon does not class: compare on the verb itself
            if node.head.i == node.i or node.dep_ in CLAUSE_EDGES:
                return None
            node = node.head
        return None

    # -- the actor --------------------------------------------------------------------------
    def _actor(self, thing: Token | None, container: Token | None, event_from: Token,
               strong: bool = False) -> tuple[str | None, tuple[tuple[str, str], ...], bool]:
        """The entity the quantity belongs to, and person -> affiliation ties seen on the way.

        Climbing from the counted thing towards the root, the first named country,
        organisation or group in a noun phrase on the way, or in the subject of a verb on
        the way, is the actor. A noun the thing belongs to ("a force expected to total
        2,500 personnel", "a 2,500-strong force") is the actor itself when it names no entity.
        A person is kept as a fallback (and resolved to what the corpus ties them to).
        """
        ties: list[tuple[str, str]] = []
        person: str | None = None
        own = {t.i for t in (thing, container) if t is not None}
        if strong and thing is not None:
            entity, _ = self._entity_in(thing, ties)
            return entity or _phrase(thing), tuple(ties), False
        for start in [t for t in (thing, container) if t is not None] or [event_from]:
            node, beyond = start, False
            for _ in range(CLIMB_LIMIT):
                candidates = [node] if node.pos_ in ("NOUN", "PROPN") else []
                candidates += [c for c in node.children if c.dep_ in SUBJECT_DEPS + ("poss", "compound", "amod", "nmod")
                               and not beyond]
                for cand in candidates:
                    entity, who = self._entity_in(cand, ties)
                    if entity:
                        return entity, tuple(ties), False
                    person = person or who
                if node.pos_ == "NOUN" and node.i not in own and node.dep_ not in ("pobj",) \
                        and any(c.dep_ in ("acl", "relcl") for c in node.children):
                    return _phrase(node), tuple(ties), False  # the owner: "a force expected to total ..."
                if node.head.i == node.i:
                    break
                node, beyond = node.head, _set_off(node)
            for speaker in self._speakers(node):  # "..., Norland's agency said": the source speaks for it
                entity, who = self._entity_in(speaker, ties)
                if entity:
                    return entity, tuple(ties), False
                person = person or who
        return person, tuple(ties), person is not None

    def _speakers(self, root: Token) -> list[Token]:
        """Subjects of verbs of saying attached to a clause's root ("rose to 210, the agency said")."""
        return [s for verb in root.children
                if verb.dep_ in ("parataxis", "ccomp", "advcl") and self.events.get(verb.lemma_.lower()) == "statement"
                for s in verb.children if s.dep_ in SUBJECT_DEPS]

    def _entity_in(self, tok: Token, ties: list[tuple[str, str]]) -> tuple[str | None, str | None]:
        """An actor entity among a token's noun phrase; a person's surname as a fallback."""
        phrase = [t for t in tok.subtree if t.i <= tok.i]  # the head and what stands before it
        phrase += [c for c in tok.children if c.dep_ == "appos"]  # "Ruto, Kenya's president"
        entity = next((t for t in phrase if t.ent_type_ in ACTOR_ENTITIES and not _names_a_maker(t)), None)
        person = next((t for t in phrase if t.ent_type_ == "PERSON"), None)
        if person is None and tok.lower_ in PERSON_PRONOUNS:
            person = _last_person_before(tok)
        name = _entity_text(entity) if entity is not None else None
        if name is None and person is None and tok.pos_ == "PROPN" and tok.dep_ in SUBJECT_DEPS + ("poss",) \
                and tok.ent_type_ not in ("DATE", "TIME") and not _capital_only_to_start(tok, phrase):
            # a name the recogniser missed; not "Friday's session": a day says when, not whose
            name = " ".join(t.text for t in phrase if t.pos_ == "PROPN")
        surname = _surname(person) if person is not None else None
        if name and surname and _full_name(person):  # "Kenyan President William Ruto": Ruto speaks for Kenya
            ties.append((surname, name))
        return name, surname


SCOPE_PREPOSITIONS = ("in", "across", "within", "throughout", "inside")
PLACE_ENTITIES = ("GPE", "LOC", "FAC")


def _sized_kind(modifier: Token, measures: set[str]) -> str | None:
    """A number and a word before a noun name its kind: "the two-year yield" and "the 10-year yield" are two
    things, as are "two-bedroom" and "three-bedroom" flats. Read as "2-year", "10-year". Not a measure ("a
    400-metre ship", "a 900-millimetre main"): a size, which another article may give in other units."""
    if modifier.pos_ not in ("NOUN", "ADJ") or modifier.dep_ not in ("compound", "amod", "nmod") \
            or not modifier.is_alpha or modifier.lower_ in measures or modifier.lemma_.lower() in measures:
        return None
    number = next((c for c in modifier.children if c.dep_ == "nummod" and c.i < modifier.i), None)
    if number is None:
        return None
    value = one_word_number(number.lower_)
    return f"{value:g}-{modifier.lemma_.lower()}" if value is not None else None


def _capital_only_to_start(tok: Token, phrase: list[Token]) -> bool:
    """A lone capitalised word that starts its sentence, which its article also writes in lower case and never
    capitalises mid-sentence: the capital is the sentence's, not a name's ("Tugboats worked through Wednesday",
    where the article speaks of tugboats; not "Ekdahl said ...", a surname the article never writes in lower
    case). The tagger often takes such a word for a proper noun after a dateline or a heading."""
    if not tok.is_sent_start or sum(t.pos_ == "PROPN" for t in phrase) > 1:
        return False
    common = {tok.lower_, tok.lower_.removesuffix("s")}
    return any(t.text in common for t in tok.doc) and not any(t.text == tok.text and not t.is_sent_start
                                                              for t in tok.doc)


def _names_a_maker(tok: Token) -> bool:
    """A name before a model's name or number, in the noun phrase of a common noun, is the maker of a kind of
    thing, not whose the things are: "171 Boeing 737 Max 9 jets", "60 Airbus A321 planes", "Microsoft Windows
    devices" are not the makers' (others fly and run them); "Kenyan police officers" are Kenya's, "CrowdStrike
    customers" CrowdStrike's."""
    noun = tok
    while noun.dep_ in ("compound", "nmod") and noun.head.i > noun.i:
        noun = noun.head
    if noun.i == tok.i or noun.pos_ != "NOUN":
        return False
    after = tok.i + 1  # past the rest of the name: the tokens inside one entity after its first
    while after < noun.i and tok.doc[after].ent_iob_ == "I":
        after += 1
    return any(t.pos_ in ("PROPN", "NUM") or t.ent_type_ == "PRODUCT" for t in tok.doc[after: noun.i])


def _set_off(clause: Token) -> bool:
    """A clause a semicolon parts from the clause it hangs from: the other clause's subject is not the figure's
    ("Labour won Hendon by fifteen votes; Poole went the same way by 18": not Poole's fifteen), a clause above
    both may still be ("Halden said 23,000 were sold in Canada; the rest are in the United States")."""
    head, doc = clause.head, clause.doc
    if clause.dep_ not in CLAUSE_EDGES:
        return False
    between = doc[clause.right_edge.i + 1: head.i] if clause.i < head.i else doc[head.i + 1: clause.left_edge.i]
    return any(t.text == ";" for t in between)


def _places(tokens: list[Token], words: list[str]) -> list[str]:
    """Places that scope a figure: "employs 4,100 people in Lakemont County" is not the whole workforce."""
    found = []
    for tok in tokens:
        for prep in tok.children:
            if prep.dep_ == "prep" and prep.lower_ in SCOPE_PREPOSITIONS:
                for place in prep.children:
                    if place.dep_ == "pobj" and place.ent_type_ in PLACE_ENTITIES:
                        name = _entity_text(place)
                        words.append(name)
                        found.append(f"in {name.lower()}")
    return found


def _kind_of(tok: Token) -> str:
    """A noun with the nouns that name its kind: "food prices" are not "consumer prices", "cloud revenue" is
    not all revenue."""
    kinds = [c.lemma_.lower() for c in tok.children if c.dep_ == "compound" and c.pos_ in ("NOUN", "PROPN")
             and not c.ent_type_ and c.i < tok.i and not _glued_to_a_figure(c)]
    return " ".join(kinds + [tok.lemma_.lower()])


def _glued_to_a_figure(tok: Token) -> bool:
    """A word written onto the figure before it is the figure's scale ("8.5m devices", "3bn doses"), not a kind."""
    return tok.i > 0 and tok.doc[tok.i - 1].like_num and not tok.doc[tok.i - 1].whitespace_


def _part_of_a_group(tok: Token, words: list[str]) -> list[str]:
    """ "Three contractors pleaded guilty; one was sentenced to 18 months": the clause is about someone, no
    one by name, so its figures are kept apart from the article's main actor's."""
    verb = clause_verb(tok)
    part = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.lower_ in PART_SUBJECTS), None) \
        if verb is not None else None
    if part is None:
        return []
    words.append(part.text)
    return [f"said of {part.lower_}"]


def _shortest_common_name(name: str, common: set[str]) -> str:
    """An actor named by common nouns is the same as one named by fewer of them that end it: "regional health
    ministry" is "health ministry" where both are named (`common`: the lower-case names of two words or
    more; never a proper name: "New South Wales" is not "South Wales")."""
    if name != name.lower():
        return name
    words = name.split()
    return next((" ".join(words[i:]) for i in range(len(words) - 2, 0, -1) if " ".join(words[i:]) in common), name)


def _money_for(span: Span) -> Token | None:
    """What a sum is in or for: "$2.5 million in emergency aid", "$110 billion for roads" (not "in 2024", "for
    years", "in the first quarter", "in Kenya")."""
    after = token_after(span)
    if after is None or after.lower_ not in ("in", "for") or after.head.i not in range(span.start, span.end):
        return None
    return next((c for c in after.children if c.dep_ == "pobj" and c.pos_ == "NOUN" and not c.ent_type_), None)


def _moment_told(span: Span, words: list[str], another_moment: Callable[[Token], bool]) -> list[str]:
    """A figure told of another moment than the story's is scoped to it: in a clause a date introduces ("the
    deadliest since 2011, when 93 people died") or in a relative clause on a dated thing ("the 2018 Camp Creek
    fire, which burned 48,000 acres and destroyed 300 homes")."""
    verb = clause_verb(span.root)
    while verb is not None and verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        verb = verb.head  # "... and destroyed 300 homes": the first verb of the clause says where it hangs
    if verb is None:
        return []
    doc = verb.doc
    when = next((c for c in verb.children if c.lower_ == "when" and c.i < verb.i), None)
    before = doc[when.i - 2] if when is not None and when.i > 1 and doc[when.i - 1].text == "," else None
    if before is not None and before.ent_type_ == "DATE":
        moment = before
    elif verb.dep_ in ("relcl", "acl") and not any(c.dep_ == "mark" for c in verb.children):
        # a relative clause on a dated thing; not what a dated statement says ("Tuesday's announcement that ...")
        moment = next((c for c in verb.head.children if c.ent_type_ == "DATE" and c.i < verb.head.i), None)
    else:
        moment = None
    if moment is None or not another_moment(moment):
        return []
    name = _entity_text(moment)
    words.append(name)
    return [f"when {name.lower()}"]


def _is_strong(span: Span) -> bool:
    """"a 2,500-strong force": the figure is the size of the noun itself."""
    return span.root.head.lemma_.lower() == "strong"


def _phrasal_lemma(tok: Token) -> str:
    """"lay off" for a verb with its particle, else the lemma."""
    particle = next((c.lower_ for c in tok.children if c.dep_ == "prt"), None)
    return f"{tok.lemma_.lower()} {particle}" if particle else tok.lemma_.lower()


def _phrase(noun: Token) -> str:
    """A noun with its describing adjectives, as a name for an actor: "multinational force"."""
    adjectives = [c.lower_ for c in noun.children
                  if c.dep_ == "amod" and c.i < noun.i and c.pos_ == "ADJ" and c.lemma_.lower() != "strong"]
    return " ".join(adjectives + [noun.lemma_.lower()])


def _last_person_before(tok: Token) -> Token | None:
    """He/she: the last person named before the pronoun in the article."""
    people = [e for e in tok.doc.ents if e.label_ == "PERSON" and e.end <= tok.i]
    return people[-1].root if people else None


def _entity_text(tok: Token) -> str:
    """The whole entity a token is part of, without "the" and possessive endings."""
    doc = tok.doc
    ent = next((e for e in doc.ents if e.start <= tok.i < e.end), None)
    text = ent.text if ent is not None else tok.text
    text = text.replace("’", "'")
    for prefix in ("the ", "The "):
        if text.startswith(prefix):
            text = text[len(prefix):]
    return text.removesuffix("'s").removesuffix("'").strip()


def _full_name(tok: Token) -> bool:
    """A person named with at least two words: a lone capitalised word is too often a misread name."""
    ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
    return ent is not None and len(ent) >= 2


def _surname(tok: Token) -> str:
    ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
    tokens = [t for t in (ent if ent is not None else [tok]) if t.pos_ == "PROPN"]
    return (tokens[-1] if tokens else tok).text.removesuffix("'s").removesuffix("’s")


class ActorResolver:
    """Maps actors as written to one canonical name per real actor, across the corpus.

    A person the articles tie to no organisation speaks for the article's main actor: the one
    most of its other claims belong to, if one holds a majority. (A claim with no actor at all
    keeps none: unattributed figures are often about the event, not the article's main actor.)
    """

    def __init__(self, aliases: dict[str, str]):
        self.aliases = {k.lower(): v for k, v in aliases.items()}

    def resolve(self, claims: list[Claim], ties: Iterable[tuple[str, str]], persons: set[str]) -> list[Claim]:
        names = sorted({c.subject.actor for c in claims if c.subject.actor} | {org for _, org in ties})
        affiliation: dict[str, str] = {}
        for person, org in sorted(ties):
            affiliation.setdefault(person.lower(), org)
        by_stem: dict[str, list[str]] = defaultdict(list)  # a demonym starts with its place's first four letters
        for n in names:
            by_stem[n.lower()[:4]].append(n)
        canonical = {n: self._canonical(n, by_stem, affiliation) for n in names}
        common = {n for n in names if n == n.lower() and " " in n}
        canonical = {n: _shortest_common_name(c, common) for n, c in canonical.items()}
        untied = {n for n in persons if n.lower() not in affiliation and n.lower() not in self.aliases}
        renamed = {n: canonical[n] for n in names if canonical[n] != n and n not in untied}
        resolved = [replace(c, subject=replace(c.subject, actor=renamed[c.subject.actor]))
                    if c.subject.actor in renamed else c for c in claims]
        main = self._main_actors(resolved, untied)
        resolved = [replace(c, subject=replace(c.subject, actor=main.get(c.doc, c.subject.actor)))
                    if c.subject.actor in untied else c for c in resolved]
        return self._resolve_names_around(resolved, names)

    def _resolve_names_around(self, claims: list[Claim], actors: list[str]) -> list[Claim]:
        """The places, owners and agents named around figures, by the same aliases and demonyms as actors ("Britain"
        and "the United Kingdom" where the configuration says so; "Kenyan" and "Kenya"), never by who a
        person speaks for."""
        names = sorted(set(actors) | {n for c in claims for n in (c.about.owner, c.about.agent, *c.about.places) if n})
        by_stem: dict[str, list[str]] = defaultdict(list)
        for n in names:
            by_stem[n.lower()[:4]].append(n)
        canonical = {n: self._canonical(n, by_stem, {}) for n in names}

        def renamed(about: About) -> About:
            owner, agent = (canonical.get(n, n) if n else None for n in (about.owner, about.agent))
            places = tuple(sorted({canonical.get(p, p) for p in about.places}))
            same = (owner, agent, places) == (about.owner, about.agent, about.places)
            return about if same else replace(about, owner=owner, agent=agent, places=places)

        return [c if (about := renamed(c.about)) is c.about else replace(c, about=about) for c in claims]

    @staticmethod
    def _main_actors(claims: list[Claim], untied: set[str]) -> dict[str, str]:
        counts: dict[str, Counter[str]] = defaultdict(Counter)
        for c in claims:
            if c.subject.actor and c.subject.actor not in untied:
                counts[c.doc][c.subject.actor] += 1
        main = {}
        for doc, counter in counts.items():
            (top, n), *rest = counter.most_common()
            if n * 2 > sum(counter.values()) and (not rest or rest[0][1] < n):
                main[doc] = top
        return main

    def _canonical(self, name: str, by_stem: dict[str, list[str]], affiliation: dict[str, str]) -> str:
        low = name.lower()
        if low in self.aliases:
            return self.aliases[low]
        if low in affiliation:
            name, low = affiliation[low], affiliation[low].lower()
            if low in self.aliases:
                return self.aliases[low]
        # demonyms: "Kenyan" -> "Kenya", "Bahamian" -> "Bahamas" when that place is named somewhere
        if " " not in low:
            for other in by_stem.get(low[:4], ()):
                o = other.lower()
                stem = o[: max(4, len(o) - 2)]
                if len(o) >= 4 and o != low and len(low) > len(o) - 2 and low.startswith(stem) and not o.startswith(low):
                    return other
        return name
