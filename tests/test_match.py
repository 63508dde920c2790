"""The matcher as users and scripts meet it: groups, confidence and evidence in the report, --explain,
--match-weights, the fitting script, and the readers' rules on names and units."""
from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

from haiti_claims.cli import main
from haiti_claims.config import Config
from haiti_claims.match import Pairs, fit, match
from haiti_claims.match.apart import kept_apart
from haiti_claims.match.candidates import candidate_pairs
from haiti_claims.match.evidence import same_name
from haiti_claims.match.restated import restatements
from haiti_claims.match.score import load_weights
from haiti_claims.match.units import in_base_units
from haiti_claims.model import About, Claim, DateValue, NumberValue

CORPORA = Path(__file__).resolve().parent / "corpora"
SOURCING = Config().sourcing


def article(published: str, body: str) -> str:
    return f"---\ntitle: Report\npublished: {published}\n---\n{body}\n"


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "a.md").write_text(article("2025-03-04", "Floods killed 14 people in Vardo on Monday, officials "
                                                         "said. Rescuers reached 200 stranded residents."))
    (tmp_path / "b.md").write_text(article("2025-03-04", "Monday's floods in Vardo killed 19 people, the regional "
                                                         "governor said. The army sent 300 soldiers to help."))
    return tmp_path


