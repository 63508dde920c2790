"""How timing.py reads a figure's moment and how it moves (`as_of`, `quantity`), on parsed sentences."""
from __future__ import annotations

from datetime import date

import pytest

from haiti_claims.config import DEFAULT
from haiti_claims.model import Claim, Document
from haiti_claims.pipeline import claims_of
from haiti_claims.timing import TimeReader


@pytest.fixture(scope="module")
def read(nlp, extractor, read_subject):
    time_reader = TimeReader(DEFAULT.lexicon, DEFAULT.lexicon["events"])

    def claims(text: str, published: date | None = date(2024, 8, 15)) -> dict[str, Claim]:
        doc = Document(id="x.txt", path="x.txt", text=text, published=published)
        return {c.text: c for c in claims_of(doc, nlp(text), extractor, read_subject, time_reader, DEFAULT).claims}
    return claims


def test_a_plan_word_counts_in_the_figures_own_clause_and_the_clauses_it_completes(read):
    assert read("Organisers expect to reach about 10 million.")["about 10 million"].quantity == "plan"
    pledge = read("Ruto has pledged to deploy an additional 600 police officers, bringing the total to nearly 1,000.")
    assert (pledge["600"].quantity, pledge["nearly 1,000"].quantity) == ("plan", "plan")
    assert read("The ministry plans to vaccinate 400,000 people.")["400,000"].quantity == "plan"


def test_a_relative_clause_is_not_planned_by_the_verb_it_hangs_from(read):
    held = read("The central bank, which held its key rate at 5.25% on Thursday, is not expected to cut before June.")
    assert held["5.25%"].quantity != "plan"


def test_set_is_a_schedule_only_when_something_is_set_to_happen(read):
    assert read("Its twenty-one crew members had not set foot ashore since.")["twenty-one"].quantity != "plan"
    assert read("Athletes set 125 Olympic records.")["125"].quantity != "plan"
    assert read("The agency is set to hire 300 inspectors.")["300"].quantity == "plan"


def test_preparing_to_do_something_is_a_plan_and_preparing_a_thing_is_not(read):
    assert read("The rector said the cathedral was preparing to receive about 250,000 visitors a year.")[
        "about 250,000"].quantity == "plan"
    assert read("Hospitals are getting ready to take 400 patients.")["400"].quantity == "plan"
    assert read("Volunteers prepared 3,000 meals on Sunday.")["3,000"].quantity != "plan"


def test_a_count_so_far_this_year_holds_when_it_is_told_not_at_the_years_end(read):
    toll = read("Congo has reported 537 deaths so far this year, WHO said.")["537"]
    assert toll.as_of == date(2024, 8, 15)


def test_what_is_committed_to_is_a_plan_and_have_of_the_perfect_is_no_level(read):
    assert read("Kenya has committed to deploying a second contingent of 300 police officers.")["300"].quantity == \
        "plan"
    assert read("With 19 Republicans joining all 50 Democrats, the bill passed.")["19"].quantity != "plan"
    assert read("At least 40 homes have been destroyed.")["At least 40"].quantity != "stock"  # "have" is no holding


def test_a_total_told_in_the_perfect_is_a_total_so_far(read):
    assert "running" in read("Before the opening, organisers said 8.6 million tickets had been sold.")["8.6 million"].markers
    assert "running" in read("The bodies of four workers have now been brought home.")["four"].markers
    assert "running" not in read("All 171 passengers left the aircraft at the gate.")["171"].markers
    assert "running" not in read("Its twenty-one crew members had not set foot ashore since.")["twenty-one"].markers
    assert "running" in read("The outbreak has killed 52 people and sickened about 1,800 since mid-January.")[
        "about 1,800"].markers  # the verbs share "has"


