#!/usr/bin/env bash
# Sign (when configured) the built dist/peerdesk.app, put it in a DMG with a link to Applications, and notarise it.
#
#   packaging/macos/make-dmg.sh          # after packaging/build.sh on a Mac; writes dist/peerdesk-<v>-macos-<arch>.dmg
#
# Signing happens only when MACOS_SIGN_IDENTITY is set ("Developer ID Application: <org> (<team id>)", its
# certificate in the keychain; in CI, import-certificate.sh puts it there): packaging/peerdesk.spec then has
# PyInstaller sign every binary and the bundle with the hardened runtime and packaging/macos/entitlements.plist, and
# this script checks that signature and signs the DMG. Notarisation runs only when MACOS_NOTARY_PROFILE
# names a notarytool keychain profile (xcrun notarytool store-credentials), or when MACOS_NOTARY_APPLE_ID,
# MACOS_NOTARY_TEAM_ID and MACOS_NOTARY_PASSWORD (an app-specific password) are set. Unsigned DMGs are for testing:
# Gatekeeper refuses to open the app until the user allows it in System Settings > Privacy & Security.
set -euo pipefail
cd "$(dirname "$0")/../.."
app=dist/peerdesk.app
[ -d "$app" ] || { echo "make-dmg: no $app (run packaging/build.sh first)" >&2; exit 1; }
version=$(python -c "import peerdesk; print(peerdesk.__version__)")
dmg="dist/peerdesk-$version-macos-$(uname -m).dmg"

if [ -n "${MACOS_SIGN_IDENTITY:-}" ]; then
    codesign --verify --deep --strict --verbose=2 "$app"
    codesign --display --verbose=2 "$app" 2>&1 | grep -q 'flags=.*runtime' || { echo "make-dmg: no hardened runtime" >&2; exit 1; }
else
    echo "make-dmg: MACOS_SIGN_IDENTITY not set; the app is not signed"
fi

# The DMG: the app and a link to /Applications, so it can be dragged to Applications or ~/Applications.
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
ditto "$app" "$stage/peerdesk.app"   # ditto keeps the signature and extended attributes
ln -s /Applications "$stage/Applications"
rm -f "$dmg"
hdiutil create -volname peerdesk -srcfolder "$stage" -fs HFS+ -format UDZO -ov "$dmg"
[ -z "${MACOS_SIGN_IDENTITY:-}" ] || codesign --force --timestamp --sign "$MACOS_SIGN_IDENTITY" "$dmg"

if [ -n "${MACOS_SIGN_IDENTITY:-}" ] && [ -n "${MACOS_NOTARY_PROFILE:-}${MACOS_NOTARY_APPLE_ID:-}" ]; then
    if [ -n "${MACOS_NOTARY_PROFILE:-}" ]; then
        credentials=(--keychain-profile "$MACOS_NOTARY_PROFILE")
    else
        credentials=(--apple-id "$MACOS_NOTARY_APPLE_ID" --team-id "$MACOS_NOTARY_TEAM_ID"
                     --password "$MACOS_NOTARY_PASSWORD")
    fi
    xcrun notarytool submit "$dmg" "${credentials[@]}" --wait
    xcrun stapler staple "$dmg"
    spctl --assess --type open --context context:primary-signature --verbose "$dmg"
else
    echo "make-dmg: not notarised (needs MACOS_SIGN_IDENTITY and MACOS_NOTARY_PROFILE or MACOS_NOTARY_APPLE_ID)"
fi
echo "make-dmg: $dmg $(du -h "$dmg" | cut -f1)"
