"""Settings every stage may read: hedge tolerances, the subject vocabulary, severities.

Defaults live in `lexicon.toml` beside this file. A user's configuration is found from the
checked folder upward: the first `.haiti-claims.toml` (keys at the top level) or
`pyproject.toml` with a `[tool.haiti-claims]` table. Unknown keys and bad values raise
`ConfigError`, which names the file, the key and what is allowed.
"""
from __future__ import annotations

import hashlib
import json
import tomllib
from dataclasses import dataclass, field, fields, replace
from functools import cached_property
from importlib import resources
from pathlib import Path
from typing import Any, Callable

CONFIG_FILE = ".haiti-claims.toml"
SEVERITIES = ("error", "warning", "info")
DEFAULT_SEVERITY = {"contradiction": "error", "intra-document": "warning", "near-miss": "info",
                    "unanchored-date": "info", "update": "info", "revision": "warning", "unordered": "info",
                    "unreadable": "error", "no-text": "warning", "bad-metadata": "warning", "unread-dateline": "warning",
                    "dateline-mismatch": "info", "dateline-year": "info", "repeated-text": "info"}
DEFAULT_MAX_BYTES = 5_000_000
CHUNK_SIZE = 32  # articles per task handed to a parsing process (and before which no progress bar is shown)


def _default_lexicon() -> dict[str, Any]:
    with resources.files(__package__).joinpath("lexicon.toml").open("rb") as fh:
        return tomllib.load(fh)


@dataclass(frozen=True)
class Tolerances:
    """Relative widths of hedged numbers: "around 400" is 400 ± about*400."""

    about: float = 0.10  # around, about, approximately, roughly, some, an estimated
    nearly: float = 0.10  # nearly, almost, close to, just under: [n*(1-nearly), n]
    just_over: float = 0.10  # just over, just above: [n, n*(1+just_over)]
    near_miss: float = 0.5  # share of a hedge's width beyond which agreement is only "near"


@dataclass(frozen=True)
class Sourcing:
    saying: frozenset[str]  # lemmas of verbs of saying ("said", "told")
    giving: frozenset[str]  # ... and of counting or estimating: their subject gives a figure ("counted", "put")
    figures: frozenset[str]  # lemmas of nouns that name a figure itself ("the WHO's count", "CyberCube's figure")


class ConfigError(ValueError):
    def __init__(self, source: str, key: str, problem: str):
        super().__init__(f"{source}: '{key}': {problem}")


@dataclass(frozen=True)
class Config:
    tolerances: Tolerances = field(default_factory=Tolerances)
    lexicon: dict[str, Any] = field(default_factory=_default_lexicon)
    actor_aliases: dict[str, str] = field(default_factory=dict)  # lower-case alias -> canonical actor
    severity: dict[str, str] = field(default_factory=dict)  # finding kind -> severity override
    ignore: tuple[str, ...] = ()  # glob patterns of article paths (relative to the checked folder) to skip
    max_bytes: int = DEFAULT_MAX_BYTES
    source: str | None = None  # the file the user's settings came from

    def severity_of(self, kind: str) -> str:
        return self.severity.get(kind) or DEFAULT_SEVERITY.get(kind, "info")

    @cached_property
    def statement_verbs(self) -> frozenset[str]:
        """Verbs of saying: their subjects give figures ("the WHO said"); they are not what figures are about."""
        return frozenset(word for word, cls in self.lexicon["events"].items() if cls == "statement")

    @cached_property
    def sourcing(self) -> "Sourcing":
        """The words that tell who gave a figure."""
        return Sourcing(self.statement_verbs, self.statement_verbs | frozenset(self.lexicon["sources"]["counting"]),
                        frozenset(self.lexicon["time"]["figures"]))

    @cached_property
    def fingerprint(self) -> str:
        """A short hash of everything that changes claims, for cache keys."""
        blob = json.dumps([self.tolerances.__dict__, self.lexicon, self.actor_aliases], sort_keys=True)
        return hashlib.sha256(blob.encode()).hexdigest()[:16]


DEFAULT = Config()

# -- the user's file ---------------------------------------------------------------------------


def _str_map(value: Any) -> bool:
    return isinstance(value, dict) and all(isinstance(k, str) and isinstance(v, str) for k, v in value.items())


