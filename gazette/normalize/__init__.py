"""Small, named, pure repairs of gazette text layers (no I/O beyond reading a source).

``normalize`` imports none of the other gazette packages.
"""

from .model import Block, Document, Line, Page, Repair, Source, SourceError
from .pipeline import normalize
from .profile import Profile, default_profile, load_profile
from .read import read_source, source_from_bytes
from .replay import replay

__all__ = [
    "Block",
    "Document",
    "Line",
    "Page",
    "Profile",
    "Repair",
    "Source",
    "SourceError",
    "default_profile",
    "load_profile",
    "normalize",
    "read_source",
    "replay",
    "source_from_bytes",
]
