"""Counts in a trainer's words: "1 waarschuwing", "2 waarschuwingen", never "1 waarschuwing(en)".

The catalogues hold both forms of a counted word as ``<key>.one`` and ``<key>.other``
(``[count]`` ``warnings.one = "{n} waarschuwing"`` in ``validate.toml``).  Dutch and English both have
just these two forms, so the rule is the same for each: 1 is "one", anything else is
"other" (also 0: "0 fouten", "0 errors").
"""

from __future__ import annotations

from escapebox.i18n import Translator


def counted(tr: Translator, key: str, n: int) -> str:
    """``counted(tr, "validate.count.warnings", 1)`` → ``"1 waarschuwing"``."""
    return tr(f"{key}.one" if n == 1 else f"{key}.other", n=n)