@pytest.mark.parametrize("sentence, figure, running", [
    ("The men had been trapped since Tuesday in a refuge chamber some 1,730 feet underground.", "some 1,730 feet",
     False),
    ("Doctors have treated 120 patients at a clinic with 30 beds.", "30", False),
    ("The new strain has now been found in four countries.", "four", True),  # the figure counts the object
    ("The toll has risen to 43.", "43", True),
])
def test_a_figure_that_describes_a_prepositions_object_is_no_total_of_the_verb(read, sentence, figure, running):
    """The perfect totals what the verb counts, not a figure that describes the object of one of its phrases."""
    assert ("running" in read(sentence)[figure].markers) is running


@pytest.mark.parametrize("sentence, figure", [
    ("The agency's latest tally for the region stands at 32,407 cases.", "32,407"),  # the clause's subject
    ("The death toll is now 52, officials said.", "52"),
    ("Inspectors counted 212 damaged homes in the valley.", "212"),  # a count runs on as the counting does
    ("Seven passengers and a flight attendant were hurt, eight people in all.", "eight"),  # "in all": in total
    ("Twenty-three people were treated for breathing problems in all; none remains in hospital.", "Twenty-three"),
])
def test_a_tally_or_a_count_is_cumulative(read, sentence, figure):
    assert read(sentence)[figure].quantity == "cumulative"


def test_all_as_a_noun_phrases_determiner_is_no_total(read):
    assert read("The virus has been found in all 50 states.")["50"].quantity != "cumulative"


def test_a_clause_of_comparison_is_not_the_figures_clause(read):
    """"A day later than the network had planned" says the figure differs from the plan: it is the outcome (the
    parser may hang the whole sentence from the comparison's verb)."""
    told = read("Paramedics were cleared to bring patients back to the hospital on Thursday, a day later than the "
                "network had planned.", published=date(2025, 11, 14))
    assert told["Thursday"].quantity != "plan"


@pytest.mark.parametrize("sentence, figure", [
    ("An exit poll published as voting closed had given the Alliance 33% of the vote.", "33%"),
    ("The opinion poll put Labour on 41%.", "41%"),
    ("The forecast puts annual profit at $2 billion.", "$2 billion"),
])
def test_a_figure_a_forecast_gives_is_a_plan(read, sentence, figure):
    """What an exit poll or a forecast gives is a plan (../shared/dev/README.md, rule 1): against the result it is
    news, not a contradiction."""
    assert read(sentence)[figure].quantity == "plan"


@pytest.mark.parametrize("sentence, figure", [
    ("In March the head of the audit court put the eventual public cost at between €3bn and €5bn.",
     "between €3bn and €5bn"),
    ("Organisers are preparing for an expected 5,000 visitors.", "5,000"),
    ("The city faces a projected shortfall of $12 million.", "$12 million"),
    ("Analysts estimate the final bill will reach $2 billion.", "$2 billion"),
])
def test_a_figure_of_a_thing_to_come_is_a_plan(read, sentence, figure):
    """"The eventual cost", "an expected 5,000 visitors": a figure told of what is yet to be is a forecast, and
    against what then happened it is news, not a contradiction (../shared/dev/README.md, rule 1)."""
    assert read(sentence)[figure].quantity == "plan"
    assert read("The final cost was €2.77 billion.")["€2.77 billion"].quantity != "plan"
    assert read("The expected rain fell on 5,000 farms.")["5,000"].quantity != "plan"


def test_what_a_clause_says_of_a_level_is_no_tally(read):
    assert read("The company employs 4,000 people in the region.")["4,000"].quantity == "stock"
    assert read("The ferry holds 350 passengers.")["350"].quantity == "stock"


