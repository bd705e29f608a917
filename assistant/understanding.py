"""Moved to the `language` package; this re-export keeps `from assistant.understanding import ...` working."""
from language.acts import ACTS
from language.preferences import Preferences
from language.topics import TOPICS
from language.understand import Understanding, understand

__all__ = ["ACTS", "TOPICS", "Preferences", "Understanding", "understand"]
