"""The YAML reader's parts go straight to the collector's oldest generation (docs/performance.md).

Left in the young generations, the next two collections walked every part once more to
promote them (20-30 ms for the 500-room scenario).  Once the game froze its own objects after
the first frame, reading a file (a dev-mode reload, a pack from the picker) must not hand those
back to the collector.
"""

import gc

from escapebox.scenario.yamlsafe import parse_yaml

TEXT = b"rooms:\n" + b"".join(b"  r%d: {name: Kamer %d, hints: [Kijk., Zoek.]}\n" % (n, n) for n in range(200))


def test_a_read_document_is_in_the_oldest_generation():
    # as in a fresh process: an earlier test's game froze its objects after its first frame (and
    # reading then leaves the generations alone, as the next test checks)
    gc.unfreeze()
    document = parse_yaml(TEXT, "scenario.yaml")
    hints = document.data["rooms"]["r199"]["hints"]       # a list: always tracked (a dict of text is not)
    oldest = {id(o) for o in gc.get_objects(generation=2)}
    assert gc.is_tracked(hints) and id(hints) in oldest
    assert id(document.value_marks) in oldest


def test_reading_leaves_what_the_game_froze_frozen():
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        parse_yaml(TEXT, "scenario.yaml")
        assert gc.get_freeze_count() >= frozen > 0
    finally:
        gc.unfreeze()


def test_the_collector_is_on_again_after_reading():
    assert gc.isenabled()
    parse_yaml(TEXT, "scenario.yaml")
    assert gc.isenabled()
