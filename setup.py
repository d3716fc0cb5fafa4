"""Install the shared assets and bundled scenarios next to the package.

``pyproject.toml`` holds the project's metadata; this file only lists the
data files, which must be walked because scenario folders come and go.
``escapebox.paths`` finds them again under ``<prefix>/share/escapebox``.
"""

import os

from setuptools import setup


def data_files(*roots):
    found = {}
    for root in roots:
        for folder, _dirs, files in os.walk(root):
            kept = [os.path.join(folder, f) for f in files
                    if not f.endswith((".pyc", ".expected")) and not os.path.islink(os.path.join(folder, f))]
            if kept:
                found[os.path.join("share", "escapebox", folder)] = kept
    return sorted(found.items())


setup(data_files=data_files("assets", "scenarios"))
