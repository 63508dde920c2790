"""Evidence that two claims speak of the same quantity or event: one small reader per kind.

Each reader looks at one thing two claims say (the counted noun, the verb, who gave the figure,
the places around it, the value itself...) and returns an `Evidence`: a verdict (agree,
compatible, unknown, conflict), a strength in [0, 1] where the evidence is a degree (a
similarity), and the words it saw, so a report can show why two claims were or were not joined.
Unknown is not different: a field one claim leaves empty gives `unknown`, never `conflict`.
"""
from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Literal

from ..model import Claim, DateValue, Evidence, NumberValue
from .candidates import calendar, family
from .units import in_base_units

Verdict = Literal["agree", "compatible", "unknown", "conflict"]
PART = "part of a whole"  # the instance a figure told as a part has ("including eight foreigners")
MOMENT_TOLD = "when "  # the subject stage's qualifier for a figure told of another moment ("when 2011")


Rival = tuple[str, frozenset[str], frozenset[str]]  # a rival's text, the words only the claim has, only the rival


class Profile:
    """What the readers need of one claim, worked out once per run: its bags of words weighted by how rare
    each word is in the corpus, how many claims state its value, and its rivals (see `rivals`)."""

    __slots__ = ("claim", "near", "near_norm", "sentence", "sentence_norm", "stating", "rivals")

    def __init__(self, claim: Claim, idf: Callable[[str], float], stating: int, rivals: tuple[Rival, ...]):
        self.claim, self.stating, self.rivals = claim, stating, rivals
        self.near = {w: idf(w) for w in claim.about.near}
        self.sentence = {w: idf(w) for w in claim.about.sentence}
        self.near_norm = math.sqrt(sum(x * x for x in self.near.values()))
        self.sentence_norm = math.sqrt(sum(x * x for x in self.sentence.values()))


def siblings(claims: list[Claim]) -> list[tuple[int, ...]]:
    """For each claim, the other figures its article gives of the same counted noun and family, with another
    value: "9,556,792 tickets for the Olympics" and "2,575,855 for the Paralympics" (indexes into claims)."""
    members: dict[tuple[str, str, str], list[int]] = defaultdict(list)
    for k, c in enumerate(claims):
        if c.about.noun:
            members[(c.doc, family(c), c.about.noun)].append(k)
    out: list[tuple[int, ...]] = [()] * len(claims)
    for group in members.values():
        for k in group if len(group) > 1 else ():
            out[k] = tuple(s for s in group if claims[s].value != claims[k].value)
    return out


def rivals(claim: Claim, others: list[Claim]) -> tuple[Rival, ...]:
    """The claim's siblings with the words that tell each apart from it: of its neighbourhood's words, those
    only the claim has and those only the sibling has."""
    near = frozenset(claim.about.near)
    out = []
    for other in others:
        theirs = frozenset(other.about.near)
        out.append((other.text, near - theirs, theirs - near))
    return tuple(out)


@dataclass(frozen=True)
class Pair:
    """Two candidate claims and their profiles."""

    a: Claim
    b: Claim
    pa: Profile
    pb: Profile


@lru_cache(maxsize=None)
def _folded(names: tuple[str, ...]) -> frozenset[str]:
    return frozenset(n.lower() for n in names)


def _set_verdict(name: str, left: tuple[str, ...], right: tuple[str, ...]) -> Evidence:
    """agree when two sets share a member (in any case), conflict when both are non-empty and share none."""
    if not left or not right:
        return Evidence(name, "unknown", 0.0)
    words = f"{', '.join(left)} | {', '.join(right)}"
    return Evidence(name, "agree" if _folded(left) & _folded(right) else "conflict", 1.0, words)


@lru_cache(maxsize=65536)
def name_words(name: str) -> tuple[str, ...]:
    """A name's words as `same_name` compares them: lower case, without full stops or a plural s, a hyphen a space
    ("Saint-Aubin" and "Saint Aubin")."""
    return tuple(w.removesuffix("s") for w in name.lower().replace(".", "").replace("-", " ").split())


@lru_cache(maxsize=65536)
def same_name(a: str, b: str) -> bool:
    """Two names of one bearer, as news writes them: the same words in any case, a name and its initials
    ("WHO", "World Health Organization"), or a name and the words that end it ("MacDonald", "Angus
    MacDonald"; "Democrats", "Liberal Democrats"). Two names neither of which is a single word are of one
    bearer only if their last words are the same (or neither has a word)."""
    wa, wb = name_words(a), name_words(b)
    if wa == wb:
        return True
    short, long_ = sorted((wa, wb), key=len)
    if len(short) == 1 and len(long_) > 1 and short[0] == "".join(w[0] for w in long_ if w not in ("of", "the", "and")):
        return True
    return len(short) < len(long_) and long_[-len(short):] == short


