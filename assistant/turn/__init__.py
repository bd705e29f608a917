"""The shopper turn as a pipeline of stages, one folder entry each:

understand.py -> decide.py -> acts/ (one handler per act) -> phrase.py (guard.py) -> store.py,
wired together in pipeline.py. `TurnDeps` (deps.py) carries the seams; `SessionState` (state.py)
is the typed memory of a chat.
"""
from assistant.turn.deps import TurnDeps, TurnMetrics
from assistant.turn.events import Draft, Event
from assistant.turn.pipeline import run_turn
from assistant.turn.state import SessionState

__all__ = ["Draft", "Event", "SessionState", "TurnDeps", "TurnMetrics", "run_turn"]
