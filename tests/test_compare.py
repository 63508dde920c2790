"""Comparison on hand-made claims: no parse involved."""
from datetime import date

from grouping import compare_by_subject
from haiti_claims.compare import finalise
from haiti_claims.config import DEFAULT
from haiti_claims.match import load_weights
from haiti_claims.model import Claim, DateValue, NumberValue, Subject

OFFICERS = Subject(actor="Norland", thing="personnel", qualifiers=("next",), event="deployment")


def claim(cid, doc, value, subject=OFFICERS, kind="count", sentence=None):
    return Claim(doc=doc, kind=kind, text=cid, start=0, end=1, line=1, column=1, sentence=sentence or f"{cid}.",
                 value=value, subject=subject, id=cid)


def n(low, high=None, nominal=None, hedge=None):
    high = low if high is None else high
    return NumberValue(low=low, high=high, nominal=nominal if nominal is not None else low, hedge=hedge)


def kinds(claims):
    return sorted((d.kind, tuple(sorted(c.id for c in d.claims))) for d in compare_by_subject(claims))


def test_disjoint_values_across_articles_contradict():
    assert kinds([claim("a", "x.txt", n(300)), claim("b", "y.txt", n(600))]) == [("contradiction", ("a", "b"))]


def test_inside_one_article_is_intra_document():
    assert kinds([claim("a", "x.txt", n(300)), claim("b", "x.txt", n(600))]) == [("intra-document", ("a", "b"))]


def test_two_values_of_one_sentence_tell_a_change_not_a_conflict():
    said = "Inflation slowed to 3.2% in March from 3.5% in February."
    assert kinds([claim("a", "x.txt", n(3.2), sentence=said), claim("b", "x.txt", n(3.5), sentence=said)]) == []
    assert kinds([claim("a", "x.txt", n(3.2), sentence=said), claim("b", "y.txt", n(3.5), sentence=said)]) == \
        [("contradiction", ("a", "b"))]  # the same words in two articles are two statements
    listed = "$66 billion for rail and $65 billion for broadband."  # a list, not even a near-miss
    billions = [claim(c, "x.txt", n(v - 0.5, v + 0.5, v), sentence=listed) for c, v in (("a", 66), ("b", 65))]
    assert kinds(billions) == []


def test_hedge_covers_the_exact_figure():
    assert kinds([claim("a", "x.txt", n(382)), claim("b", "y.txt", n(360, 440, 400, "about"))]) == []


def test_agreement_only_at_the_edge_is_a_near_miss():
    found = kinds([claim("a", "x.txt", n(360, 440, 400, "about")), claim("b", "y.txt", n(414, 506, 460, "about"))])
    assert found == [("near-miss", ("a", "b"))]


def test_two_figures_rounded_to_one_place_whose_intervals_only_touch_conflict():
    """"1.2 million" and "1.3 million": no value rounds half up to both (1.25 million is 1.3 million)."""
    found = kinds([claim("a", "x.txt", n(1.15e6, 1.25e6, 1.2e6)), claim("b", "y.txt", n(1.25e6, 1.35e6, 1.3e6))])
    assert found == [("contradiction", ("a", "b"))]
    assert kinds([claim("a", "x.txt", n(1.15e6, 1.25e6, 1.2e6)), claim("b", "y.txt", n(1.2e6, 1.3e6, 1.25e6))]) == []


def test_different_subjects_are_never_compared():
    other = Subject(actor="Avalon", thing="personnel", qualifiers=("next",), event="deployment")
    assert kinds([claim("a", "x.txt", n(300)), claim("b", "y.txt", n(150), subject=other)]) == []


def test_a_share_is_never_set_against_a_count_of_the_same_thing():
    share = NumberValue(low=0.5, high=None, nominal=0.5, unit="share", hedge="over")  # "more than half"
    assert kinds([claim("a", "x.txt", share), claim("b", "y.txt", n(600))]) == []
    third = NumberValue(low=1 / 3, high=1 / 3, nominal=1 / 3, unit="share")
    assert kinds([claim("a", "x.txt", share), claim("c", "y.txt", third)]) == [("contradiction", ("a", "c"))]


