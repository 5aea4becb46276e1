#!/usr/bin/env bash
# Build the one-folder app: dist/peerdesk/ (PyInstaller's work files go to build/), print its size, smoke-test it.
#
#   pip install -e ".[package]"     # once: PyInstaller
#   packaging/build.sh              # build, report the size, run `dist/peerdesk/peerdesk smoke-test`
#   packaging/build.sh --archive    # also dist/peerdesk-<version>-linux-<arch>.tar.gz to hand out
#
# PYTHON picks the interpreter (default: python). SKIP_SMOKE=1 skips the smoke test.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python}
if ! "$PYTHON" -c "import PyInstaller" 2>/dev/null; then
    echo "build: PyInstaller is not installed for $PYTHON; run: pip install -e '.[package]'" >&2
    exit 1
fi
version=$("$PYTHON" -c "import peerdesk; print(peerdesk.__version__)")

started=$(date +%s)
"$PYTHON" -m PyInstaller --noconfirm --log-level WARN --distpath dist --workpath build packaging/peerdesk.spec
app=dist/peerdesk
echo "build: $app built in $(( $(date +%s) - started )) s"
echo "build: size $(du -sh "$app" | cut -f1) ($(du -sb "$app" | cut -f1) bytes, $(find "$app" -type f | wc -l) files)"

if [ "${SKIP_SMOKE:-0}" != "1" ]; then
    # The smoke test writes the demo review to a temporary folder and opens it offscreen; it touches no settings.
    "$app/peerdesk" smoke-test
fi

if [ "${1:-}" = "--archive" ]; then
    archive="dist/peerdesk-$version-linux-$(uname -m).tar.gz"
    tar -C dist -czf "$archive" peerdesk
    echo "build: $archive $(du -h "$archive" | cut -f1)"
fi
