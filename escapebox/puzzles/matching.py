"""How typed answers are compared with the accepted answers.

A trainer decides per puzzle whether case, spaces at the edges and accents
count; by default none do, so ``Moedercontract``, `` moedercontract `` and
``moedercontract`` are all right.  Numbers are compared as text so ``0412``
stays ``0412``.
"""

from __future__ import annotations

import unicodedata


def normalise(text: str, *, case_sensitive: bool, accent_sensitive: bool, space_sensitive: bool) -> str:
    if not space_sensitive:
        text = " ".join(text.split())
    if not case_sensitive:
        text = text.casefold()
    if not accent_sensitive:
        text = strip_accents(text)
    return unicodedata.normalize("NFC", text)


def strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))
