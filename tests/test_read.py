from datetime import date
from pathlib import Path

import pytest

from haiti_claims.read import read_articles

HTML_PAGE = Path(__file__).parent / "inputs" / "html" / "003_d100ab99cad84b3b.html"


def test_front_matter_sidecar_and_dateline(tmp_path):
    (tmp_path / "a.md").write_text("---\ntitle: A title\nsource: Wire\npublished: 2025-03-04\n---\nBody 300 officers.\n")
    (tmp_path / "b.txt").write_text("Headline here\n\nUpdated on: October 13, 2024 8:57 am GMT\n\nText.\n")
    (tmp_path / "c.txt").write_text("Plain\n\nNo date at all.\n")
    (tmp_path / "metadata.csv").write_text("file,published,source\nc.txt,2024-01-02,Daily\n")
    docs, problems = read_articles(tmp_path)
    assert problems == []
    by_id = {d.id: d for d in docs}
    assert (by_id["a.md"].title, by_id["a.md"].published, by_id["a.md"].published_source) == \
        ("A title", date(2025, 3, 4), "metadata")
    assert by_id["a.md"].text.index("Body") == len("---\ntitle: A title\nsource: Wire\npublished: 2025-03-04\n---\n")
    assert (by_id["b.txt"].title, by_id["b.txt"].published, by_id["b.txt"].published_source) == \
        ("Headline here", date(2024, 10, 13), "text")
    assert (by_id["c.txt"].published, by_id["c.txt"].source) == (date(2024, 1, 2), "Daily")


def test_published_option_is_the_last_resort(tmp_path):
    (tmp_path / "a.txt").write_text("Title\n\nText.\n")
    (tmp_path / "b.md").write_text("---\npublished: 2020-05-05\n---\nText.\n")
    docs, _ = read_articles(tmp_path, published_option=date(2024, 7, 16))
    assert [(d.published, d.published_source) for d in docs] == [(date(2024, 7, 16), "option"),
                                                                 (date(2020, 5, 5), "metadata")]


def test_bad_files_are_reported_and_the_rest_read(tmp_path):
    (tmp_path / "good.txt").write_text("Title\n\n300 officers.\n")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02binary")
    (tmp_path / "bad.md").write_text("---\ntitle: [unclosed\n---\nText\n")
    (tmp_path / "baddate.md").write_text("---\npublished: someday\n---\nText\n")
    (tmp_path / "metadata.csv").write_text("file,published\nmissing.txt,2024-01-01\n")
    docs, problems = read_articles(tmp_path)
    assert [(d.id, d.published) for d in docs] == [("bad.md", None), ("baddate.md", None), ("good.txt", None)]
    found = {(p.doc, p.kind) for p in problems}
    assert found == {("binary.txt", "unreadable"), ("bad.md", "bad-metadata"), ("baddate.md", "bad-metadata"),
                     ("metadata.csv", "bad-metadata")}
    assert all(p.message for p in problems)


def test_crlf_and_windows_1252(tmp_path):
    (tmp_path / "w.txt").write_bytes("Title\r\n\r\nThe \u201cfirst\u201d 300 officers.\r\n".encode("cp1252"))
    docs, problems = read_articles(tmp_path)
    assert problems == [] and docs[0].text == "Title\n\nThe \u201cfirst\u201d 300 officers.\n"


ARTICLE = "Village report\n\nThe mayor said \u201cabout 1,400\u201d families \u2013 mostly farmers \u2013 left the caf\u00e9.\n"
LATIN = "Caf\u00e9 report\n\nThe caf\u00e9 owner in G\u00f6teborg said the na\u00efve se\u00f1or served 1,505 meals.\n"


@pytest.mark.parametrize("text, encoding", [
    (ARTICLE, "utf-8"), (ARTICLE, "utf-8-sig"), (ARTICLE, "utf-16"), (ARTICLE, "utf-16-le"), (ARTICLE, "utf-16-be"),
    (ARTICLE, "utf-32"), (ARTICLE, "cp1252"), (LATIN, "latin-1"),
])
def test_encodings_are_detected(tmp_path, text, encoding):
    (tmp_path / "a.txt").write_bytes(text.encode(encoding))
    docs, problems = read_articles(tmp_path)
    assert problems == []
    assert (docs[0].text, docs[0].title) == (text, text.splitlines()[0])


@pytest.mark.parametrize("ending", ["\r\n", "\r"])
def test_line_ends_become_one_newline_each(tmp_path, ending):
    (tmp_path / "a.txt").write_bytes(ending.join(["Title", "", "First 300.", "Second 400."]).encode())
    docs, _ = read_articles(tmp_path)
    assert docs[0].text.splitlines()[3] == "Second 400."


