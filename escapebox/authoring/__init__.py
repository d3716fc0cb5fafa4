"""Tools for trainers who write scenarios: a starter folder, the editor schema, the flow graph.

Nothing here is needed to *play*; it helps to go from a blank page to a
scenario that validates, and to see at a glance how its rooms and locks
hang together.
"""