def _names_verdict(name: str, left: tuple[str, ...], right: tuple[str, ...]) -> Evidence:
    """agree when a name on one side names a bearer named on the other, conflict when both sides name someone
    and none is shared."""
    if not left or not right:
        return Evidence(name, "unknown", 0.0)
    words = f"{', '.join(left)} | {', '.join(right)}"
    return Evidence(name, "agree" if any(same_name(x, y) for x in left for y in right) else "conflict", 1.0, words)


def _word(name: str, left: str | None, right: str | None, near_a: tuple[str, ...],
          near_b: tuple[str, ...], one_class: bool = False) -> Evidence:
    """One word each (a noun, a verb): agree when equal or of one class in the lexicon (the user's synonyms
    among them), compatible when one stands among the other's words ("officers" and "police officers"),
    conflict otherwise."""
    words = f"{left or '-'} | {right or '-'}"
    if not left or not right:
        return Evidence(name, "unknown", 0.0, words)
    if left == right or one_class:
        return Evidence(name, "agree", 1.0, words)
    if left in near_b or right in near_a:
        return Evidence(name, "compatible", 1.0, words)
    return Evidence(name, "conflict", 1.0, words)


def noun(p: Pair) -> Evidence:
    """The counted or measured noun: "officers" and "officers"."""
    things = p.a.subject.thing, p.b.subject.thing
    return _word("noun", p.a.about.noun, p.b.about.noun, p.a.about.near, p.b.about.near,
                 one_class=things[0] is not None and things[0] == things[1])


def verb(p: Pair) -> Evidence:
    """The verb of the figure's clause: "deployed" and "deployed"; "deployed" and "departed", one class of
    event in the lexicon."""
    events = p.a.subject.event, p.b.subject.event
    return _word("verb", p.a.about.verb, p.b.about.verb, p.a.about.near, p.b.about.near,
                 one_class=events[0] is not None and events[0] == events[1])


def _similarity(name: str, left: dict[str, float], right: dict[str, float], norms: float) -> Evidence:
    """Cosine of two bags of words weighted by rarity, with the shared words (rarest first)."""
    if not left or not right:
        return Evidence(name, "unknown", 0.0)
    if len(left) > len(right):
        left, right = right, left
    shared = [w for w in left if w in right]
    sim = sum(left[w] * left[w] for w in shared) / norms if norms else 0.0
    verdict: Verdict = "agree" if sim >= 0.5 else "compatible" if sim > 0 else "conflict"
    return Evidence(name, verdict, round(sim, 4), ", ".join(sorted(shared, key=lambda w: (-left[w], w))[:6]))


def context(p: Pair) -> Evidence:
    """The words the figure's neighbourhood in the parse holds: what it counts, who does what to it."""
    return _similarity("context", p.pa.near, p.pb.near, p.pa.near_norm * p.pb.near_norm)


def contrast(p: Pair) -> Evidence:
    """What an article that states two figures of one noun tells them apart by: a figure elsewhere told with
    the words of the other figure ("2.5 million tickets for the Paralympics") is that one's, not this one's;
    told with this one's words and none of the other's, it is this one. Agree, conflict, or compatible when
    one article's pair says one thing and the other's the other."""
    agree, against = [], []
    for mine, other in ((p.pa, p.b), (p.pb, p.a)):
        words = frozenset(other.about.near)
        for text, own, theirs in mine.rivals:
            hit_own, hit_theirs = words & own, words & theirs
            if hit_theirs and not hit_own:
                against.append(f"{other.text} as {text}, not {mine.claim.text}: {', '.join(sorted(hit_theirs))}")
            elif hit_own and not hit_theirs:
                agree.append(f"{other.text} as {mine.claim.text}, not {text}: {', '.join(sorted(hit_own))}")
    verdict: Verdict = ("compatible" if agree and against else "conflict" if against else "agree" if agree
                        else "unknown")
    return Evidence("contrast", verdict, 0.0 if verdict == "unknown" else 1.0, "; ".join(against + agree))


def sentence(p: Pair) -> Evidence:
    """The words of the two sentences."""
    return _similarity("sentence", p.pa.sentence, p.pb.sentence, p.pa.sentence_norm * p.pb.sentence_norm)


def source(p: Pair) -> Evidence:
    """Who gave the figure ("the WHO said", "according to the ministry"): two sources keep two figures."""
    return _names_verdict("source", p.a.about.sources, p.b.about.sources)


def place(p: Pair) -> Evidence:
    """The places the sentence names: a toll in one city is not a toll in another."""
    return _names_verdict("place", p.a.about.places, p.b.about.places)