def invoke(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def test_the_report_says_which_claims_were_matched_and_why(folder):
    result = invoke("check", folder, "--format", "json", "--no-cache")
    report = json.loads(result.stdout)
    claims = {c["id"]: c for c in report["claims"]}
    (finding,) = [f for f in report["findings"] if f["kind"] == "contradiction"]
    assert sorted(claims[c]["text"] for c in finding["claims"]) == ["14", "19"]
    groups = {claims[c]["group"] for c in finding["claims"]}
    assert len(groups) == 1 and None not in groups
    assert 0 < finding["confidence"] <= 1
    readers = {e["reader"]: e for e in finding["evidence"]}
    assert readers["verb"]["verdict"] == "agree" and readers["verb"]["words"] == "kill | kill"
    assert set(readers["value"]) == {"reader", "verdict", "strength", "words"}
    unmatched = [c for c in report["claims"] if c["text"] in ("200", "300")]
    assert unmatched and all(c["group"] != claims[finding["claims"][0]]["group"] for c in unmatched)


def test_explain_prints_the_evidence_under_each_finding(folder):
    plain = invoke("check", folder, "--no-cache").stdout
    explained = invoke("check", folder, "--no-cache", "--explain").stdout
    assert "verb: agree (kill | kill)" in explained and "verb: agree" not in plain
    assert "same quantity:" in plain


def test_match_weights_must_be_a_weights_file(folder, tmp_path):
    bad = tmp_path / "weights.json"
    bad.write_text("{}")
    result = invoke("check", folder, "--match-weights", bad)
    assert result.exit_code == 2 and f"{bad}: not a weights file" in result.output
    stale = json.loads((Path(fit.__file__).parent / "weights.json").read_text())
    stale["features"] = stale["features"][:-1]
    bad.write_text(json.dumps(stale))
    result = invoke("check", folder, "--match-weights", bad)
    assert result.exit_code == 2 and "fitted for other evidence features" in result.output


def test_the_fitting_script_writes_weights_the_checker_loads(tmp_path, capsys):
    out = tmp_path / "w.json"
    assert fit.main([str(CORPORA / "trial"), str(CORPORA / "quake-toll"), "--out", str(out)]) == 0
    weights = load_weights(out)
    assert weights.fitted_on == ("trial", "quake-toll") and 0 < weights.join < 1
    assert f"wrote {out}" in capsys.readouterr().out
    result = invoke("check", CORPORA / "trial" / "articles", "--format", "json", "--no-cache", "--match-weights", out)
    assert result.exit_code in (0, 1) and json.loads(result.stdout)["claims"]


@pytest.mark.parametrize("a, b, same", [
    ("WHO", "World Health Organization", True),
    ("MacDonald", "Angus MacDonald", True),
    ("Democrats", "Liberal Democrats", True),
    ("Liberal Democrat", "Liberal Democrats", True),  # one member of a party and the party
    ("Democrat", "Liberal Democrats", True),
    ("the U.N.", "the UN", True),
    ("Saint-Aubin Cathedral", "Saint Aubin Cathedral", True),  # a hyphen or a space between a name's words
    ("Pinto-Duschinsky", "David Pinto Duschinsky", True),
    ("Kenya", "Kenyan Police", False),
    ("Japan", "China", False),
    ("Civic Renewal Party", "People's Alliance", False),
])
def test_names_of_one_bearer(a, b, same):
    assert same_name(a, b) is same and same_name(b, a) is same


def test_a_name_keeps_the_proper_nouns_the_recogniser_cut_from_its_front(nlp):
    from haiti_claims.about import read_about
    doc = nlp("The Liberal Democrats had 71 seats, their best showing in a century.")
    figure = next(e for e in doc.ents if e.text == "71")
    assert read_about(figure, SOURCING).agent == "Liberal Democrats"


@pytest.mark.parametrize("text, figure, agent", [
    ("In Basildon, the Conservative chairman Richard Holden survived with 21,905 votes.", "21,905", "Richard Holden"),
    ("The winner, Sarah Olney, took 24,113 votes.", "24,113", "Sarah Olney"),
    ("The company, Norvik Foods, cut 300 jobs on Monday.", "300", "Norvik Foods"),
])
def test_a_subject_is_named_by_the_name_in_apposition_to_it(nlp, text, figure, agent):
    """ "the Conservative chairman Richard Holden survived with 21,905 votes": the chairman is Richard Holden, so
    the figure's agent is his name, which keeps it apart from another candidate's votes."""
    assert _about(nlp, text, figure).agent == agent


@pytest.mark.parametrize("text, figure, agent", [
    ("Labour's Jane Smith won the seat by 312 votes.", "312", "Labour"),
    ("Acme's Maria Lopez sold 2,000 shares on Friday.", "2,000", "Acme"),
    ("The Conservative candidate Tom Hale won by 52 votes.", "52", "Tom Hale"),
])
def test_a_person_named_with_a_possessor_acts_for_it(nlp, text, figure, agent):
    """ "Labour's Jane Smith won the seat by 312 votes": she won it for Labour, so her margin is Labour's margin
    there, as another article that says "Labour won the seat by 312 votes" tells it."""
    assert _about(nlp, text, figure).agent == agent


@pytest.mark.parametrize("text, figure, agent", [
    ("Oil washed ashore on Sunday, forcing the city of Harbor Point to close about 6 miles of its coastline.",
     "about 6 miles", "Harbor Point"),
    ("The government of Norvenia separately pledged $40 million.", "$40 million", "Norvenia"),
    ("Officials ordered the town of Brevik to evacuate 2,000 residents.", "2,000", "Brevik"),
    ("Shares of Corvane had lost almost a quarter of their value.", "almost a quarter", None),
    ("A former mayor of Brenton was sentenced to 12 years in prison.", "12 years", None),
    ("Six members of the bank's Monetary Policy Committee voted for the cut.", "Six", None),
])
def test_who_does_what_an_infinitive_says_is_the_object_it_is_told_of(nlp, text, figure, agent):
    """ "forcing the city of Harbor Point to close 6 miles": the city closes them, and "the city of Harbor Point"
    is Harbor Point; "a mayor of Brenton" and "shares of Corvane" are not Brenton and Corvane."""
    assert _about(nlp, text, figure).agent == agent


def test_a_depth_and_a_width_are_never_one_quantity(tmp_path):
    (tmp_path / "a.md").write_text(article("2024-04-02", "The first temporary channel, 11 feet deep, opened on "
                                                         "Monday for tugboats and barges."))
    (tmp_path / "b.md").write_text(article("2024-04-03", "A temporary channel 12 feet wide let tugboats and barges "
                                                         "pass from Monday."))
    report = json.loads(invoke("check", tmp_path, "--format", "json", "--no-cache").stdout)
    groups = {c["text"]: c["group"] for c in report["claims"]}
    assert groups["11 feet"] is None or groups["11 feet"] != groups["12 feet"]
    assert not [f for f in report["findings"] if f["severity"] in ("warning", "error")]


def _length(figure: float, unit: str) -> Claim:
    return Claim(doc="a", kind="quantity", text="x", start=0, end=1, line=1, column=1, sentence="",
                 value=NumberValue(low=figure, high=figure, nominal=figure, unit=unit))


def test_lengths_in_feet_and_metres_are_one_dimension():
    feet, metres = in_base_units(_length(984, "foot")), in_base_units(_length(300, "metre"))
    assert feet[0] == metres[0] == "[length]"
    assert abs(feet[1] - metres[1]) / metres[1] < 0.01
    money = Claim(doc="a", kind="money", text="x", start=0, end=1, line=1, column=1, sentence="",
                  value=NumberValue(low=5, high=5, nominal=5, unit="USD"))
    assert in_base_units(money)[0] == "money:USD"


def test_temperatures_are_read_in_degrees_celsius():
    """A temperature scale is shifted, not scaled: 111F is 43.9C (not 111 x 255.9 kelvin), so "44C" and "111F" are
    one size and 40C and 44C are a tenth apart, as a reader sees them."""
    assert in_base_units(_length(111, "degree Fahrenheit")) == ("[temperature]", pytest.approx(43.89, abs=0.01))
    assert in_base_units(_length(44, "degree Celsius")) == ("[temperature]", 44.0)
    assert in_base_units(_length(300, "kelvin")) == ("[temperature]", pytest.approx(26.85))
    assert candidate_pairs([_length(44, "degree Celsius"), _length(111, "degree Fahrenheit")]) == [(0, 1)]


@pytest.mark.parametrize("a, b", [
    ((8_500_000, 8_500_000, "about"), (8_450_000, 8_550_000, None)),  # "about 8.5 million", "8.5m"
    ((174, None, "at least"), (174, 174, None)),  # "at least 174", "174"
    ((2_500, 2_500, "about"), (2_400, 2_400, "about")),  # "about 2,500", "some 2,400"
])
def test_figures_near_in_value_are_weighed_however_differently_worded(a, b):
    """Blocking on values as well as words: two figures within a few per cent of each other are a candidate
    pair even when their articles share no word around them (and exact values, hedges aside, always are)."""
    def figure(doc: str, low: float, high: float | None, hedge: str | None, words: tuple[str, ...]) -> Claim:
        return Claim(doc=doc, kind="count", text="x", start=0, end=1, line=1, column=1, sentence="",
                     value=NumberValue(low=low, high=high, nominal=low, hedge=hedge), about=About(near=words))
    claims = [figure("a", *a, ("crash", "computer")), figure("b", *b, ("affect", "device"))]
    assert candidate_pairs(claims) == [(0, 1)]


@pytest.mark.parametrize("a, b, dimension", [
    ((40, "square kilometre"), (15.4, "square mile"), "[length] ** 2"),
    ((18e6, "cubic metre"), (4.6e9, "gallon"), "[length] ** 3"),
    ((2.5, "hectare"), (6.2, "acre"), "[length] ** 2"),
    ((225, "kilometre per hour"), (140, "mile per hour"), "[length] / [time]"),
])
def test_areas_and_volumes_in_two_units_are_one_dimension(a, b, dimension):
    """"about 40 square kilometres" and "roughly 15 square miles"; "18 million cubic metres" of water and "4.6
    billion gallons"; "225 km/h" and "140 mph": one area, one volume, one speed, told in two units."""
    x, y = in_base_units(_length(*a)), in_base_units(_length(*b))
    assert x[0] == y[0] == dimension
    assert abs(x[1] - y[1]) / y[1] < 0.05


def test_lengths_in_feet_and_metres_are_weighed_together():
    """"the 984-foot vessel" and "the ship is 300 metres long" are one length: a candidate pair, word or no."""
    assert candidate_pairs([_length(984, "foot"), _length(300, "metre")]) == [(0, 1)]
    assert candidate_pairs([_length(984, "foot"), _length(984, "metre")]) == []


@pytest.mark.parametrize("a, b, candidates", [
    (984, 948, [(0, 1)]),  # "the 984-foot ship", "the 948-foot ship": two digits swapped
    (48e6, 84e6, [(0, 1)]),  # "insured for $48 million", "covers the satellites for $84 million"
    (25, 52, [(0, 1)]),
    (25, 53, []),  # other digits, sizes apart: nothing to weigh
    (11, 11 * 1.5, []),
])
def test_figures_with_two_digits_swapped_are_weighed_together(a, b, candidates):
    """An outlet's commonest slip swaps two digits, which sets the sizes too far apart for the size keys: the
    figures are a candidate pair whatever their articles' words."""
    def figure(doc: str, value: float, words: tuple[str, ...]) -> Claim:
        return Claim(doc=doc, kind="count", text="x", start=0, end=1, line=1, column=1, sentence="",
                     value=NumberValue(low=value, high=value, nominal=value), about=About(near=words))
    assert candidate_pairs([figure("a", a, ("crew", "safe")), figure("b", b, ("seafarer", "aboard"))]) == candidates


def _period(start: str, end: str | None, granularity: str) -> Claim:
    from datetime import date

    value = DateValue(start=date.fromisoformat(start), end=date.fromisoformat(end) if end else None,
                      granularity=granularity)
    return Claim(doc="a", kind="date", text="x", start=0, end=1, line=1, column=1, sentence="", value=value)


@pytest.mark.parametrize("a, b", [
    (("2024-08-13", "2024-08-13", "day"), ("2024-08-11", "2024-08-20", "part-month")),  # "13 August", "mid-August"
    (("2024-05-25", "2024-05-31", "part-month"), ("2024-05-01", "2024-05-31", "month")),  # "end of May", "May"
    (("2001-01-01", "2001-12-31", "year"), ("2001-01-01", None, "year")),  # "in 2001", "since 2001"
    (("2028-09-01", "2028-11-30", "season"), ("2028-01-01", "2028-12-31", "year")),  # "by fall 2028", "by 2028"
])
def test_dates_near_enough_to_be_one_event_are_weighed_however_worded(a, b):
    """Blocking keeps periods of one month or one year together whatever their granularity, so "mid-August"
    is weighed against "13 August" and "since 2001" against "in 2001" even with no word in common."""
    assert candidate_pairs([_period(*a), _period(*b)]) == [(0, 1)]


def test_dates_of_different_months_or_years_need_words_in_common():
    assert candidate_pairs([_period("2024-08-13", "2024-08-13", "day"),
                            _period("2024-09-11", "2024-09-20", "part-month")]) == []
    assert candidate_pairs([_period("2001-01-01", "2001-12-31", "year"), _period("2002-01-01", None, "year")]) == []


def _figures_of_one_sentence(tmp_path, sentence: str, published: str = "2025-08-10") -> list[Claim]:
    """The figures the pipeline reads from an article of one sentence, as the matcher sees them."""
    from haiti_claims.match import matchable
    from haiti_claims.pipeline import Options, collect

    (tmp_path / "a.md").write_text(article(published, sentence))
    _, claims, _ = collect([tmp_path], Config(), Options(use_cache=False, jobs=1))
    return [c for c in claims if matchable(c) and isinstance(c.value, NumberValue)]


@pytest.mark.parametrize("sentence, apart", [
    ("The festival sold 61,000 tickets this summer: 52,000 for the main weekend and 9,000 for the fringe days.",
     True),  # a whole and its parts
    ("The clinic employs 40 nurses and 12 doctors.", True),  # two counts listed
    ("The agency counted 22,800 cases on Friday, up from about 18,900 a week earlier.", False),  # a change
    ("The toll was first put at 20 but was later revised to 8.", False),  # a revision
    ("Organisers said 8.6 million tickets had been sold and expect to reach about 10 million.",
     False),  # what happened against a plan
    ("The club sold 41,000 season tickets, out of 45,000 on offer.", False),  # a part and the whole it is out of
    ("The blast killed 17 people, including eight foreigners.", False),  # a part inside its whole
])
def test_figures_one_sentence_gives_side_by_side_are_two_quantities_unless_it_relates_them(tmp_path, sentence, apart):
    claims = _figures_of_one_sentence(tmp_path, sentence)
    assert len(claims) >= 2, [c.text for c in claims]
    assert ((0, 1) in kept_apart(claims, [])) is apart, [(c.text, c.markers, c.as_of, c.quantity) for c in claims]


def test_a_figure_and_its_restatement_are_not_kept_apart(tmp_path):
    claims = _figures_of_one_sentence(tmp_path, "The city has spent 1.4 billion euros ($1.5 billion) on the river.")
    assert kept_apart(claims, restatements(claims)) == set()


def test_a_figure_elsewhere_joins_one_of_two_figures_a_sentence_tells_apart_not_both():
    """Linked to both the whole and its part of one sentence, a figure elsewhere joins the likelier (the part,
    0.6) and the whole stays out, however strongly it is linked to the part by wording (0.5)."""
    sentence = "The festival sold 61,000 tickets: 52,000 for the main weekend and 9,000 for the fringe days."
    whole = _written("a", "61,000", 61000, "", sentence, kind="count", words=("ticket", "sell"))
    part = _written("a", "52,000", 52000, "", sentence, kind="count", words=("ticket", "sell", "weekend"))
    other = _written("b", "55,000", 55000, "", "Organisers sold 55,000 tickets for the main weekend.", kind="count",
                     words=("ticket", "sell", "weekend"))
    pairs = Pairs([whole, part, other])
    chosen = {(0, 1): 0.5, (1, 2): 0.6, (0, 2): 0.5}
    labels = pairs.labels(fit.with_join(load_weights(), 0.25), _probabilities(pairs, chosen), [None] * len(pairs))
    assert labels[1] == labels[2] != labels[0]


def test_the_report_never_groups_a_whole_with_its_part_for_a_figure_elsewhere(tmp_path):
    report = _report(tmp_path, "The festival sold 61,000 tickets this summer: 52,000 for the main weekend and 9,000 "
                               "for the fringe days.", "Organisers said 55,000 tickets were sold for the main weekend.")
    group = {c["text"]: c["group"] for c in report["claims"]}
    assert group["61,000"] is None or group["61,000"] not in (group["52,000"], group["9,000"])


def _report(tmp_path, *bodies: str) -> dict:
    for k, body in enumerate(bodies):
        (tmp_path / f"{k}.md").write_text(article("2024-07-06", body))
    return json.loads(invoke("check", tmp_path, "--format", "json", "--no-cache").stdout)


def test_figures_their_sentences_date_to_two_months_are_two_months_figures(tmp_path):
    """"fell to 31,200 in March from 33,900 in February": each month's figure is its own quantity, so February's
    is kept apart from March's in the other article, which is no contradiction of it."""
    (tmp_path / "a.md").write_text(article("2025-04-09", "Home sales in the region fell to 31,200 in March from "
                                                         "33,900 in February, the property board said."))
    (tmp_path / "b.md").write_text(article("2025-04-10", "Buyers completed 32,400 home sales in March, down from "
                                                         "33,900 in February, according to the board's figures."))
    report = json.loads(invoke("check", tmp_path, "--format", "json", "--no-cache").stdout)
    group = {(c["doc"], c["text"]): c["group"] for c in report["claims"]}
    assert group[("a.md", "33,900")] != group[("b.md", "32,400")] or group[("a.md", "33,900")] is None
    assert group[("b.md", "33,900")] != group[("a.md", "31,200")] or group[("b.md", "33,900")] is None
    assert not [f for f in report["findings"] if f["severity"] in ("warning", "error")
                and {"33,900"} & {c["text"] for c in report["claims"] if c["id"] in f["claims"]}]


def test_one_value_dated_to_two_months_is_still_weighed_as_one_figure(tmp_path):
    """"Convicted in March on nine counts" / "convicted on nine counts in April": the same count told with two
    months is one figure, misdated in one article (the months are the contradiction), not two months' figures."""
    from datetime import date

    from haiti_claims.match.evidence import Pair, moment

    def counts(value: float, month: int) -> Claim:
        return Claim(doc="a", kind="count", text="x", start=0, end=1, line=1, column=1, sentence="",
                     value=NumberValue(low=value, high=value, nominal=value), as_of=date(2023, month, 28),
                     as_of_source="text")
    assert moment(Pair(counts(9, 3), counts(9, 4), None, None)).verdict == "compatible"
    assert moment(Pair(counts(9, 3), counts(12, 4), None, None)).verdict == "conflict"


def test_a_pronoun_stands_for_what_the_sentence_before_is_about(tmp_path):
    report = _report(tmp_path,
                     "Turnout was the lowest in two decades. The Press Association put it at 59.9% on Friday.",
                     "Across the country, turnout reached 52.1 per cent, officials said on Friday.")
    group = {c["text"]: c["group"] for c in report["claims"]}
    assert group["59.9%"] is not None and group["59.9%"] == group["52.1 per cent"]


def test_a_figure_its_sentence_dates_to_another_year_is_another_years_figure(tmp_path):
    report = _report(tmp_path,
                     "Turnout was 59.9%, down from 67.3% in 2019, the Press Association said on Friday.",
                     "Turnout reached 59.7 per cent on Thursday, officials said.")
    group = {c["text"]: c["group"] for c in report["claims"]}
    assert group["67.3%"] is None or group["67.3%"] not in (group["59.9%"], group["59.7 per cent"])
    assert not [f for f in report["findings"] if f["severity"] != "info" and
                any(c["text"] == "67.3%" and c["id"] in f["claims"] for c in report["claims"])]


def test_a_date_that_hangs_from_another_figure_is_not_this_figures_year(nlp):
    from haiti_claims.about import read_about
    doc = nlp("The Press Association put it at 59.9%, down from 67.3% in 2019.")
    figures = {e.text: e for e in doc.ents if e.label_ == "PERCENT"}
    assert read_about(figures["59.9%"], SOURCING).years == ()
    assert read_about(figures["67.3%"], SOURCING).years == ("2019",)


@pytest.mark.parametrize("text, figure, verb, words", [
    ("That is less than 15 per cent of the 3 million doses the authorities say are needed to stop the outbreak.",
     "3 million", "need", {"authority", "need"}),
    ("The 12,000 homes that the storm destroyed were all insured.", "12,000", "destroy", {"storm", "destroy"}),
    ("Officials counted the 400 visitors who were evacuated from the museum.", "400", "evacuate",
     {"evacuate", "museum"}),
])
def test_a_relative_clause_on_a_figures_noun_tells_what_the_figure_is(nlp, text, figure, verb, words):
    """"the 3 million doses the authorities say are needed": a clause on the figure's noun defines it, whatever the
    sentence then says of it ("is less than 15 per cent of"); through a verb of saying, what is said."""
    about = _about(nlp, text, figure)
    assert about.verb == verb and words <= set(about.near)


def _about(nlp, sentence: str, figure: str, date: bool = False):
    """What read_about says of the figure of a sentence (a named entity with that text)."""
    from haiti_claims.about import read_about
    span = next(e for e in nlp(sentence).ents if e.text == figure)
    return read_about(span, SOURCING, date=date)


@pytest.mark.parametrize("sentence, figure, part", [
    ("The blast killed 17 people, including eight foreigners.", "eight", True),
    ("The blast killed 17 people, including eight foreigners.", "17", False),
    ("It was carrying nearly 4,700 containers, 56 of them holding hazardous material.", "56", True),
    ("France won 75 medals, 19 of which were gold.", "19", True),
    ("Five of the dead were children, the hospital said.", "Five", True),
    ("Only 2,100 of those cases have been confirmed by a laboratory.", "Only 2,100", True),
    ("Nine of these patients were discharged on Monday.", "Nine", True),
    ("Among the dead were 12 children.", "12", True),
    ("The toll rose to 40 on Monday.", "40", False),
    ("A toll of 40 was confirmed by the ministry.", "40", False),
    ("Rescuers saved 30 of the 41 passengers.", "41", False),
    ("The railway said 83 cars derailed, among them 11 tank cars.", "83", False),  # the whole: the phrase has its part
    ("The railway said 83 cars derailed, among them 11 tank cars.", "11", True),
])
def test_a_figure_told_as_part_of_another_says_so(nlp, sentence, figure, part):
    """"Including eight foreigners", "56 of them": a part of a whole named before, never the whole itself."""
    assert _about(nlp, sentence, figure).part is part


@pytest.mark.parametrize("sentence, figure, noun", [
    ("Kenya will send a second contingent of 300 officers, set to depart in early 2025.", "early 2025", "officer"),
    ("The library, built in 1962, serves about 30,000 residents.", "1962", "library"),
    ("The steel bridge, which opened in 1977, fell into the river.", "1977", "bridge"),
    ("A sample taken on Monday contained 38 parts per billion of lead.", "Monday", "sample"),
    ("Residents fled a fire that started on Saturday.", "Saturday", "fire"),
])
def test_a_date_in_a_clause_said_of_a_noun_dates_what_happens_to_it(nlp, sentence, figure, noun):
    """A date in a clause with no subject of its own ("officers, set to depart in early 2025") dates what
    happens to the noun the clause is said of, which the matcher reads as the date's noun."""
    assert _about(nlp, sentence, figure, date=True).noun == noun


@pytest.mark.parametrize("sentence, figure, verb, noun", [
    ("It was shortly after midnight on Tuesday when the dam burst.", "Tuesday", "burst", "dam"),
    ("Flight 1282 was at 16,000 feet on Friday evening when the door plug blew out.", "Friday", "blow", "plug"),
    ("The train was travelling at 40 mph late on Tuesday when 14 cars left the rails.", "Tuesday", "leave", "car"),
])
def test_a_date_of_a_backdrop_dates_the_event_its_when_clause_tells(nlp, sentence, figure, verb, noun):
    """"It was Tuesday when the dam burst", "was at 16,000 feet on Friday evening when the plug blew out": the
    clause the date sits in only sets the scene; what happened that day is the when-clause's."""
    about = _about(nlp, sentence, figure, date=True)
    assert (about.verb, about.noun) == (verb, noun)


@pytest.mark.parametrize("sentence, figure, verb", [
    ("Divers searching the lake on Sunday found two cars.", "Sunday", "find"),
    ("Firefighters battling the blaze on Friday rescued six people.", "Friday", "rescue"),
    ("Inspectors visiting the plant on Tuesday found 40 faults.", "Tuesday", "find"),
    ("Divers searching the lake on Sunday found two cars on Monday.", "Sunday", "search"),
    ("Workers hired on Monday started the job.", "Monday", "hire"),
])
def test_a_date_on_a_participle_that_describes_the_subject_dates_the_clause(nlp, sentence, figure, verb):
    """"Divers searching the lake on Sunday found two cars": the searching and the finding are one moment, and the
    finding is what the sentence reports; the parser hangs "on Sunday" on the participle. Not when the clause has
    its own date, nor a past participle ("workers hired on Monday" were hired before they started)."""
    assert _about(nlp, sentence, figure, date=True).verb == verb


@pytest.mark.parametrize("sentence, figure, verb, words", [
    ("Shares fell 5% on Monday, when the company reported its results.", "Monday", "fall", {"report", "result"}),
    ("The new parliament will meet on Tuesday, when MPs are expected to re-elect Lindsay Hoyle as Speaker.",
     "Tuesday", "meet", {"elect", "mp", "hoyle"}),
    ("The trouble began at 04:09 UTC on Friday, when CrowdStrike pushed a routine configuration file.", "Friday",
     "begin", {"push", "file"}),
])
def test_a_when_clause_after_a_date_tells_more_of_that_moment(nlp, sentence, figure, verb, words):
    """"The parliament will meet on Tuesday, when MPs are expected to re-elect the Speaker": the date keeps its
    own event, and the when-clause's words are among the words that tell what the date dates."""
    about = _about(nlp, sentence, figure, date=True)
    assert about.verb == verb and words <= set(about.near)


@pytest.mark.parametrize("sentence, figure", [
    ("On Tuesday the council voted to close the school, which was built when the town grew.", "Tuesday"),
    ("The mayor, who took office when the mill closed, resigned on Friday.", "Friday"),
])
def test_a_when_clause_elsewhere_in_the_sentence_is_not_the_dates(nlp, sentence, figure):
    about = _about(nlp, sentence, figure, date=True)
    assert not {"grow", "town", "mill"} & set(about.near)


@pytest.mark.parametrize("sentence, figure, event", [
    ("Labour won a landslide in Thursday's general election.", "Thursday", "election"),
    ("The men had been trapped since Tuesday's collapse in a chamber 400 metres down.", "Tuesday", "collapse"),
    ("Shares fell two days after Monday's approval by regulators.", "Monday", "approval"),
])
def test_a_date_in_the_possessive_dates_the_thing_it_is_the_day_of(nlp, sentence, figure, event):
    """"Thursday's general election": the day is the election's, whatever the clause around it says happened
    ("Labour won a landslide"); the noun names the event, so it is read as both the date's noun and its event."""
    about = _about(nlp, sentence, figure, date=True)
    assert (about.noun, about.verb) == (event, event)


@pytest.mark.parametrize("sentence, figure, place", [
    ("A fire tore through a factory in the Ashulia industrial belt outside Dhaka, killing at least 17 workers.",
     "at least 17", "Ashulia"),
    ("The flood cut power to 40,000 homes in the Sylhet division, officials said.", "40,000", "Sylhet"),
])
def test_a_place_named_as_a_modifier_of_the_scope_noun_is_the_figures_place(nlp, sentence, figure, place):
    """"In the Ashulia industrial belt": the place is the name that qualifies the noun of the scope phrase."""
    assert place in _about(nlp, sentence, figure).places


@pytest.mark.parametrize("sentence, figure, place", [
    ("When the first health workers were vaccinated, the WHO's count for Congo stood at about 30,000 suspected "
     "cases.", "about 30,000", "Congo"),
    ("The ministry's tally for Kenya rose to 412 deaths on Friday.", "412", "Kenya"),
    ("Its figures for Ontario show 1,200 new cases since January.", "1,200", "Ontario"),
    ("Donors pledged $40 million for Haiti, the UN said.", "$40 million", "Haiti"),
])
def test_a_place_a_for_phrase_names_is_the_figures_place(nlp, sentence, figure, place):
    """"The WHO's count for Congo stood at 30,000 cases": the count is Congo's, as "in Congo" would say."""
    assert place in _about(nlp, sentence, figure).places


@pytest.mark.parametrize("sentence, figure", [
    ("Organisers said 8.6 million tickets were sold for the Olympic events.", "8.6 million"),
    ("The charity raised $2 million for the victims of the flood.", "$2 million"),
])
def test_a_for_phrase_that_names_no_place_gives_none(nlp, sentence, figure):
    """"For the victims" says who the money is for, not where: no place."""
    assert _about(nlp, sentence, figure).places == ()


@pytest.mark.parametrize("sentence, figure, place", [
    ("The Tories held Ashford in Kent by 1,200 votes.", "1,200", "Ashford"),
    ("The Greens took Brighton Pavilion in East Sussex by 9,000 votes, a record.", "9,000", "Brighton Pavilion"),
])
def test_a_place_phrase_after_a_name_locates_that_name(nlp, sentence, figure, place):
    """"Held Ashford in Kent by 1,200 votes": the margin is Ashford's, Kent only says where Ashford is (the parser
    hangs the phrase on the verb): both are the figure's places, and the owner is Ashford."""
    about = _about(nlp, sentence, figure)
    assert place in about.places and about.owner == place


def test_a_place_phrase_after_a_name_that_is_no_place_locates_no_name(nlp):
    """"Sued CrowdStrike in a Georgia court": the court is where the suing happens; the firm is no place."""
    about = _about(nlp, "Delta sued CrowdStrike in a Georgia state court, seeking $500 million.", "$500 million")
    assert about.places == ("Georgia",)


@pytest.mark.parametrize("sentence, figure, places", [
    ("In Hendon, Labour's candidate beat the Conservative by eighteen votes after a full recount, the tightest result "
     "in Britain.", "eighteen", ("Hendon",)),
    ("The fire was the worst in the state's history, burning 12,000 acres in Lake County.", "12,000 acres",
     ("Lake County",)),
])
def test_a_superlatives_scope_is_no_place_of_the_figure(nlp, sentence, figure, places):
    """"The tightest result in Britain" compares the result with all of Britain's: Britain is where the comparison
    runs, not the figure's place."""
    assert _about(nlp, sentence, figure).places == places


def test_a_word_with_a_subject_is_the_verb_of_its_clause_whatever_its_tag(nlp):
    """"A dam ... burst before dawn on Tuesday, officials said": the tagger takes "burst" for a noun, the parse gives it
    "dam" for its subject; the day is the bursting's, not the saying's."""
    sentence = ("An earthen dam on the Runc river in central Romania burst before dawn on Tuesday after four days of "
                "torrential rain, sending a wall of water through seven villages, officials said.")
    assert _about(nlp, sentence, "Tuesday", date=True).verb == "burst"


def test_a_figure_in_a_clause_said_of_a_noun_does_not_count_it(nlp):
    """"The company, which produced 210,000 ounces": the clause is said of the company, but the figure counts
    ounces; only a date takes the noun its clause tells of."""
    from haiti_claims.about import read_about
    span = next(e for e in nlp("The company, which produced 210,000 ounces of gold, closed the mine.").ents
                if e.text.startswith("210,000"))
    assert read_about(span, SOURCING).noun != "company"


@pytest.mark.parametrize("sentence, figure, noun", [
    ("Wages were still up 3.8% on a year earlier, well ahead of inflation at 3%.", "3%", "inflation"),
    ("Exports fell 2%, with unemployment at 6.1% and the deficit at $40 billion.", "$40 billion", "deficit"),
    ("On Thursday, Alaska put the cost of the disruption at $150 million.", "$150 million", "disruption"),
])
def test_a_noun_right_before_at_and_a_figure_is_what_the_figure_measures(nlp, sentence, figure, noun):
    """"Well ahead of inflation at 3%": the noun just before "at" is the one the figure gives the level of, wherever
    the parser hangs the phrase ("the cost of the disruption at $150 million": the disruption's cost)."""
    assert _about(nlp, sentence, figure).noun == noun


@pytest.mark.parametrize("sentence, figure, noun", [
    ("Microsoft's count of affected machines stands at eight and a half million.", "eight and a half million",
     "machine"),
    ("The number of displaced people rose to 700,000 on Friday, the agency said.", "700,000", "people"),
    ("By noon the tally of cancelled flights had reached 3,400.", "3,400", "flight"),
    ("The total of the fund stood at $4 million.", "$4 million", "total"),
])
def test_a_count_told_of_a_bare_plural_counts_the_plural(nlp, sentence, figure, noun):
    """"Microsoft's count of affected machines stands at 8.5 million": the figure is a number of machines, as
    "8.5 million machines" would say; "the total of the fund" names no plural, so the total is what it gives."""
    assert _about(nlp, sentence, figure).noun == noun


@pytest.mark.parametrize("sentence, figure, noun", [
    ("At the break the line lies in about 98 feet (30 metres) of water.", "about 98 feet", "water"),
    ("Crews have laid 5,400 feet of boom along the beach.", "5,400 feet", "boom"),
    ("The storm dropped 15 inches of rain on the coast.", "15 inches", "rain"),
    ("Miners cleared about 3,000 tonnes of rock from the drift.", "about 3,000 tonnes", "rock"),
])
def test_a_measure_in_units_of_a_stuff_measures_that_stuff(nlp, sentence, figure, noun):
    """"98 feet of water": the figure is an amount of water (its depth), not of what the clause's subject is."""
    assert _about(nlp, sentence, figure).noun == noun


@pytest.mark.parametrize("sentence, figure, noun", [
    ("The flood tore a gap about 60 metres wide in the levee.", "about 60 metres", "gap"),
    ("Surveyors found a crack 3 feet deep along the runway.", "3 feet", "crack"),
    ("The city signed contracts worth $48 million with the builder.", "$48 million", "contract"),
    ("A mining firm gave the family a donation worth about $61,000.", "about $61,000", "donation"),
])
def test_a_measure_told_with_its_adjective_measures_the_noun_the_adjective_describes(nlp, sentence, figure, noun):
    """"A gap about 60 metres wide": the figure is the gap's width (the parser hangs the figure from "wide", and
    "wide" from "gap"), as "contracts worth $48 million" are what the sum is the worth of."""
    assert _about(nlp, sentence, figure).noun == noun


@pytest.mark.parametrize("sentence, figure, noun", [
    ("At least 21 people have died: 16 in Acari and five in Chala.", "16", "people"),
    ("At least 21 people have died: 16 in Acari and five in Chala.", "five", "people"),
    ("The quake killed 14 people in Acari and four in nearby Chala.", "four", "people"),
    ("The recall covers about 380,000 vehicles in the United States and 32,000 in Canada.", "32,000", "vehicle"),
])
def test_a_bare_figure_counts_the_noun_of_the_figure_it_is_listed_with(nlp, sentence, figure, noun):
    """"16 in Acari and five in Chala" leave out the noun of the figure they are listed after: people."""
    assert _about(nlp, sentence, figure).noun == noun


@pytest.mark.parametrize("sentence, figure, ordinal", [
    ("In the first round of sampling, four of 36 samples contained the bacteria.", "36", "first"),
    ("During the second wave of evacuations, 1,200 residents left the valley.", "1,200", "second"),
    ("At the second crossing, officials counted 400 trucks waiting.", "400", "second"),
    ("A second round of sampling found E. coli in two of 48 samples.", "48", "second"),
])
def test_an_ordinal_in_a_phrase_on_the_figures_way_to_its_verb_names_its_instance(nlp, sentence, figure, ordinal):
    """"In the first round of sampling, four of 36 samples ...": the phrase scopes the figure to the first round,
    as "a second round ... found two of 48" does the other."""
    assert ordinal in _about(nlp, sentence, figure).ordinals


def test_a_part_and_its_whole_are_never_one_quantity(tmp_path):
    """The eight foreigners among 17 dead are not the toll of eight another article gives, which contradicts 17."""
    report = _report(tmp_path,
                     "The bombing killed 17 people, including eight foreigners, police said on Friday.",
                     "Police said on Friday that eight people were killed in the bombing and 30 were wounded.",
                     "Seventeen people died in the bombing on Thursday, the hospital said.")
    claim = {(c["doc"], c["text"]): c for c in report["claims"]}
    part = claim[("0.md", "eight")]
    assert part["group"] is None or part["group"] not in {c["group"] for c in report["claims"] if c["doc"] != "0.md"}
    toll = {claim[("0.md", "17")]["id"], claim[("1.md", "eight")]["id"]}
    assert any(f["severity"] in ("error", "warning") and toll <= set(f["claims"]) for f in report["findings"])


@pytest.mark.parametrize("bodies", [
    ("The blast killed 74 people, including eight Americans, police said on Friday.",
     "The toll rose to 86 on Saturday, among them 11 Americans, a spokesman said.",
     "At least 190 people were killed, including 12 Americans, officials said on Monday."),
    ("The storm killed 40 people, including 12 children, the ministry said on Friday.",
     "By Sunday the storm had killed 52 people, including 15 children, the ministry said."),
])
def test_a_part_of_a_rising_toll_rises_with_it(tmp_path, bodies):
    """"Including eight Americans" is a part of the toll the clause tells ("killed 74 people"): it is a count of
    deaths, not of the word "including", so a later, larger part is an update, not a contradiction."""
    for k, (day, body) in enumerate(zip(("2024-07-05", "2024-07-08", "2024-07-09"), bodies)):
        (tmp_path / f"{k}.md").write_text(article(day, body))
    report = json.loads(invoke("check", tmp_path, "--format", "json", "--no-cache").stdout)
    assert not [f for f in report["findings"] if f["severity"] in ("error", "warning")]
    assert not [c["subject"] for c in report["claims"] if "include" in c["subject"]]


def test_two_parts_are_not_one_instance_for_being_parts():
    """"Eight foreigners" and "12 children" are both parts of a toll: that says nothing of their being one
    quantity; a part against a whole keeps them apart."""
    from dataclasses import replace

    from haiti_claims.match.evidence import Pair, instance

    part = replace(_length(8, "foot"), about=About(part=True))
    other_part = replace(_length(12, "foot"), about=About(part=True))
    whole = _length(17, "foot")
    assert instance(Pair(part, other_part, None, None)).verdict == "unknown"
    assert instance(Pair(part, whole, None, None)).verdict == "conflict"


def test_a_part_and_a_figure_of_its_value_may_be_one_quantity():
    """"Alaska flies 65 of the jets" and "all 65 of its Max 9s": a whole is more than its part, so a figure of the
    part's own value and noun is no whole it is part of, and may be the part told on its own (a figure of another
    noun may be: test_a_part_and_its_whole_are_never_one_quantity)."""
    from dataclasses import replace

    from haiti_claims.match.evidence import Pair, Profile, instance

    part = replace(_length(65, "foot"), about=About(part=True))
    told_alone = _length(65, "foot")
    profile = lambda c: Profile(c, lambda word: 1.0, 2, ())  # noqa: E731
    assert instance(Pair(part, told_alone, profile(part), profile(told_alone))).verdict != "conflict"


def _contrast_between(tmp_path, *bodies: str) -> dict[tuple[str, str], str]:
    """The contrast reader's verdict on each pair of figures in different articles, by their texts."""
    from haiti_claims.match import matchable
    from haiti_claims.pipeline import Options, collect

    for k, body in enumerate(bodies):
        (tmp_path / f"{k}.md").write_text(article("2024-07-06", body))
    _, claims, _ = collect([tmp_path], Config(), Options(use_cache=False, jobs=1))
    pairs = Pairs([c for c in claims if matchable(c)])
    out = {}
    for k, (i, j) in enumerate(pairs.index()):
        a, b = pairs.claims[i], pairs.claims[j]
        if a.doc != b.doc:
            verdict = next(e for e in pairs.evidence(k) if e.reader == "contrast")
            out[(a.text, b.text)] = out[(b.text, a.text)] = verdict.verdict
    return out


@pytest.mark.parametrize("told, other, same", [
    ("Organisers sold 9,200 adult tickets and 3,100 child tickets for the festival.",
     "The festival sold some 3,000 child tickets, its director said.", "3,100"),
    ("The north reported 412 cases. The south reported 95 cases.", "The south had reported 90 cases by Friday.", "95"),
    ("Divers recovered 12 bodies from the river. Three more bodies were found in the harbour.",
     "Navy divers have recovered 14 bodies from the river so far.", "12"),
    ("The army sent 300 soldiers to the capital. It sent 120 soldiers to the port.",
     "About 130 soldiers arrived at the port on Tuesday.", "120"),
])
def test_an_article_that_tells_two_figures_apart_says_which_one_another_article_means(tmp_path, told, other, same):
    """Two figures of one noun side by side in one article are told apart by their words ("adult", "child"):
    a figure elsewhere told with one's words is that one's, not the other's."""
    verdicts = _contrast_between(tmp_path, told, other)
    theirs = next(t for (t, o) in verdicts if o == same)  # the figure of the other article
    rival = next(t for (t, o) in verdicts if t not in (theirs, same) and o == theirs)
    assert verdicts[(same, theirs)] == "agree"
    assert verdicts[(rival, theirs)] == "conflict"


def test_no_rival_no_contrast(tmp_path):
    """An article that gives one figure of a noun tells nothing apart: unknown, never a conflict."""
    verdicts = _contrast_between(tmp_path, "Organisers sold 9,200 tickets for the festival.",
                                 "The festival sold some 3,000 child tickets, its director said.")
    assert set(verdicts.values()) == {"unknown"}


def test_a_figure_a_verb_of_saying_gives_is_matched_a_date_of_saying_is_not(tmp_path):
    """"The south reported 95 cases" is a count of cases like any other; "said on Tuesday" dates the saying."""
    from haiti_claims.match import matchable
    from haiti_claims.pipeline import Options, collect

    (tmp_path / "a.md").write_text(article("2024-07-06", "The ministry reported 95 cases, officials said on Tuesday."))
    _, claims, _ = collect([tmp_path], Config(), Options(use_cache=False, jobs=1))
    by_text = {c.text: c for c in claims}
    assert matchable(by_text["95"])
    assert not matchable(by_text["Tuesday"])


def test_a_period_compared_with_is_no_event_to_compare(tmp_path):
    """"Prices rose 3.1% from a year earlier": the year-earlier period is the base of a change, not an event;
    two articles' bases ("a year earlier", "from 3.5% in February") are never set against each other."""
    report = _report(tmp_path, "Consumer prices rose 3.1% from a year earlier, the statistics office said.",
                     "Consumer prices rose 3.1% in June, down from 3.5% in May, the statistics office said.")
    by_text = {c["text"]: c for c in report["claims"]}
    assert by_text["year earlier"]["group"] is None
    assert not [f for f in report["findings"] if "year earlier" in f["message"]]


@pytest.mark.parametrize("value, noun, apart", [
    ("agree", "conflict", 1.0), ("agree", "agree", 0.0), ("compatible", "conflict", 0.0), ("unknown", "conflict", 0.0),
])
def test_a_conflict_of_words_between_equal_values_is_weighed_apart(value, noun, apart):
    """"300 workers walked out" and "300 vehicles were stuck": an equal value says one figure, and a conflict of
    the counted nouns says how far to believe it; the two together are a feature of their own, which only equal
    values with conflicting nouns set."""
    from haiti_claims.match.evidence import READERS
    from haiti_claims.match.score import feature_names, features
    from haiti_claims.model import Evidence

    verdicts = {"value": value, "noun": noun}
    evidence = [Evidence(read.__name__, verdicts.get(read.__name__, "unknown"), 1.0, "") for read in READERS]
    row = dict(zip(feature_names(), features(evidence, is_date=False)))
    assert row["same value*noun:conflict"] == apart
    assert row["same value*verb:conflict"] == 0.0


def test_a_sentence_an_article_repeats_gives_its_figure_no_rival(tmp_path):
    """A standfirst the body repeats word for word states its figure once: the copies are one statement, so a
    figure elsewhere that both copies match is their article's best match by a margin, as if stated once."""
    from haiti_claims.match import matchable
    from haiti_claims.pipeline import Options, collect

    lede = "The ministry said 4,200 families had been moved out of the flood zone."
    (tmp_path / "a.md").write_text(article("2024-07-06", f"{lede}\n\nRain is forecast.\n\n{lede}\n\nRoads are shut."))
    (tmp_path / "b.md").write_text(article("2024-07-06", "About 4,000 families were moved out of the flood zone, "
                                                         "the ministry said."))
    _, claims, _ = collect([tmp_path], Config(), Options(use_cache=False, jobs=1))
    pairs = Pairs([c for c in claims if matchable(c)])
    weights = load_weights()
    inputs = pairs.second_inputs(pairs.first(weights))
    across = [k for k, (i, j) in enumerate(pairs.index()) if pairs.claims[i].doc != pairs.claims[j].doc]
    assert len(across) == 2
    for k in across:
        _, mutual, one_sided, low, high = (float(column[k]) for column in inputs)
        assert mutual == one_sided == 1.0 and low > 0  # before, each copy's runner-up was the other: margin 0


def test_a_link_says_whether_each_claim_is_the_others_best_match(tmp_path):
    """--explain and the JSON show what the second model read of a pair, with the rest of its evidence: two figures
    each the other's best match in its article agree; a figure whose article holds a better match for it does not."""
    from haiti_claims.pipeline import Options, collect

    (tmp_path / "a.md").write_text(article("2024-07-06", "The ministry said 4,200 families had been moved out of the "
                                                         "flood zone."))
    (tmp_path / "b.md").write_text(article("2024-07-06", "About 4,000 families were moved out of the flood zone, the "
                                                         "ministry said.\n\nIn the next valley, 4,600 families were "
                                                         "moved to schools."))
    _, claims, _ = collect([tmp_path], Config(), Options(use_cache=False, jobs=1))
    by_text = {c.text: c.id for c in claims}
    matching = match(claims, load_weights())
    best = matching.link(by_text["4,200"], by_text["About 4,000"]).evidence[-1]
    assert (best.reader, best.verdict) == ("best match", "agree") and "margins +" in best.words
    other = matching.link(by_text["4,200"], by_text["4,600"])
    assert other is not None and other.evidence[-1].verdict != "agree"


@pytest.mark.parametrize("sentence, figure, givers", [
    ("Congo has reported more than 15,600 cases and 537 deaths so far this year, WHO said.", "537", ("WHO",)),
    ("WHO says Congo has recorded more than 17,500 cases and 629 deaths since the start of the year.", "629",
     ("WHO",)),
    ("Worldwide, the aviation data firm Cirium counted 5,582 cancellations for the day.", "5,582", ("Cirium",)),
    ("CyberCube's figure for the whole market was $400 million to $1.5 billion, while the broker Guy Carpenter "
     "estimated $300 million to $1 billion.", "$300 million to $1 billion", ("Guy Carpenter",)),
    ("When the first health workers were vaccinated, the WHO's count for Congo stood at about 30,000 suspected "
     "cases.", "about 30,000", ("WHO",)),
    ("The county agriculture directorate said 1,900 hectares of farmland were under water.", "1,900",
     ("county agriculture directorate",)),
    ("According to the health ministry, 45 people died.", "45", ("health ministry",)),
    ("Delta Air Lines chief executive Ed Bastian said the outage had cost the airline $500 million.", "$500 million",
     ("Ed Bastian", "Delta Air Lines")),
    ("Officials said 45 people died.", "45", ()),  # a bare role names no one
    ("The company said it would hire 150 people.", "150", ()),
])
def test_who_gave_a_figure_is_read_from_its_own_clause(nlp, sentence, figure, givers):
    """The outermost attribution of the figure's clause, by name or as a described body: the source the dev
    README's rule 2 keys figures by ("the WHO said", "the health minister said")."""
    assert _about(nlp, sentence, figure).givers == givers


def test_a_tie_between_joining_thresholds_goes_to_the_higher():
    """Thresholds whose F1 differ by less than a pair tie: the higher joins less and raises fewer false alarms."""
    from haiti_claims.match.fit import best_threshold
    assert best_threshold({0.2: 0.62, 0.25: 0.62, 0.3: 0.62, 0.35: 0.50}) == 0.25


def test_the_joining_threshold_is_picked_on_the_f1_curve_smoothed_over_its_neighbours():
    """A flat curve with a last bump (a development fold, 2026-12-07: 0.644 at 0.25 and at 0.35, 0.639 at 0.40,
    then a drop) does not drag the pick to its edge, where one more pair moves the F1; a clear peak still wins."""
    from haiti_claims.match.fit import best_threshold
    flat = {0.2: 0.614, 0.25: 0.644, 0.3: 0.634, 0.35: 0.644, 0.4: 0.639, 0.45: 0.605, 0.5: 0.592}
    assert best_threshold(flat) == 0.35
    assert best_threshold({0.15: 0.55, 0.2: 0.60, 0.25: 0.65, 0.3: 0.60, 0.35: 0.55}) == 0.25


@pytest.mark.parametrize("second, unit", [
    ("The union said five thousand dollars was an insult.", "CAD"),
    ("The union said five thousand dollars, about US$3,500, was an insult.", "USD"),
])
def test_an_unmarked_dollar_is_the_articles_own(tmp_path, second, unit):
    """A Canadian paper writes "C$5,000" and then "five thousand dollars": the same Canadian sum, not an American
    one; an article that marks American dollars too keeps its unmarked dollars American."""
    (tmp_path / "a.md").write_text(article("2025-03-10", f"The company promised C$5,000 to each family. {second}"))
    report = json.loads(invoke("check", tmp_path, "--format", "json", "--no-cache").stdout)
    units = {c["text"]: c["value"].get("unit") for c in report["claims"]}
    assert units["C$5,000"] == "CAD" and units["five thousand dollars"] == unit, units


def _written(doc: str, text: str, value: float, unit: str, sentence: str, kind: str = "money",
             words: tuple[str, ...] = ("river", "clean", "spend")) -> Claim:
    """A figure as its sentence writes it: a restatement is found by the words between two figures."""
    start = sentence.index(text)
    return Claim(doc=doc, kind=kind, text=text, start=start, end=start + len(text), line=1, column=start + 1,
                 sentence=sentence, value=NumberValue(low=value, high=value, nominal=value, unit=unit),
                 about=About(near=words))


@pytest.mark.parametrize("sentence, figures, restated", [
    ("The city has spent 1.4 billion euros ($1.5 billion) cleaning the river.",
     [("1.4 billion euros", 1.4e9, "EUR"), ("$1.5 billion", 1.5e9, "USD")], True),
    ("The railway put the cleanup at C$14 million, or about US$10 million, on Thursday.",
     [("C$14 million", 14e6, "CAD"), ("about US$10 million", 10e6, "USD")], True),
    ("A season ticket costs €1,200 a year (about $1,300) at the new stadium.",
     [("€1,200", 1200, "EUR"), ("about $1,300", 1300, "USD")], True),  # told by the year, then again
    ("Net income was $610 million, or 94 cents a share.", [("$610 million", 610e6, "USD"), ("94 cents", 0.94, "USD")],
     False),  # one currency: another figure, not the same told again
    ("The city spent 1.4 billion euros. Washington gave $1.5 billion.",
     [("1.4 billion euros", 1.4e9, "EUR"), ("$1.5 billion", 1.5e9, "USD")], False),  # nothing sets them side by side
    ("Donors pledged €5 million, $3 million and £2 million.",
     [("€5 million", 5e6, "EUR"), ("$3 million", 3e6, "USD")], False),  # a list of sums
])
def test_a_sum_told_again_in_another_currency_is_a_restatement(sentence, figures, restated):
    claims = [_written("a", text, value, unit, sentence) for text, value, unit in figures]
    assert restatements(claims) == ([(0, 1)] if restated else [])


@pytest.mark.parametrize("sentence, figures, restated", [
    ("The Dali is 984 feet (300 meters) long.", [("984 feet", 984, "foot"), ("300 meters", 300, "metre")], True),
    ("The tunnel is just 3 metres (about 10 feet) wide.", [("3 metres", 3, "metre"), ("about 10 feet", 10, "foot")],
     True),
    ("The dam held 17.6 million cubic metres of water (about 4.6 billion gallons) when it failed.",
     [("17.6 million cubic metres", 17.6e6, "cubic metre"), ("about 4.6 billion gallons", 4.6e9, "gallon")],
     True),  # the stuff measured stands between
    ("The tunnel is 3 metres, or 30 feet, wide.", [("3 metres", 3, "metre"), ("30 feet", 30, "foot")],
     False),  # no conversion: two figures
    ("The barrier stood 1.2 metres (4 metres in places) high.", [("1.2 metres", 1.2, "metre"), ("4 metres", 4, "metre")],
     False),  # one unit
])
def test_a_measure_told_again_in_another_unit_is_a_restatement(sentence, figures, restated):
    claims = [_written("a", text, value, unit, sentence, kind="quantity") for text, value, unit in figures]
    assert restatements(claims) == ([(0, 1)] if restated else [])


def _restated_and_elsewhere(sentence: str) -> list[Claim]:
    euros = _written("a", "1.4 billion euros", 1.4e9, "EUR", sentence)
    dollars = _written("a", "$1.5 billion", 1.5e9, "USD", sentence)
    other = _written("b", "$1.5 billion", 1.5e9, "USD", "Cleaning the river cost $1.5 billion.")
    return [replace(c, id=name) for c, name in zip((euros, dollars, other), ("euros", "dollars", "other"))]


def _probabilities(pairs: Pairs, chosen: dict[tuple[int, int], float]) -> np.ndarray:
    return np.array([chosen.get(pair, 0.0) for pair in pairs.index()])


def test_a_figure_and_its_restatement_are_grouped_with_what_either_is_one_quantity_with():
    """ "spent 1.4 billion euros ($1.5 billion)" against "cost $1.5 billion" elsewhere: the dollars meet the other
    article's dollars, and the euros come with them, though the euros alone say little of a dollar figure (their
    link here 0.05, the dollars' 0.6: the mean of the two would keep them apart)."""
    weights = fit.with_join(load_weights(), 0.25)
    chosen = {(0, 1): 0.2, (1, 2): 0.6, (0, 2): 0.05}
    claims = _restated_and_elsewhere("The city has spent 1.4 billion euros ($1.5 billion) cleaning the river.")
    pairs = Pairs(claims)
    labels = pairs.labels(weights, _probabilities(pairs, chosen), [None] * len(pairs))
    assert labels[0] == labels[1] == labels[2]
    apart = _restated_and_elsewhere("The city spent 1.4 billion euros; the state gave $1.5 billion to clean the river.")
    pairs = Pairs(apart)
    labels = pairs.labels(weights, _probabilities(pairs, chosen), [None] * len(pairs))
    assert labels[1] == labels[2] != labels[0]  # no restatement: the euros are a figure of their own


def test_a_veto_of_a_figure_keeps_its_restatement_apart_too():
    weights = fit.with_join(load_weights(), 0.25)
    claims = _restated_and_elsewhere("The city has spent 1.4 billion euros ($1.5 billion) cleaning the river.")
    pairs = Pairs(claims)
    vetoes = [("place" if pair == (1, 2) else None) for pair in pairs.index()]
    labels = pairs.labels(weights, _probabilities(pairs, {(0, 1): 0.2, (1, 2): 0.6, (0, 2): 0.6}), vetoes)
    assert labels[0] == labels[1] != labels[2]


def test_the_link_a_restatement_raised_says_so(monkeypatch):
    """The report explains a group a restatement made: the link from the euros to the other article's dollars
    carries the dollars' probability and names the restatement it went through."""
    claims = _restated_and_elsewhere("The city has spent 1.4 billion euros ($1.5 billion) cleaning the river.")
    chosen = {(0, 1): 0.2, (1, 2): 0.6, (0, 2): 0.05}
    monkeypatch.setattr(Pairs, "second", lambda self, weights, inputs=None: _probabilities(self, chosen))
    matching = match(claims, fit.with_join(load_weights(), 0.25))
    assert len(set(matching.group.values())) == 1
    link = matching.link(claims[0].id, claims[2].id)
    assert link.probability == 0.6
    assert any(e.reader == "restatement" and "$1.5 billion" in e.words for e in link.evidence)
    assert matching.link(claims[1].id, claims[2].id).probability == 0.6  # its own, unchanged


def test_two_figures_told_in_a_unit_they_share_are_weighed_in_it():
    """ "20 million lei (about €4 million)" and, elsewhere, "450 million lei (about €90 million)": lei against lei
    and euros against euros say they are two sums; lei against euros, which no value tells apart, says nothing."""
    def sum_of(doc: str, sentence: str, lei: str, euros: str, value: float) -> list[Claim]:
        return [_written(doc, lei, value, "RON", sentence), _written(doc, euros, value / 5, "EUR", sentence)]
    claims = sum_of("a", "The government released 20 million lei (about €4 million) for shelter.", "20 million lei",
                    "about €4 million", 20e6) + \
        sum_of("b", "The ministry put the cost of rebuilding at 450 million lei (about €90 million).", "450 million lei",
               "about €90 million", 450e6)
    claims = [replace(c, id=f"c{k}") for k, c in enumerate(claims)]
    pairs = Pairs(claims)
    chosen = {(0, 1): 0.3, (2, 3): 0.3, (0, 3): 0.26, (1, 2): 0.26, (0, 2): 0.01, (1, 3): 0.03}
    labels = pairs.labels(fit.with_join(load_weights(), 0.25), _probabilities(pairs, chosen), [None] * len(pairs))
    assert labels[0] == labels[1] != labels[2] == labels[3]
