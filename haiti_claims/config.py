"""Settings every stage may read: hedge tolerances and the subject vocabulary.

Defaults live in `lexicon.toml` beside this file; a user's configuration is merged
on top (see `Config.merged`).
"""
from __future__ import annotations

import hashlib
import json
import tomllib
from dataclasses import dataclass, field, replace
from functools import cached_property
from importlib import resources
from typing import Any


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
class Config:
    tolerances: Tolerances = field(default_factory=Tolerances)
    lexicon: dict[str, Any] = field(default_factory=_default_lexicon)
    actor_aliases: dict[str, str] = field(default_factory=dict)  # lower-case alias -> canonical actor
    severity: dict[str, str] = field(default_factory=dict)  # finding kind -> severity override

    def merged(self, user: dict[str, Any]) -> "Config":
        """A copy with a user's `[tool.haiti-claims]`-style mapping merged in."""
        lexicon = json.loads(json.dumps(self.lexicon))
        for section, entries in user.get("lexicon", {}).items():
            target = lexicon.setdefault(section, {})
            for key, value in entries.items():
                if isinstance(value, dict):
                    target.setdefault(key, {}).update(value)
                elif isinstance(target.get(key), list) and isinstance(value, list):
                    target[key] = sorted(set(target[key]) | set(value))
                else:
                    target[key] = value
        aliases = {**self.actor_aliases, **{k.lower(): v for k, v in user.get("actors", {}).items()}}
        tolerances = replace(self.tolerances, **user.get("tolerances", {}))
        severity = {**self.severity, **user.get("severity", {})}
        return Config(tolerances=tolerances, lexicon=lexicon, actor_aliases=aliases, severity=severity)

    @cached_property
    def fingerprint(self) -> str:
        """A short hash of everything that changes results, for cache keys."""
        blob = json.dumps([self.tolerances.__dict__, self.lexicon, self.actor_aliases], sort_keys=True)
        return hashlib.sha256(blob.encode()).hexdigest()[:16]


DEFAULT = Config()
