"""How typed answers are compared with the accepted answers: one function, both sides.

The accepted answers and near misses a trainer wrote, and whatever a group types, all go
through :func:`normalise` before they are compared (and, in a pack, before they are hashed),
so text pasted from Word and text typed on a laptop keyboard meet in the middle:

1. format characters (Unicode category Cf: the soft hyphen U+00AD, zero-width spaces and
   joiners, direction marks, a stray BOM) are removed — they are invisible, so nobody can
   type them on purpose;
2. NFKC: compatibility characters become their plain form (full-width ``０４１２`` is
   ``0412``, the Dutch ``ĳ`` ligature is ``ij``, ``²`` is ``2``, a no-break space is a space);
3. dashes (‐ ‑ – — −) are the hyphen-minus ``-`` and curly apostrophes (’ ‘ ʼ ′) the
   straight ``'``, and curly quotes (“ ” „) the straight ``"``: what Word makes of what a
   keyboard types;
4. by default (``space_sensitive: false``) spaces at the edges fall away and a run of spaces
   counts as one; a code ignores every space (``04 12`` is ``0412``: its answer is digits only);
5. by default case (``casefold``) and accents do not count.

A hyphen is *not* a space: ``privacy wet`` is not ``privacy-wet``.  The trainer lists every
spelling that counts as right (docs/rules.md explains why, with a table of examples that
tests/test_matching_rules.py checks).  Numbers are compared as text so ``0412`` stays ``0412``.
"""

from __future__ import annotations

import unicodedata

#: What a keyboard types for the typographic look-alikes that Word, PDFs and phones produce.
#: (NFKC has already turned U+2011, U+FE63 and U+FF0D into these or into U+2010.)
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2e3a\u2e3b\ufe58"
_APOSTROPHES = "\u2018\u2019\u201a\u201b\u2032\u02bc"
_QUOTES = "\u201c\u201d\u201e\u201f"
_LOOK_ALIKES = str.maketrans({**{c: "-" for c in _DASHES}, **{c: "'" for c in _APOSTROPHES},
                              **{c: '"' for c in _QUOTES}})


def normalise(text: str, *, case_sensitive: bool, accent_sensitive: bool, space_sensitive: bool,
              inner_spaces: bool = True) -> str:
    """The form in which a typed answer and an accepted answer are compared (and hashed in a pack).

    ``inner_spaces=False`` (codes) drops every space instead of folding runs into one.
    """
    text = unicodedata.normalize("NFKC", strip_format_characters(text)).translate(_LOOK_ALIKES)
    if not space_sensitive:
        text = (" " if inner_spaces else "").join(text.split())
    if not case_sensitive:
        text = text.casefold()
    if not accent_sensitive:
        text = strip_accents(text)
    return unicodedata.normalize("NFC", text)


def strip_format_characters(text: str) -> str:
    """``text`` without invisible format characters (category Cf: soft hyphen, zero-width space, …)."""
    if text.isascii():
        return text
    return "".join(c for c in text if unicodedata.category(c) != "Cf")


def strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))