def test_a_figure_told_before_the_counting_ended_is_partial(read):
    assert "partial" in read("Turnout, at 59.8% with one seat outstanding, was the lowest since 2001.")["59.8%"].markers
    assert "partial" in read("With 649 of the 650 constituencies declared, Labour had 412 seats.")["412"].markers
    assert "partial" not in read("With every seat declared, the agency put turnout at 59.9%.")["59.9%"].markers
    assert "partial" in read("The Alliance won 36.2% of the vote, according to the commission's count of 98% of "
                             "polling stations.")["36.2%"].markers
    assert "partial" in read("Results from 90 per cent of precincts gave Ms Ortiz 51% of the vote.")["51%"].markers
    assert "partial" not in read("The final count of 100% of polling stations gave the Alliance 36.4%.")["36.4%"].markers


def test_a_date_that_hangs_from_another_figure_dates_that_figure_only(read):
    said = read("With every seat declared, the agency put it at 59.9%, down from 67.3% in 2019.", date(2024, 7, 13))
    assert said["59.9%"].as_of == date(2024, 7, 13)
    assert said["67.3%"].as_of == date(2019, 12, 31)


@pytest.mark.parametrize("sentence, figure, moment", [
    ("Annual inflation slowed to 3.2% in March from 3.5% in February, the statistics office said.", "3.5%",
     date(2024, 2, 29)),
    ("Unemployment stood at 4.4% in March, up from 4.2% a year ago.", "4.2%", date(2023, 8, 15)),
    ("The port handled 41,000 containers in June, against 38,500 containers in May.", "38,500",
     date(2024, 5, 31)),
])
def test_a_date_that_hangs_from_the_figure_is_its_moment_before_the_verbs(read, sentence, figure, moment):
    """"slowed to 3.2% in March from 3.5% in February": March dates the verb, and so 3.2%; February hangs from
    3.5% itself, and a figure's own date comes before its verb's."""
    claims = read(sentence)
    assert claims[figure].as_of == moment
    assert claims[figure].as_of_source == "text"


def test_a_date_after_a_figure_nested_in_a_figures_phrase_dates_the_whole_phrase(read):
    """"up from about 3,200 arrests and 41 injuries in 25 cities two days earlier": the parser hangs the date
    from "cities", the last noun, yet it dates every figure of the phrase "from" opens, not the count before."""
    claims = read("Officials counted 4,100 arrests in 30 cities as of Friday, up from about 3,200 arrests and 41 "
                  "injuries in 25 cities two days earlier.", date(2024, 5, 20))
    assert claims["4,100"].as_of == date(2024, 5, 17)
    assert [claims[f].as_of for f in ("about 3,200", "41", "25")] == [date(2024, 5, 15)] * 3


def test_a_figure_the_article_corrects_is_withdrawn_and_the_correct_one_stands(read):
    fixed = read("His body was recovered on April 5, not April 4.")
    assert (fixed["April 5"].status, fixed["April 4"].status) == (None, "withdrawn")
    note = read("CORRECTION: This story has been corrected to show that shares closed about 11% lower, not 15% as "
                "previously reported.")
    assert (note["about 11%"].status, note["15%"].status) == (None, "withdrawn")
    amended = read("An earlier version said Great Britain won 13 gold medals; the correct figure is 14.")
    assert (amended["13"].status, amended["14"].status) == ("withdrawn", None)
    revised = read("The blaze destroyed 58 homes, fewer than the 65 first reported, after inspectors revised the count.")
    assert (revised["58"].status, revised["65"].status) == (None, "withdrawn")
    assert read("The ferry was licensed to carry no more than 250 passengers.")["no more than 250"].status is None


@pytest.mark.parametrize("sentence", [
    "For comparison, the country logged 14,626 suspected cases and 654 deaths in the whole of 2023.",
    "Congo recorded 2,100 cases and 88 deaths in March 2023.",
    "Rescuers found 12 survivors and 30 bodies on 3 May 2023.",
])
def test_a_date_after_coordinated_figures_dates_each_of_them(read, sentence):
    """"14,626 cases and 654 deaths in 2023": the parser hangs the date from the last noun, but coordination
    shares it, as "down from 67.3% in 2019" does not; an article with no publication date still has the
    year its sentence names."""
    for published in (date(2024, 8, 15), None):
        claims = read(sentence, published)
        figures = [c for c in claims.values() if c.kind != "date"]
        assert len(figures) == 2
        assert all(c.as_of is not None and c.as_of.year == 2023 and c.as_of_source == "text" for c in figures), \
            [(c.text, c.as_of) for c in figures]


