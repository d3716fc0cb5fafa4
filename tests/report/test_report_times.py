"""A time in the report is the one the group saw on the ending and the debrief screen (found playing
zij-instromer by hand: the report said "Tijd gebruikt 5:08", the screens "05:07")."""

from escapebox.report.fmt import clock


def test_a_time_is_cut_to_whole_seconds_as_on_the_screens():
    assert clock(307.6) == "5:07"          # escapebox/ui/clock_text.py: "05:07"
    assert clock(59.99) == "0:59"
    assert clock(None) == "–"
