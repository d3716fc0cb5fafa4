"""The rules of play, command by command, against the all-mechanics fixture."""

from escapebox.core import commands as C
from escapebox.core import events as E

from tests.core.helpers import new_session


def types(events):
    return [e.type for e in events]


def refused(events):
    return [e.reason for e in events if isinstance(e, E.CommandRefused)]


def test_inspecting_reveals_clues_and_offers_items():
    session, _ = new_session()
    events = session.apply(C.Inspect("prikbord"))
    assert types(events) == ["ObjectInspected", "ClueFound"]
    assert session.object_view("prikbord")["items"] == ["batterij"]
    assert types(session.apply(C.TakeItem("batterij"))) == ["ItemTaken"]
    assert session.state.inventory == ["batterij"]


def test_items_cannot_be_taken_before_their_object_is_inspected():
    session, _ = new_session()
    assert refused(session.apply(C.TakeItem("batterij"))) == ["rules.item_not_here"]


def test_a_locked_object_shows_its_lock_and_opens_with_the_right_code():
    session, _ = new_session()
    events = session.apply(C.Inspect("kast"))
    assert events[0].locked and "kastcode" in session.available_puzzles()
    wrong = session.apply(C.TryAnswer("kastcode", "0421"))
    assert types(wrong) == ["WrongAnswer", "PenaltyAdded"] and wrong[0].feedback == "Bijna."
    right = session.apply(C.TryAnswer("kastcode", " 0412 "))
    assert "LockOpened" in types(right)
    assert session.state.wrong["kastcode"] == ["0421"]
    assert session.object_view("kast")["text"] == "In de kast ligt een map."


def test_numbers_are_compared_as_text():
    session, _ = new_session()
    assert types(session.apply(C.TryAnswer("kastcode", "412")))[0] == "WrongAnswer"


def test_word_answers_ignore_case_spaces_and_accents():
    session, _ = new_session()
    assert "LockOpened" in types(session.apply(C.TryAnswer("deurwoord", "  ZÓRG ")))


def test_locked_door_refuses_until_opened():
    session, _ = new_session()
    assert refused(session.apply(C.EnterRoom("kamer"))) == ["rules.door_locked"]
    session.apply(C.TryAnswer("deurwoord", "zorg"))
    events = session.apply(C.EnterRoom("kamer"))
    assert types(events) == ["RoomEntered", "ReflectionPrompted"]
    assert refused(session.apply(C.EnterRoom("hal"))) == ["rules.reflection_first"]


def test_a_pausing_reflection_stops_the_clock_and_a_non_pausing_one_does_not():
    session, clock = new_session()
    session.apply(C.TryAnswer("deurwoord", "zorg"))
    session.apply(C.EnterRoom("kamer"))
    before = session.timer().elapsed
    clock.advance(120)
    assert session.timer().elapsed == before and session.timer().paused
    session.apply(C.AnswerReflection("binnen", "4"))
    clock.advance(10)
    assert session.timer().elapsed == before + 10
    session.apply(C.EnterRoom("hal"))
    session.apply(C.Inspect("prikbord"))
    session.apply(C.TryAnswer("kastcode", "0412"))
    assert session.current_reflection() == "na_kast"
    clock.advance(30)
    assert session.timer().elapsed == before + 40


def test_hints_come_in_order_and_cost_time():
    session, _ = new_session()
    first = session.apply(C.TakeHint("kastcode"))
    assert first[0].text == "Kijk op het prikbord." and first[1].seconds == 30
    session.apply(C.TakeHint("kastcode"))
    assert refused(session.apply(C.TakeHint("kastcode"))) == ["rules.no_more_hints"]
    assert session.timer().penalties == 60


def test_uv_lamp_trick_needs_the_combined_item():
    session, _ = new_session()
    for oid in ("prikbord", "la"):
        session.apply(C.Inspect(oid))
    session.apply(C.TakeItem("batterij"))
    session.apply(C.TakeItem("zaklamp"))
    assert refused(session.apply(C.UseItem("batterij", "muur"))) == ["rules.nothing_happens"]
    assert types(session.apply(C.CombineItems(("zaklamp", "batterij")))) == ["ItemsCombined"]
    assert session.state.inventory == ["uvlamp"]
    events = session.apply(C.UseItem("uvlamp", "muur"))
    assert types(events) == ["ItemUsed", "HiddenRevealed", "ClueFound"]
    assert session.object_view("muur")["hidden_text"] == "Met UV: 7"


