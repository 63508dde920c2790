"""Reading articles and their metadata from disk."""
from .articles import MAX_BYTES, read_articles, year_from_the_story

__all__ = ["MAX_BYTES", "read_articles", "year_from_the_story"]
