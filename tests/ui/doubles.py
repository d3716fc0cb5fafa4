"""Test doubles shared by the UI tests."""


class BrokenStore:
    """Stands in for the store after the disk filled up (or the folder turned read-only)."""

    def __init__(self, store):
        self.store = store

    def __getattr__(self, name):
        return getattr(self.store, name)

    def append(self, session_id, events):
        raise OSError("database or disk is full")

    def save_draft(self, *args):
        raise OSError("database or disk is full")
