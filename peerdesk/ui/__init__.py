"""The Qt user interface. Nothing below this package imports Qt."""

from peerdesk.ui import qtcompat as _qtcompat  # noqa: F401  # before any widget: see the module's docstring
