"""Finding article files, decoding them and attaching their metadata."""
from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from ..model import Document, Problem
from .metadata import SIDECAR, Meta, MetadataError, find_dateline, read_sidecar, split_front_matter

ARTICLE_SUFFIXES = (".txt", ".md", ".markdown")
MAX_BYTES = 5_000_000


def discover(root: Path) -> list[Path]:
    """Article files under a folder, sorted; hidden folders (like the claim store) are skipped."""
    found = []
    for path in root.rglob("*"):
        rel = path.relative_to(root)
        if any(part.startswith(".") for part in rel.parts) or path.name == SIDECAR:
            continue
        if path.suffix.lower() in ARTICLE_SUFFIXES:
            found.append(path)
    return sorted(found, key=lambda p: p.relative_to(root).as_posix())


def decode(data: bytes) -> str:
    """Text from bytes: UTF-8 (with or without BOM), else Windows-1252, else Latin-1."""
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def normalise_newlines(text: str) -> str:
    """CRLF and lone CR become LF: one character per line end keeps line numbers as written."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def title_of(text: str, suffix: str) -> str | None:
    """The first non-empty line; in Markdown, without the heading marks."""
    for line in text.splitlines():
        if line.strip():
            return line.strip().lstrip("#").strip() if suffix != ".txt" else line.strip()
    return None


def read_article(path: Path, doc_id: str, meta: Meta, published_option: date | None) -> Document:
    """One article; raises OSError, ValueError (bad bytes) or MetadataError."""
    if path.stat().st_size > MAX_BYTES:
        raise ValueError(f"larger than {MAX_BYTES:,} bytes")
    data = path.read_bytes()
    if b"\x00" in data[:4096]:
        raise ValueError("binary file (contains NUL bytes)")
    text = normalise_newlines(decode(data))
    front, text = split_front_matter(text)
    title = front.title or meta.title or title_of(text, path.suffix.lower())
    published, source, furniture = None, None, []
    if front.published or meta.published:
        published, source = front.published or meta.published, "metadata"
    if (dateline := find_dateline(text)) is not None:
        furniture.append(dateline[1])
        if published is None:
            published, source = dateline[0], "text"
    if published is None and published_option is not None:
        published, source = published_option, "option"
    return Document(id=doc_id, path=str(path), text=text, title=title, published=published,
                    published_source=source, source=front.source or meta.source,
                    url=front.url or meta.url, furniture=tuple(furniture))


def read_articles(root: Path, published_option: date | None = None) -> tuple[list[Document], list[Problem]]:
    """Every article under `root` (a folder or one file), and a problem for each that could not be used."""
    if root.is_file():
        folder, paths = root.parent, [root]
    else:
        folder, paths = root, discover(root)
    sidecar, sidecar_problems = read_sidecar(folder)
    problems = [Problem(SIDECAR, "bad-metadata", msg) for msg in sidecar_problems]
    docs: list[Document] = []
    for path in paths:
        doc_id = path.relative_to(folder).as_posix()
        try:
            docs.append(read_article(path, doc_id, sidecar.get(doc_id, Meta()), published_option))
        except MetadataError as exc:
            problems.append(Problem(doc_id, "bad-metadata", str(exc)))
        except (OSError, ValueError) as exc:
            problems.append(Problem(doc_id, "unreadable", getattr(exc, "strerror", None) or str(exc)))
    known = {d.id for d in docs} | {p.doc for p in problems}
    for name in sorted(set(sidecar) - known):
        problems.append(Problem(SIDECAR, "bad-metadata", f"{SIDECAR} names '{name}', which is not an article here"))
    return docs, problems
