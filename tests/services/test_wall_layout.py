from __future__ import annotations

from peerdesk.services.wall import GAP, POSTIT_H, POSTIT_W, PostItView, ThemeView, WallState
from peerdesk.services.wall_layout import frame_of, free_place, theme_places


def postit(pid: str, x: float, y: float, theme_id: str = "") -> PostItView:
    return PostItView(pid, "rose", f"post-it {pid}", theme_id, x, y, 0.0, True, "", "AR", "")


def inside(frame: tuple[float, float, float, float], p: PostItView) -> bool:
    cx, cy = p.x + POSTIT_W / 2, p.y + POSTIT_H / 2
    return frame[0] <= cx <= frame[2] and frame[1] <= cy <= frame[3]


def test_post_its_picked_far_apart_are_gathered_and_the_frame_covers_no_other() -> None:
    # a, c picked; b sits between them and is not picked
    state = WallState((postit("a", 100, 100), postit("b", 300, 100), postit("c", 500, 100)), ())
    places = theme_places(state, ["a", "c"])
    frame = frame_of(list(places.values()))
    assert not inside(frame, state.postit("b"))
    assert all(frame[0] < x and x + POSTIT_W < frame[2] for x, _ in places.values())


def test_post_its_already_together_stay_where_they_are() -> None:
    state = WallState((postit("a", 100, 300), postit("b", 276, 300), postit("z", 900, 900)), ())
    assert theme_places(state, ["a", "b"]) == {"a": (100, 300), "b": (276, 300)}


def test_the_new_frame_keeps_off_existing_themes() -> None:
    theme = ThemeView("t", "Existing", 0, 0, 600, 400, False)
    state = WallState((postit("a", 50, 60, "t"), postit("b", 250, 60, "t"), postit("c", 50, 220, "t")), (theme,))
    places = theme_places(state, ["a", "b"])
    frame = frame_of(list(places.values()))
    assert frame[0] >= 600 or frame[1] >= 400 or frame[2] <= 0 or frame[3] <= 0


def test_nothing_to_place_for_no_post_its() -> None:
    assert theme_places(WallState((), ()), []) == {}


def test_a_grid_asked_for_at_a_place_starts_there_when_it_is_free_and_moves_off_a_theme_when_not() -> None:
    theme = ThemeView("t", "Neighbour", 700, 0, 400, 400, False)
    state = WallState((postit("a", 50, 60), postit("b", 250, 60)), (theme,))
    assert theme_places(state, ["a", "b"], at=(100, 900)) == {"a": (100, 900), "b": (100 + POSTIT_W + GAP, 900)}
    frame = frame_of(list(theme_places(state, ["a", "b"], at=(720, 60)).values()))
    assert frame[0] >= 1100 or frame[1] >= 400 or frame[2] <= 700 or frame[3] <= 0, "never on the neighbouring theme"


def test_one_post_it_goes_where_asked_or_the_nearest_place_that_covers_nothing() -> None:
    theme = ThemeView("t", "Existing", 400, 0, 400, 400, False)
    state = WallState((postit("a", 100, 100), postit("m", 450, 100, "t")), (theme,))
    assert free_place(state, 100, 400) == (100, 400)
    for x, y in (free_place(state, 110, 110), free_place(state, 500, 150)):  # on a post-it; inside a theme
        here = (x, y, x + POSTIT_W, y + POSTIT_H)
        assert not _clash(here, (100, 100, 100 + POSTIT_W, 100 + POSTIT_H)) and not _clash(here, (400, 0, 800, 400))


def _clash(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]
