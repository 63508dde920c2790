"""When a claimed value held, and how the value may move over time.

For each claim this reads, from the parse:
- `as_of`: the date the value held. A date in the same sentence counts when it governs the
  same verb as the figure ("rose to 210 on Sunday"), when it dates the verb of saying that
  reports the figure ("the agency said on Tuesday that 340 had died"), or when it is written
  as "as of"/"by"/"as at". A date that hangs from another figure ("down from 67.3% in 2019") dates that
  figure only, and before any date of its verb ("slowed to 3.2% in March from 3.5% in February"). Else
  the publication date; else unknown (never guessed).
  A period still running when the article was published ("537 deaths so far this year") dates a count
  to the publication, not to the period's end; only a plan holds at a future moment. A date in a phrase
  "since" opens ("idled since the order of 6 January") starts a period and dates no figure. A figure whose
  noun carries its own participle ("the 1.4 billion euros spent cleaning the river will pay off next
  summer") takes its moment and its plan from that participle, not from the clause around it.
- `quantity`: `cumulative` (counts that only grow: deaths, arrests, "so far", "in all", "rose to", "counted", a
  clause whose subject is a tally or a toll),
  `plan` (future or intended: "will", "set to", "expected", "pledged", "target"; or a bound on what may
  happen: "the quota allows for 10,500", "licensed to carry no more than 250", "a capacity of 350"), `stock`
  (levels that move either way: "controls", "employs", "remain"), else `fixed`. The words are looked
  for in the figure's own clause: from the figure up to the verb of its clause, and on through the verbs
  that clause completes ("expects to reach 10 million", "a pledge to send 1,000"), never out of a
  relative clause ("the bank, which held its rate at 5.25%, is not expected to cut") nor into a clause of
  comparison ("on Thursday, a day later than the network had planned"). "Set" names a schedule
  only with what is set to happen or for when ("set to open", "set for June"), never as a verb of doing
  ("set foot ashore", "set 125 records", "set up 12 centres"). A figure of a thing yet to be is a plan ("the
  eventual cost", "an expected 5,000 visitors"); the size of what the clause is about is the thing's as it is,
  whatever the clause plans ("the viaduct, 1,200 feet long, is due to open").
- `markers`: `revision` ("revised down", "corrected"), `replacement` ("postponed to", "now
  expected", "initially") and `withdrawal` ("later withdrew", "denied") words in the sentence, and
  `partial` where the sentence tells a count or share before the counting ended ("with one seat
  outstanding", "on the count so far", "with 649 of the 650 constituencies declared"),
  `contrast` where the sentence says a figure is above or below another ("a higher count than the company's
  own": a difference the writer knows of), `running` where the figure's own clause tells a total up to the
  time of telling, in the perfect and not in the negative ("8.6 million tickets had been sold", "four bodies
  have now been brought home"), and the figure is what the verb totals, not a description of one of its
  phrases' objects ("have been trapped in a chamber some 1,730 feet underground") nor a size ("just 3 metres
  wide"); `view` where the sentence gives one person's estimate ("in his view"); `whole` where it counts over the
  whole of something ("over the whole episode") and `peak` where it tells the height of something ("at the height
  of the Games"). Of a date: `moving-day` ("postponed the race on Tuesday") or `moved-to` ("pushed back to
  Thursday"); of a measure: `distance-from` ("within 800 metres of the wreck"), `spacing` ("four weeks apart") or
  `offset` ("two days ahead of schedule"); of a figure: `per-day`, `per-week`, `per-month` or `per-year` ("35,000
  police every day", "500 tonnes a day", "£300,000 a week"), `per-unit` for a price of one unit ("10.81 per
  dollar"), `out-of` for the whole a share is counted out of ("sold 9.5 million, out of roughly 10 million"),
  `record-span` where it is how far back a superlative reaches ("the lowest rate in almost three years"), `since:`
  and a verb where it is a time counted from that verb's event ("nine days after they went missing": `since:go`),
  `state` where its clause tells how things stood at a moment, not what happened ("2,500 firefighters were
  battling the blaze", "nearly 4,000 are now assigned", "5,800 were on the lines", "2.3 million customers still
  in the dark"): two such figures of two days are a level read twice (an update), whatever their quantity.
  The comparing stage sets a view against nothing, a moving day against no day moved to, a distance, spacing,
  offset or figure per day against no figure without the same marker, and a whole or a peak against no smaller
  figure without it.
A figure its own article withdraws (same sentence before the word, or the sentence before a
sentence that withdraws "that figure") or corrects ("April 5, not April 4"; "not 15% as previously
reported"; "An earlier version of this article said 13 gold medals") gets `status = "withdrawn"` and is
never compared.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, Callable, Iterable

from spacy.tokens import Doc, Span, Token

from .about import YEAR
from .extract import Mention, moved_to, moving_verbs, plans
from .model import DateValue, Value
from .nlp import (PART_OF, SUBJECT_DEPS, clause_verb, dates_another_figure, dates_figure, is_verb, names_a_things_day,
                  own_participle, scopes_of_comparison, up_to_verb)

POSSESSIVES = ("his", "her", "their", "its", "my", "our", "your")  # the tagger reads "her" as an object too
AS_OF_HEDGES = ("as of", "by", "as at", "until")


@dataclass(frozen=True)
class Timing:
    as_of: date | None
    as_of_source: str  # text, published, unknown
    quantity: str  # cumulative, plan, stock, fixed
    markers: tuple[str, ...] = ()
    status: str | None = None  # "withdrawn"


def _chain(tok: Token) -> list[Token]:
    """A token and its heads up to the root."""
    out = [tok]
    while out[-1].head.i != out[-1].i and len(out) < 20:
        out.append(out[-1].head)
    return out


COMPLETES = ("xcomp", "ccomp", "acl", "advcl", "aux", "auxpass")  # clauses that complete or extend their head


def _clause(tok: Token) -> list[Token]:
    """A token and its heads up to the verb of its clause, and on through the verbs and nouns that clause
    completes or extends: in "expects to reach about 10 million" the figure's clause is "reach", which
    completes "expects"; in "a pledge to send 1,000 officers", "send" completes "pledge"; in "pledged to
    deploy 600, bringing the total to nearly 1,000", "bringing" extends "deploy"; in "committed to
    deploying 300", "deploying" is what was committed to. A relative clause ("the
    bank, which held its rate at 5.25%, is not expected to cut"), one joined by "and", or an adverbial clause with
    a subject of its own ("the toll rose, as crews worked to restore power to 2.3 million") ends the climb."""
    out = [tok]
    while out[-1].head.i != out[-1].i and len(out) < 20:
        node = out[-1]
        if node.pos_ in ("VERB", "AUX") and node.dep_ not in COMPLETES and \
                not (node.dep_ == "pcomp" and node.head.lower_ == "to"):  # "committed to deploying 300"
            break
        if node.pos_ in ("VERB", "AUX") and node.dep_ == "advcl" and any(c.dep_ in SUBJECT_DEPS for c in node.children):
            break  # "the toll rose to 16, as crews worked to restore power to 2.3 million": a clause of its own
        if _compares(node.head):
            break  # "on Thursday, a day later than the network had planned": the parser may hang all from "planned"
        out.append(node.head)
    return out


def _compares(verb: Token) -> bool:
    """A clause of comparison ("than the network had planned", "than expected"): what the figure is set against,
    never the figure's own clause."""
    return verb.pos_ in ("VERB", "AUX") and any(c.dep_ == "mark" and c.lower_ == "than" for c in verb.children)


