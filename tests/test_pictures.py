"""Pictures that lie about their size: read as the decoder reads them, refused with the trainer's message.

The attack files are built by ``tests/bad_inputs/corpus.py`` (nothing is committed);
none is decoded here — the UI tests do that, under a memory cap.
"""

from __future__ import annotations

import struct

import pytest

from escapebox.authoring.checks import all_problems
from escapebox.i18n import Translator
from escapebox.problems import Severity
from escapebox.scenario import imagesize, picturebudget
from escapebox.scenario.loader import load_scenario
from escapebox.scenario.mediacheck import MAX_SIDE, MediaProblem, inspect_image
from tests.bad_inputs import corpus

LYING = corpus.lying_pictures()
HONEST = corpus.honest_pictures()


def refusal(tmp_path, asset: str, data: bytes) -> MediaProblem:
    path = corpus.write(tmp_path, asset, data)
    with pytest.raises(MediaProblem) as caught:
        inspect_image(path)
    return caught.value


@pytest.mark.parametrize("name,asset,code,data", LYING, ids=[c[0] for c in LYING])
def test_lying_picture_is_refused_with_its_message(tmp_path, name, asset, code, data):
    problem = refusal(tmp_path, asset, data)
    assert problem.code == code
    for lang in ("nl", "en"):
        text = Translator(lang)(problem.code, **problem.params)
        assert "{" not in text, text                      # every placeholder filled in
        if "width" in problem.params:                     # what the file asks for, and the limit
            assert f"{problem.params['width']}×{problem.params['height']}" in text
            assert f"{MAX_SIDE}×{MAX_SIDE}" in text


def test_the_two_reported_attacks_name_what_the_header_says(tmp_path):
    gif = refusal(tmp_path, "a.gif", corpus.gif([(40000, 40000)]))
    assert gif.params == {"header_width": 16, "header_height": 16, "number": 1,
                          "width": 40000, "height": 40000, "limit": MAX_SIDE}
    assert Translator("nl")(gif.code, **gif.params).startswith(
        "de kop van dit beeld zegt 16×16 pixels, maar beeld 1 erin (een frame) is 40000×40000 pixels")
    jpeg = refusal(tmp_path, "a.jpg", corpus.jpeg_hidden_sof())
    assert (jpeg.code, jpeg.params["width"], jpeg.params["height"]) == ("media.image_too_large", 20000, 20000)


@pytest.mark.parametrize("name,asset,data", HONEST, ids=[c[0] for c in HONEST])
def test_honest_pictures_pass(tmp_path, name, asset, data):
    info = inspect_image(corpus.write(tmp_path, asset, data))
    assert 0 < info.width <= MAX_SIDE and 0 < info.height <= MAX_SIDE


@pytest.mark.parametrize("name,asset,code,data", LYING, ids=[c[0] for c in LYING])
def test_validate_refuses_the_picture_and_nothing_else(tmp_path, name, asset, code, data):
    corpus.write(tmp_path, asset, data)
    corpus.write(tmp_path, "scenario.yaml", corpus.playable_scenario(asset))
    problems = all_problems(load_scenario(tmp_path))
    errors = [p for p in problems if p.severity is Severity.ERROR]
    assert [(p.code, p.params["reason"]) for p in errors] == [("validate.bad_media", f"@{code}|")]
    assert asset in errors[0].render(Translator("nl"))


def test_the_same_scenario_with_an_honest_picture_is_in_order(tmp_path):
    corpus.write(tmp_path, "images/a.gif", corpus.gif([(16, 16)]))
    corpus.write(tmp_path, "scenario.yaml", corpus.playable_scenario("images/a.gif"))
    assert not [p for p in all_problems(load_scenario(tmp_path)) if p.severity is Severity.ERROR]


# ----- the readers, one detail at a time -----------------------------------------------------
def test_jpeg_walk_follows_markers_as_libjpeg_does():
    plain = corpus.jpeg(64, 48)
    assert imagesize.jpeg(plain).width == 64 and imagesize.jpeg(plain).height == 48
    # fill bytes before a marker, and a picture cut off in its data (libjpeg pads and shows it)
    assert imagesize.jpeg(plain[:2] + b"\xff\xff" + plain[2:]).width == 64
    assert imagesize.jpeg(plain[:-40]).width == 64
    for damaged in (plain[:2] + b"\x00" + plain[2:],            # junk between segments
                    plain[:2] + b"\xff\x01" + plain[2:],        # TEM: read differently by SDL_image
                    plain[:2] + b"\xff\xd8" + plain[2:],        # a second SOI
                    b"\xff\xd8\xff\xd9",                        # no frame, no scan
                    plain[:30]):                                # cut off inside a segment
        with pytest.raises(MediaProblem):
            imagesize.jpeg(damaged)


def test_jpeg_markers_inside_the_data_are_found():
    """A second, bigger SOF after the first scan; stuffed 0xFF00 and RSTn before it do not hide it."""
    head = corpus.jpeg(16, 16, data=b"\x00\xff\x00\x00\xff\xd3\x00")[:-2]
    bigger = head + b"\xff\xc0\x00\x0b\x08" + struct.pack(">HH", 5000, 5000) + b"\x01\x01\x11\x00\xff\xd9"
    size = imagesize.jpeg(bigger)
    assert (size.width, size.height, size.header, size.inner, size.number) == (5000, 5000, (16, 16), "sof", 2)
    # after EOI nothing counts: a phone's trailer (motion photo, thumbnails) is not read by libjpeg
    assert imagesize.jpeg(corpus.jpeg(16, 16) + bigger[2:]).width == 16