def test_an_empty_file_is_an_article_with_no_text_and_says_so(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.md").write_text("---\ntitle: Draft\n---\n\n  \n")
    docs, problems = read_articles(tmp_path)
    assert [(d.id, d.text.strip()) for d in docs] == [("blank.md", ""), ("empty.txt", "")]
    assert [(p.doc, p.kind, p.message) for p in problems] == [("blank.md", "no-text", "the file holds no text"),
                                                               ("empty.txt", "no-text", "the file holds no text")]


def test_a_web_page_with_no_article_text_says_so_and_the_run_goes_on(tmp_path):
    (tmp_path / "menu.html").write_text('<html><head><title>Live: the storm</title></head><body><div id="app">'
                                        '</div><script src="/bundle.js"></script></body></html>')  # built by script
    (tmp_path / "story.txt").write_text("Police said 600 officers arrived.\n")
    docs, problems = read_articles(tmp_path)
    assert [d.id for d in docs] == ["menu.html", "story.txt"]
    [problem] = problems
    assert (problem.doc, problem.kind) == ("menu.html", "no-text") and "no article text" in problem.message


def test_files_over_the_size_limit_are_reported_not_read(tmp_path):
    (tmp_path / "small.txt").write_text("Title\n\n300.\n")
    (tmp_path / "big.txt").write_text("Title\n\n" + "words " * 100)
    docs, problems = read_articles(tmp_path, max_bytes=100)
    assert [d.id for d in docs] == ["small.txt"]
    (problem,) = problems
    assert (problem.doc, problem.kind) == ("big.txt", "unreadable") and "100 bytes" in problem.message


def test_unusable_sidecar_is_bad_metadata(tmp_path):
    (tmp_path / "a.txt").write_text("Title\n\n300.\n")
    (tmp_path / "metadata.csv").write_bytes(b"\x89PNG\x00\x00\x01\x02" + bytes(range(256)))
    docs, problems = read_articles(tmp_path)
    assert [d.id for d in docs] == ["a.txt"]
    assert [(p.doc, p.kind) for p in problems] == [("metadata.csv", "bad-metadata")]


@pytest.mark.parametrize("front", ["published: 9999-12-31", "published: 0001-01-01"])
def test_implausible_publication_date_is_bad_metadata(tmp_path, front):
    (tmp_path / "a.md").write_text(f"---\n{front}\n---\nNext year 300 officers.\n")
    docs, problems = read_articles(tmp_path)
    assert [(d.id, d.published) for d in docs] == [("a.md", None)]  # read, without the date
    assert [(p.kind, "plausible" in p.message) for p in problems] == [("bad-metadata", True)]


def test_front_matter_neither_yaml_nor_key_value_lines_is_left_unused_and_said_so(tmp_path):
    (tmp_path / "a.md").write_text("---\ntitle: [unclosed\n  - stray\n---\nIt killed 150.\n")
    (doc,), (problem,) = read_articles(tmp_path)
    assert doc.title != "[unclosed" and "It killed 150." in doc.text
    assert problem.message.startswith("front matter is not valid YAML") and "read without it" in problem.message


def test_front_matter_with_a_colon_in_a_value_is_read_line_by_line(tmp_path):
    (tmp_path / "a.md").write_text("---\ntitle: Strikes: what we know\npublished: 2024-06-04\n---\nIt killed 150.\n")
    (doc,), (problem,) = read_articles(tmp_path)
    assert (doc.title, doc.published) == ("Strikes: what we know", date(2024, 6, 4))
    assert problem.kind == "bad-metadata" and "read as plain 'key: value' lines" in problem.message


def test_html_page_gives_article_text_title_and_date_without_furniture():
    (doc,), problems = read_articles(HTML_PAGE)
    assert problems == []
    assert doc.title == "Kenya to send more police officers to Haiti to reach target of 2,500 troops, Ruto says"
    assert (doc.published, doc.published_source) == (date(2024, 9, 26), "metadata")
    assert doc.text.startswith(doc.title + "\n\n")
    assert "the first contingent of 382 Kenyan police officers" in doc.text
    for furniture in ("47 Counties", "Subscribe", "Related stories", "400 more officers", "Sh15 billion",
                      "Most read", "$5,000", "1,200 journalists", "30080", "Share this story"):
        assert furniture not in doc.text


def test_html_without_date_metadata_takes_the_sidecar_date(tmp_path):
    (tmp_path / "page.htm").write_text("<html><head><title>Storm</title></head><body><nav><a href='/'>Top 10</a>"
                                       "</nav><article><p>The storm damaged 1,200 homes in Saint-Étienne, the "
                                       "agency said on Monday.</p></article></body></html>", encoding="cp1252")
    (tmp_path / "metadata.csv").write_text("file,published\npage.htm,2024-03-04\n")
    (doc,), problems = read_articles(tmp_path)
    assert problems == []
    assert (doc.title, doc.published) == ("Storm", date(2024, 3, 4))
    assert doc.text == "Storm\n\nThe storm damaged 1,200 homes in Saint-Étienne, the agency said on Monday.\n"


def test_a_web_pages_headline_holds_no_claim(tmp_path):
    """A page's headline is its title, and figures in titles are no claims (the development set's rules): "Two
    men held over raid" says nothing the body does not say with its own figures."""
    import json

    from click.testing import CliRunner

    from haiti_claims.cli import main
    (tmp_path / "page.html").write_text(
        "<html><head><title>Two men held over museum raid | The Courier</title>"
        "<meta property='article:published_time' content='2025-11-13T10:00:00+00:00'></head><body>"
        "<article><h1>Two men held over museum raid as 8 jewels stay missing</h1>"
        "<p>Police arrested two men on Tuesday over the theft of eight jewels from the national museum, which "
        "reopened to 3,100 visitors on Wednesday.</p></article></body></html>")
    report = json.loads(CliRunner().invoke(main, ["check", str(tmp_path), "--format", "json", "--no-cache"]).stdout)
    lines = {c["line"] for c in report["claims"]}
    assert lines == {3}, [(c["text"], c["line"]) for c in report["claims"]]
    assert {c["text"] for c in report["claims"]} >= {"two", "eight", "3,100"}
