"""``escapebox play [SCENARIO]``: play a scenario in a window, on a beamer, or automatically.

Without a scenario a picker shows the bundled scenarios and the trainer's
own.  ``--beamer`` starts fullscreen with large text.  ``--resume``
continues the latest unfinished session of the scenario.  ``--autoplay``
plays to the end through the real screens with synthetic key presses
(``--branch N`` picks the dilemma branch, ``--screenshot-dir`` saves a PNG
at every screen change) and prints a one-line summary; it also runs
headless with ``SDL_VIDEODRIVER=dummy``.  pygame is only imported here, so
the other commands work without a display.
"""

from __future__ import annotations

import sys
from pathlib import Path

from escapebox.cli.password import add_options, open_for_trainer, require_answers
from escapebox.problems import EscapeboxError, errors
from escapebox.scenario.loader import bundled_by_name, is_checked, scenario_file


def add_parser(subparsers, tr):
    parser = subparsers.add_parser("play", help=tr("ui.play.help"), description=tr("ui.play.description"), tr=tr)
    parser.add_argument("scenario", nargs="?", type=Path, help=tr("ui.play.scenario_help"))
    parser.add_argument("--beamer", action="store_true", help=tr("ui.play.beamer_help"))
    parser.add_argument("--fullscreen", action="store_true", help=tr("ui.play.fullscreen_help"))
    parser.add_argument("--window", metavar="BxH", default="1280x720", help=tr("ui.play.window_help"))
    parser.add_argument("--text-size", choices=("small", "normal", "large", "extra_large"), default=None,
                        help=tr("ui.play.text_size_help"))
    parser.add_argument("--high-contrast", action="store_true", help=tr("ui.play.high_contrast_help"))
    parser.add_argument("--reduced-motion", action="store_true", help=tr("ui.play.reduced_motion_help"))
    parser.add_argument("--no-sound", action="store_true", help=tr("ui.play.no_sound_help"))
    parser.add_argument("--hide-timer", action="store_true", help=tr("ui.play.hide_timer_help"))
    parser.add_argument("--dyslexia", action="store_true", help=tr("settings.dyslexia_help"))
    parser.add_argument("--theme", type=Path, default=None, metavar="BESTAND", help=tr("settings.theme_help"))
    parser.add_argument("--resume", action="store_true", help=tr("ui.play.resume_help"))
    parser.add_argument("--no-save", action="store_true", help=tr("ui.play.no_save_help"))
    parser.add_argument("--autoplay", action="store_true", help=tr("ui.play.autoplay_help"))
    parser.add_argument("--branch", type=int, default=0, metavar="N", help=tr("ui.play.branch_help"))
    parser.add_argument("--save", action="store_true", help=tr("ui.play.save_help"))
    by = parser.add_mutually_exclusive_group()
    by.add_argument("--keys", dest="autoplay_input", action="store_const", const="keys", default="keys",
                    help=tr("ui.play.keys_help"))
    by.add_argument("--mouse", dest="autoplay_input", action="store_const", const="mouse",
                    help=tr("ui.play.mouse_help"))
    parser.add_argument("--fast", action="store_true", help=tr("ui.play.fast_help"))
    parser.add_argument("--console", action="store_true", help=tr("facilitator.play.console_help"))
    parser.add_argument("--festival", metavar="CODE", default=None, help=tr("festival.cli.festival_help"))
    parser.add_argument("--broker", metavar="HOST:PORT", default=None, help=tr("festival.cli.broker_help"))
    parser.add_argument("--dev", action="store_true", help=tr("dev.play_help"))
    parser.add_argument("--room", metavar="ID", default=None, help=tr("dev.room_help"))
    parser.add_argument("--screenshot-dir", type=Path, default=None, metavar="MAP", help=tr("ui.play.screenshot_help"))
    add_options(parser, tr)
    return parser


def _window_size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(v) for v in text.lower().replace("×", "x").split("x"))
        return max(320, width), max(240, height)
    except ValueError:
        return 1280, 720