def _in_all(sentence: Span) -> bool:
    """ "In all" standing for "in total" ("eight people in all", "In all, 40 died"), not "all" of a noun phrase
    ("in all 50 states", "in all of Europe")."""
    return any(t.lower_ == "all" and t.i > sentence.start and t.doc[t.i - 1].lower_ == "in" and t.dep_ != "det"
               and all(c.lower_ == "in" for c in t.children) for t in sentence)


COUNTED = r"(?:declared|counted|reported|reporting|in)\b"
PART_OF_UNITS = re.compile(r"\b(\d[\d,]*) of (?:the |all )?(\d[\d,]*) [\w-]+(?: [\w-]+)? " + COUNTED)
PART_OF_ALL = re.compile(r"\b(\d+(?:\.\d+)?)(?:%| per ?cent) of (?:the |all )?(?:[\w-]+ ){1,3}" + COUNTED)
COUNT_OF_PART = re.compile(r"\b(?:count|counting|tally|results|returns) (?:of|from|in) "
                           r"(\d+(?:\.\d+)?)(?:%| per ?cent) of\b")


def _part_counted(text: str) -> bool:
    """The sentence says only part of the units were counted: "with 649 of the 650 constituencies declared",
    "with 95% of precincts reporting", "the commission's count of 98% of polling stations"."""
    if any(int(m.group(1).replace(",", "")) < int(m.group(2).replace(",", "")) for m in PART_OF_UNITS.finditer(text)):
        return True
    return any(float(m.group(1)) < 100 for pattern in (PART_OF_ALL, COUNT_OF_PART) for m in pattern.finditer(text))


def _opens_a_period(date_span: Span) -> bool:
    """A date in a phrase "since" opens ("idled since the agency's order of 6 January") is where a period
    starts, not the moment a figure holds: the figure runs to the time of saying."""
    return any(node.lower_ == "since" for node in up_to_verb(date_span.root, 5))


def _opens_a_count(date_span: Span) -> bool:
    """The date opens the period a figure of its clause counts over ("135 people have been killed since Monday",
    "20,000 residents have fled since May 20"): it is where that count starts, not a date of the story's events."""
    since = next((node for node in up_to_verb(date_span.root, 5) if node.lower_ == "since"), None)
    verb = since.head if since is not None else None
    if verb is None or verb.pos_ not in ("VERB", "AUX"):
        return False  # "the first cup since 1999": since a thing, not since a count began
    arguments = [c for c in verb.children if c.dep_ in SUBJECT_DEPS + ("dobj",)]
    return any(t.like_num for a in arguments for t in (a, *a.children) if not date_span.start <= t.i < date_span.end)


