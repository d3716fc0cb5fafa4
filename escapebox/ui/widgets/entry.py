"""Text entry: one line for answers, several lines for reflections.

Letters arrive as SDL ``TEXTINPUT`` events (so ë, ï, é and dead keys work),
and an input method's unfinished composition as ``TEXTEDITING`` (shown
underlined at the cursor).  SDL text input is started only while a field
has focus, so letter shortcuts (C, I, H) work everywhere else.  Editing keys:
arrows, Ctrl+arrows (by word), Home/End, Shift to select, Backspace/Delete,
Ctrl+A/C/V/X.  In the multi-line field Enter starts a new line and
Ctrl+Enter confirms.
"""

from __future__ import annotations

import re

import pygame

from escapebox.ui.editing import EditBuffer
from escapebox.ui.widgets.base import Widget

PAD = 20
TOKEN = re.compile(r"\S+\s*|\s+")


def wrap_spans(text: str, width: int, measure) -> list[tuple[int, int]]:
    """Visual lines as (start, end) indices into ``text``; newlines end a line."""
    spans: list[tuple[int, int]] = []
    offset = 0
    for paragraph in text.split("\n"):
        spans.extend(_wrap_paragraph(paragraph, offset, width, measure))
        offset += len(paragraph) + 1
    return spans


def _wrap_paragraph(paragraph: str, offset: int, width: int, measure) -> list[tuple[int, int]]:
    if not paragraph:
        return [(offset, offset)]
    spans = []
    start = end = 0  # the current line runs from start; its accepted words end at end
    for token in TOKEN.finditer(paragraph):
        t_start, t_end = token.span()
        if measure(paragraph[start:t_end].rstrip()) <= width:
            end = t_end
            continue
        if end > start:
            spans.append((offset + start, offset + end))
            start = t_start
        # a single word wider than the line: break it by characters
        while measure(paragraph[start:t_end].rstrip()) > width and t_end - start > 1:
            cut = start + 1
            while cut < t_end and measure(paragraph[start:cut + 1]) <= width:
                cut += 1
            spans.append((offset + start, offset + cut))
            start = cut
        end = t_end
    spans.append((offset + start, offset + end))
    return spans


