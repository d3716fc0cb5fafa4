"""Allow ``python -m escapebox`` as well as the ``escapebox`` command."""

from escapebox.cli import main

raise SystemExit(main())