def _describes_an_object(clause: list[Token]) -> bool:
    """The figure describes the object of a preposition on its way to the verb, so the verb does not total it:
    "have been trapped in a refuge chamber some 1,730 feet underground", "have treated 120 patients at a clinic
    with 30 beds" (unlike "has risen to 43" or "has been found in four countries", whose figure is the object or
    counts it, or "the bodies of four workers have now been brought home", whose "of" phrase the figure counts)."""
    counted = clause[1] if len(clause) > 1 and clause[0].dep_ in ("nummod", "quantmod", "compound") else None
    for t in clause[1:]:
        if t.pos_ in ("VERB", "AUX"):
            return False
        if t is not counted and t.dep_ == "pobj" and t.pos_ in ("NOUN", "PROPN") and t.head.lower_ != "of":
            return True  # ("of": "the bodies of four workers" counts the bodies)
    return False


def _sized(mention: Mention) -> Token | None:
    """What a measurement gives the size of, as it is: the noun a measure phrase describes, or the word it hangs from
    ("the viaduct, 1,200 feet long", "just 3 metres wide"), or the noun the figure stands before ("a 366-metre span",
    "the 30-foot-wide tunnel"); None for any other figure, and for the complement of its clause's verb ("will be 450
    metres long"), which the clause dates and may plan."""
    if mention.kind != "quantity":
        return None
    root, head = mention.span.root, mention.span.root.head
    if root.dep_ == "npadvmod" and head.pos_ in ("ADJ", "ADV") and head.dep_ != "acomp":
        while head.dep_ == "conj" and head.head.i != head.i:
            head = head.head  # "280 feet wide and 35 feet deep"
        return head.head
    return head if root.dep_ in ("compound", "amod", "nummod") and head.pos_ == "NOUN" and head.i >= mention.span.end \
        else None


def _a_subjects_size(mention: Mention) -> bool:
    """The size of what the clause is about, not of what its verb makes or opens: "the viaduct, 1,200 feet long, is
    due to open" (the viaduct is built; what is due is its opening); not "expects to open a channel 280 feet wide"
    (the channel is planned, its width with it)."""
    thing = _sized(mention)
    while thing is not None and thing.dep_ == "appos":
        thing = thing.head  # "the viaduct, a 366-metre span over the river, will open"
    return thing is not None and thing.dep_ in SUBJECT_DEPS


def _tells_a_state(chain: list[Token]) -> bool:
    """The figure's clause tells how things stand at a moment, not what happened: a progressive ("2,500 firefighters
    were battling the blaze"), a passive in the present ("nearly 4,000 are now assigned to the fire"), or "be" with
    where things are ("5,800 were on the lines", "35,000 police were on duty"): a level, which moves either way."""
    verb = next((t for t in chain if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("aux", "auxpass")), None)
    if verb is None:
        return False
    helpers = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(c.dep_ == "advmod" and c.lower_ == "still" for c in verb.children):
        return True  # "22 people were still unaccounted for", "are still in hospital"
    if verb.tag_ == "VBG" and any(h.lemma_ == "be" for h in helpers):
        return True
    if verb.tag_ == "VBN" and any(h.dep_ == "auxpass" and h.tag_ in ("VBP", "VBZ") for h in helpers):
        return True
    return verb.lemma_ == "be" and not helpers and any(c.dep_ == "prep" for c in verb.children) and \
        not any(c.dep_ in ("attr", "acomp") for c in verb.children)


def _still(figure: Span) -> bool:
    """The noun the figure counts is said to be still in some state ("2.3 million customers still in the dark",
    "40 people still missing"): how things stand at a moment."""
    head = figure.root.head
    after = head.i + 1 if head.pos_ == "NOUN" and head.i + 1 < len(head.doc) else None
    return after is not None and head.doc[after].lower_ == "still"  # the parser may hang "still in ..." anywhere


def _what_is_done(chain: list[Token]) -> bool:
    """The figure is what its clause's verb does, not its doer ("the stadium can admit 42,500 people"; not "the two
    makers cannot deliver"), and the verb is not denied."""
    verb = chain[-1]
    return not any(t.dep_ in SUBJECT_DEPS for t in chain[:-1]) and not any(c.dep_ == "neg" for c in verb.children)


def _distance_from(figure: Span) -> bool:
    """A measure of how far from somewhere ("within 800 metres of the wreck", "20 miles from the coast", "two
    kilometres away"), not of how long or large something is."""
    root = figure.root
    return (root.dep_ == "pobj" and root.head.lower_ == "within") or \
        (root.dep_ == "npadvmod" and root.head.lower_ in ("from", "away", "off")) or \
        any(c.dep_ == "prep" and c.lower_ == "from" for c in root.children)


