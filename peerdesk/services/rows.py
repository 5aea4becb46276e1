"""Frozen views built from stored rows: the one way a service copies a row's fields into what it returns.

Most views repeat many of their row's columns under the same names (``id=row.id, text=row.text, …``) and add a
few fields worked out from elsewhere (a group's name, a member's initials). ``view_of`` copies the first kind and
takes the second as keywords, so each service names only what it adds.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

V = TypeVar("V", bound="DataclassInstance")


def view_of(view: type[V], source: object, **computed: Any) -> V:
    """A ``view`` whose fields come from ``computed`` or else from ``source``'s attribute of the same name.

    A field that neither gives keeps the view's default (and one without a default is a ``TypeError``, as a
    forgotten keyword would be).
    """
    copied = {
        f.name: getattr(source, f.name)
        for f in dataclasses.fields(view)
        if f.init and f.name not in computed and hasattr(source, f.name)
    }
    return view(**copied, **computed)
