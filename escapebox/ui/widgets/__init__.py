"""Our own small widget layer: no GUI toolkit, just what the screens need.

Widgets live in logical coordinates, draw through the :class:`Canvas` and
read colours and sizes from the app context (``ctx.theme``, ``ctx.size``).
A :class:`FocusGroup` gives a screen Tab/arrow/Enter navigation, mouse
clicks and the visible focus ring.
"""

from escapebox.ui.widgets.base import FocusGroup, Widget, draw_focus_ring
from escapebox.ui.widgets.button import Button, draw_badge
from escapebox.ui.widgets.entry import TextArea, TextField
from escapebox.ui.widgets.textbox import TextBox

__all__ = ["Widget", "FocusGroup", "draw_focus_ring", "Button", "draw_badge", "TextBox", "TextField", "TextArea"]