def test_comparison_is_symmetric():
    a, b = claim("a", "x.txt", n(300)), claim("b", "y.txt", n(600))
    assert kinds([a, b]) == kinds([b, a])


def test_dates_compare_by_interval_and_unanchored_is_reported():
    jan = DateValue(date(2024, 1, 1), date(2024, 1, 31), "month")
    early = DateValue(date(2025, 1, 1), date(2025, 4, 30), "part-year")
    year = DateValue(date(2024, 1, 1), date(2024, 12, 31), "year")
    loose = DateValue(None, None, "month", anchored=False)
    found = kinds([claim("a", "x.txt", jan, kind="date"), claim("b", "y.txt", early, kind="date"),
                   claim("c", "z.txt", year, kind="date"), claim("d", "z.txt", loose, kind="date")])
    assert found == [("contradiction", ("a", "b", "c")), ("unanchored-date", ("d",))]  # January 2024, 2024 vs early 2025


def test_findings_are_ordered_by_severity_and_numbered():
    drafts = compare_by_subject([claim("a", "x.txt", n(300)), claim("b", "x.txt", n(600)),
                      claim("c", "y.txt", n(1), subject=Subject(actor="Q", thing="seat")),
                      claim("d", "z.txt", n(2), subject=Subject(actor="Q", thing="seat"))])
    findings = finalise(drafts, DEFAULT, load_weights())
    assert [(f.id, f.severity) for f in findings] == [("f1", "error"), ("f2", "warning")]


def test_an_article_contradicting_itself_needs_a_sure_match_to_raise_an_alarm():
    """Two figures of one article told apart (a rival's 11% rise, the stock's 13.5% fall) are far more often two
    quantities than a slip: inside one article a conflict is only info until the matcher is sure of the match;
    across articles the same confidence is a warning."""
    from haiti_claims.compare import Draft, severity_of

    weights = load_weights()
    unsure = (weights.join + weights.error) / 2
    a, b, c = claim("a", "x.txt", n(11)), claim("b", "x.txt", n(13.5)), claim("c", "y.txt", n(13.5))
    inside = Draft("intra-document", "s", "m", (a, b), confidence=unsure)
    across = Draft("contradiction", "s", "m", (a, c), confidence=unsure)
    assert severity_of(inside, DEFAULT, weights) == "info"
    assert severity_of(across, DEFAULT, weights) == "warning"
    sure = Draft("intra-document", "s", "m", (a, b), confidence=weights.error)
    assert severity_of(sure, DEFAULT, weights) == "warning"


def test_a_whole_told_elsewhere_is_not_set_against_the_parts_it_sums():
    """"All 171 passengers and six crew members" in one article and "all 177 people on board" in another: 177 is
    171 and six, the whole, not another count of the passengers; a third article's 174 passengers still
    contradicts the 171."""
    def figure(cid, doc, value, sentence, text, subject=OFFICERS):
        start = sentence.index(text)
        return Claim(doc=doc, kind="count", text=text, start=start, end=start + len(text), line=1, column=start + 1,
                     sentence=sentence, value=n(value), subject=subject, id=cid)

    listed = "All 171 passengers and six crew members left the aircraft at the gate."
    crew = Subject(actor="Norland", thing="crew")
    claims = [figure("a", "x.txt", 171, listed, "171"), figure("s", "x.txt", 6, listed, "six", crew),
              figure("b", "y.txt", 177, "The crew landed safely and all 177 people on board survived.", "177"),
              figure("c", "z.txt", 174, "It left Portland with 174 passengers aboard.", "174")]
    assert kinds(claims) == [("contradiction", ("a", "c"))]
    apart = "All 171 passengers left the aircraft; six crew members stayed behind at the gate for hours."
    claims[:2] = [figure("a", "x.txt", 171, apart, "171"), figure("s", "x.txt", 6, apart, "six", crew)]
    assert kinds(claims) == [("contradiction", ("a", "b", "c"))]  # not listed together: nothing says 177 is a sum