@pytest.mark.parametrize("sentence, figure", [
    ("Labour won about 9.7 million votes, roughly half a million fewer than in 2019.", "about 9.7 million"),
    ("Exports rose to 410 tonnes, more than in 2022.", "410 tonnes"),
])
def test_a_date_in_a_comparisons_standard_does_not_date_the_figure(read, sentence, figure):
    assert read(sentence)[figure].as_of == date(2024, 8, 15)


def test_a_comparative_is_no_revision_a_verb_of_revising_is(read):
    assert "revision" not in read("Shares ended the session about 11% lower at $304.96.")["$304.96"].markers
    assert "revision" in read("The bank lowered its growth forecast to 2%.")["2%"].markers
    assert "revision" in read("The ministry's revised timeline puts the first case on 12 January.")["12 January"].markers


@pytest.mark.parametrize("sentence, figure", [
    ("The Olympic quota allows for 10,500 athletes.", "10,500"),
    ("The ferry was licensed to carry no more than 250 passengers.", "no more than 250"),
    ("The ferry had a licensed capacity of 350 passengers.", "350"),
    ("The hall has a maximum capacity of 400 people.", "400"),
])
def test_a_bound_on_what_may_happen_is_read_as_a_plan(read, sentence, figure):
    """A limit is no count of what happened: against the people a ferry carried it is no contradiction."""
    assert read(sentence)[figure].quantity == "plan"
    assert read("The ferry was carrying 312 people.")["312"].quantity != "plan"


def test_as_of_by_dates_a_figure_of_its_own_clause_only(read):
    """"Rose to 210 by Sunday" dates 210; "takes up to 12 hours, and the airline aims to have its jets back by
    Saturday" does not date the 12 hours."""
    assert read("The toll rose to 210 by Sunday.")["210"].as_of == date(2024, 8, 11)
    assert read("By Friday, officials had counted 3,400 cancellations.")["3,400"].as_of == date(2024, 8, 9)
    other = read("Each inspection is expected to take up to 12 hours, and the airline aims to have all its jets back "
                 "by Saturday.")
    assert next(c for t, c in other.items() if t.startswith("up to 12")).as_of == date(2024, 8, 15)


@pytest.mark.parametrize("sentence, figure, since", [
    ("The Greens, with 42, have their largest group since the 1980s.", "42", "since the 1980s"),
    ("Exports reached 3.1 million tonnes, the most since the 1990s.", "3.1 million tonnes", "since the 1990s"),
    ("The union had 1,200 members in March, its lowest count since the 1950s.", "1,200", "since the 1950s"),
])
def test_a_decade_since_which_a_record_stands_opens_a_period_and_dates_no_figure(read, sentence, figure, since):
    claims = read(sentence)
    assert claims[since].value.end is None  # from the decade's start to the time of saying
    assert claims[figure].as_of != date(claims[since].value.start.year + 9, 12, 31)


@pytest.mark.parametrize("sentence, figure", [
    ("The Greens had 42 seats, with the final result held up by a recount.", "42"),
    ("Turnout stood at 61.2%, with three constituencies still pending.", "61.2%"),
    ("The independents won 14 seats, with two districts awaiting a recount.", "14"),
])
def test_a_count_whose_last_part_is_held_up_or_pending_is_partial(read, sentence, figure):
    assert "partial" in read(sentence)[figure].markers


