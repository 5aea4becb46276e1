"""The two file types peerdesk opens, in one place for every platform's packaging.

packaging/peerdesk.spec builds the macOS Info.plist from this; the Linux MIME types (packaging/linux/peerdesk-mime.xml)
and the Windows installer's registry entries (packaging/windows/peerdesk.iss) are written out by hand, and
tests/packaging checks that all of them agree with it.
"""

from __future__ import annotations

from typing import Any, NamedTuple

BUNDLE_ID = "org.peerdesk.peerdesk"


class FileType(NamedTuple):
    extension: str  # without the dot
    description: str
    mime: str  # freedesktop.org MIME type (Linux)
    uti: str  # Uniform Type Identifier (macOS)
    prog_id: str  # Windows programmatic identifier, under HKCU\Software\Classes
    mac_role: str  # what the app does with it: Editor (writes it) or Viewer (only reads it)


FILE_TYPES = (
    FileType(
        extension="peerdesk",
        description="peerdesk review",
        mime="application/x-peerdesk",
        uti="org.peerdesk.review",
        prog_id="peerdesk.review",
        mac_role="Editor",
    ),
    FileType(
        extension="pdbundle",
        description="peerdesk bundle",
        mime="application/x-peerdesk-bundle",
        uti="org.peerdesk.bundle",
        prog_id="peerdesk.bundle",
        mac_role="Viewer",
    ),
)


def mac_info_plist(version: str, icon_file: str) -> dict[str, Any]:
    """Info.plist entries for the .app: its version, and the two types it declares (exports) and opens.

    Both files are encrypted from their first byte, so they conform to plain public.data and are known by their
    extension only. ``icon_file`` is the name of the .icns inside Contents/Resources (PyInstaller copies it there).
    """
    return {
        "CFBundleShortVersionString": version,
        "NSHighResolutionCapable": True,
        "LSMinimumSystemVersion": "12.0",
        "LSApplicationCategoryType": "public.app-category.productivity",
        "CFBundleDocumentTypes": [
            {
                "CFBundleTypeName": t.description,
                "CFBundleTypeRole": t.mac_role,
                "CFBundleTypeIconFile": icon_file,
                "LSItemContentTypes": [t.uti],
                "LSHandlerRank": "Owner",
            }
            for t in FILE_TYPES
        ],
        "UTExportedTypeDeclarations": [
            {
                "UTTypeIdentifier": t.uti,
                "UTTypeDescription": t.description,
                "UTTypeIconFile": icon_file,
                "UTTypeConformsTo": ["public.data"],
                "UTTypeTagSpecification": {"public.filename-extension": [t.extension], "public.mime-type": [t.mime]},
            }
            for t in FILE_TYPES
        ],
    }