def _str_list(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


# key -> (check, what is allowed)
LEXICON_KEYS: dict[str, tuple[Callable[[Any], bool], str]] = {
    "things": (_str_map, "a table of word = \"class\" (counted-thing synonyms)"),
    "events": (_str_map, "a table of word = \"class\" (event verbs and nouns)"),
    "currencies": (_str_map, "a table of word or symbol = \"CODE\""),
    "event_nouns": (lambda v: isinstance(v, dict) and all(_str_list(x) and len(x) == 2 for x in v.values()),
                    "a table of noun = [\"thing\", \"event\"]"),
    "qualifiers": (lambda v: isinstance(v, dict) and set(v) <= {"number", "date"} and all(map(_str_map, v.values())),
                   "tables [qualifiers.number] and [qualifiers.date] of word = \"class\""),
    "containers": (_str_list, "a list of nouns"),
    "light_verbs": (_str_list, "a list of verbs"),
}
OTHER_KEYS = ("ignore", "max_bytes", "tolerances", "severity", "actors")
ALLOWED_KEYS = tuple(LEXICON_KEYS) + OTHER_KEYS


def parse_settings(data: dict[str, Any], source: str, base: Config = DEFAULT) -> Config:
    """A Config from a user's settings table, every key and value checked."""
    unknown = sorted(set(data) - set(ALLOWED_KEYS))
    if unknown:
        raise ConfigError(source, unknown[0], f"unknown key; allowed: {', '.join(ALLOWED_KEYS)}")
    lexicon = json.loads(json.dumps(base.lexicon))
    for key, (check, allowed) in LEXICON_KEYS.items():
        if key not in data:
            continue
        value = data[key]
        if not check(value):
            raise ConfigError(source, key, f"must be {allowed}")
        if key in ("containers", "light_verbs"):
            lexicon[key]["words"] = sorted(set(lexicon[key]["words"]) | set(value))
        elif key == "qualifiers":
            for family, table in value.items():
                lexicon[key][family].update(table)
        else:
            lexicon[key].update({k.lower(): v for k, v in value.items()})
    return replace(base, lexicon=lexicon, tolerances=_tolerances(data.get("tolerances", {}), source, base),
                   severity=_severity(data.get("severity", {}), source, base),
                   actor_aliases={**base.actor_aliases, **_actors(data.get("actors", {}), source)},
                   ignore=_ignore(data.get("ignore", []), source) + base.ignore,
                   max_bytes=_max_bytes(data.get("max_bytes", base.max_bytes), source), source=source)


def _tolerances(value: Any, source: str, base: Config) -> Tolerances:
    names = [f.name for f in fields(Tolerances)]
    if not isinstance(value, dict):
        raise ConfigError(source, "tolerances", f"must be a table with keys {', '.join(names)}")
    for key, number in value.items():
        if key not in names:
            raise ConfigError(source, f"tolerances.{key}", f"unknown key; allowed: {', '.join(names)}")
        if isinstance(number, bool) or not isinstance(number, (int, float)) or not 0 <= number < 1:
            raise ConfigError(source, f"tolerances.{key}", f"must be a number from 0 up to (not including) 1, got {number!r}")
    return replace(base.tolerances, **{k: float(v) for k, v in value.items()})


def _severity(value: Any, source: str, base: Config) -> dict[str, str]:
    if not isinstance(value, dict):
        raise ConfigError(source, "severity", "must be a table of finding kind = \"error\" | \"warning\" | \"info\"")
    for kind, level in value.items():
        if kind not in DEFAULT_SEVERITY:
            raise ConfigError(source, f"severity.{kind}", f"unknown finding kind; allowed: {', '.join(DEFAULT_SEVERITY)}")
        if level not in SEVERITIES:
            raise ConfigError(source, f"severity.{kind}", f"must be one of {', '.join(SEVERITIES)}, got {level!r}")
    return {**base.severity, **value}


def _actors(value: Any, source: str) -> dict[str, str]:
    if not _str_map(value):
        raise ConfigError(source, "actors", "must be a table of alias = \"canonical actor\"")
    return {k.lower(): v for k, v in value.items()}


def _ignore(value: Any, source: str) -> tuple[str, ...]:
    if not _str_list(value):
        raise ConfigError(source, "ignore", "must be a list of glob patterns, e.g. [\"archive/old/*\"]")
    return tuple(value)


def _max_bytes(value: Any, source: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        raise ConfigError(source, "max_bytes", f"must be a whole number of bytes above 0, got {value!r}")
    return value


def find_config(start: Path) -> tuple[Path, dict[str, Any]] | None:
    """The first `.haiti-claims.toml`, or `pyproject.toml` with [tool.haiti-claims], from `start` upward."""
    folder = start.resolve()
    if not folder.is_dir():
        folder = folder.parent
    for directory in (folder, *folder.parents):
        own = directory / CONFIG_FILE
        if own.is_file():
            return own, _read_toml(own)
        pyproject = directory / "pyproject.toml"
        if pyproject.is_file():
            table = _read_toml(pyproject).get("tool", {}).get("haiti-claims")
            if table is not None:
                return pyproject, table
    return None


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(str(path), "(file)", f"not valid TOML: {exc}") from None


def load_config(start: Path, explicit: Path | None = None) -> Config:
    """The configuration for a check of `start`: an explicit file, else the first one found upward, else defaults."""
    if explicit is not None:
        data = _read_toml(explicit)
        table = data.get("tool", {}).get("haiti-claims", {}) if explicit.name == "pyproject.toml" else data
        return parse_settings(table, str(explicit))
    found = find_config(start)
    if found is None:
        return DEFAULT
    path, table = found
    return parse_settings(table, str(path))
