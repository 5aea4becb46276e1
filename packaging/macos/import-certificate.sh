#!/usr/bin/env bash
# CI only: put the Developer ID certificate from secrets into a temporary keychain, so make-dmg.sh can sign.
#
#   MACOS_CERTIFICATE_P12 (base64 of the .p12) and MACOS_CERTIFICATE_PASSWORD set: imports it and exits 0.
#   Not set: says so and exits 0 (the build stays unsigned).
set -euo pipefail
if [ -z "${MACOS_CERTIFICATE_P12:-}" ]; then
    echo "import-certificate: no MACOS_CERTIFICATE_P12; the app will not be signed"
    exit 0
fi
keychain="$RUNNER_TEMP/peerdesk-signing.keychain-db"
password=$(uuidgen)
security create-keychain -p "$password" "$keychain"
security set-keychain-settings -lut 3600 "$keychain"
security unlock-keychain -p "$password" "$keychain"
echo "$MACOS_CERTIFICATE_P12" | base64 --decode > "$RUNNER_TEMP/certificate.p12"
security import "$RUNNER_TEMP/certificate.p12" -k "$keychain" -P "$MACOS_CERTIFICATE_PASSWORD" -T /usr/bin/codesign
rm -f "$RUNNER_TEMP/certificate.p12"
security set-key-partition-list -S apple-tool:,apple: -s -k "$password" "$keychain" >/dev/null
security list-keychains -d user -s "$keychain" $(security list-keychains -d user | tr -d '"')
echo "import-certificate: imported into $keychain"