@pytest.mark.parametrize("sentence, figure, moment", [
    ("The city says the 1.4 billion euros spent cleaning the river will pay off next summer.", "1.4 billion euros",
     date(2024, 8, 15)),
    ("The 300 officers deployed in March will be joined by more next year.", "300", date(2024, 3, 31)),
])
def test_a_figure_with_its_own_participle_takes_its_moment_from_that_verb(read, sentence, figure, moment):
    claim = read(sentence)[figure]
    assert (claim.as_of, claim.quantity) == (moment, "fixed")  # what was spent or sent, not what is to come


@pytest.mark.parametrize("sentence, figure", [
    ("The sign-off covers all 171 aircraft idled since the agency's order of 6 August.", "171"),
    ("About 2,300 workers laid off since the merger in March 2023 have found jobs.", "About 2,300"),
])
def test_a_date_in_a_since_phrase_starts_a_period_and_is_not_the_figures_moment(read, sentence, figure):
    assert read(sentence)[figure].as_of == date(2024, 8, 15)  # the publication date: the period runs to it


@pytest.mark.parametrize("sentence, figure, contrast", [
    ("The foundation estimates that about 140,000 Americans have the disease, a higher count than the company's own.",
     "about 140,000", True),
    ("Parents' tests found 11 parts per billion at the fountain; the city's figure for the same fountain is lower.",
     "11", True),
    ("The second crest peaked at 2.1 metres above normal on Thursday, well below the first.", "2.1 metres", True),
    ("The borehole broke into the chamber 418 metres below the surface.", "418 metres", False),  # a depth
    ("Sales were 10% higher than a year earlier.", "10%", False),  # the figure is the difference itself
    ("The first trial enrolled 652 patients and showed a smaller benefit.", "652", False),  # no figure compared
])
def test_a_sentence_that_says_its_figure_is_above_or_below_another_marks_a_known_difference(read, sentence, figure,
                                                                                         contrast):
    assert ("contrast" in read(sentence)[figure].markers) is contrast


def test_a_toll_told_in_a_clause_describing_its_event_holds_as_told_not_on_the_events_day(read):
    """"the surge that killed six people on Friday": the day is the surge's; the six is its toll as known when the
    article was written (a later, smaller toll elsewhere is no growing total that fell)."""
    published = date(2025, 9, 20)
    described = read("Investigators examining the surge that killed six people at the stadium on Friday, September 12, "
                     "have asked fans for footage.", published)["six"]
    assert (described.as_of, described.as_of_source) == (published, "published")
    quake = read("Rescuers are still searching the rubble of the earthquake that killed 300 people on Monday.",
                 date(2025, 3, 6))["300"]
    assert quake.as_of == date(2025, 3, 6)
    by_then = read("Officials counted the floods that had killed 40 people by Sunday.", date(2025, 3, 6))["40"]
    assert by_then.as_of == date(2025, 3, 2)  # a count's own moment stays
    plain = read("Twelve people died on Monday, the hottest day of the week.", date(2025, 3, 6))["Twelve"]
    assert plain.as_of == date(2025, 3, 3)  # the day's own count


def test_what_something_can_hold_is_a_limit_not_a_count(read):
    """"the stadium can admit 42,500 people": a capacity, judged as a plan is against what happened ("41,380
    people entered"); a figure a verb of reporting gives with "can" is a count like any other."""
    assert read("Under its safety certificate the stadium can admit 42,500 people for concerts.")["42,500"].quantity == \
        "plan"
    assert read("The plant can produce 10 million doses a year.")["10 million"].quantity == "plan"
    assert read("Officials can confirm 12 deaths so far.")["12"].quantity != "plan"
    assert read("Turnstile records show 41,380 people entered the stadium.")["41,380"].quantity != "plan"
    assert read("The two manufacturers cannot deliver that quickly.")["two"].quantity != "plan"  # the doers


