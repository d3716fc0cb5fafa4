"""``escapebox bundle``: a folder with an ``Escapebox`` launcher that runs without Python.

:mod:`escapebox.bundle.build` freezes the installed package with PyInstaller (one-folder mode,
which virus scanners flag less than one-file) and copies every asset, catalogue and bundled
scenario into it; :mod:`escapebox.bundle.edition` adds an organisation's own name, house style
and scenarios; :mod:`escapebox.bundle.entry` is the launcher's first Python code.  It sits at the
``cli`` layer: nothing below imports it (docs/distribution.md).
"""