def test_dilemma_records_the_choice_and_follows_the_option():
    session, _ = new_session()
    session.apply(C.TryAnswer("deurwoord", "zorg"))
    session.apply(C.EnterRoom("kamer"))
    session.apply(C.SkipReflection("binnen"))
    events = session.apply(C.TryAnswer("keuze", [1]))
    assert "DilemmaChosen" in types(events) and session.state.room == "tuin"
    assert session.state.choices == {"keuze": 1}


def test_every_dilemma_option_opens_the_lock_but_garbage_does_not():
    session, _ = new_session()
    session.apply(C.TryAnswer("deurwoord", "zorg"))
    session.apply(C.EnterRoom("kamer"))
    session.apply(C.SkipReflection("binnen"))
    assert types(session.apply(C.TryAnswer("keuze", "jaja")))[0] == "WrongAnswer"
    events = session.apply(C.TryAnswer("keuze", [0]))
    assert session.current_reflection() == "waarom_blijven"
    assert events[0].feedback == "Je blijft."


def test_ending_asks_the_end_reflection_first():
    session, _ = new_session()
    session.apply(C.TryAnswer("deurwoord", "zorg"))
    session.apply(C.EnterRoom("kamer"))
    session.apply(C.SkipReflection("binnen"))
    session.apply(C.SkipPuzzle("eind"))
    assert session.current_reflection() == "slot" and not session.state.ended
    events = session.apply(C.AnswerReflection("slot", "Samen zoeken"))
    assert types(events)[-1] == "Escaped" and session.state.ending == "klaar"
    assert refused(session.apply(C.Inspect("kluis"))) == ["rules.game_over"]


def test_facilitator_commands():
    session, clock = new_session()
    assert types(session.apply(C.AdjustTime(300))) == ["TimeAdjusted"]
    assert session.timer().limit == 20 * 60 + 300
    pushed = session.apply(C.PushHint("plek"))
    assert pushed[0].pushed and session.timer().penalties == 0
    assert types(session.apply(C.RevealAnswer("kastcode")))[0] == "AnswerRevealed"
    assert refused(session.apply(C.SkipPuzzle("keuze"))) == ["rules.dilemma_cannot_skip"]
    session.apply(C.JumpToRoom("tuin"))
    assert session.state.room == "tuin"
    session.apply(C.Pause())
    clock.advance(100)
    assert session.timer().elapsed == 0
    session.apply(C.Resume())
    assert types(session.apply(C.EndGame())) == ["GameEnded"] and session.state.ended


def test_time_up_is_recorded_once_and_play_continues_in_overtime():
    session, clock = new_session()
    clock.advance(20 * 60 + 5)
    assert types(session.tick()) == ["TimeUp"]
    assert session.tick() == []
    assert session.timer().overtime >= 5
    assert "ObjectInspected" in types(session.apply(C.Inspect("prikbord")))


def test_unknown_ids_are_refused_not_raised():
    session, _ = new_session()
    for command in (C.Inspect("niets"), C.EnterRoom("nergens"), C.TryAnswer("geen", "x"),
                    C.TakeItem("geen"), C.UseItem("geen", "muur"), C.CombineItems(("a", "b")),
                    C.AnswerReflection("geen", "x"), C.PushHint("geen"), C.JumpToRoom("geen")):
        assert refused(session.apply(command)), command


def test_group_name_is_trimmed_and_required():
    session, _ = new_session(group="")
    assert refused(session.apply(C.SetGroupName("   "))) == ["rules.empty_group_name"]
    session.apply(C.SetGroupName("  Groep   3 "))
    assert session.state.group == "Groep 3"


def test_the_final_lock_waits_for_its_prerequisites():
    session, _ = new_session()
    session.apply(C.TryAnswer("deurwoord", "zorg"))
    session.apply(C.EnterRoom("kamer"))
    session.apply(C.SkipReflection("binnen"))
    assert refused(session.apply(C.TryAnswer("eind", "4z"))) == ["rules.prerequisites_first"]
    assert session.results("eind") == {"deurwoord": "Z"}