def test_the_day_something_was_moved_and_the_day_it_was_moved_to_are_marked(read):
    """"postponed the race on Tuesday": the day of the moving; "pushed back to Thursday 1 August": the day moved
    to."""
    moving = read("Organisers postponed the men's triathlon on Tuesday, hours before its start.")["Tuesday"]
    moved = read("The men's triathlon, which had to be pushed back from its original date to Thursday 1 August, "
                 "went ahead.")["Thursday 1 August"]
    assert "moving-day" in moving.markers and "moved-to" not in moving.markers
    assert "moved-to" in moved.markers and "moving-day" not in moved.markers
    held = read("The men's triathlon was held on Wednesday.")["Wednesday"]
    assert not {"moving-day", "moved-to"} & set(held.markers)


def test_a_figure_told_as_someones_view_is_marked(read):
    """"The real cost, in his view, is no more than €2 billion": one person's estimate."""
    assert "view" in read("The real cost to the taxpayer, in his view, is no more than €2 billion.")[
        "no more than €2 billion"].markers
    assert "view" in read("By her reckoning the bill will reach $4 billion.")["$4 billion"].markers
    assert "view" not in read("The view from the tower takes in 40 kilometres of coast.")["40 kilometres"].markers


def test_a_distance_from_a_place_is_marked(read):
    """"everyone within 800 metres of the wreck", "20 miles from the coast": how far from somewhere, not how long
    something is ("about 1,500 feet of track")."""
    assert "distance-from" in read("The order covers everyone within 800 metres of the wreck.")["800 metres"].markers
    assert "distance-from" in read("The plant lies 20 miles from the coast.")["20 miles"].markers
    assert "distance-from" in read("The town is two kilometres away.")["two kilometres"].markers
    assert "distance-from" not in read("The wreck tore up about 1,500 feet of track.")["about 1,500 feet"].markers


def test_a_spacing_between_repeats_is_marked(read):
    """"the shots given four weeks apart": the time between two things, not the time since something."""
    assert "spacing" in read("The shots are given four weeks apart.")["four"].markers
    assert "spacing" not in read("Congo gave its first shots more than seven weeks after the declaration.")[
        "more than seven"].markers


def test_a_time_ahead_of_or_behind_a_plan_is_marked(read):
    """"broke through on Friday night, two days ahead of the company's schedule": how far from the plan, not how
    long anything lasted ("enough food for at least three days")."""
    assert "offset" in read("The borehole broke through on Friday night, two days ahead of the company's schedule.")[
        "two"].markers
    assert "offset" not in read("The chamber was stocked with enough food for at least three days.")[
        "at least three"].markers
    assert "offset" not in read("Congo gave its first shots more than seven weeks after the declaration.")[
        "more than seven"].markers


def test_a_count_over_the_whole_of_something_is_marked_so(read):
    """"Over the whole episode", "all told": the figure counts all of it (compare: a whole holds its parts)."""
    assert "whole" in read("Delta ended up cancelling roughly 7,000 flights over the whole episode.")[
        "roughly 7,000"].markers
    assert "whole" not in read("Delta cancelled 5,470 flights between Friday and Tuesday.")["5,470"].markers


@pytest.mark.parametrize("sentence, daily, once", [
    ("At the height of the Games, 35,000 police were on duty every day, and 45,000 on the night of the opening "
     "ceremony.", "35,000", "45,000"),
    ("The plant produces 500 tonnes a day and stored 2,000 tonnes last year.", "500 tonnes", "2,000 tonnes"),
    ("Some 300 trucks a day crossed the border; 1,200 crossed in the first week.", "Some 300", "1,200"),
])
def test_a_figure_per_day_is_marked_as_a_rate(read, sentence, daily, once):
    """"35,000 every day", "500 tonnes a day": a figure per day is a rate, another quantity than a count of one
    occasion ("45,000 on the opening night"), even in one sentence."""
    claims = read(sentence)
    assert "per-day" in claims[daily].markers and "per-day" not in claims[once].markers