def person(p: Pair) -> Evidence:
    return _names_verdict("person", p.a.about.persons, p.b.about.persons)


def year(p: Pair) -> Evidence:
    """The years the sentence names: a count "in 2023" is not one "since January 2024"."""
    return _set_verdict("year", p.a.about.years, p.b.about.years)


def instance(p: Pair) -> Evidence:
    """Ordinal words and the subject's qualifiers: the first contingent is not the second; a figure told of an
    earlier moment ("since 2011, when 93 died") is not one of the story's own, nor a part ("including eight
    foreigners") a whole of another value or noun (a whole is more than its part: "65 of the jets" and "all 65 of
    its Max 9s" are one fleet; "including eight foreigners" and "eight people were killed" are two counts)."""
    (moved_a, part_a), (moved_b, part_b) = set_apart(p.a), set_apart(p.b)
    if moved_a != moved_b or (part_a != part_b and (value(p).verdict != "agree" or noun(p).verdict == "conflict")):
        words = (", ".join(marks(c) + (PART,) * c.about.part) or "-" for c in (p.a, p.b))
        return Evidence("instance", "conflict", 1.0, " | ".join(words))
    return _set_verdict("instance", marks(p.a), marks(p.b))


def marks(claim: Claim) -> tuple[str, ...]:
    """What the instance reader compares: ordinal words and the subject's qualifiers."""
    return claim.about.ordinals + claim.subject.qualifiers


def set_apart(claim: Claim) -> tuple[bool, bool]:
    """Whether a figure is told of another moment, and whether it is a part: on one side only, either can keep two
    figures apart (`instance`; two parts are not one part for that: "eight foreigners" and "12 children")."""
    return any(q.startswith(MOMENT_TOLD) for q in marks(claim)), claim.about.part


def actor(p: Pair) -> Evidence:
    """Who does or owns the quantity, as the subject stage resolved it across the corpus."""
    a, b = p.a.subject.actor, p.b.subject.actor
    return _names_verdict("actor", (a,) if a else (), (b,) if b else ())


def subject(p: Pair) -> Evidence:
    """The lexicon's classes of the thing and the event: the reading the project started from."""
    sa, sb = p.a.subject, p.b.subject
    fields = [(sa.thing, sb.thing), (sa.event, sb.event)]
    known = [(x, y) for x, y in fields if x and y]
    words = f"{sa.label()} | {sb.label()}"
    if not known:
        return Evidence("subject", "unknown", 0.0, words)
    if all(x == y for x, y in known):
        return Evidence("subject", "agree" if len(known) == 2 else "compatible", 1.0, words)
    return Evidence("subject", "conflict" if all(x != y for x, y in known) else "compatible", 1.0, words)


NEAR_RATIO = 3.0  # figures within this factor of each other may be two reports of one quantity
NEAR_DAYS = 400  # dates within this many days may be two reports of one event


def value(p: Pair) -> Evidence:
    """How far apart the values are: equal values agree; values near enough to be two reports of one quantity
    are compatible, however far apart within that (a difference is what comparing is for, not a reason to
    split); only a difference in magnitude or a year speaks against. A date no publication date anchors is read
    by the days its words fix (`_by_calendar`): two undated dates are never one value for having no year."""
    va, vb = p.a.value, p.b.value
    if isinstance(va, DateValue) and isinstance(vb, DateValue) and not (va.anchored and vb.anchored):
        return _by_calendar(calendar(va), calendar(vb))
    if va == vb:  # a figure two articles share is telling in proportion to how few other claims state it
        return Evidence("value", "agree", round(2 / max(2, p.pa.stating), 4), "same value")
    if isinstance(va, DateValue) and isinstance(vb, DateValue):
        days = _days_apart(va, vb)
        if days is None:
            return Evidence("value", "unknown", 0.0)
        # the verdict alone, no degree: two reports of one event's date differ by a slip or by a year, which is
        # what comparing is for (measured: a graded closeness for dates adds nothing on the development set)
        return Evidence("value", "compatible" if days <= NEAR_DAYS else "conflict", 0.0, f"{days} days apart")
    if isinstance(va, NumberValue) and isinstance(vb, NumberValue):
        ratio = _ratio(p.a, p.b)
        if ratio is None:
            return Evidence("value", "unknown", 0.0)
        closeness = 1.0 / (1.0 + abs(math.log(ratio)))
        return Evidence("value", "compatible" if ratio <= NEAR_RATIO else "conflict", round(closeness, 4), f"x{ratio:.3g}")
    return Evidence("value", "unknown", 0.0)


CALENDAR_WEAK = 0.3  # how telling a weekday or a month alone is, against a month and a day (1.0)


