"""Read a theme file (or a built-in theme by name) into a :class:`~escapebox.themes.theme.Theme`.

Built-in themes live in ``assets/themes``: ``default.yaml``,
``high_contrast.yaml`` and one folder per example organisation
(``zorggroep-voorbeeld/theme.yaml`` with its logo).  A scenario names a
theme with ``theme:`` — a built-in name or a file inside the scenario
folder — and ``escapebox play --theme FILE`` overrides it.  Files a theme
names (fonts, logo, background) must stay inside the theme's folder, like
a scenario's pictures: a theme from a USB stick cannot read elsewhere.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from escapebox.paths import assets_dir
from escapebox.problems import EscapeboxError, Problem, Severity, errors
from escapebox.scenario.cache import remembered
from escapebox.scenario.filebytes import read_file_bytes
from escapebox.themes.contrast import check_contrast
from escapebox.themes.model import ThemeFile
from escapebox.themes.theme import Colours, Fonts, Theme, theme_named

if TYPE_CHECKING:  # the YAML reader is imported only for a theme file not checked before
    from escapebox.scenario.yamlsafe import Document

BUILTIN_THEMES = ("default", "high_contrast", "zorggroep-voorbeeld")
FONT_SUFFIXES = (".ttf", ".otf")
IMAGE_SUFFIXES = (".svg", ".png", ".jpg", ".jpeg")
THEME_FILE = Path("theme").with_suffix(".yaml")  # the file in a theme folder (built from parts: not a message key)


@dataclass(frozen=True)
class LoadedTheme:
    """A usable theme plus what the checker found (contrast warnings, or errors that refuse it)."""

    theme: Theme
    file: str = ""
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not errors(self.problems)


def themes_dir() -> Path:
    return assets_dir() / "themes"


def is_theme_document(doc: Document) -> bool:
    """``escapebox validate`` tells a theme from a scenario by its top-level ``theme_format`` key."""
    return isinstance(doc.data, dict) and "theme_format" in doc.data


def builtin_file(name: str) -> Path | None:
    for candidate in (themes_dir() / f"{name}.yaml", themes_dir() / name / THEME_FILE):
        if candidate.is_file():
            return candidate
    return None


def builtin_theme(name: str) -> LoadedTheme:
    """A built-in theme; falls back to the copy in code when assets/themes is missing."""
    path = builtin_file(name)
    if path is None:
        return LoadedTheme(theme_named(name), name)
    return load_theme_file(path, name=name)


def load_theme_file(path: Path | str, name: str | None = None) -> LoadedTheme:
    """Read and check one theme file; raises :class:`EscapeboxError` when it cannot be read at all."""
    path = Path(path)
    if path.is_dir():
        path = path / THEME_FILE
    raw = read_file_bytes(path, str(path))
    document = _LazyDocument(raw, str(path))
    model = remembered("theme", raw, lambda: _check(document.get()))
    problems: list[Problem] = []
    theme = _build(model, path.parent, document, problems, name or path.stem)
    problems += check_contrast(theme, str(path), document)
    return LoadedTheme(theme, str(path), sorted(problems, key=lambda p: (p.line or 0, p.column or 0)))


class _LazyDocument:
    """The theme file's YAML positions, read only when a problem must point into the file.

    A theme checked before comes from the cache (:mod:`escapebox.scenario.cache`); most
    starts then never parse it at all.
    """

    def __init__(self, raw: bytes, name: str):
        self.raw, self.file, self._doc = raw, name, None

    def get(self) -> Document:
        if self._doc is None:
            from escapebox.scenario.yamlsafe import parse_yaml
            self._doc = parse_yaml(self.raw, self.file)
        return self._doc

    def __getattr__(self, name: str):
        return getattr(self.get(), name)  # mark, key_mark, value_marks: as a Document


def _check(doc: Document) -> ThemeFile:
    if not is_theme_document(doc):
        mark = doc.mark(())
        raise EscapeboxError([Problem("theme.not_a_theme", {}, file=doc.file,
                                      line=mark.line if mark else 1, column=mark.column if mark else 1)])
    from escapebox.scenario.checking import check  # pydantic: only for a file not checked before
    try:
        return check(ThemeFile, doc)
    except EscapeboxError as exc:
        raise EscapeboxError([_own_rule(p) for p in exc.problems]) from None


def _own_rule(problem: Problem) -> Problem:
    """Colour and path rules speak of themes, not scenarios (``theme_bad_colour`` → ``theme.bad_colour``)."""
    rule = problem.code.rpartition(".")[2]
    if problem.code.startswith("schema.") and rule.startswith("theme_"):
        return replace(problem, code="theme." + rule[len("theme_"):])
    if rule == "asset_outside":
        return replace(problem, code="theme.path_outside")
    return problem


def _build(model: ThemeFile, folder: Path, doc: Document, problems: list, name: str) -> Theme:
    base = theme_named(model.based_on)
    colours = replace(base.colours, **{k: v for k, v in asdict(model.colours).items() if v is not None})
    fonts = {style: _font(value, folder, doc, ("fonts", style), problems)
             for style, value in asdict(model.fonts).items() if value is not None}
    return replace(
        base, name=name, label=model.name, colours=colours,
        fonts=replace(base.fonts, **{k: v for k, v in fonts.items() if v is not None}),
        logo=_file(model.logo, folder, doc, ("logo",), IMAGE_SUFFIXES, problems),
        background_image=_file(model.background_image, folder, doc, ("background_image",), IMAGE_SUFFIXES, problems),
        radius=base.radius if model.radius is None else model.radius,
    )


def _font(value: str, folder: Path, doc, where: tuple, problems: list) -> str | None:
    """A font next to the theme (an absolute path once checked) or a file name in assets/fonts."""
    if "/" not in value and "\\" not in value and (assets_dir() / "fonts" / value).is_file():
        return value
    path = _file(value, folder, doc, where, FONT_SUFFIXES, problems)
    return str(path) if path else None


def _file(value: str | None, folder: Path, doc, where: tuple, suffixes: tuple, problems: list) -> Path | None:
    if value is None:
        return None
    path = folder / value
    code = None
    if path.suffix.lower() not in suffixes:
        code = "theme.bad_file_type"
    elif not path.is_file():
        code = "theme.file_missing"
    elif not path.resolve().is_relative_to(folder.resolve()):
        code = "theme.file_outside"
    if code is None:
        return path
    mark = doc.mark(where)
    problems.append(Problem(code, {"file": value, "types": ", ".join(suffixes)}, Severity.ERROR, doc.file,
                            mark.line if mark else None, mark.column if mark else None, ".".join(where)))
    return None


def resolve_theme(ref: str, folder: Path | None) -> LoadedTheme:
    """A theme named by a scenario or ``--theme``: a built-in name, else a file (inside ``folder`` if given)."""
    if ref in BUILTIN_THEMES:
        return builtin_theme(ref)
    if folder is None:
        return load_theme_file(Path(ref))
    path = folder / ref
    if Path(ref).is_absolute() or ".." in Path(ref).parts or not path.resolve().is_relative_to(folder.resolve()):
        raise EscapeboxError([Problem("theme.ref_outside", {"ref": ref}, file=ref)])
    return load_theme_file(path)


def names_house_style(ref: str | None) -> bool:
    """``theme:`` always names a house style: a built-in name or a theme file.

    Anything else is a mistake the validator reports, so a misspelt theme name
    is never silently ignored.
    """
    return bool(ref)


def theme_for_scenario(loaded) -> tuple[LoadedTheme | None, list[Problem]]:
    """The theme a scenario asks for, or None with the problems (never raises: a broken theme
    falls back to the player's own theme, and ``escapebox validate`` reports why)."""
    ref = getattr(loaded.scenario, "theme", None)
    if not names_house_style(ref):
        return None, []
    try:
        found = resolve_theme(ref, loaded.folder)
    except EscapeboxError as exc:
        mark = loaded.document.mark(("theme",))
        head = Problem("theme.scenario_theme_unusable", {"ref": ref}, Severity.ERROR, loaded.file,
                       mark.line if mark else None, mark.column if mark else None, "theme")
        return None, [head] + exc.problems
    return (found if found.ok else None), found.problems


__all__ = ["BUILTIN_THEMES", "LoadedTheme", "builtin_theme", "is_theme_document", "load_theme_file",
           "resolve_theme", "theme_for_scenario", "themes_dir", "Colours", "Fonts"]


def theme_file_problems(path: Path) -> tuple[str, list[Problem]] | None:
    """For ``escapebox validate``: (file, problems) when ``path`` is a theme file, else None."""
    path = Path(path)
    if not path.is_file() or path.suffix.lower() not in (".yaml", ".yml"):
        return None
    try:
        from escapebox.scenario.yamlsafe import read_yaml_file
        if not is_theme_document(read_yaml_file(path, display_name=str(path))):
            return None
        loaded = load_theme_file(path)
    except EscapeboxError as exc:
        return (str(path), exc.problems) if _says_theme(path) else None
    return loaded.file, loaded.problems


def _says_theme(path: Path) -> bool:
    """A theme file so broken it cannot be parsed still counts as a theme when it says so."""
    try:
        return "theme_format" in path.read_text(encoding="utf-8", errors="replace")[:2000]
    except OSError:
        return False


def theme_option(path: Path | None, tr) -> list[str]:
    """``play --theme FILE``: refuse a theme with errors before a window opens (EscapeboxError),
    and return its warnings as lines to print."""
    if path is None:
        return []
    loaded = load_theme_file(path)
    if not loaded.ok:
        raise EscapeboxError(loaded.problems)
    return [p.render(tr) for p in loaded.problems]
