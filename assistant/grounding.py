"""Moved to `assistant.turn.guard` (the guard is a stage of the turn)."""
from assistant.turn.guard import GroundingGuard, Violation, short_name  # noqa: F401
