"""The rules of play, state, saves and replay — pure Python, never pygame.

Everything the group or the trainer does is a command applied through
``GameSession.apply``; what happened is a list of events; the game state is
the fold of the event log.  The screen, the tests, the facilitator console
and replays all drive the game the same way.
"""