def _by_calendar(a: tuple[int | None, ...] | None, b: tuple[int | None, ...] | None) -> Evidence:
    """Two dates at least one of which no publication date anchors, by what their words fix of the calendar: the
    same month and day agree ("4 July" and 4 July 2024); the same weekday or month is compatible, a little
    telling; another day of the calendar is compatible too, as two anchored dates a few days apart are."""
    shared = [(x, y) for x, y in zip(a or (), b or ()) if x is not None and y is not None]
    if not shared:
        return Evidence("value", "unknown", 0.0)
    if any(x != y for x, y in shared):
        return Evidence("value", "compatible", 0.0, "another day of the calendar")
    if a[0] is not None and a[1] is not None and a[:2] == b[:2]:
        return Evidence("value", "agree", 1.0, "same month and day")
    return Evidence("value", "compatible", CALENDAR_WEAK, "same weekday or month")


def _days_apart(va: DateValue, vb: DateValue) -> int | None:
    ends = [d for d in (va.start, va.end) if d], [d for d in (vb.start, vb.end) if d]
    if not ends[0] or not ends[1]:
        return None
    return min(abs((x - y).days) for x in ends[0] for y in ends[1])


def _ratio(a: Claim, b: Claim) -> float | None:
    """The larger over the smaller figure, in one unit where the units differ but measure one dimension;
    None where they cannot be compared (two currencies, a count of another thing)."""
    xa, xb = in_base_units(a), in_base_units(b)
    if xa is None or xb is None or xa[0] != xb[0] or xa[1] <= 0 or xb[1] <= 0:
        return None
    return max(xa[1], xb[1]) / min(xa[1], xb[1])


def owner(p: Pair) -> Evidence:
    """The name nearest before each figure: "Japan 20" is not "China 91"."""
    a, b = p.a.about.owner, p.b.about.owner
    return _names_verdict("owner", (a,) if a else (), (b,) if b else ())


def agent(p: Pair) -> Evidence:
    """The name that does what the figure's clause says: "the Civic Renewal Party won 68 seats" is not "the
    People's Alliance won 41 seats"."""
    a, b = p.a.about.agent, p.b.about.agent
    return _names_verdict("agent", (a,) if a else (), (b,) if b else ())


def dimension(p: Pair) -> Evidence:
    """What a measurement measures: "11 feet deep" is not "12 feet wide"."""
    a, b = p.a.about.dimension, p.b.about.dimension
    return _set_verdict("dimension", (a,) if a else (), (b,) if b else ())


def unit(p: Pair) -> Evidence:
    ua, ub = getattr(p.a.value, "unit", None), getattr(p.b.value, "unit", None)
    return _set_verdict("unit", (ua,) if ua else (), (ub,) if ub else ())


def moment(p: Pair) -> Evidence:
    """When each figure held: close moments agree, far ones are compatible (a count moves); but a figure its
    own sentence dates to another year than the other's is another year's figure ("turnout was 59.9%, down
    from 67.3% in 2019"), and two values their sentences date to two months are two months' figures ("fell to
    8.1 million trips in May from 8.6 million in April"; one value dated to two months may be one figure
    misdated: "convicted in June on 14 counts" / "convicted on 14 counts in July")."""
    a, b = p.a.as_of, p.b.as_of
    if a is None or b is None:
        return Evidence("moment", "unknown", 0.0)
    days = abs((a - b).days)
    told = "text" in (p.a.as_of_source, p.b.as_of_source)
    two_figures_told = p.a.as_of_source == p.b.as_of_source == "text" and p.a.value != p.b.value
    apart = (told and a.year != b.year) or (two_figures_told and a.month != b.month)
    verdict: Verdict = "agree" if days <= 1 else "conflict" if apart else "compatible"
    return Evidence("moment", verdict, round(1.0 / (1.0 + math.log1p(days)), 4), f"{a} | {b}")


def plan(p: Pair) -> Evidence:
    """A plan and an outcome may be one quantity (an update), so this only tells them apart."""
    qa, qb = p.a.quantity, p.b.quantity
    return Evidence("plan", "agree" if qa == qb else "compatible", 1.0, f"{qa} | {qb}")


def document(p: Pair) -> Evidence:
    """One article rarely states one quantity twice with two values; across articles that is the point."""
    return Evidence("document", "agree" if p.a.doc == p.b.doc else "unknown", 1.0)


READERS: tuple[Callable[[Pair], Evidence], ...] = (
    value, unit, dimension, noun, verb, context, contrast, owner, agent, sentence, subject, actor, source, place,
    person, year, instance, moment, plan, document,
)


def read_all(pair: Pair) -> tuple[Evidence, ...]:
    return tuple(read(pair) for read in READERS)
