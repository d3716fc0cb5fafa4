"""A list on the left, the chosen entry in full on the right: the clue book and the inventory.

The book opens at the newest entry (the one just found), selected and in
view.  Entries found since the book was last opened carry a "nieuw" badge
for the whole visit (the game counts them as seen from the moment it opens).  Moving the focus
through the list (arrows, Tab, mouse) shows that entry at once.  A list
longer than its panel scrolls by whole rows (the wheel, the arrows, or a
click on "nog 3 hieronder"), so no row is ever half shown and the first row
shown sits at the top; a marker above and below says how many rows are
out of sight.  The detail text pages with PageUp/PageDown, and a picture
opens full-screen with zoom (:mod:`escapebox.ui.screens.picture_view`).
"""

from __future__ import annotations

import pygame

from escapebox.ui.screens.base import GameScreen
from escapebox.ui.screens.picture_view import PictureView
from escapebox.ui.widgets import Button, TextBox

LIST_W = 640
GAP = 24
#: inside the list panel: the margin round the rows, and the space between two rows
PAD = 12
ROW_GAP = 16
#: the picture above an entry's text is at most this tall (and half the detail panel)
PICTURE_H = 360
#: the "view large" button goes beside the picture when this much width is left over: "Groot bekijken (Z)"
#: with its magnifier is about 330 logical px wide at the beamer's text size
ZOOM_BESIDE_W = 360
ZOOM_MAX_W = 560