def _open(args, tr) -> tuple:
    """The scenario, and with ``--dev`` a file that is there but does not load: (file, problems).

    A file with a validator error counts as not loading, as it does for a reload.  Dev mode then
    opens on the messages and starts the game when a save fixes the file (issue #18);
    without ``--dev`` (or for a pack, or a file that is not there) the message goes to the terminal.
    """
    if not args.scenario:
        return None, None
    file = scenario_file(bundled_by_name(Path(args.scenario)))
    try:
        loaded = open_for_trainer(args.scenario, args, tr)
    except EscapeboxError as exc:
        if not args.dev or not file.is_file() or file.suffix.lower() == ".escapebox":
            raise
        return None, (file, exc.problems)
    if args.dev and file.suffix.lower() != ".escapebox":
        from escapebox.authoring.checks import all_problems  # what a reload checks, so the start is the same
        found = errors(all_problems(loaded))
        if found:
            return None, (file, found)
    return loaded, None


def _check_dev(args, loaded, tr, broken=None) -> int:
    """``--dev`` needs a scenario and ``--room`` needs ``--dev`` and a room that exists: say so before a window opens."""
    if args.dev and loaded is None and broken is None:
        print(tr("dev.dev_needs_scenario"), file=sys.stderr)
        return 2
    if args.room is not None and not args.dev:
        print(tr("dev.room_needs_dev"), file=sys.stderr)
        return 2
    if args.room is not None and loaded is not None and args.room not in loaded.scenario.rooms:
        print(tr("dev.unknown_room", room=args.room, rooms=", ".join(loaded.scenario.rooms)), file=sys.stderr)
        return 1
    return 0


def _first_start(args):
    """A plain start of a YAML file the cache does not know: its unchecked head, to draw the intro
    while the file is checked after the first frame (escapebox/ui/firststart.py); else None."""
    if (not args.scenario or args.dev or args.autoplay or args.resume or args.console or args.room
            or args.festival is not None or args.broker is not None or args.screenshot_dir):
        return None
    file = scenario_file(bundled_by_name(Path(args.scenario)))
    if file.suffix.lower() not in (".yaml", ".yml") or is_checked(file):
        return None
    from escapebox.scenario.provisional import read_head
    return read_head(file)


def run(args, tr) -> int:
    # EscapeboxError → message, exit 1; a pack's trainer view (console, "Toon antwoord") with its password
    provisional = _first_start(args)
    loaded, broken = (None, None) if provisional is not None else _open(args, tr)
    failed: list[EscapeboxError] = []

    def check():
        """A first start's check, after its first frame: the window closes and its messages follow."""
        try:
            return _open(args, tr)[0]
        except EscapeboxError as exc:
            failed.append(exc)
            raise
    if args.autoplay and loaded is None:
        print(tr("ui.play.autoplay_needs_scenario"), file=sys.stderr)
        return 2
    if args.autoplay:
        require_answers(loaded)      # the auto-player needs the answers: a pack's trainer password
    code = _check_dev(args, loaded, tr, broken)
    if code:
        return code
    from escapebox.themes.loader import theme_option
    for line in theme_option(args.theme, tr):  # errors: EscapeboxError → message, exit 1
        print(line, file=sys.stderr)
    festival, broker = None, None
    if args.festival is not None or args.broker is not None:   # docs/festival.md
        from escapebox.festival.discovery import join_address
        festival, broker, problem = join_address(args.festival or "", args.broker)
        if problem:
            print(tr(problem[0], **problem[1]), file=sys.stderr)
            return 2
    from escapebox.ui.app import run_loop
    from escapebox.ui.main import PlayOptions, play

    options = PlayOptions(
        loaded=loaded, beamer=args.beamer, fullscreen=args.fullscreen, window=_window_size(args.window),
        text_size=args.text_size, high_contrast=args.high_contrast, reduced_motion=args.reduced_motion,
        sound=not args.no_sound, timer_visible=not args.hide_timer, resume=args.resume,
        save=not args.no_save, autoplay=args.autoplay, autoplay_input=args.autoplay_input,
        branch=args.branch, fast=args.fast or args.autoplay, autoplay_save=args.save,
        screenshot_dir=args.screenshot_dir, language=args.lang, dyslexia=args.dyslexia,
        theme_file=args.theme, console=args.console,
        dev=args.dev, room=args.room, dev_broken=broken, festival=festival, broker=broker,
        first_frame=args.first_frame, provisional=provisional, check=check,
    )
    code, summary = run_loop(play(options, tr))
    if failed:
        raise failed[0]         # the file's messages, as a start that checked first prints them
    if summary:
        print(summary)
    return code
