"""One module per screen.  ``base`` holds what game screens share (top bar, toolbar, dialogs)."""
