"""Drawing only the dialog on top, over the last frame, when nothing under it can have changed.

A key press in a dialog (hint, help, settings) changes only the dialog, yet
the loop drew the whole window for it: the background, the room under the
dialog with its picture, the dim and the dialog.  That was the slowest
redraw of all (8.9 ms at 1920×1080 and 27.9 ms at 3840×2160 for the hint
and help dialogs, docs/performance.md).  The window still holds the last
frame, so when the screens under the dialog would draw the same pixels
again (they get no input while the dialog is open; the game's state, the
clock, the settings and the window are compared), the dialog alone draws
its panel again over it.  Anything else falls back to the whole window:
another stack, window or panel, a message or banner in this frame or the
last, a screen below that is animating, waiting for a moment or cannot tell.
The picture is the same as a full draw (tests/ui/test_partial_redraw.py).
"""

from __future__ import annotations


class LastFrame:
    """What the last frame on the window showed, to tell whether the top dialog may be drawn alone."""

    def __init__(self) -> None:
        self.shown: tuple | None = None

    def forget(self) -> None:
        self.shown = None

    def redraw_top(self, app, visible: list) -> bool:
        """Draw only the top screen if the rest of the last frame is still right; False: draw everything."""
        shown = self._showing(app, visible)
        previous, self.shown = self.shown, shown
        if shown is None or shown != previous or app.toasts or app.banner:
            return False
        if not all(screen.unchanged_since_drawn() for screen in visible[:-1]):
            return False
        return visible[-1].redraw_alone(app.canvas)

    @staticmethod
    def _showing(app, visible: list) -> tuple | None:
        """The stack, window and top panel this frame shows, and whether it has a message or banner."""
        if len(visible) < 2 or visible[-1].opaque:
            return None
        panel = visible[-1].alone_rect()
        if panel is None:
            return None
        return (tuple(visible), app.canvas.surface, app.canvas.surface.get_size(), tuple(panel),
                bool(app.toasts), bool(app.banner))