PERIODS = {"day": "day", "night": "day", "week": "week", "month": "month", "year": "year", "annum": "year"}
EACH = ("every", "each", "a", "an", "per")
ADVERBS = {"daily": "day", "nightly": "day", "weekly": "week", "monthly": "month", "annually": "year",
           "yearly": "year"}  # "produces 500 tonnes daily"
HOW_OFTEN = ("once", "twice", "thrice", "times")  # "took a tablet twice a day": how often, no count per day


def _figure_markers(mention: Mention) -> tuple[str, ...]:
    """What a figure's own words say of it (the module's docstring lists the markers)."""
    figure = mention.span
    clause = _clause(figure.root)
    # a total so far, told in the perfect; a size grows by no "has"
    markers = ["running"] if _perfect(clause) and not _describes_an_object(clause) and _sized(mention) is None else []
    if mention.kind == "quantity" and _distance_from(figure):
        markers.append("distance-from")
    if period := _per_period(figure):
        markers.append(f"per-{period}")
    if _per_unit(figure):
        markers.append("per-unit")
    if _tells_a_state(clause) or _still(figure):
        markers.append("state")
    markers += _told_against(figure)
    if _changed_from(figure):
        markers.append("changed-from")
    if _counted_out_of(figure):
        markers.append("out-of")
    markers += _counted_since(figure)
    if figure.root.i in scopes_of_comparison(figure.sent):  # "the lowest rate in almost three years"
        markers.append("record-span")
    return tuple(markers)


INTERVAL_MARKS = ("after", "since")  # a time counted from the event of the clause they open


def _counted_since(figure: Span) -> tuple[str, ...]:
    """"since:go" for "nine days after they went missing": a time whose noun the clause marked "after" or "since"
    takes as its measure is counted from that clause's event, named by its verb."""
    noun = figure.root.head if figure.root.dep_ in ("nummod", "quantmod") else figure.root
    clause = noun.head.head if noun.head.dep_ == "mark" else noun.head  # the parser may hang it from "after"
    if noun.dep_ == "npadvmod" and clause.dep_ == "advcl" and \
            any(c.dep_ == "mark" and c.lower_ in INTERVAL_MARKS for c in clause.children):
        return (f"since:{clause.lemma_.lower()}",)
    return ()


def _per_unit(figure: Span) -> bool:
    """A price of one unit: "10.81 per dollar", "$55.35 per dose"."""
    after = figure.doc[figure.end:figure.end + 2]
    return len(after) == 2 and after[0].lower_ == "per" and after[1].pos_ in ("NOUN", "PROPN") and \
        after[1].lower_ not in ("cent", "centum")


def _per_period(figure: Span) -> str | None:
    """The period a figure is told per, a rate: "every day", "a week", "per year", "annually" on the noun it counts,
    or on the verb it is an argument of (an elided clause, "and 45,000 on the opening night", has only its own
    words), not how often something is done ("764 took a tablet twice a day"); None for any other figure."""
    root = figure.root
    holders = [root, *([root.head] if root.head.pos_ == "NOUN" and root.dep_ != "pobj" else [])]
    verb = clause_verb(root)
    if root.dep_ != "conj" and verb is not None and any(h.head.i == verb.i for h in holders):
        holders.append(verb)  # what the verb itself counts: not "the crossing, 1.6 miles long, carried ... a day"
    for holder in holders:
        for c in holder.children:
            period = PERIODS.get(c.lemma_.lower())
            if c.lower_ in ADVERBS and c.dep_ in ("advmod", "amod"):
                return ADVERBS[c.lower_]
            if c.dep_ == "npadvmod" and period and any(d.lower_ in EACH for d in c.children) \
                    and not any(t.lower_ in HOW_OFTEN for t in c.doc[max(c.left_edge.i - 1, 0):c.i]):
                return period
            if c.dep_ == "prep" and c.lower_ == "per" and (per := next(
                    (PERIODS[g.lemma_.lower()] for g in c.children if g.lemma_.lower() in PERIODS), None)):
                return per
    return None


RELATIVE = {"apart": "spacing", "ahead": "offset", "behind": "offset", "earlier": "offset", "later": "offset",
            "sooner": "offset"}  # a figure followed by these measures against something: its marker


def _told_against(figure: Span) -> tuple[str, ...]:
    """'spacing' for the time or room between two things ("the shots given four weeks apart"), 'offset' for how far
    from a plan or another moment ("two days ahead of the company's schedule"): not how long anything lasted, nor
    the time since something."""
    for tok in figure.doc[figure.end: figure.end + 2]:
        if tok.is_punct:
            return ()
        if tok.lower_ in RELATIVE:
            return (RELATIVE[tok.lower_],)
    return ()


def _describes_its_event(figure: Span) -> bool:
    """The figure sits in a relative clause that describes a noun ("the surge that killed six people on Friday",
    "the earthquake that killed 300 on Monday"): the clause names the event by what it did, its date is the
    event's day, and a toll it gives is the toll as known when the article was written."""
    verb = own_participle(figure.root) or clause_verb(figure.root)
    return verb is not None and verb.dep_ == "relcl" and verb.head.pos_ == "NOUN"


