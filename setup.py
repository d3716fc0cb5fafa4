"""Put the shared assets and bundled scenarios inside the package, as ``escapebox/data/``.

``pyproject.toml`` holds the project's metadata; this file only adds the two folders, which
must be walked because scenario folders come and go.  Inside the package they travel with it
in every install layout (a virtual environment, ``pipx``, ``pip install --user`` or
``--target``, a frozen app), and ``escapebox.paths`` finds them there first.  An editable
install reads them from the checkout instead.  ``MANIFEST.in`` puts them in the sdist.
"""

import os

from setuptools import setup
from setuptools.command.build_py import build_py

SHIPPED = ("assets", "scenarios")


def shipped_files(*roots):
    """Every file to ship: not compiled caches, not a validator's expected output, no symlinks."""
    for root in roots:
        for folder, _dirs, files in os.walk(root):
            for name in files:
                path = os.path.join(folder, name)
                if not name.endswith((".pyc", ".expected")) and not os.path.islink(path):
                    yield path


class BuildWithData(build_py):
    def run(self):
        super().run()
        if getattr(self, "editable_mode", False):
            return
        for source in shipped_files(*SHIPPED):
            target = os.path.join(self.build_lib, "escapebox", "data", source)
            self.mkpath(os.path.dirname(target))
            self.copy_file(source, target)


setup(cmdclass={"build_py": BuildWithData})
