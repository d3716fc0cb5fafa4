"""Why a picture or sound cannot be used: a message key (``media.*``) and what fills it in.

Its own module so that the readers (``imagesize``) and the checks built on them
(``mediacheck``, ``picturebudget``) can all raise it without importing each other.
"""

from __future__ import annotations


class MediaProblem(Exception):
    """``code`` is a message key (``media.*``); params fill it in."""

    def __init__(self, code: str, **params):
        super().__init__(code)
        self.code = code
        self.params = params