def _counted_by(figure: Span, dates: list[tuple[Mention, Value]]) -> bool:
    """The figure's sentence gives the moment of its count ("had killed 40 people by Sunday")."""
    return any(other.span.sent == figure.sent and _counts_to(other) for other, _ in dates)


def _counts_to(date: Mention) -> bool:
    """A date that gives the moment a count runs to: "as of Sunday", "by Sunday"."""
    return date.text.lower().startswith(AS_OF_HEDGES)


def _perfect(clause: list[Token]) -> bool:
    """The figure's clause is in the perfect ("had been sold", "have now been brought home"), not negated; a
    verb joined to another by "and" shares its auxiliary ("has killed 52 and sickened about 1,800")."""
    verb = next((t for t in clause if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("aux", "auxpass")), None)
    if verb is None or any(c.dep_ == "neg" for c in verb.children):
        return False
    shared = verb.head if verb.dep_ == "conj" else verb  # "has killed 52 people and sickened about 1,800"
    return any(c.dep_ == "aux" and c.lemma_.lower() == "have" for v in {verb, shared} for c in v.children)


def _subjects(figure: Span) -> list[Token]:
    """The subjects of the figure's clause: "the latest tally stands at 32,407" tells a tally."""
    verb = clause_verb(figure.root)
    return [c for c in verb.children if c.dep_ in SUBJECT_DEPS] if verb is not None else []


def _measured_from(date: Span) -> bool:
    """The period a change is measured against ("rose 3.6% from a year earlier", "up 3.8% on a year earlier",
    "against last year"): it dates the base of the comparison, not a figure told now. "On Monday" and "over the
    weekend" are moments."""
    root, prep = date.root, date.root.head
    if root.dep_ not in ("pobj", "pcomp") or prep.dep_ != "prep" or prep.head.pos_ not in ("VERB", "ADV", "ADJ", "AUX"):
        return False
    return prep.lower_ in ("from", "against", "than") or (prep.lower_ == "on" and root.tag_ == "RBR")


def _changed_from(figure: Span) -> bool:
    """The figure is the value a change or a revision starts from: "revised down to 179,000 from 206,000", "rose to
    4.3% from 4.1%" (not "tickets from the 2012 Games": "from" there ties a noun)."""
    root = figure.root
    return root.dep_ == "pobj" and root.head.lower_ == "from" and root.head.head.pos_ in ("VERB", "ADJ", "ADV")


def _counted_out_of(figure: Span) -> bool:
    """The figure is the whole a share of its clause is counted out of: "9.5 million tickets were sold, out of
    roughly 10 million on offer", "three out of four"."""
    root = figure.root
    return root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lower_ == "out"


def _opens_the_clause_of(date: Span, verb: Token, own: Token) -> bool:
    """A date told before its verb dates the verbs "and" joins to it ("In 2019 it bought a chain and cut 600 jobs");
    one told after its verb is that verb's ("bought a chain in 2019 and has since cut 600 jobs")."""
    return date.end <= verb.i and own.dep_ == "conj" and own.head.i == verb.i


def _in_a_with_phrase(date: Span, figure: Span) -> bool:
    """A date in a "with" phrase the figure is not in: the phrase says something of its own noun ("put the cost at
    $1.7 billion, with the first lane reopened by June 30"), and the date is when that holds."""
    return any(t.lower_ == "with" and t.dep_ == "prep" and not t.left_edge.i <= figure.root.i <= t.right_edge.i
               for t in date.root.ancestors)


def _counted(tok: Token) -> bool:
    """A noun the sentence counts ("two goals", "both goals"): things, not a plan's word for what is aimed at ("the
    goal of 1 million", "a target of 50%")."""
    return tok.pos_ == "NOUN" and tok.tag_ == "NNS" and \
        any(c.dep_ == "nummod" or c.lower_ in ("both", "all", "each", "several", "many") for c in tok.children)


def _schedules(tok: Token) -> bool:
    """False for a preposition ("delayed due to a court ruling in January" says why, not when) and for a word of
    readiness told of what is done or is ("set 125 records"): true of every other word."""
    return tok.pos_ != "ADP" and plans(tok)


