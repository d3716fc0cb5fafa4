"""A list on the left, the chosen entry in full on the right: the clue book and the inventory.

Moving the focus through the list (arrows, Tab, mouse) shows that entry
at once and takes away its "nieuw" badge.  Long lists scroll to keep the
focused entry in view; the detail text pages with PageUp/PageDown.
"""

from __future__ import annotations

import pygame

from escapebox.ui.screens.base import GameScreen
from escapebox.ui.widgets import Button, TextBox

LIST_W = 640
GAP = 24


class ListDetailScreen(GameScreen):
    empty_key = "ui.list.empty"

    def __init__(self, app, select: str | None = None):
        super().__init__(app)
        self.selected = select
        self.scroll = 0
        self.list_buttons: list[Button] = []

    # subclasses ------------------------------------------------------------

    def entries(self) -> list[tuple[str, str, str | None, bool]]:
        """(id, label, icon, is_new) per entry, in the order found."""
        return []

    def detail_title(self, entry: str) -> str:
        return ""

    def detail_text(self, entry: str) -> str:
        return ""

    def detail_image(self, entry: str):
        return None

    def extra_widgets(self, area: pygame.Rect) -> list:
        """Buttons under the detail text (the inventory's combine controls)."""
        return []

    def mark_seen(self, entry: str) -> None:
        pass

    # layout ------------------------------------------------------------------

    def build(self, area: pygame.Rect) -> list:
        entries = self.entries()
        ids = [e[0] for e in entries]
        if self.selected not in ids:
            self.selected = ids[0] if ids else None
        if self.selected:
            self.mark_seen(self.selected)
        self.list_area = pygame.Rect(area.left, area.top, LIST_W, area.height)
        self.list_buttons = []
        for eid, label, icon, is_new in entries:
            button = Button(label, lambda eid=eid: self.select(eid), key=f"entry:{eid}", icon=icon,
                            align="left", badge=self.app.tr("ui.badge.new") if is_new and eid != self.selected else None,
                            selected=None)
            button.kind = "primary" if eid == self.selected else "normal"  # before measuring: bold is wider
            self.list_buttons.append(button)
        self._place_list()
        detail = pygame.Rect(area.left + LIST_W + GAP, area.top, area.width - LIST_W - GAP, area.height)
        extra = self.extra_widgets(detail) if self.selected else []
        if extra:
            detail.height = min(b.rect.top for b in extra) - GAP - detail.top
        self.image_rect = None
        text_area = pygame.Rect(detail)
        image = self.detail_image(self.selected) if self.selected else None
        if image is not None and self.app.images.natural_size(image) is not None:
            self.image_rect = pygame.Rect(detail.left, detail.top, detail.width, min(360, detail.height // 2))
            text_area.top = self.image_rect.bottom + GAP
            text_area.height = detail.bottom - text_area.top
        text = self.detail_text(self.selected) if self.selected else self.app.tr(self.empty_key)
        self.detail_panel = text_area
        title = self.detail_title(self.selected) if self.selected else ""
        inner = text_area.inflate(-48, -40)
        self.title_layout = None
        if title:
            self.title_layout = self.app.canvas.layout(title, "bold", self.app.size("heading"), inner.width)
            inner.top += self.title_layout.height + 16
            inner.height -= self.title_layout.height + 16
        self.text_box = TextBox(text, inner, key="detail")
        return self.list_buttons + extra + [self.text_box]

    def default_focus(self) -> str | None:
        return f"entry:{self.selected}" if self.selected else None

    def _place_list(self) -> None:
        canvas, y = self.app.canvas, self.list_area.top
        heights = [b.preferred_height(canvas, self.app, LIST_W - 24) for b in self.list_buttons]
        total = sum(heights) + 16 * len(heights)
        self.scroll = max(0, min(self.scroll, total - self.list_area.height))
        y -= self.scroll
        for button, height in zip(self.list_buttons, heights):
            button.rect = pygame.Rect(self.list_area.left + 12, y + 12, LIST_W - 24, height)
            button.clipped = button.rect.top < self.list_area.top or button.rect.bottom > self.list_area.bottom
            y += height + 16

    def _ensure_visible(self, button: Button) -> None:
        if button.rect.top < self.list_area.top + 12:
            self.scroll -= self.list_area.top + 12 - button.rect.top
        elif button.rect.bottom > self.list_area.bottom - 4:
            self.scroll += button.rect.bottom - self.list_area.bottom + 4
        else:
            return
        self._place_list()

    # behaviour -------------------------------------------------------------------

    def select(self, eid: str) -> None:
        if eid != self.selected:
            self.selected = eid
            self.layout()
            self.app.invalidate()

    def update(self, dt: float) -> bool:
        focused = self.focus.focused
        if focused in self.list_buttons:
            self._ensure_visible(focused)
            eid = focused.key.split(":", 1)[1]
            if eid != self.selected:
                self.select(eid)
        return super().update(dt)

    def handle(self, event) -> bool:
        if event.type == pygame.MOUSEWHEEL and self.list_area.collidepoint(self.app.mouse_pos()):
            self.scroll -= event.y * 60
            self._place_list()
            return True
        return super().handle(event)

    def pager(self):
        return self.text_box

    def draw_content(self, canvas) -> None:
        c = self.app.theme.colours
        canvas.fill(self.list_area, c.panel_alt, self.app.theme.radius)
        if not self.list_buttons:
            layout = canvas.layout(self.app.tr(self.empty_key), "italic", self.app.size("body"), LIST_W - 48)
            canvas.paragraph(layout, self.list_area.inflate(-48, -48), c.muted)
        if self.image_rect is not None:
            canvas.image(self.detail_image(self.selected), self.image_rect)
        panel = self.detail_panel
        canvas.fill(panel, c.panel, self.app.theme.radius)
        canvas.frame(panel, c.border, 2, self.app.theme.radius)
        if self.title_layout is not None:
            canvas.paragraph(self.title_layout, pygame.Rect(panel.left + 24, panel.top + 20, panel.width - 48,
                                                            self.title_layout.height), c.text)

    def autoplay(self, command) -> list | None:
        return self.go_back()
