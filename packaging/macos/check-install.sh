#!/usr/bin/env bash
# Install peerdesk from its DMG into a throw-away ~/Applications, check it, remove it and check that nothing is left.
#
#   packaging/macos/check-install.sh [DMG]     # default: the DMG make-dmg.sh wrote to dist/
#
# What a user does: mount the DMG, drag peerdesk.app to ~/Applications (no admin rights), open it. Checks: the
# copied app's Info.plist declares both file types; its program answers --version and passes smoke-test; removing
# the app (a Mac app is uninstalled by deleting it) keeps the user's review and leaves nothing of peerdesk's in the
# temporary HOME apart from that review and the log.
set -euo pipefail
cd "$(dirname "$0")/../.."
dmg=${1:-$(ls dist/peerdesk-*-macos-*.dmg | tail -1)}
fail() { echo "check-install: FAILED: $*" >&2; exit 1; }

work=$(mktemp -d)
mount="$work/mount"
trap 'hdiutil detach "$mount" -quiet 2>/dev/null || true; rm -rf "$work"' EXIT
hdiutil attach "$dmg" -nobrowse -readonly -mountpoint "$mount" -quiet
[ -L "$mount/Applications" ] || fail "the DMG has no Applications link to drag the app to"
export HOME="$work/home"
mkdir -p "$HOME/Applications" "$HOME/Documents"
ditto "$mount/peerdesk.app" "$HOME/Applications/peerdesk.app"
hdiutil detach "$mount" -quiet
app="$HOME/Applications/peerdesk.app"
program="$app/Contents/MacOS/peerdesk"

plist="$app/Contents/Info.plist"
for uti in org.peerdesk.review org.peerdesk.bundle; do
    grep -q "<string>$uti</string>" "$plist" || fail "Info.plist does not declare $uti"
done
for ext in peerdesk pdbundle; do
    grep -q "<string>$ext</string>" "$plist" || fail "Info.plist has no .$ext extension"
done
if codesign --verify "$app" 2>/dev/null; then echo "check-install: the app is signed"; fi

"$program" --version | grep -q '^peerdesk ' || fail "--version"
"$program" smoke-test || fail "the installed app's smoke test"
unset PEERDESK_PASSPHRASE
"$program" demo "$HOME/Documents/kept.peerdesk" >/dev/null || fail "peerdesk demo"

rm -rf "$app"
[ -f "$HOME/Documents/kept.peerdesk" ] || fail "removing the app removed a review"
left=$(find "$HOME" -iname '*peerdesk*' -not -path "$HOME/Documents/kept.peerdesk" -not -path "$HOME/Library/Logs/*")
[ -z "$left" ] || fail "left behind: $left"
echo "check-install: ok (installed from the DMG, checked, removed; the review kept, nothing else left)"