class _Entry(Widget):
    takes_text = True

    def __init__(self, text: str = "", rect=None, *, key: str = "entry", placeholder: str = "",
                 on_change=None, on_submit=None, max_length: int = 4000, multiline: bool = False,
                 role: str = "body", label: str = ""):
        super().__init__(rect, key)
        self.buffer = EditBuffer(text, max_length=max_length, multiline=multiline)
        self.placeholder = placeholder
        self.on_change = on_change
        self.on_submit = on_submit
        self.role = role
        self.label = label
        self.composition = ""
        self.focused = False

    @property
    def text(self) -> str:
        return self.buffer.text

    def set_text(self, text: str) -> None:
        self.buffer.set(text)
        self._changed()

    def _changed(self) -> None:
        if self.on_change:
            self.on_change(self.buffer.text)

    def activate(self) -> None:
        if self.on_submit:
            self.on_submit()

    def focus_changed(self, focused: bool, ctx) -> None:
        """Start SDL text input only while a field has focus, and tell the IME where we are."""
        self.focused = focused
        self.composition = ""
        if ctx is None:
            return
        if focused:
            pygame.key.start_text_input()
            try:
                pygame.key.set_text_input_rect(ctx.canvas.px(self.rect))
            except (pygame.error, AttributeError):
                pass
        else:
            pygame.key.stop_text_input()

    # ------------------------------------------------------------ events

    def handle(self, event, ctx) -> bool:
        handled = self._handle(event, ctx)
        canvas = getattr(ctx, "canvas", None)
        if handled and canvas is not None:
            # most of what a field does changes the field alone: the next frame may draw only what
            # differs from the last (escapebox/ui/partial.py finds out, and finds anything else too)
            canvas.may_redraw_changes = True
        return handled

    def _handle(self, event, ctx) -> bool:
        if event.type == pygame.TEXTINPUT:
            self.composition = ""
            if self.buffer.insert(event.text):
                self._changed()
            return True
        if event.type == pygame.TEXTEDITING:
            self.composition = event.text
            return True
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            shift = bool(pygame.key.get_mods() & pygame.KMOD_SHIFT)
            self.buffer.move_to(self.position_at(event.pos, ctx), extend=shift)
            return False
        if event.type == pygame.MOUSEMOTION and self.pressed:
            self.buffer.move_to(self.position_at(event.pos, ctx), extend=True)
            return True
        if event.type == pygame.MOUSEBUTTONUP:
            return True  # a click in a field only places the cursor
        if event.type == pygame.KEYDOWN:
            return self._key(event, ctx)
        return False

    def _key(self, event, ctx) -> bool:
        key, mod = event.key, event.mod
        ctrl = bool(mod & (pygame.KMOD_CTRL | pygame.KMOD_META))
        shift = bool(mod & pygame.KMOD_SHIFT)
        b = self.buffer
        if ctrl and key == pygame.K_a:
            b.select_all()
        elif ctrl and key == pygame.K_c:
            ctx.clipboard.copy(b.selected_text())
        elif ctrl and key == pygame.K_x:
            ctx.clipboard.copy(b.cut())
            self._changed()
        elif ctrl and key == pygame.K_v:
            if b.insert(ctx.clipboard.paste()):
                self._changed()
        elif key == pygame.K_BACKSPACE:
            if b.backspace(word=ctrl):
                self._changed()
        elif key == pygame.K_DELETE:
            if b.delete(word=ctrl):
                self._changed()
        elif key == pygame.K_LEFT:
            if b.has_selection and not shift:
                b.move_to(b.selection[0])
            else:
                b.move_to(b.word_left(b.cursor) if ctrl else b.cursor - 1, shift)
        elif key == pygame.K_RIGHT:
            if b.has_selection and not shift:
                b.move_to(b.selection[1])
            else:
                b.move_to(b.word_right(b.cursor) if ctrl else b.cursor + 1, shift)
        elif key == pygame.K_HOME:
            b.move_to(0 if ctrl or not b.multiline else self.visual_line_start(ctx), shift)
        elif key == pygame.K_END:
            b.move_to(len(b.text) if ctrl or not b.multiline else self.visual_line_end(ctx), shift)
        elif key in (pygame.K_RETURN, pygame.K_KP_ENTER):
            return self._enter(ctrl)
        elif key in (pygame.K_UP, pygame.K_DOWN) and b.multiline:
            return self.vertical(ctx, -1 if key == pygame.K_UP else 1, shift)
        elif key in (pygame.K_TAB, pygame.K_ESCAPE, pygame.K_PAGEUP, pygame.K_PAGEDOWN, pygame.K_UP, pygame.K_DOWN) \
                or pygame.K_F1 <= key <= pygame.K_F15:
            return False
        else:
            # printable keys arrive again as TEXTINPUT; swallow them so they are not shortcuts
            return not ctrl or key == pygame.K_SPACE
        return True

    def _enter(self, ctrl: bool) -> bool:
        if self.buffer.multiline and not ctrl:
            if self.buffer.insert("\n"):
                self._changed()
            return True
        if self.on_submit:
            self.on_submit()
            return True
        return False

    # overridden per kind
    def position_at(self, pos, ctx) -> int:
        return len(self.buffer.text)

    def visual_line_start(self, ctx) -> int:
        return self.buffer.line_start(self.buffer.cursor)

    def visual_line_end(self, ctx) -> int:
        return self.buffer.line_end(self.buffer.cursor)

    def vertical(self, ctx, direction: int, extend: bool) -> bool:
        return False

    # ------------------------------------------------------------ drawing helpers

    def _frame(self, canvas, ctx, focused: bool) -> None:
        c = ctx.theme.colours
        canvas.fill(self.rect, c.panel, 10)
        canvas.frame(self.rect, c.border, 3, 10)  # focus shows as the shared focus ring

    def _size(self, ctx) -> int:
        return ctx.size(self.role)


