"""Reading articles and their metadata from disk."""
from .articles import MAX_BYTES, read_articles

__all__ = ["MAX_BYTES", "read_articles"]