class TimeReader:
    def __init__(self, lexicon: dict[str, Any], event_classes: dict[str, str]):
        words = lexicon["time"]
        self.reporting = set(words["reporting"])
        self.moving = moving_verbs(words)
        self.view = frozenset(words["view"])
        self.cumulative_events = set(words["cumulative_events"])
        self.figures = set(words["figures"])
        self.words = {name: [w for w in words.get(name, []) if " " not in w] for name in
                      ("cumulative", "plan", "limit", "stock", "revision", "replacement", "withdrawal", "partial",
                       "whole", "peak")}
        self.phrases = {name: [w for w in words.get(name, []) if " " in w] for name in self.words}
        self.events = event_classes
        self.event_nouns: dict[str, list[str]] = lexicon["event_nouns"]  # "the dead" -> people, death

    def _has(self, name: str, lemmas: set[str], text: str) -> bool:
        return bool(lemmas & set(self.words[name])) or any(p in text for p in self.phrases[name])

    def markers(self, sentence: Span) -> tuple[str, ...]:
        """The sentence's marker words, as lemmas and as written; a comparative is none ("ended 11% lower" tells
        a fall, "lowered its forecast" a revision)."""
        words = [t for t in sentence if t.tag_ not in ("JJR", "RBR")]
        lemmas = {t.lemma_.lower() for t in words} | {t.lower_ for t in words}
        text = sentence.text.lower()
        found = tuple(name for name in ("revision", "replacement", "withdrawal", "whole", "peak")
                      if self._has(name, lemmas, text))
        found += ("partial",) if self._has("partial", lemmas, text) or _part_counted(text) else ()
        found += ("view",) if self._tells_a_view(sentence) else ()
        return found + (("contrast",) if self._tells_a_difference(sentence) else ())

    def _tells_a_view(self, sentence: Span) -> bool:
        """The sentence gives one person's estimate: "in his view", "by her reckoning", "to their mind"."""
        doc = sentence.doc
        return any(t.lower_ in self.view and t.i - 2 >= sentence.start and doc[t.i - 2].lower_ in ("in", "by", "to")
                   and (doc[t.i - 1].tag_ == "PRP$" or doc[t.i - 1].lower_ in POSSESSIVES or doc[t.i - 1].tag_ == "POS")
                   for t in sentence)

    def _tells_a_difference(self, sentence: Span) -> bool:
        """The sentence says a figure is above or below another ("a higher count than the company's own", "the
        city's figure for the same fountain is lower", "well below the first"): the writer reports a difference it
        knows of, between two sources' or two instances' figures. A comparative of a figure itself ("10% higher")
        is a change; "below the surface" a depth."""
        for word in sentence:
            if word.lower_ in ("above", "below") and any(
                    c.dep_ == "pobj" and (c.ent_type_ == "ORDINAL" or c.lemma_.lower() in self.figures)
                    for c in word.children):
                return True  # "well below the first", "above last year's total"
            if word.tag_ != "JJR":
                continue
            if word.dep_ == "amod":
                compared = word.head
            elif word.dep_ == "acomp":
                compared = next((c for c in word.head.children if c.dep_ in SUBJECT_DEPS), None)
            else:
                continue
            if compared is not None and compared.lemma_.lower() in self.figures:
                return True
        return False

    def __call__(self, mention: Mention, value: Value, event: str | None,
                 dates: Iterable[tuple[Mention, Value]], published: date | None, tense: str | None) -> Timing:
        dates = list(dates)
        as_of, source = self._as_of(mention, dates)
        quantity = self._quantity(mention, event, tense)
        if as_of is not None and published is not None and as_of > published and quantity != "plan":
            as_of, source = published, "published"  # "so far this year": a count runs to the time of saying
        if source == "text" and published is not None and quantity == "cumulative" and \
                _describes_its_event(mention.span) and not _counted_by(mention.span, dates):
            as_of, source = published, "published"  # "the surge that killed six on Friday": the toll as told
        if as_of is None and published is not None:
            as_of, source = published, "published"
        own = _figure_markers(mention) if mention.family == "number" else \
            (("counted-from",) if _opens_a_count(mention.span) else ()) + self._moving(mention.span)
        return Timing(as_of=as_of, as_of_source=source if as_of else "unknown",
                      quantity=quantity, markers=self.markers(mention.span.sent) + own)

    def _moving(self, date: Span) -> tuple[str, ...]:
        """"moved-to" for the day something is moved to ("pushed back to Thursday"), "moving-day" for the day it was
        moved ("postponed the race on Tuesday")."""
        if moved_to(date, self.moving):
            return ("moved-to",)
        verb = clause_verb(date.root)
        return ("moving-day",) if verb is not None and verb.lemma_.lower() in self.moving else ()

    def _as_of(self, mention: Mention, dates: list[tuple[Mention, Value]]) -> tuple[date | None, str]:
        if mention.family == "date":
            return None, "unknown"
        sentence = mention.span.sent
        own = own_participle(mention.span.root) or clause_verb(mention.span.root)
        own_chain = {t.i for t in _chain(own)} if own is not None else set()
        # "killed since Monday" has no end: the count runs to the time of saying, not to Monday
        dated = [(other, value.end) for other, value in dates if other.span.sent == sentence and
                 isinstance(value, DateValue) and value.anchored and value.end is not None and
                 not _opens_a_period(other.span) and not _measured_from(other.span)]
        for other, moment in dated:
            if dates_figure(other.span, mention.span):
                return moment, "text"  # "from 3.5% in February": the figure's own date, before its verb's
        opened = None  # the moment of a date that opens the clause the figure's verb is joined to
        for other, moment in dated:
            if dates_another_figure(other.span, mention.span) or names_a_things_day(other.span, mention.span) \
                    or _in_a_with_phrase(other.span, mention.span):
                continue  # "put it at 59.9%, down from 67.3% in 2019": 2019 is 67.3%'s year
            verb = clause_verb(other.span.root)
            same_clause = verb is None or own is None or verb.i == own.i or verb.i in own_chain
            if _counts_to(other) and same_clause:
                return moment, "text"  # "rose to 210 by Sunday"; not "takes 12 hours, and aims to ... by Saturday"
            if verb is not None and own is not None and \
                    (verb.i == own.i or (verb.lemma_.lower() in self.reporting and verb.i in own_chain)):
                return moment, "text"
            if verb is not None and own is not None and opened is None and _opens_the_clause_of(other.span, verb, own):
                opened = moment
        return (opened, "text") if opened is not None else (None, "unknown")

    def _quantity(self, mention: Mention, event: str | None, tense: str | None) -> str:
        if _a_subjects_size(mention):  # "the viaduct, 1,200 feet long, is due to open": the viaduct's as it is
            return "plan" if self._of_a_thing_to_come(mention.span) else "fixed"
        own = own_participle(mention.span.root) if mention.family == "number" else None
        chain = [own] if own is not None else _clause(mention.span.root)  # "the 300 officers deployed in March"
        chain += [c for c in chain[-1].children if c.dep_ == "acomp"]  # a copula's predicate: "is due in March"
        lemmas = {t.lemma_.lower() for t in chain if _schedules(t) and not _counted(t)}
        modals = {c.lower_ for t in chain for c in t.children if c.dep_ == "aux"}  # "will", not "have" of "have set"
        text = mention.span.sent.text.lower()
        able = modals if _what_is_done(chain) and not lemmas & self.reporting else set()  # "can admit 42,500"
        if tense == "future" or self._has("plan", lemmas | modals, "") or self._has("limit", lemmas | able, "") or \
                self._told_by_a_forecast(mention.span) or self._goes_on_from_a_plan(mention.span) or \
                self._of_a_thing_to_come(mention.span):
            return "plan"
        if mention.family == "date":
            return "fixed"
        subjects = {c.lemma_.lower() for c in _subjects(mention.span)}
        if event in self.cumulative_events or self._has("cumulative", lemmas | subjects, text) or \
                _in_all(mention.span.sent) or self._part_of_a_toll(mention.span):
            return "cumulative"
        if self._has("stock", lemmas, ""):
            return "stock"
        return "fixed"

    def _part_of_a_toll(self, figure: Span) -> bool:
        """The figure is told as a part of a count that only grows ("among the dead were eight Americans", "twelve
        Americans were among those killed", "17 dead, including eight foreigners"): the whole's word, or the verb
        that says what happened to it, is an event of a growing count."""
        root = figure.root
        if root.dep_ == "pobj" and root.head.lower_ in PART_OF:
            wholes = [root.head.head]  # "17 dead, including eight foreigners": the dead
        else:  # "among the dead were eight Americans", "were among those killed"
            wholes = [o for t in _clause(root) for c in t.children if c.dep_ == "prep" and c.lower_ in PART_OF
                      for o in c.children if o.dep_ == "pobj"]
        words = {w.lemma_.lower() for whole in wholes
                 for w in (whole, *(c for c in whole.children if c.dep_ in ("acl", "relcl", "amod")))}
        events = {self.event_nouns[w][1] for w in words if w in self.event_nouns} | \
            {self.events[w] for w in words if w in self.events}
        return bool(events & self.cumulative_events)

    def _told_by_a_forecast(self, figure: Span) -> bool:
        """The subject of the figure's clause is a plan or forecast: "an exit poll had given the Alliance 33%",
        "the forecast puts profit at $2 billion"."""
        above = {t.i for t in figure.root.ancestors}
        subjects = [c for c in _subjects(figure) if c.pos_ == "NOUN" and not figure.start <= c.i < figure.end
                    and c.i not in above]
        for subject in subjects:
            words = sorted([subject, *(c for c in subject.children if c.dep_ == "compound")], key=lambda t: t.i)
            if self._has("plan", {subject.lemma_.lower()}, " ".join(t.lower_ for t in words)):
                return True
        return False

    def _of_a_thing_to_come(self, figure: Span) -> bool:
        """The noun the figure measures is told as yet to be: "an expected 5,000 visitors", "the projected deficit of
        $40 billion", "put the eventual cost at €3bn" (a plan word or "eventual" before it)."""
        root, head = figure.root, figure.root.head
        nouns = [head] if head.pos_ == "NOUN" and root.dep_ != "pobj" else []  # "an expected 5,000 visitors"
        if root.dep_ == "pobj" and head.lower_ == "of":
            nouns.append(head.head)  # "the projected deficit of $40 billion"
        if root.dep_ == "pobj" and head.lower_ == "at" and is_verb(head.head):
            nouns += [c for c in head.head.children if c.dep_ == "dobj"]  # "put the eventual cost at"
        return any(c.dep_ == "amod" and self._has("plan", {c.lemma_.lower()}, "")
                   for noun in nouns for c in noun.children)

    def _goes_on_from_a_plan(self, figure: Span) -> bool:
        """A figure in an absolute "with" phrase goes on with the list of the clause before it, and is a plan
        where that clause's verb makes one: "the exit poll, which had projected 410 seats for Labour, with the
        Conservatives on 131" (the parser hangs such phrases anywhere, so the words decide: a "with" between
        the last verb before the figure and the figure)."""
        before = [t for t in figure.sent if t.i < figure.start]
        verbs = [t for t in before if t.pos_ == "VERB"]
        if not verbs or not any(t.lower_ == "with" and t.dep_ == "prep" and t.i > verbs[-1].i for t in before):
            return False
        return _schedules(verbs[-1]) and self._has("plan", {verbs[-1].lemma_.lower()}, "")


