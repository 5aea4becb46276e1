"""Where Tab goes: the chain of controls a keyboard user walks through a panel or dialog, and whether it follows
the layout.

``tab_chain`` follows ``QWidget.nextInFocusChain`` as Qt's own Tab does (a control that takes Tab focus, visible,
enabled, not handing its focus to a proxy) and keeps the controls inside ``root``. ``order_problems`` names each
step that goes against reading order: back to the left on the same row, or back up without moving to a column on
the right (a form is read row by row, side-by-side panes column by column). ``missed`` names controls that Tab
never reaches, and ``wanders`` a chain that leaves ``root`` and comes back into it.
"""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QWidget

from tests.helpers.layout import describe

ROW_SLACK = 6  # pixels: controls on one row are not always aligned to the pixel


def tabbable(widget: QWidget, window: QWidget) -> bool:
    """True if Tab can land on ``widget`` (Qt's rule in QApplicationPrivate::focusNextPrevChild_helper)."""
    return (
        bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
        and widget.focusProxy() is None
        and widget.isVisibleTo(window)
        and widget.isVisible()
        and widget.isEnabled()
    )


def _inside(widget: QWidget, root: QWidget) -> bool:
    return widget is root or root.isAncestorOf(widget)


def _window_chain(root: QWidget) -> list[QWidget]:
    """Every Tab stop of ``root``'s window, in Tab order, once round."""
    window = root.window()
    chain: list[QWidget] = []
    seen: set[int] = set()
    widget = window.nextInFocusChain()
    while widget is not None and id(widget) not in seen and widget is not window:
        seen.add(id(widget))
        if tabbable(widget, window):
            chain.append(widget)
        widget = widget.nextInFocusChain()
    return chain


def tab_chain(root: QWidget) -> list[QWidget]:
    """The Tab stops inside ``root``, in the order Tab visits them, from the first in reading order (Tab goes
    round in a ring: where it is entered is where the chain starts)."""
    chain = [w for w in _window_chain(root) if _inside(w, root) and w is not root]
    if not chain:
        return chain
    places = [place(w, root) for w in chain]
    top = min(p.top() for p in places)
    # the first row is everything within a row's slack of the topmost control (they are rarely aligned to the pixel)
    first_row = [i for i, p in enumerate(places) if p.top() <= top + max(ROW_SLACK, p.height() // 2)]
    first = min(first_row, key=lambda i: places[i].left())
    return chain[first:] + chain[:first]


def controls(root: QWidget) -> list[QWidget]:
    """Every control inside ``root`` that Tab could land on."""
    window = root.window()
    return [w for w in root.findChildren(QWidget) if tabbable(w, window)]


def missed(root: QWidget) -> list[str]:
    reached = {id(w) for w in tab_chain(root)}
    return [f"Tab never reaches {describe(w)}" for w in controls(root) if id(w) not in reached]


def wanders(root: QWidget) -> list[str]:
    """A chain that leaves ``root`` between two of its controls and comes back: Tab would jump out and in."""
    inside = [_inside(w, root) for w in _window_chain(root)]
    runs = sum(1 for i, now in enumerate(inside) if now and (i == 0 or not inside[i - 1]))
    if inside and inside[0] and inside[-1] and runs > 1:
        runs -= 1  # the window's chain is a ring: a run across its start is one run
    return [f"Tab leaves {describe(root)} and comes back {runs - 1} time(s)"] if runs > 1 else []


def place(widget: QWidget, root: QWidget) -> QRect:
    """Where ``widget`` is, in ``root``'s coordinates (a scroll area's viewport counts, not its content)."""
    return QRect(widget.mapTo(root, QPoint(0, 0)), widget.size())


def order_problems(root: QWidget) -> list[str]:
    found = []
    chain = tab_chain(root)
    for a, b in pairwise(chain):
        if a.isAncestorOf(b) or b.isAncestorOf(a):
            continue
        pa, pb = place(a, root), place(b, root)
        slack = max(ROW_SLACK, min(pa.height(), pb.height()) // 2)
        same_row = abs(pb.top() - pa.top()) <= slack
        if same_row and pb.left() < pa.left() - ROW_SLACK:
            found.append(f"Tab goes back left on a row: {describe(a)} → {describe(b)}")
        elif not same_row and pb.top() < pa.top() and pb.left() < pa.right() - ROW_SLACK:
            found.append(f"Tab goes back up: {describe(a)} → {describe(b)}")
    return found


def focus_problems(root: QWidget) -> list[str]:
    """Everything wrong with Tab in ``root``: order against the layout, controls never reached, a chain that
    wanders out and back."""
    return order_problems(root) + missed(root) + wanders(root)
