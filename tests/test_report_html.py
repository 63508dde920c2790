"""The HTML report as an editor opens it: in a real headless Chromium (Debian's `chromium` package).

The browser tests skip, saying why, where Chromium is not installed; `make test` installs it
where apt-get can, and under CI a missing browser fails instead of skipping. Screenshots go to
tests/artifacts/ (not committed).
"""
from __future__ import annotations

import re

import json
import os
import subprocess
import sys
from pathlib import Path

import lxml.html
import pytest
from click.testing import CliRunner

from haiti_claims.cli import main
from haiti_claims.config import DEFAULT
from haiti_claims.model import Document, NumberValue, Report
from haiti_claims.pipeline import Options, run
from haiti_claims.report import charts
from haiti_claims.report.html import build_charts, document_keys, render, safe_url

TESTS = Path(__file__).resolve().parent
ARTIFACTS = TESTS / "artifacts"
PWNED = "document.title='PWNED'"
HOSTILE = {
    "a.md": "---\n"
            f"title: \"<script>{PWNED}</script> Norland report\"\n"
            f"source: \"<img src=x onerror=\\\"{PWNED}\\\">\"\n"
            f"url: \"javascript:{PWNED}\"\n"
            "published: 2025-02-01\n"
            "---\n"
            f"Norland has committed to deploying a second contingent of 300 police officers <script>{PWNED}</script>.\n\n"
            f"Read more <a href=\"javascript:{PWNED}\">here</a> or [there](javascript:{PWNED}).\n",
    "b<b>old.md": "---\ntitle: B\npublished: 2025-02-03\n---\n"
                  "Norland has committed to deploying a second contingent of 600 police officers "
                  f"<img src=x onerror=\"{PWNED}\">.\n",
}


def _report(folder: Path) -> Report:
    return run([folder], DEFAULT, Options())


@pytest.fixture(scope="module")
def sample(nlp, tmp_path_factory) -> tuple[Report, Path]:
    report = _report(TESTS.parent / "data")
    page = tmp_path_factory.mktemp("sample") / "report.html"
    page.write_text(render(report), encoding="utf-8")
    return report, page


@pytest.fixture(scope="module")
def hostile(nlp, tmp_path_factory) -> tuple[Report, str]:
    folder = tmp_path_factory.mktemp("hostile")
    for name, text in HOSTILE.items():
        (folder / name).write_text(text, encoding="utf-8")
    report = _report(folder)
    return report, render(report)


def _dom(browser, page: Path, query: str = ""):
    return lxml.html.fromstring(browser(page, "--dump-dom", query=query))


def test_sample_report_in_chromium_shows_findings_charts_and_quotes(browser, sample):
    report, page = sample
    dom = _dom(browser, page)
    assert dom.findtext(".//title") == f"Claim check: {len(report.documents)} articles, {len(report.findings)} findings"
    articles = dom.xpath("//section[@id='findings']/article")
    assert [a.get("id") for a in articles] == [f.id for f in report.findings]
    assert [a.get("class").split()[1] for a in articles] == sorted(
        (f.severity for f in report.findings), key=["error", "warning", "info"].index)
    contradiction = next(a for a in articles if "contradiction" in a.find("h3").text_content())
    assert len(contradiction.xpath(".//blockquote/mark")) >= 2
    assert contradiction.xpath(".//p[@class='rule']")
    figures = dom.xpath("//section[@id='charts']/figure[.//svg]")
    assert figures, "no chart drawn"
    labels = [" ".join(t.itertext()) for t in dom.xpath("//section[@id='charts']//svg//text")]
    assert any(re.search(r"\(f1[,)]", label) for label in labels), "the contradicting marks carry their finding id"
    links = {a.get("xlink:href") for a in dom.xpath("//section[@id='charts']//svg//a")}
    assert links and all(link.startswith("#claim-") for link in links), "chart marks link to their claims"
    assert dom.findtext(".//output[@id='claim-count']") == f"{len(report.claims)} of {len(report.claims)} claims shown"
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "report-sample.png"
    browser(page, "--window-size=1280,2400", f"--screenshot={shot}")
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    print(f"screenshot: {shot}")


def test_claim_filter_hides_rows_of_other_kinds(browser, sample):
    report, page = sample
    dom = _dom(browser, page, query="?kind=date")
    shown = dom.xpath("//table[@id='claim-table']/tbody/tr[not(@hidden)]")
    dates = [c for c in report.claims if c.kind == "date"]
    assert {tr.get("data-kind") for tr in shown} == {"date"}
    assert len(shown) == len(dates)


def test_hostile_article_renders_as_text_and_runs_nothing(browser, hostile, tmp_path):
    report, html = hostile
    assert any(f.kind == "contradiction" for f in report.findings), "the hostile text must reach a finding"
    page = tmp_path / "hostile.html"
    page.write_text(html, encoding="utf-8")
    dom = _dom(browser, page)
    own_title = lxml.html.fromstring(html).findtext(".//title")
    assert own_title.startswith("Claim check: 2 articles") and "PWNED" not in own_title
    assert dom.findtext(".//title") == own_title
    assert len(dom.xpath("//script")) == 1, "only the report's own filter script"
    assert not dom.xpath("//img") and not dom.xpath("//a[starts-with(normalize-space(@href), 'javascript')]")
    quotes = " ".join(q.text_content() for q in dom.xpath("//blockquote"))
    assert f"<script>{PWNED}</script>" in quotes
    assert f'<img src=x onerror="{PWNED}">' in quotes


