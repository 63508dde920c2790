"""The claim store: each article's claims kept in an SQLite file, so an unchanged article is never parsed again.

An entry's key is a hash of the article's content (its text, publication date and dateline
ranges: everything the claims are read from) and of the versions that shape its claims: the
tool (package version and a hash of its source), the spaCy model (package and version) and the
configuration (`Config.fingerprint`). Change any of them and the article is parsed afresh.

An entry holds what `pipeline.claims_of` returns (`ArticleClaims`): the claims before actors are
resolved across the corpus and before ids are given, with the person -> affiliation ties and the
people named as actors that the resolution needs. Any SQLite client can read the file; the
tables are `articles` and `claims` (see `SCHEMA` and the README).
"""
from __future__ import annotations

import hashlib
import json
import logging
import sqlite3
from dataclasses import dataclass, fields, is_dataclass
from datetime import date, datetime, timezone
from functools import lru_cache
from pathlib import Path
from typing import Any, get_args, get_origin, get_type_hints

import spacy

from . import __version__, model
from . import nlp as nlp_module
from .config import Config
from .model import ArticleClaims, Claim, Document

log = logging.getLogger(__name__)

STORE_DIR = ".haiti-claims"
STORE_FILE = "claims.sqlite"

# Every field of Claim but the two given when the corpus is put together; value and subject are JSON.
CLAIM_COLUMNS = tuple(f.name for f in fields(Claim) if f.name not in ("doc", "id"))
SCHEMA = f"""
CREATE TABLE IF NOT EXISTS articles (
    key TEXT PRIMARY KEY,     -- hash of the four columns content, tool, model, config
    path TEXT NOT NULL,       -- absolute path of the file the entry was made from
    content TEXT NOT NULL,    -- sha256 of the text, publication date and dateline ranges
    tool TEXT NOT NULL,       -- haiti-claims version + hash of its source
    model TEXT NOT NULL,      -- spaCy model package==version
    config TEXT NOT NULL,     -- Config.fingerprint
    ties TEXT NOT NULL,       -- JSON [[person, affiliation], ...]
    persons TEXT NOT NULL,    -- JSON [name, ...]
    stored TEXT NOT NULL      -- UTC time the entry was written
);
CREATE INDEX IF NOT EXISTS articles_path ON articles (path);
CREATE TABLE IF NOT EXISTS claims (
    article TEXT NOT NULL REFERENCES articles (key) ON DELETE CASCADE,
    seq INTEGER NOT NULL,     -- order within the article
    {", ".join(f'"{name}"' for name in CLAIM_COLUMNS)},  -- as in model.Claim; dataclasses, tuples as JSON
    PRIMARY KEY (article, seq)
) WITHOUT ROWID;
"""
# Bumped by any change to the tables: an old file is emptied and rebuilt (it is only a cache).
SCHEMA_VERSION = int(hashlib.sha256(SCHEMA.encode()).hexdigest()[:7], 16)
DATACLASSES: dict[str, type] = {name: cls for name, cls in vars(model).items() if is_dataclass(cls)}


@dataclass(frozen=True)
class Versions:
    """Everything besides an article's content that decides its claims."""

    tool: str
    model: str
    config: str


def versions(config: Config, model: str | None) -> Versions:
    return Versions(tool=tool_version(), model=model_version(model), config=config.fingerprint)


@lru_cache(maxsize=1)
def tool_version() -> str:
    """The package version and a hash of its source, so an edited checkout never reads stale claims."""
    package = Path(__file__).parent
    digest = hashlib.sha256()
    for path in sorted(p for p in package.rglob("*") if p.suffix in (".py", ".toml")):
        digest.update(path.relative_to(package).as_posix().encode())
        digest.update(path.read_bytes())
    return f"{__version__}+{digest.hexdigest()[:12]}"


def model_version(requested: str | None) -> str:
    """The spaCy model's package and version, read from its metadata without loading it."""
    name = nlp_module.model_name(requested)
    version = spacy.util.get_package_version(name)
    if version is None and (Path(name) / "meta.json").is_file():
        version = spacy.util.load_meta(Path(name) / "meta.json").get("version")
    return f"{name}=={version}"


def content_hash(doc: Document) -> str:
    """What an article's claims are read from: its text, publication date and dateline ranges."""
    blob = json.dumps([doc.text, doc.published.isoformat() if doc.published else None, doc.furniture])
    return hashlib.sha256(blob.encode()).hexdigest()


def default_path() -> Path:
    """The store where the user runs, as ruff and pytest keep their caches: never inside a checked folder (an
    archive, a read-only mount), hidden so it is never read as articles."""
    return Path.cwd() / STORE_DIR / STORE_FILE


