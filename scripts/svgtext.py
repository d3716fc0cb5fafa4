"""Moved into the program: ``escapebox svgtext SRC.svg DST.svg`` (escapebox/authoring/svgtext.py).

Kept so that ``python scripts/svgtext.py SRC.svg DST.svg`` from older notes still works.
"""
import sys

from escapebox.cli import main

if __name__ == "__main__":
    sys.exit(main(["svgtext", *sys.argv[1:]]))