STORY_DAYS = 31  # a day this close before the article's publication is the story's own time


def other_moments(dates: list[tuple[Mention, Value]], published: date | None) -> Callable[[Token], bool]:
    """Whether a word of the article stands in a date of another moment than the story's: a date well before the
    article's publication ("the worst since 2005, when ..."), or one the article cannot anchor; not a day of the
    story's own ("on Saturday, March 22, when the last of the 422 ships ...", published the next day), nor a word
    that dates nothing ("two-year government bond yields, which ...": a length). A year the article does not
    take for a date claim ("the 2018 Camp Creek fire, which ...") is another moment when it is before the year of
    publication."""
    def other(tok: Token) -> bool:
        value = next((v for m, v in dates if m.span.start <= tok.i < m.span.end), None)
        if not isinstance(value, DateValue):
            name = next((e.text for e in tok.doc.ents if e.start <= tok.i < e.end), tok.text)
            year = YEAR.search(name)
            return year is not None and (published is None or int(year.group()) < published.year)
        if published is None or value.end is None or not value.anchored:
            return True
        return value.end < published - timedelta(days=STORY_DAYS)
    return other


EARLIER_VERSION = ("earlier version", "previous version")  # "An earlier version of this article said 13"
AS_REPORTED = re.compile(r"^,?\s*(?:as |that was |were |was )?(?:first|previously|originally|initially|earlier|"
                         r"wrongly|incorrectly) (?:reported|stated|given|said|published)\b")