class ClaimStore:
    """Claims per article in one SQLite file. `get` and `put`; use as a context manager."""

    def __init__(self, path: Path, versions: Versions):
        self.path = path
        self.versions = versions
        if not path.parent.exists():
            path.parent.mkdir(parents=True)
            (path.parent / ".gitignore").write_text("# the haiti-claims claim store: a cache\n*\n")
        self.db = sqlite3.connect(path, timeout=30)
        self.db.execute("PRAGMA foreign_keys = ON")
        self.db.execute("PRAGMA journal_mode = WAL")
        self.db.execute("PRAGMA synchronous = NORMAL")
        self._migrate()

    def _migrate(self) -> None:
        if self.db.execute("PRAGMA user_version").fetchone()[0] != SCHEMA_VERSION:
            with self.db:
                self.db.execute("DROP TABLE IF EXISTS claims")
                self.db.execute("DROP TABLE IF EXISTS articles")
                self.db.executescript(SCHEMA)
                self.db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    def key(self, doc: Document) -> tuple[str, str]:
        """(key, content hash) of an article under this store's versions."""
        content = content_hash(doc)
        v = self.versions
        return hashlib.sha256("\0".join((content, v.tool, v.model, v.config)).encode()).hexdigest(), content

    def get(self, doc: Document) -> ArticleClaims | None:
        """The article's stored claims (with `doc` set to its id), or None when it must be parsed."""
        key, _ = self.key(doc)
        row = self.db.execute("SELECT ties, persons FROM articles WHERE key = ?", (key,)).fetchone()
        if row is None:
            return None
        columns = ", ".join(f'"{name}"' for name in CLAIM_COLUMNS)
        rows = self.db.execute(f"SELECT {columns} FROM claims WHERE article = ? ORDER BY seq", (key,))
        claims = tuple(_claim(doc.id, dict(zip(CLAIM_COLUMNS, r))) for r in rows)
        return ArticleClaims(claims=claims, ties=tuple(tuple(t) for t in json.loads(row[0])),
                             persons=frozenset(json.loads(row[1])))

    def put(self, doc: Document, result: ArticleClaims) -> None:
        """Keep an article's claims, replacing whatever the same file had stored before."""
        key, content = self.key(doc)
        path = str(Path(doc.path).resolve())
        v = self.versions
        stored = datetime.now(timezone.utc).isoformat(timespec="seconds")
        placeholders = ", ".join("?" * (len(CLAIM_COLUMNS) + 2))
        with self.db:
            self.db.execute("DELETE FROM articles WHERE path = ? OR key = ?", (path, key))
            self.db.execute("INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                            (key, path, content, v.tool, v.model, v.config, json.dumps(result.ties),
                             json.dumps(sorted(result.persons)), stored))
            self.db.executemany(f"INSERT INTO claims VALUES ({placeholders})",
                                ((key, seq, *_row(claim)) for seq, claim in enumerate(result.claims)))

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> "ClaimStore":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class NoStore:
    """Stands in for the store when caching is off: nothing is found, nothing is kept."""

    def get(self, doc: Document) -> None:
        return None

    def put(self, doc: Document, result: ArticleClaims) -> None:
        pass

    def __enter__(self) -> "NoStore":
        return self

    def __exit__(self, *exc: object) -> None:
        pass


def open_store(path: Path, versions: Versions) -> ClaimStore | NoStore:
    """The store at `path`; without one (a read-only folder, a damaged file) the run goes on, parsing everything."""
    try:
        return ClaimStore(path, versions)
    except (OSError, sqlite3.Error) as exc:
        log.warning("claim store %s is not usable (%s): parsing every article", path, exc)
        return NoStore()


# -- claims to rows and back ----------------------------------------------------------------------
# Generic over model.py's frozen dataclasses, so a field added there is kept without a change here:
# scalars are stored as they are, dates as ISO text, dataclasses and tuples as JSON.


def _row(claim: Claim) -> list[Any]:
    return [_cell(getattr(claim, name)) for name in CLAIM_COLUMNS]


def _claim(doc_id: str, row: dict[str, Any]) -> Claim:
    hints = _hints(Claim)
    return Claim(doc=doc_id, **{name: _typed(hints[name], json.loads(cell) if name in _json_columns() else cell)
                                for name, cell in row.items()})


def _cell(value: Any) -> Any:
    if is_dataclass(value) or isinstance(value, tuple):
        return json.dumps(_plain(value))
    return value.isoformat() if isinstance(value, date) else value


def _plain(value: Any) -> Any:
    """JSON-ready: a dataclass as an object tagged with its type, dates as ISO text, tuples as lists."""
    if is_dataclass(value):
        return {"type": type(value).__name__, **{f.name: _plain(getattr(value, f.name)) for f in fields(value)}}
    if isinstance(value, (tuple, list)):
        return [_plain(v) for v in value]
    return value.isoformat() if isinstance(value, date) else value


def _typed(hint: Any, value: Any) -> Any:
    """Back from `_plain`, guided by the field's type hint."""
    if isinstance(value, dict):
        cls = DATACLASSES[value.pop("type")]
        hints = _hints(cls)
        return cls(**{name: _typed(hints[name], v) for name, v in value.items()})
    if isinstance(value, list):
        return tuple(_typed(Any, v) for v in value)
    if isinstance(value, str) and (hint is date or date in get_args(hint)):
        return date.fromisoformat(value)
    return value


@lru_cache(maxsize=None)
def _hints(cls: type) -> dict[str, Any]:
    return get_type_hints(cls)


@lru_cache(maxsize=1)
def _json_columns() -> frozenset[str]:
    """The Claim columns stored as JSON: those typed as a dataclass or a tuple."""
    def structured(hint: Any) -> bool:
        return any(is_dataclass(t) or t is tuple or get_origin(t) is tuple for t in (hint, *get_args(hint)))
    return frozenset(name for name in CLAIM_COLUMNS if structured(_hints(Claim)[name]))