class TextField(_Entry):
    """A one-line answer field that scrolls sideways when the text is long."""

    def __init__(self, text: str = "", rect=None, **kwargs):
        kwargs.setdefault("max_length", 200)
        super().__init__(text, rect, multiline=False, **kwargs)
        self.scroll_x = 0

    def _display(self) -> tuple[str, int]:
        """Text with the composition spliced in at the cursor, and where the cursor is."""
        b = self.buffer
        text = b.text[: b.cursor] + self.composition + b.text[b.cursor:]
        return text, b.cursor + len(self.composition)

    def position_at(self, pos, ctx) -> int:
        size, text = self._size(ctx), self.buffer.text
        x = pos[0] - (self.rect.left + PAD) + self.scroll_x
        best, best_d = 0, None
        for i in range(len(text) + 1):
            d = abs(ctx.canvas.measure(text[:i], "regular", size) - x)
            if best_d is None or d < best_d:
                best, best_d = i, d
        return best

    def draw(self, canvas, ctx, focused: bool) -> None:
        c = ctx.theme.colours
        self._frame(canvas, ctx, focused)
        size = self._size(ctx)
        inner = self.rect.inflate(-2 * PAD, 0)
        text, cursor = self._display()
        cursor_x = canvas.measure(text[:cursor], "regular", size)
        if cursor_x - self.scroll_x > inner.width - 4:
            self.scroll_x = cursor_x - inner.width + 4
        elif cursor_x - self.scroll_x < 0:
            self.scroll_x = max(0, cursor_x - inner.width // 3)
        line_h = canvas.text_renderer.line_height(size)
        top = self.rect.centery - line_h // 2
        with canvas.clip(inner):
            if not text and self.placeholder and not focused:
                canvas.text(self.placeholder, (inner.left, top), "italic", size, c.muted)
            start, end = self.buffer.selection
            if end > start and not self.composition:
                x0 = canvas.measure(text[:start], "regular", size) - self.scroll_x
                x1 = canvas.measure(text[:end], "regular", size) - self.scroll_x
                canvas.fill(pygame.Rect(inner.left + x0, top, x1 - x0, line_h), c.panel_alt)
                canvas.frame(pygame.Rect(inner.left + x0, top, x1 - x0, line_h), c.accent, 2)
            if text:
                canvas.text(text, (inner.left - self.scroll_x, top), "regular", size, c.text)
            if self.composition:
                x0 = canvas.measure(text[: self.buffer.cursor], "regular", size) - self.scroll_x
                canvas.line((inner.left + x0, top + line_h - 4), (inner.left + cursor_x - self.scroll_x, top + line_h - 4), c.accent, 3)
            if focused:
                x = inner.left + cursor_x - self.scroll_x
                canvas.fill(pygame.Rect(x, top + 4, 4, line_h - 8), c.text)


class TextArea(_Entry):
    """A multi-line field that wraps words and scrolls to keep the cursor in view."""

    def __init__(self, text: str = "", rect=None, **kwargs):
        super().__init__(text, rect, multiline=True, **kwargs)
        self.first_line = 0
        self._want_x: int | None = None

    def _spans(self, ctx) -> list[tuple[int, int]]:
        size = self._size(ctx)
        width = self.rect.width - 2 * PAD - 8
        return wrap_spans(self.buffer.text, width, lambda s: ctx.canvas.measure(s, "regular", size))

    @staticmethod
    def _line_of(spans, position: int) -> int:
        line = 0
        for i, (start, _end) in enumerate(spans):
            if start <= position:
                line = i
            else:
                break
        return line

    def _x_of(self, ctx, spans, position: int) -> int:
        start, _ = spans[self._line_of(spans, position)]
        return ctx.canvas.measure(self.buffer.text[start:position], "regular", self._size(ctx))

    def _index_at_x(self, ctx, span, x: int) -> int:
        start, end = span
        text = self.buffer.text
        best, best_d = start, None
        for i in range(start, end + 1):
            d = abs(ctx.canvas.measure(text[start:i], "regular", self._size(ctx)) - x)
            if best_d is None or d < best_d:
                best, best_d = i, d
        return best

    def visual_line_start(self, ctx) -> int:
        spans = self._spans(ctx)
        return spans[self._line_of(spans, self.buffer.cursor)][0]

    def visual_line_end(self, ctx) -> int:
        spans = self._spans(ctx)
        start, end = spans[self._line_of(spans, self.buffer.cursor)]
        text = self.buffer.text
        while end > start and end <= len(text) and text[end - 1:end] == " " and end != len(text):
            end -= 1
        return end

    def vertical(self, ctx, direction: int, extend: bool) -> bool:
        spans = self._spans(ctx)
        line = self._line_of(spans, self.buffer.cursor)
        target = line + direction
        if not 0 <= target < len(spans):
            self.buffer.move_to(0 if direction < 0 else len(self.buffer.text), extend)
            return True
        x = self._x_of(ctx, spans, self.buffer.cursor)
        self.buffer.move_to(self._index_at_x(ctx, spans[target], x), extend)
        return True

    def position_at(self, pos, ctx) -> int:
        spans = self._spans(ctx)
        line_h = ctx.canvas.text_renderer.line_height(self._size(ctx))
        line = self.first_line + (pos[1] - self.rect.top - PAD) // line_h
        line = max(0, min(len(spans) - 1, line))
        return self._index_at_x(ctx, spans[line], pos[0] - self.rect.left - PAD)

    def handle(self, event, ctx) -> bool:
        if event.type == pygame.MOUSEWHEEL:
            self.first_line = max(0, self.first_line - event.y * 2)
            return True
        return super().handle(event, ctx)

    def draw(self, canvas, ctx, focused: bool) -> None:
        c = ctx.theme.colours
        self._frame(canvas, ctx, focused)
        size = self._size(ctx)
        line_h = canvas.text_renderer.line_height(size)
        inner = self.rect.inflate(-2 * PAD, -2 * PAD)
        visible = max(1, inner.height // line_h)
        spans = self._spans(ctx)
        b = self.buffer
        cursor_line = self._line_of(spans, b.cursor)
        if cursor_line < self.first_line:
            self.first_line = cursor_line
        elif cursor_line >= self.first_line + visible:
            self.first_line = cursor_line - visible + 1
        self.first_line = max(0, min(self.first_line, max(0, len(spans) - 1)))
        if not b.text and self.placeholder and not focused:
            canvas.text(self.placeholder, inner.topleft, "italic", size, c.muted)
        sel_start, sel_end = b.selection
        with canvas.clip(self.rect.inflate(-6, -6)):
            for row, (start, end) in enumerate(spans[self.first_line:self.first_line + visible]):
                y = inner.top + row * line_h
                line = b.text[start:end]
                if sel_end > sel_start and sel_start < end + 1 and sel_end > start:
                    a, z = max(start, sel_start), min(end, sel_end)
                    x0 = canvas.measure(b.text[start:a], "regular", size)
                    x1 = canvas.measure(b.text[start:z], "regular", size) + (8 if sel_end > end else 0)
                    canvas.fill(pygame.Rect(inner.left + x0, y, max(4, x1 - x0), line_h), c.panel_alt)
                    canvas.frame(pygame.Rect(inner.left + x0, y, max(4, x1 - x0), line_h), c.accent, 2)
                if line.strip():
                    canvas.text(line.rstrip("\n"), (inner.left, y), "regular", size, c.text)
                if focused and self.first_line + row == cursor_line:
                    x = canvas.measure(b.text[start:b.cursor], "regular", size)
                    if self.composition:
                        comp_w = canvas.measure(self.composition, "regular", size)
                        canvas.fill(pygame.Rect(inner.left + x, y, comp_w, line_h), c.panel)
                        canvas.text(self.composition, (inner.left + x, y), "regular", size, c.text)
                        canvas.line((inner.left + x, y + line_h - 4), (inner.left + x + comp_w, y + line_h - 4), c.accent, 3)
                        x += comp_w
                    canvas.fill(pygame.Rect(inner.left + x, y + 4, 4, line_h - 8), c.text)
        if len(spans) > visible:
            self._scrollbar(canvas, ctx, len(spans), visible)

    def _scrollbar(self, canvas, ctx, total: int, visible: int) -> None:
        track = pygame.Rect(self.rect.right - 14, self.rect.top + 10, 6, self.rect.height - 20)
        canvas.fill(track, ctx.theme.colours.panel_alt, 3)
        h = max(30, track.height * visible // total)
        y = track.top + (track.height - h) * self.first_line // max(1, total - visible)
        canvas.fill(pygame.Rect(track.left, y, 6, h), ctx.theme.colours.muted, 3)
