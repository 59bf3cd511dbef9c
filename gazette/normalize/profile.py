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

The ``[pdf]`` table holds the PDF reader's settings (``PdfSettings``); a
profile names only those it changes:

>>> load_profile(overrides={"pdf": {"crop_left": 30}}).pdf.crop_left
30
>>> load_profile(overrides={"pdf": {"footer_band": 0.9}})
Traceback (most recent call last):
gazette.normalize.profile.ProfileError: PDF setting 'footer_band' must be between 0 and 0.5, got 0.9
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, fields, replace
from functools import lru_cache
from pathlib import Path

from .read import PdfSettings, PdfSettingsError

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
    pdf: PdfSettings = field(default_factory=PdfSettings)


@lru_cache(maxsize=1)
def default_profile() -> Profile:
    """The generic profile shipped with gazette."""
    return _from_mapping(tomllib.loads(DEFAULT_PROFILE.read_text("utf-8")))


def load_profile(path: str | Path | None = None, overrides: dict | None = None) -> Profile:
    """The default profile updated by a TOML file and/or a mapping."""
    settings: dict = {}
    if path is not None:
        settings.update(tomllib.loads(Path(path).read_text("utf-8")))
    for key, value in (overrides or {}).items():
        if key == "pdf" and isinstance(value, dict):
            value = {**settings.get("pdf", {}), **value}
        settings[key] = value
    base = default_profile()
    values = _checked_values(settings)
    if "pdf" in values:
        values["pdf"] = _pdf_settings(base.pdf, values["pdf"])
    return replace(base, **values)


def _pdf_settings(base: PdfSettings, changes: dict) -> PdfSettings:
    names = {item.name for item in fields(PdfSettings)}
    for key in changes:
        if key not in names:
            raise ProfileError(f"unknown PDF setting {key!r} (known: {', '.join(sorted(names))})")
    try:
        return replace(base, **changes)
    except PdfSettingsError as error:
        raise ProfileError(str(error)) from error


def _from_mapping(settings: dict) -> Profile:
    values = _checked_values(settings)
    values["pdf"] = _pdf_settings(PdfSettings(), values.get("pdf", {}))
    return Profile(**values)


def _checked_values(settings: dict) -> dict:
    _check(settings)
    return {k: tuple(v) if isinstance(v, list) else v for k, v in settings.items()}


def _check(settings: dict) -> None:
    types = {f.name: f.type for f in fields(Profile)}
    for key, value in settings.items():
        if key not in types:
            raise ProfileError(f"unknown profile setting {key!r}")
        wanted = types[key]
        if key == "pdf":
            ok = isinstance(value, dict)
        elif wanted.startswith("tuple"):
            ok = isinstance(value, (list, tuple)) and all(isinstance(v, str) for v in value)
        elif wanted == "bool":
            ok = isinstance(value, bool)
        else:
            ok = isinstance(value, int) and not isinstance(value, bool) and value >= 0
        if not ok:
            wanted = "a table of PDF settings" if key == "pdf" else wanted
            raise ProfileError(f"profile setting {key!r} must be {wanted}, got {value!r}")
