"""The Qt user interface. Nothing below this package imports Qt.

Importing it first tells PySide6 that no module of the app switches on PySide6's ``__feature__`` options
(``snake_case``, ``true_property``; ``tests/ui/test___init__.py`` checks that none asks for them). Otherwise PySide6
reads the whole source of every module imported after it, looking for the word "PySide6", to decide whether calls
made from the module put Qt's own names back (a module that mentions PySide6) or leave whatever options are on (one
that does not): at a cold start that is the ~190 modules of ours and SQLAlchemy's loaded after Qt, ~20 ms of source
read. Every module is now taken as one that wants Qt's own names, which is what each of ours wants.
"""

from __future__ import annotations

import sys
from types import ModuleType

import PySide6.QtCore  # noqa: F401  # loads PySide6's import hook, changed below


def _wants_qt_names(_module: ModuleType) -> bool:
    """PySide6's question "does this module use PySide6?", asked to know whether calls from it need Qt's own
    names: yes, always, without reading the module's source."""
    return True


def _skip_feature_scan() -> None:
    # The hook's own module, as PySide6 6.x names it; a release that drops it leaves nothing to do.
    feature = sys.modules.get("shibokensupport.feature")
    if feature is not None and callable(getattr(feature, "_mod_uses_pyside", None)):
        feature._mod_uses_pyside = _wants_qt_names  # type: ignore[attr-defined]


_skip_feature_scan()
