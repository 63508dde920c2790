"""haiti-claims: find numbers and dates that contradict each other across news articles."""
__version__ = "0.1.0"