class ScrollMarker(Button):
    """"▲ nog 2 hierboven" / "▼ nog 3 hieronder": a drawn arrow and a count; a click scrolls a page.

    Not in the Tab order (the arrow keys already scroll the list), so the
    focus order of the list stays the same whether a marker shows or not.
    """

    focusable = False

    def __init__(self, text: str, on_activate, *, key: str, down: bool):
        super().__init__(text, on_activate, key=key, role="small")
        self.down = down
        self.pad_y = 6

    def draw(self, canvas, ctx, focused: bool) -> None:
        c = ctx.theme.colours
        canvas.fill(self.rect, c.panel_alt if not self.hovered else c.panel, ctx.theme.radius)
        size = ctx.size(self.role)
        width = canvas.measure(self.text, "bold", size)
        arrow = size
        left = self.rect.centerx - (width + arrow + 16) // 2
        top, mid = self.rect.centery - arrow // 2, self.rect.centery
        if self.down:
            points = [(left, top + 4), (left + arrow, top + 4), (left + arrow // 2, top + arrow - 2)]
        else:
            points = [(left, top + arrow - 2), (left + arrow, top + arrow - 2), (left + arrow // 2, top + 4)]
        canvas.polygon(points, c.accent)
        canvas.text(self.text, (left + arrow + 16, mid), "bold", size, c.text, "midleft")


class ListDetailScreen(GameScreen):
    empty_key = "ui.list.empty"

    def __init__(self, app, select: str | None = None):
        super().__init__(app)
        self.selected = select
        #: the first row shown (the list scrolls by whole rows)
        self.first = 0
        #: rows after the last one shown
        self.end = 0
        #: entries new since the book was last opened: badged for this whole visit
        self.fresh: set[str] = set()
        self.list_buttons: list[Button] = []
        self._heights: list[int] = []
        self._seen_focus = None

    # subclasses ------------------------------------------------------------

    def entries(self) -> list[tuple[str, str, str | None]]:
        """(id, label, icon) per entry, in the order found (the newest last)."""
        return []

    def unseen(self) -> set[str]:
        """Entries the group has not looked at yet (the game remembers them across screens)."""
        return set()

    def mark_seen(self, entries: set[str]) -> None:
        pass

    def detail_title(self, entry: str) -> str:
        return ""

    def detail_text(self, entry: str) -> str:
        return ""

    def detail_image(self, entry: str):
        return None

    def extra_widgets(self, area: pygame.Rect) -> list:
        """Buttons under the detail text (the inventory's combine controls)."""
        return []

    # layout ------------------------------------------------------------------

    def build(self, area: pygame.Rect) -> list:
        entries = self.entries()
        ids = [e[0] for e in entries]
        if self.selected not in ids:
            self.selected = ids[-1] if ids else None       # the newest: what the group just found
        # new since the last visit: badged for this whole visit, and seen from now on (the toolbar's count drops)
        self.fresh |= self.unseen() & set(ids)
        self.mark_seen(self.fresh)
        self.list_area = pygame.Rect(area.left, area.top, LIST_W, area.height)
        new = self.app.tr("ui.badge.new")
        self.list_buttons = []
        for eid, label, icon in entries:
            button = Button(label, lambda eid=eid: self.select(eid), key=f"entry:{eid}", icon=icon, align="left",
                            badge=new if eid in self.fresh else None, item=True)
            button.kind = "primary" if eid == self.selected else "normal"  # before measuring: bold is wider
            self.list_buttons.append(button)
        self._heights = [b.preferred_height(self.app.canvas, self.app, LIST_W - 2 * PAD) for b in self.list_buttons]
        self.more_up = ScrollMarker("", lambda: self.scroll_page(-1), key="list_up", down=False)
        self.more_down = ScrollMarker("", lambda: self.scroll_page(1), key="list_down", down=True)
        self._marker_h = self.more_down.preferred_height(self.app.canvas, self.app, LIST_W - 2 * PAD)
        if self.selected in ids:
            self._show_row(ids.index(self.selected))
        else:
            self._place_list()
        detail = pygame.Rect(area.left + LIST_W + GAP, area.top, area.width - LIST_W - GAP, area.height)
        extra = self.extra_widgets(detail) if self.selected else []
        if extra:
            detail.height = min(b.rect.top for b in extra) - GAP - detail.top
        return self.list_buttons + [self.more_up, self.more_down] + extra + self._build_detail(detail)

    def _build_detail(self, detail: pygame.Rect) -> list:
        """The picture (with its "view large" button) above the title and text of the chosen entry."""
        widgets = []
        self.image_rect = None
        text_area = pygame.Rect(detail)
        image = self.detail_image(self.selected) if self.selected else None
        natural = self.app.images.natural_size(image) if image is not None else None
        if natural is not None:
            zoom = Button(self.app.tr("ui.picture.open"), self.open_picture, key="picture_open", icon="magnifier")
            widgets.append(zoom)
            text_area.top = self._place_picture(zoom, detail, natural) + GAP
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
        return widgets + [self.text_box]

    def _place_picture(self, zoom: Button, detail: pygame.Rect, natural: tuple[int, int]) -> int:
        """The picture and its "view large" button; returns the bottom of the two.

        A picture narrower than the panel (a 16:9 rooster) gets its full height with the button beside
        it, bottom-aligned; a wide one (a 3:1 rooster) fills the width with the button under it.  Beside,
        the zij-instromer rooster grew from about 500×285 to 640×360 logical px at 1280×720.
        """
        canvas, app = self.app.canvas, self.app
        height = min(PICTURE_H, detail.height // 2)
        width = min(detail.width, round(height * natural[0] / natural[1]))
        beside = min(ZOOM_MAX_W, detail.width - width - GAP)
        if beside >= ZOOM_BESIDE_W and (zoom_h := zoom.preferred_height(canvas, app, beside)) <= height:
            self.image_rect = pygame.Rect(detail.left, detail.top, width, height)
            zoom.rect = pygame.Rect(self.image_rect.right + GAP, self.image_rect.bottom - zoom_h, beside, zoom_h)
            return self.image_rect.bottom
        zoom_h = zoom.preferred_height(canvas, app, detail.width)
        self.image_rect = pygame.Rect(detail.left, detail.top, detail.width, height - zoom_h)
        zoom.rect = pygame.Rect(detail.left, self.image_rect.bottom + 8, detail.width, zoom_h)
        return zoom.rect.bottom

    def default_focus(self) -> str | None:
        return f"entry:{self.selected}" if self.selected else None

    # scrolling -------------------------------------------------------------------

    def _fit(self, first: int) -> int:
        """The row after the last one that fits when ``first`` is the top row (at least one row shows)."""
        top, bottom = self.list_area.top + PAD, self.list_area.bottom - PAD
        if first > 0:
            top += self._marker_h + ROW_GAP
        for reserve in (0, self._marker_h + ROW_GAP):      # all the rest fits, else keep room for "nog N"
            y, end = top, first
            while end < len(self._heights) and y + self._heights[end] <= bottom - reserve:
                y += self._heights[end] + ROW_GAP
                end += 1
            if end == len(self._heights):
                return end
            if reserve:
                return max(end, first + 1)
        return len(self._heights)

    def _last_first(self) -> int:
        """The highest top row: from there on the rest of the list fits."""
        return next((f for f in range(len(self._heights)) if self._fit(f) == len(self._heights)), 0)

    def _place_list(self) -> None:
        """Rows from :attr:`first` down; the rows out of sight keep places above and below (for the arrows)."""
        count = len(self.list_buttons)
        self.first = max(0, min(self.first, self._last_first()))
        self.end = self._fit(self.first) if count else 0
        x, width = self.list_area.left + PAD, LIST_W - 2 * PAD
        y = self.list_area.top + PAD
        self.more_up.visible = self.first > 0
        if self.more_up.visible:
            self.more_up.text = self.app.tr("ui.list.more_above", count=self.first)
            self.more_up.rect = pygame.Rect(x, y, width, self._marker_h)
            y += self._marker_h + ROW_GAP
        above = y
        for index in range(self.first - 1, -1, -1):       # out of sight above, in order
            above -= self._heights[index] + ROW_GAP
            self._put(index, pygame.Rect(x, above, width, self._heights[index]), clipped=True)
        for index in range(self.first, count):
            self._put(index, pygame.Rect(x, y, width, self._heights[index]), clipped=index >= self.end)
            y += self._heights[index] + ROW_GAP
        self.more_down.visible = self.end < count
        if self.more_down.visible:
            self.more_down.text = self.app.tr("ui.list.more_below", count=count - self.end)
            self.more_down.rect = pygame.Rect(x, self.list_area.bottom - PAD - self._marker_h, width, self._marker_h)

    def _put(self, index: int, rect: pygame.Rect, clipped: bool) -> None:
        button = self.list_buttons[index]
        button.rect = rect
        button.clipped = clipped

    def _show_row(self, index: int) -> None:
        """Scroll as little as possible so that row ``index`` is shown whole."""
        if index < self.first:
            self.first = index
        else:
            self.first = max(0, min(self.first, self._last_first()))
            while self._fit(self.first) <= index and self.first < index:
                self.first += 1
        self._place_list()

    def scroll_rows(self, rows: int) -> bool:
        before = self.first
        self.first = max(0, min(self._last_first(), self.first + rows))
        if self.first == before:
            return False
        self._place_list()
        self.app.invalidate()
        return True

    def scroll_page(self, direction: int) -> None:
        shown = max(1, self.end - self.first)
        self.scroll_rows(direction * shown)

    # behaviour -------------------------------------------------------------------

    def select(self, eid: str) -> None:
        if eid != self.selected:
            self.selected = eid
            self.layout()
            self.app.invalidate()

    def open_picture(self) -> None:
        image = self.detail_image(self.selected) if self.selected else None
        if image is not None:
            self.app.stack.push(PictureView(self.app, image, self.detail_title(self.selected)))

    def own_shortcuts(self) -> dict:
        return {pygame.K_z: self.open_picture} if self.focus.find("picture_open") else {}

    def update(self, dt: float) -> bool:
        focused = self.focus.focused
        if focused is not self._seen_focus:               # only when the focus moved: the wheel may scroll freely
            self._seen_focus = focused
            if focused in self.list_buttons:
                self._show_row(self.list_buttons.index(focused))
                eid = focused.key.split(":", 1)[1]
                if eid != self.selected:
                    self.select(eid)
                    self._seen_focus = self.focus.focused
        return super().update(dt)

    def handle(self, event) -> bool:
        if event.type == pygame.MOUSEWHEEL and self.list_area.collidepoint(self.app.mouse_pos()):
            self.scroll_rows(-event.y)
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
