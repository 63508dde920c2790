from datetime import date

from haiti_claims.read import read_articles


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
    assert [d.id for d in docs] == ["good.txt"]
    found = {(p.doc, p.kind) for p in problems}
    assert found == {("binary.txt", "unreadable"), ("bad.md", "bad-metadata"), ("baddate.md", "bad-metadata"),
                     ("metadata.csv", "bad-metadata")}
    assert all(p.message for p in problems)


def test_crlf_and_windows_1252(tmp_path):
    (tmp_path / "w.txt").write_bytes("Title\r\n\r\nThe \u201cfirst\u201d 300 officers.\r\n".encode("cp1252"))
    docs, problems = read_articles(tmp_path)
    assert problems == [] and docs[0].text == "Title\n\nThe \u201cfirst\u201d 300 officers.\n"