def test_the_span_a_record_is_measured_over_is_marked_so(read):
    """"the lowest rate in almost three years", "the deadliest attack in 20 years": the figure is how far back a
    superlative reaches, another thing than how long something lasted ("had stood for almost two years")."""
    assert "record-span" in read("Inflation fell to 2.0% in December, the lowest rate in almost three years.")[
        "almost three"].markers
    assert "record-span" not in read("The rate had stood at 5 per cent for almost two years.")["almost two"].markers
    assert "record-span" not in read("Unemployment stood at 4.5% at the end of last year, the highest since 2021.")[
        "4.5%"].markers  # the superlative is the figure's own, its verb's phrases no scope of it


def test_a_time_after_an_event_is_marked_with_that_event(read):
    """"nine days after they went missing", "three days after the last of them was brought out": a time counted from
    an event told in its own clause is marked with that event's verb."""
    assert "since:go" in read("They were found alive, nine days after they went missing.")["nine"].markers
    assert "since:bring" in read("They are in hospital, three days after the last of them was brought out.")[
        "three"].markers
    assert not [m for m in read("The rescue took nine days.")["nine"].markers if m.startswith("since:")]


def test_a_figure_per_unit_is_marked_as_a_rate(read):
    """"traded at 10.81 per dollar", "$55.35 per dose": a price of one unit, a level that moves, never a total."""
    assert "per-unit" in read("The crown has since recovered and traded at 10.81 per dollar on Thursday.")[
        "10.81"].markers
    assert "per-unit" not in read("The crown fell 0.8% against the dollar on Thursday.")["0.8%"].markers


def test_how_often_something_is_done_is_no_count_per_day(read):
    claims = read("Of those, 764 took a 150-milligram tablet twice a day and 382 took a placebo.")
    assert "per-day" not in claims["764"].markers
    assert "per-day" not in read("The 1.6-mile crossing carried 34,000 vehicles a day.")["1.6-mile"].markers


def test_a_figure_at_the_height_of_something_is_marked_so(read):
    assert "peak" in read("At the height of the Games, 35,000 police were on duty every day.")["35,000"].markers
    assert "peak" not in read("Some 30,000 police were on duty every day of the Games.")["Some 30,000"].markers


@pytest.mark.parametrize("sentence, figure", [
    ("The new Harbour Line viaduct, 1,200 feet long, is due to open in September.", "1,200 feet"),
    ("The Harbour Line viaduct, a 366-metre span over the river, will open in September.", "366-metre"),
    ("Attention has turned to the exit tunnel, just 3 metres wide, where the fans met.", "3 metres"),
    ("Investigators have asked for footage of the 30-foot-wide exit tunnel.", "30-foot"),
])
def test_the_size_of_a_thing_is_neither_a_plan_nor_a_running_total(read, sentence, figure):
    """"The viaduct, 1,200 feet long, is due to open in September": what is due is the opening; the length is the
    viaduct's, as it is. A size grows by no "has", so it is no total so far either."""
    claim = read(sentence)[figure]
    assert claim.quantity == "fixed" and "running" not in claim.markers


def test_a_size_the_clause_itself_says_is_to_be_stays_a_plan(read):
    assert read("The new span will be 450 metres long.")["450 metres"].quantity == "plan"
    assert read("The Corps expects to open a channel, 280 feet wide, by the end of April.")["280 feet"].quantity == \
        "plan"  # what the plan opens is planned, its width with it
    assert read("Engineers designed a planned 300-metre bridge.")["300-metre"].quantity == "plan"