def test_article_text_is_escaped_in_the_page(hostile):
    _, html = hostile
    assert f"&lt;script&gt;{PWNED}" in html.replace("&#39;", "'")
    assert f"<script>{PWNED}" not in html
    assert "<img" not in html and 'href="javascript' not in html
    assert "b&lt;b&gt;old.md" in html


def test_chart_labels_are_escaped_svg_text():
    mark = charts.Mark(key="A", text="<script>x</script>", value=NumberValue(1.0, 2.0, 1.5), when=None,
                       href="#claim-c1")
    svg = charts.number_chart([mark, mark], salt="t")
    assert svg.startswith("<svg") and "&lt;script&gt;x&lt;/script&gt;" in svg and "<script" not in svg


def test_the_cli_in_another_process_writes_the_same_bytes(sample, tmp_path):
    """The page is a function of the articles: the CLI, run in a process of its own under another
    hash seed and with its own empty claim store (so it extracts again), writes byte for byte the
    page rendered here."""
    _, page = sample
    out, store = tmp_path / "report.html", tmp_path / "store" / "claims.sqlite"
    seed = "1" if os.environ.get("PYTHONHASHSEED") == "4242" else "4242"
    env = {k: v for k, v in os.environ.items() if k != "HAITI_CLAIMS_NO_CACHE"}
    env.update(PYTHONHASHSEED=seed, HAITI_CLAIMS_STORE=str(store), PYTHONPATH=str(TESTS.parent))
    done = subprocess.run([sys.executable, "-m", "haiti_claims.cli", "check", str(TESTS.parent / "data"),
                           "--format", "html", "--output", str(out)],
                          capture_output=True, text=True, env=env, cwd=tmp_path, timeout=300)
    assert done.returncode == 1, done.stderr[-2000:]
    assert store.is_file(), "the run did not extract into its own store"
    assert out.read_bytes() == page.read_bytes()


def test_the_page_shows_every_claim_and_finding_of_the_json_report(sample):
    """What the page must show, read from the JSON report (another renderer) and found in the
    parsed page: every claim's row with its place, kind, words, subject and findings; every
    finding with its severity and its claims."""
    _, page = sample
    result = CliRunner().invoke(main, ["check", str(TESTS.parent / "data"), "--format", "json", "--no-cache"])
    expected = json.loads(result.stdout)
    assert expected["claims"] and expected["findings"]
    dom = lxml.html.fromstring(page.read_text(encoding="utf-8"))
    rows = {tr.get("id"): tr for tr in dom.xpath("//table[@id='claim-table']/tbody/tr")}
    assert list(rows) == [f"claim-{c['id']}" for c in expected["claims"]]
    for claim in expected["claims"]:
        row = rows[f"claim-{claim['id']}"]
        cells = [td.text_content().strip() for td in row.findall("td")]
        assert (row.get("data-doc"), row.get("data-kind")) == (claim["doc"], claim["kind"])
        assert cells[1] == f"{claim['doc']}:{claim['line']}:{claim['column']}"
        assert row.findtext(".//summary") == claim["text"]
        assert cells[5] == claim["subject"]
        assert [a.get("href") for a in row.findall("td/a")] == \
            [f"#{f['id']}" for f in expected["findings"] if claim["id"] in f["claims"]]
    articles = dom.xpath("//section[@id='findings']/article")
    assert {a.get("id"): a.get("class").split()[1] for a in articles} == \
        {f["id"]: f["severity"] for f in expected["findings"]}
    for finding in expected["findings"]:
        shown = next(a for a in articles if a.get("id") == finding["id"])
        quoted = " ".join(q.text_content() for q in shown.xpath(".//blockquote"))
        for cid in finding["claims"]:
            claim = next(c for c in expected["claims"] if c["id"] == cid)
            assert claim["text"] in quoted, (finding["id"], claim["text"])


def test_numbers_are_plotted_at_their_as_of_date_or_in_the_undated_lane(sample):
    report, _ = sample
    claims = {f"#claim-{c.id}": c for c in report.claims}
    chart = next(c for c in build_charts(report, document_keys(report.documents)) if c.kind == "count")
    assert all(m.when == claims[m.href].as_of for m in chart.marks)
    assert {m.when is None for m in chart.marks} == {False, True}, "dated marks and an undated lane"


def test_only_web_links_become_links():
    assert safe_url("https://example.org/a") == "https://example.org/a"
    assert safe_url(" javascript:alert(1)") is None and safe_url("JavaScript:alert(1)") is None
    keys = document_keys([Document(id=str(i), path="", text="") for i in range(703)])
    assert (keys["0"], keys["25"], keys["27"], keys["702"]) == ("A", "Z", "AB", "AAA")


def test_cli_writes_the_html_report(nlp, tmp_path):
    for name, text in HOSTILE.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    out = tmp_path / "report.html"
    result = CliRunner().invoke(main, ["check", str(tmp_path), "--format", "html", "--output", str(out)])
    assert isinstance(result.exception, SystemExit) and result.exit_code == 1, result.output
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
