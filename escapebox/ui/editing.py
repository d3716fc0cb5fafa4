"""The text being edited, its cursor and selection: pure Python, so it is easy to test.

Both the one-line answer field and the multi-line reflection field keep
their text in an :class:`EditBuffer`.  Positions are indices into the
string.  The selection runs from ``anchor`` to ``cursor`` (either order).
"""

from __future__ import annotations

import unicodedata


class EditBuffer:
    def __init__(self, text: str = "", max_length: int = 4000, multiline: bool = False):
        self.max_length = max_length
        self.multiline = multiline
        self.text = ""
        self.cursor = 0
        self.anchor = 0
        self.set(text)

    def set(self, text: str) -> None:
        self.text = self._clean(text)[: self.max_length]
        self.cursor = self.anchor = len(self.text)

    def _clean(self, text: str) -> str:
        text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
        if not self.multiline:
            text = text.replace("\n", " ")
        return "".join(c for c in text if c == "\n" or c == "\t" or unicodedata.category(c) != "Cc").replace("\t", " ")

    # ------------------------------------------------------------ selection

    @property
    def selection(self) -> tuple[int, int]:
        return (min(self.anchor, self.cursor), max(self.anchor, self.cursor))

    @property
    def has_selection(self) -> bool:
        return self.anchor != self.cursor

    def selected_text(self) -> str:
        start, end = self.selection
        return self.text[start:end]

    def select_all(self) -> None:
        self.anchor, self.cursor = 0, len(self.text)

    def move_to(self, position: int, extend: bool = False) -> None:
        self.cursor = max(0, min(len(self.text), position))
        if not extend:
            self.anchor = self.cursor

    # ------------------------------------------------------------ editing

    def insert(self, text: str) -> bool:
        text = self._clean(text)
        start, end = self.selection
        room = self.max_length - (len(self.text) - (end - start))
        text = text[: max(0, room)]
        if not text and start == end:
            return False
        self.text = self.text[:start] + text + self.text[end:]
        self.cursor = self.anchor = start + len(text)
        return True

    def delete_selection(self) -> bool:
        if not self.has_selection:
            return False
        return self.insert("") or True

    def backspace(self, word: bool = False) -> bool:
        if self.has_selection:
            return self.delete_selection()
        if self.cursor == 0:
            return False
        start = self.word_left(self.cursor) if word else self.cursor - 1
        self.text = self.text[:start] + self.text[self.cursor:]
        self.cursor = self.anchor = start
        return True

    def delete(self, word: bool = False) -> bool:
        if self.has_selection:
            return self.delete_selection()
        if self.cursor >= len(self.text):
            return False
        end = self.word_right(self.cursor) if word else self.cursor + 1
        self.text = self.text[: self.cursor] + self.text[end:]
        return True

    def cut(self) -> str:
        taken = self.selected_text()
        self.delete_selection()
        return taken

    # ------------------------------------------------------------ movement helpers

    def word_left(self, position: int) -> int:
        i = position
        while i > 0 and not self.text[i - 1].isalnum():
            i -= 1
        while i > 0 and self.text[i - 1].isalnum():
            i -= 1
        return i

    def word_right(self, position: int) -> int:
        i, n = position, len(self.text)
        while i < n and not self.text[i].isalnum():
            i += 1
        while i < n and self.text[i].isalnum():
            i += 1
        return i

    def line_start(self, position: int) -> int:
        return self.text.rfind("\n", 0, position) + 1

    def line_end(self, position: int) -> int:
        end = self.text.find("\n", position)
        return len(self.text) if end < 0 else end
