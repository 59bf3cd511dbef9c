"""Publication profiles: what differs between gazettes, as data.

A profile is a small TOML file; ``profiles/default.toml`` holds the generic
defaults. A publication's profile names only what it changes. Unknown keys
and wrong types are errors that name the key, so a typo never silently falls
back to a default.

>>> p = load_profile(overrides={"column_width": 40})
>>> p.column_width, "米" in p.decimal_units
(40, True)
>>> load_profile(overrides={"colum_width": 40})
Traceback (most recent call last):
gazette.normalize.profile.ProfileError: unknown profile setting 'colum_width'
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, fields, replace
from functools import lru_cache
from pathlib import Path

DEFAULT_PROFILE = Path(__file__).with_name("profiles") / "default.toml"


class ProfileError(ValueError):
    """A profile setting that is unknown or of the wrong type."""


@dataclass(frozen=True)
class Profile:
    """Settings of one publication; see ``profiles/default.toml`` for each."""

    decimal_units: tuple[str, ...]
    measure_words: tuple[str, ...]
    document_types: tuple[str, ...]
    running_heads: tuple[str, ...]
    table_header_words: tuple[str, ...]
    running_head_min_repeats: int
    column_width: int
    keep_furniture: bool


@lru_cache(maxsize=1)
def default_profile() -> Profile:
    """The generic profile shipped with gazette."""
    return _from_mapping(tomllib.loads(DEFAULT_PROFILE.read_text("utf-8")))


def load_profile(path: str | Path | None = None, overrides: dict | None = None) -> Profile:
    """The default profile updated by a TOML file and/or a mapping."""
    settings: dict = {}
    if path is not None:
        settings.update(tomllib.loads(Path(path).read_text("utf-8")))
    settings.update(overrides or {})
    return replace(default_profile(), **_checked_values(settings))


def _from_mapping(settings: dict) -> Profile:
    return Profile(**_checked_values(settings))


def _checked_values(settings: dict) -> dict:
    _check(settings)
    return {k: tuple(v) if isinstance(v, list) else v for k, v in settings.items()}


def _check(settings: dict) -> None:
    types = {f.name: f.type for f in fields(Profile)}
    for key, value in settings.items():
        if key not in types:
            raise ProfileError(f"unknown profile setting {key!r}")
        wanted = types[key]
        if wanted.startswith("tuple"):
            ok = isinstance(value, (list, tuple)) and all(isinstance(v, str) for v in value)
        elif wanted == "bool":
            ok = isinstance(value, bool)
        else:
            ok = isinstance(value, int) and not isinstance(value, bool) and value >= 0
        if not ok:
            raise ProfileError(f"profile setting {key!r} must be {wanted}, got {value!r}")
