"""Small, named, pure repairs of gazette text layers (no I/O beyond reading a source).

``normalize`` imports none of the other gazette packages.
"""

from .model import Block, Document, Line, Page, Repair
from .pipeline import normalize, replay
from .profile import Profile, default_profile, load_profile
from .sources import Source, SourceError, read_source, source_from_bytes

__all__ = [
    "Block", "Document", "Line", "Page", "Repair", "Profile", "Source", "SourceError",
    "default_profile", "load_profile", "normalize", "read_source", "replay", "source_from_bytes",
]