def test_gif_walk_reads_every_frame():
    assert imagesize.gif(corpus.gif([(16, 16), (8, 8), (16, 9000)])).height == 9000
    assert imagesize.gif(corpus.gif([(16, 16)])[:-300]).width == 16    # cut off: what is there counts
    with pytest.raises(MediaProblem):
        imagesize.gif(corpus.gif([])[:-1])                              # no frame at all


def test_svg_size_as_nanosvg_rasterises_it():
    def size(root, inner=""):
        found = imagesize.svg(corpus.svg(root, inner))
        return found.width, found.height

    assert size('width="210mm" height="297mm"') == (794, 1123)
    assert size('width="72pt" height="1in"') == (96, 96)
    assert size('viewBox="0 0 1600 900"') == (1600, 900)
    assert size('width="50%" height="50%" viewBox="0 0 300 200"') == (300, 200)   # % of nothing: the viewBox
    assert size('width="1.5e3" height="10"') == (1500, 10)
    assert size('width="16" height="16"', '<defs><svg width="9000" height="9000"/></defs>') == (9000, 9000)
    # a viewBox of three numbers: nanosvg takes the width from it and stops reading the tag (width="40")
    assert size('height="20" viewBox="0 0 300" width="40"') == (300, 20)
    with pytest.raises(MediaProblem):
        imagesize.svg(corpus.svg('width="1e999" height="10"'))
    with pytest.raises(MediaProblem):
        imagesize.svg(corpus.svg('width="-5" height="10"'))


def test_sdl_sniffs_svg_up_to_the_first_nul():
    drawing = b'<svg width="9000" height="9000"/>'
    assert imagesize.looks_like_svg_to_sdl(b"RIFF\x01\x01\x01\x01WEBPVP8L" + drawing)
    assert not imagesize.looks_like_svg_to_sdl(b"RIFF\x01\x00\x01\x01WEBPVP8L" + drawing)
    assert not imagesize.looks_like_svg_to_sdl(b"RIFF" + b"x" * 4100 + drawing)


def test_bmp_sizes():
    assert (imagesize.bmp(corpus.bmp(7, -5)).width, imagesize.bmp(corpus.bmp(7, -5)).height) == (7, 5)
    with pytest.raises(MediaProblem):
        imagesize.bmp(corpus.bmp(-7, 5))


# ----- the room budget ---------------------------------------------------------------------------
BUDGET_SCENARIO = corpus.GOOD_HEAD + """rooms:
  hal:
    name: Hal
    text: Hier.
    image: hal.png
    image_alt: Hal.
    objects:
      kast: {name: Kast, text: Dicht., image: kast.png, image_alt: Kast., locked_by: slot}
    exits:
      - {to: gang, label: Gang}
  gang:
    name: Gang
    text: Daar.
    image: gang.png
    image_alt: Gang.
clues:
  brief: {title: Brief, text: Een brief., image: brief.png, image_alt: Brief.}
puzzles:
  slot: {kind: word, title: Slot, question: Wat?, answer: open, hints: [Denk.], image: slot.png,
         image_alt: Slot., leads_to: uit}
endings:
  uit: {title: Uit, text: Klaar., image: uit.png, image_alt: Uit.}
"""


def budget_scenario(tmp_path):
    corpus.write(tmp_path, "scenario.yaml", BUDGET_SCENARIO.encode())
    return load_scenario(tmp_path)


def test_each_room_counts_its_own_pictures_its_puzzles_and_every_clue(tmp_path):
    rooms = picturebudget.room_pictures(budget_scenario(tmp_path))
    assert [file for _, file in rooms["hal"]] == ["hal.png", "kast.png", "slot.png", "brief.png"]
    assert [file for _, file in rooms["gang"]] == ["gang.png", "brief.png"]   # the ending is shown on its own


def test_pictures_that_take_a_room_over_the_budget_are_refused_in_order(tmp_path):
    cost = {"hal.png": 30_000_000, "kast.png": 30_000_000, "slot.png": 10_000_000, "brief.png": 4_000_000,
            "gang.png": 1_000_000}
    rooms = {r.room: r for r in picturebudget.budget(budget_scenario(tmp_path), cost.get)}
    assert rooms["hal"].refused == ("slot.png",) and rooms["hal"].pixels == 74_000_000
    assert rooms["gang"].refused == () and rooms["gang"].pixels == 5_000_000
    # a file refused for another reason (None) costs nothing
    rooms = {r.room: r for r in picturebudget.budget(budget_scenario(tmp_path), {"hal.png": 10}.get)}
    assert rooms["hal"].pixels == 10 and not rooms["hal"].refused


def test_validate_names_the_room_and_the_files_left_out(tmp_path):
    loaded = budget_scenario(tmp_path)
    for name in ("hal.png", "kast.png", "slot.png", "brief.png", "gang.png", "uit.png"):
        corpus.write(tmp_path, name, corpus.png(4096, 4096))
    problems = {p.code: p for p in all_problems(loaded)}
    room = problems["validate.room_pictures"]
    assert (room.path, room.params["room"], room.params["files"]) == ("rooms.hal", "Hal", ["'brief.png'"])
    text = room.render(Translator("nl"))
    assert "68 miljoen" in text and "hoogstens 64 miljoen" in text and "'brief.png'" in text
    heavy = problems["validate.room_pictures_heavy"]                  # gang: 2 × 16.8 million
    assert heavy.severity is Severity.WARNING and heavy.params["pixels"] == "34"
