"""At archive scale the report stays proportional to the claims: no quadratic pile of findings."""
import json
from itertools import islice, product
from pathlib import Path

from haiti_claims.compare import ALL_PAIRS_UP_TO, compare
from haiti_claims.model import Claim, NumberValue, Subject
from haiti_claims.subjects import ActorResolver

DEATHS = Subject(thing="people", event="death")


def count(doc: str, value: float, subject: Subject = DEATHS) -> Claim:
    return Claim(doc=doc, kind="count", text=f"{value:g}", start=0, end=1, line=1, column=1, sentence="",
                 value=NumberValue(low=value, high=value, nominal=value), subject=subject, id=doc)


def contradictions(claims: list[Claim]) -> int:
    return sum(d.kind == "contradiction" for d in compare(claims))


def test_a_small_group_is_judged_all_against_all():
    claims = [count(f"{i}.txt", 100 + i) for i in range(ALL_PAIRS_UP_TO)]
    assert contradictions(claims) == ALL_PAIRS_UP_TO * (ALL_PAIRS_UP_TO - 1) // 2


def test_a_large_group_is_judged_in_order_each_value_against_the_next():
    size = 500
    claims = [count(f"{i:03}.txt", 1000 - i) for i in range(size)]
    drafts = [d for d in compare(claims) if d.kind == "contradiction"]
    assert len(drafts) == size - 1
    pairs = {tuple(sorted(c.text for c in d.claims)) for d in drafts}
    assert ("501", "502") in pairs and ("501", "1000") not in pairs


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