HEDGED = ("more", "less", "fewer", "over", "under", "at", "up", "as", "nearly", "almost", "about", "around",
          "until", "before", "after", "since", "by", "some", "roughly", "just")


def withdrawn(doc: Doc, mentions: list[Mention], withdrawal_words: Iterable[str]) -> set[int]:
    """Start offsets of the figures an article itself withdraws or corrects.

    Withdrawn: a figure before a withdrawal word of its sentence ("the ministry later withdrew the figure of
    40"), or in the sentence before one that withdraws "that figure". Corrected: a figure set right after
    ", not" against one of its kind ("recovered on April 5, not April 4"; "closed about 11% lower, not 15%"),
    one followed by "as previously reported" or "first reported" ("fewer than the 65 first reported"), and
    those an article says an earlier version of itself gave ("An earlier version of this article said 13
    gold medals; the correct figure is 14"), up to the words that give the correct one.
    """
    words = set(withdrawal_words)
    numbers = [m for m in mentions if m.family == "number"]
    sentences = list(doc.sents)
    out: set[int] = set()
    for index, sentence in enumerate(sentences):
        marker = next((t for t in sentence if t.lemma_.lower() in words), None)
        if marker is None:
            continue
        before = [m for m in numbers if m.span.sent == sentence and m.span.end <= marker.i]
        if not before and index > 0:  # "The ministry later withdrew that figure."
            before = [m for m in numbers if m.span.sent == sentences[index - 1]]
        out.update(m.span.start_char for m in before)
    return out | _corrected(doc, mentions)


def _corrected(doc: Doc, mentions: list[Mention]) -> set[int]:
    out: set[int] = set()
    for m in mentions:
        sentence, start = m.span.sent, m.span.start
        first = m.text.split()[0].lower() if m.text.split() else ""
        if start - 2 >= sentence.start and doc[start - 1].lower_ == "not" and doc[start - 2].text == "," and \
                first not in HEDGED and any(o.family == m.family and o.span.sent == sentence and o.span.end < start
                                            for o in mentions):
            out.add(m.span.start_char)  # "His body was recovered on April 5, not April 4."
        elif AS_REPORTED.match(doc.text[m.span.end_char:sentence.end_char].lower()):
            out.add(m.span.start_char)  # "not 15% as previously reported", "the 65 first reported"
    for sentence in doc.sents:
        text = sentence.text.lower()
        at = min((text.find(p) for p in EARLIER_VERSION if p in text), default=-1)
        if at < 0:
            continue
        begin = sentence.start_char + at
        correct = next((t.idx for t in sentence if t.idx > begin and (t.lemma_.lower() in ("correct", "right") or
                                                                      t.text == ";")), sentence.end_char)
        out.update(m.span.start_char for m in mentions if begin <= m.span.start_char < correct)
    return out
