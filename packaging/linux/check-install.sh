#!/usr/bin/env bash
# Install the built Linux app for a throw-away user, check it, uninstall it and check that nothing is left.
#
#   packaging/linux/check-install.sh [APP]     # APP: dist/peerdesk (default) or a peerdesk-*-linux-*.tar.gz
#
# Everything happens under a temporary HOME (XDG folders inside it): the real user's menu and file types are never
# touched. Checks, in order: the install script succeeds; the command, menu entry (desktop-file-validate clean),
# MIME types, icons and default application are in place; the installed command answers --version and passes
# smoke-test; uninstalling keeps the user's reviews (and log) and leaves no file or line of peerdesk's anywhere
# else in HOME. STAND_IN=1 skips running the app (tests/packaging uses a stand-in program). Exit 0 only if all pass.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
app=${1:-$here/../dist/peerdesk}
fail() { echo "check-install: FAILED: $*" >&2; exit 1; }
have() { command -v "$1" >/dev/null 2>&1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if [ -f "$app" ]; then
    tar -C "$work" -xzf "$app"
    app="$work/peerdesk"
fi
[ -x "$app/peerdesk" ] || fail "no app at $app"
# The install script to use: the one inside a tarball (what a user runs), else this repository's.
installer="$app/install-linux.sh"
[ -f "$installer" ] || installer="$here/install-linux.sh"

export HOME="$work/home"
export XDG_DATA_HOME="$HOME/.local/share" XDG_CONFIG_HOME="$HOME/.config" XDG_STATE_HOME="$HOME/.local/state"
export XDG_CACHE_HOME="$HOME/.cache"
unset PEERDESK_PASSPHRASE
mkdir -p "$HOME"

bash "$installer" --user "$app" || fail "the install script failed"
command="$HOME/.local/bin/peerdesk"
entry="$XDG_DATA_HOME/applications/peerdesk.desktop"
[ -x "$command" ] || fail "no command at $command"
[ -f "$entry" ] || fail "no menu entry at $entry"
[ -f "$XDG_DATA_HOME/mime/packages/peerdesk-mime.xml" ] || fail "the file types are not registered"
[ -f "$XDG_DATA_HOME/icons/hicolor/48x48/apps/peerdesk.png" ] || fail "no app icon"
[ -f "$XDG_DATA_HOME/icons/hicolor/48x48/mimetypes/application-x-peerdesk.png" ] || fail "no file-type icon"
if have desktop-file-validate; then desktop-file-validate "$entry" || fail "the menu entry does not validate"; fi
exec_line=$(grep '^Exec=' "$entry")
[ "$exec_line" = "Exec=$HOME/.local/lib/peerdesk/peerdesk %F" ] || fail "unexpected $exec_line"
if have xdg-mime; then
    for type in application/x-peerdesk application/x-peerdesk-bundle; do
        [ "$(xdg-mime query default "$type")" = "peerdesk.desktop" ] || fail "peerdesk does not open $type"
    done
fi
if have update-mime-database; then
    grep -q 'application/x-peerdesk:\*\.peerdesk' "$XDG_DATA_HOME/mime/globs2" || fail "*.peerdesk is not known"
fi

reviews="$HOME/Documents/reviews"
mkdir -p "$reviews"
if [ "${STAND_IN:-0}" = "1" ]; then
    echo "not a real review" > "$reviews/kept.peerdesk"
else
    "$command" --version | grep -q '^peerdesk ' || fail "--version"
    "$command" smoke-test || fail "the installed app's smoke test"
    "$command" demo "$reviews/kept.peerdesk" >/dev/null || fail "peerdesk demo"
fi

bash "$installer" --user --uninstall || fail "the uninstall failed"
[ -f "$reviews/kept.peerdesk" ] || fail "uninstalling removed a review"
# Anywhere in HOME, apart from the user's own data: the reviews, and peerdesk's log (under XDG_STATE_HOME).
keep=(-path "$reviews" -o -path "$XDG_STATE_HOME/peerdesk")
left=$(find "$HOME" \( "${keep[@]}" \) -prune -o -iname '*peerdesk*' -print)
[ -z "$left" ] || fail "left behind: $left"
mentions=$(find "$HOME" \( "${keep[@]}" \) -prune -o -type f -exec grep -Il peerdesk {} + || true)
[ -z "$mentions" ] || fail "still mention peerdesk: $mentions"
echo "check-install: ok (installed, checked, uninstalled; reviews kept, nothing else left)"
