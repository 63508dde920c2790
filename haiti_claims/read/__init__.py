"""Reading articles and their metadata from disk."""
from .articles import read_articles

__all__ = ["read_articles"]