def test_the_day_something_was_moved_is_not_set_against_the_day_it_was_moved_to():
    """"postponed the race on Tuesday" and "pushed back to Thursday 1 August" tell two days of two events: the
    decision and the new date. Two reports of the new date still conflict."""
    from dataclasses import replace

    race = Subject(thing="race", event="postpone")
    tuesday = DateValue(date(2024, 7, 30), date(2024, 7, 30), "day")
    thursday = DateValue(date(2024, 8, 1), date(2024, 8, 1), "day")
    wednesday = DateValue(date(2024, 7, 31), date(2024, 7, 31), "day")
    moving = replace(claim("a", "x.txt", tuesday, race, "date"), markers=("replacement", "moving-day"))
    moved = replace(claim("b", "y.txt", thursday, race, "date"), markers=("replacement", "moved-to"))
    assert kinds([moving, moved]) == []
    other = replace(claim("c", "z.txt", wednesday, race, "date"), markers=("replacement", "moved-to"))
    assert kinds([moving, moved, other]) == [("contradiction", ("b", "c"))]


def test_one_persons_view_is_not_set_against_a_reported_figure():
    """A figure told as someone's view ("in his view, no more than €2 billion") is that person's estimate: it
    disagrees with the official figure, which is no contradiction an editor corrects."""
    from dataclasses import replace

    view = replace(claim("a", "x.txt", n(0, 2e9, 2e9, "no more than")), markers=("view",))
    assert kinds([view, claim("b", "y.txt", n(3e9, 5e9, 4e9, "between"))]) == []


def test_a_distance_from_somewhere_is_not_set_against_a_length():
    """"within 800 metres of the wreck" (how far from it) and "tore up about 1,500 feet of track" (how long the
    track is) measure two things; two distances from one place still conflict."""
    from dataclasses import replace

    def metres(cid, doc, value, markers=()):
        return replace(claim(cid, doc, NumberValue(value, value, value, "metre"), kind="quantity"), markers=markers)
    radius = metres("a", "x.txt", 800, ("distance-from",))
    assert kinds([radius, metres("b", "y.txt", 457)]) == []
    assert kinds([radius, metres("c", "y.txt", 500, ("distance-from",))]) == [("contradiction", ("a", "c"))]


def test_a_spacing_is_not_set_against_a_time_since_something():
    """"given four weeks apart" (the time between two doses) and "more than seven weeks after the declaration"
    (the time since it) measure two things."""
    from dataclasses import replace

    def weeks(cid, doc, value, markers=()):
        return replace(claim(cid, doc, NumberValue(value, value, value, "week")), markers=markers)
    assert kinds([weeks("a", "x.txt", 4, ("spacing",)), weeks("b", "y.txt", 7)]) == []
    assert kinds([weeks("a", "x.txt", 4, ("spacing",)), weeks("c", "y.txt", 6, ("spacing",))]) == \
        [("contradiction", ("a", "c"))]


def test_a_time_ahead_of_a_plan_is_not_set_against_a_duration():
    """"two days ahead of schedule" (a difference from a plan) and "food for at least three days" (how long a store
    lasts) measure two things."""
    from dataclasses import replace

    ahead = replace(claim("a", "x.txt", n(2)), markers=("offset",))
    assert kinds([ahead, claim("b", "y.txt", n(3, float("inf"), 3, "over"))]) == []


def test_a_figure_per_day_is_not_set_against_a_count_of_one_occasion():
    """"35,000 police every day" and "45,000 on the opening night": a daily figure and a one-off count are two
    quantities; two daily figures still conflict."""
    from dataclasses import replace

    def officers(cid, doc, value, markers=()):
        return replace(claim(cid, doc, n(value)), markers=markers)
    daily = officers("a", "x.txt", 35000, ("per-day",))
    assert kinds([daily, officers("b", "y.txt", 45000)]) == []
    assert kinds([daily, officers("c", "y.txt", 30000, ("per-day",))]) == [("contradiction", ("a", "c"))]