def test_a_participle_after_a_comma_tells_of_the_nearer_figure(read):
    """"peaked at 9,460 megawatts, about 6% above the previous high of 8,910 megawatts, set in July 2019": the
    record set in July 2019 is the previous high, whatever the parser hangs it from; 9,460 holds when told."""
    claims = read("Demand peaked at 9,460 megawatts, an all-time record and about 6% above the previous high of "
                  "8,910 megawatts, set in July 2019.", published=date(2025, 7, 15))
    assert claims["9,460 megawatts"].as_of == date(2025, 7, 15)
    assert claims["8,910 megawatts"].as_of == date(2019, 7, 31)
    assert read("The 300 officers deployed in March will be joined by more.")["300"].as_of == date(2024, 3, 31)



@pytest.mark.parametrize("sentence, figure", [
    ("Among the dead in Nairobi were eight Americans, the State Department said.", "eight"),
    ("Twelve Americans were among those killed in the Kenyan capital.", "Twelve"),
    ("The blast killed 17 people, including eight foreigners.", "eight"),
])
def test_a_part_of_a_toll_grows_with_it(read, sentence, figure):
    """"Among the dead were eight Americans", then "twelve Americans were among those killed": the part of a toll
    is counted as the toll is, and grows as bodies are found; a later, larger part is an update."""
    assert read(sentence)[figure].quantity == "cumulative"
    assert read("Among the buildings hit were eight schools.")["eight"].quantity != "cumulative"


@pytest.mark.parametrize("sentence, figure, state", [
    ("More than 2,500 firefighters were battling the blaze.", "More than 2,500", True),
    ("Nearly 4,000 firefighters are now assigned to the fire.", "Nearly 4,000", True),
    ("About 5,800 firefighters were on the lines on Wednesday.", "About 5,800", True),
    ("The fire destroyed 400 structures.", "400", False),
    ("Some 45,000 police were deployed in Paris that night.", "Some 45,000", False),
    ("Crews worked to restore power to about 2.3 million customers still in the dark.", "about 2.3 million", True),
])
def test_how_things_stand_at_a_moment_is_marked_a_state(read, sentence, figure, state):
    """A progressive, a passive in the present, or "be" with where things are tells how things stood at a moment (a
    level that moves either way: compare reads two such figures of two days as an update); what happened is no state."""
    assert ("state" in read(sentence)[figure].markers) == state


def test_an_adverbial_clause_with_its_own_subject_is_its_own_clause(read):
    """"The toll rose to at least 16, as crews worked to restore power to about 2.3 million customers": what rose is
    the toll; the customers without power are no total that grows."""
    claims = read("The death toll rose to at least 16 on Friday, as crews worked to restore power to about 2.3 "
                  "million customers still in the dark.")
    assert claims["about 2.3 million"].quantity != "cumulative"
    assert read("Kenya pledged to deploy 600 more officers, bringing the total to nearly 1,000.")[
        "nearly 1,000"].quantity == "plan"  # a participle with no subject goes on with its clause


def test_a_plan_word_the_sentence_counts_makes_no_plan(read):
    """"Two goals in six minutes gave City the win": goals scored, not aims; "the goal of 1 million doses" is one."""
    assert read("Two goals in six minutes late in the second half gave City a 2-1 win.")["six"].quantity \
        != "plan"
    assert read("The goal of 1 million doses by June was set in March.")["1 million"].quantity == "plan"


def test_a_count_still_in_a_state_is_marked_so(read):
    assert "state" in read("The toll rose to nine, and 22 people were still unaccounted for.")["22"].markers


@pytest.mark.parametrize("sentence, figure, marker", [
    ("He earns £300,000 a week at the club.", "£300,000", "per-week"),
    ("The plan pays out $2,000 per month.", "$2,000", "per-month"),
    ("The drug will cost $184,000 a year.", "$184,000", "per-year"),
    ("The plant produces 500 tonnes daily.", "500 tonnes", "per-day"),
])
def test_a_figure_per_period_is_marked_with_its_period(read, sentence, figure, marker):
    """A rate per week, month or year is another quantity than a sum or a rate per another period ("£300,000 a
    week" and "£15.6 million" over his contract)."""
    assert marker in read(sentence)[figure].markers
