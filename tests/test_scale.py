"""At archive scale the report stays proportional to the claims: no quadratic pile of findings."""
import json
from itertools import islice, product
from pathlib import Path

from grouping import compare_by_subject
from haiti_claims.compare import ALL_PAIRS_UP_TO
from haiti_claims.model import Claim, NumberValue, Subject
from haiti_claims.subjects import ActorResolver

DEATHS = Subject(thing="people", event="death")


def count(doc: str, value: float, subject: Subject = DEATHS) -> Claim:
    return Claim(doc=doc, kind="count", text=f"{value:g}", start=0, end=1, line=1, column=1, sentence="",
                 value=NumberValue(low=value, high=value, nominal=value), subject=subject, id=doc)


def test_values_that_cannot_all_hold_are_one_finding_not_one_per_pair():
    claims = [count(f"{i}.txt", 100 + i) for i in range(ALL_PAIRS_UP_TO)]
    (finding,) = [d for d in compare_by_subject(claims) if d.kind == "contradiction"]
    assert len(finding.claims) == ALL_PAIRS_UP_TO
    assert finding.message.count(" vs ") == ALL_PAIRS_UP_TO - 1


def test_a_large_group_is_judged_in_order_each_value_against_the_next():
    size = 500
    claims = [count(f"{i:03}.txt", 1000 - i) for i in range(size)] + [count("x.txt", 1000)]
    (finding,) = [d for d in compare_by_subject(claims) if d.kind == "contradiction"]
    assert len(finding.claims) == size + 1  # every value is judged against the next one in time and value
    assert finding.message.endswith("1000 (000.txt:1, x.txt:1)")  # the same value twice is one position


def test_demonyms_resolve_among_many_actors():
    places = ["".join(letters).capitalize() + "ia" for letters in islice(product("bcdfghjklm", repeat=4), 2000)]
    places += ["Kenya", "Bahamas"]
    claims = [count(f"{p}.txt", 1, Subject(actor=p, thing="people", event="death")) for p in places]
    claims += [count("k.txt", 2, Subject(actor="Kenyan", thing="people", event="death")),
               count("b.txt", 3, Subject(actor="Bahamian", thing="people", event="death"))]
    resolved = {c.doc: c.subject.actor for c in ActorResolver({}).resolve(claims, [], set())}
    assert (resolved["k.txt"], resolved["b.txt"]) == ("Kenya", "Bahamas")
    assert all(resolved[f"{p}.txt"] == p for p in places)


def test_the_date_search_near_anchors_finds_what_the_whole_text_search_finds(nlp, extractor):
    """Running the date Matcher only near figures and calendar words is a speed-up, never a change in what is found:
    every sample and test article, and (when present) every text of the conformance dates."""
    root = Path(__file__).resolve().parent.parent
    texts = [p.read_text(encoding="utf-8") for p in sorted([*root.glob("data/*.txt"), *root.glob("data/*.md"),
                                                             *root.glob("tests/corpora/**/articles/*.*")])]
    dates = root.parent / "shared" / "conformance" / "dates.jsonl"
    if dates.exists():
        texts += [json.loads(line)["text"] for line in dates.read_text(encoding="utf-8").splitlines()]
    assert len(texts) > 20
    for doc in nlp.pipe(texts):
        assert sorted(extractor.date_matches(doc)) == sorted(extractor.dates(doc)), doc.text[:80]
