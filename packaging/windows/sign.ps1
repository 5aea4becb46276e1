# Sign files with the organisation's code-signing certificate, or say that nothing was signed.
#
#   packaging\windows\sign.ps1 FILE [FILE...]
#
# Signs only when a certificate is configured, in one of two ways (see docs\packaging.md, "Signing"):
#   PEERDESK_SIGN_PFX        path to a .pfx file, with PEERDESK_SIGN_PFX_PASSWORD (a CI secret)
#   PEERDESK_SIGN_THUMBPRINT SHA-1 thumbprint of a certificate in the user's or machine's store (or on a token)
# PEERDESK_SIGN_TIMESTAMP_URL overrides the RFC 3161 timestamp server (default: DigiCert's).
# With neither set it prints a note and exits 0: unsigned builds are for testing (AppLocker and SmartScreen may
# block or warn about them on managed laptops).
param([Parameter(Mandatory = $true, ValueFromRemainingArguments = $true)][string[]]$Files)
$ErrorActionPreference = 'Stop'

if (-not $env:PEERDESK_SIGN_PFX -and -not $env:PEERDESK_SIGN_THUMBPRINT) {
    Write-Host "sign: no certificate configured (PEERDESK_SIGN_PFX or PEERDESK_SIGN_THUMBPRINT); not signed: $Files"
    exit 0
}
$signtool = Get-ChildItem "${env:ProgramFiles(x86)}\Windows Kits\10\bin\*\x64\signtool.exe" -ErrorAction SilentlyContinue |
    Sort-Object FullName | Select-Object -Last 1
if (-not $signtool) { throw 'sign: signtool.exe not found (install the Windows 10/11 SDK)' }
$timestamp = if ($env:PEERDESK_SIGN_TIMESTAMP_URL) { $env:PEERDESK_SIGN_TIMESTAMP_URL } else { 'http://timestamp.digicert.com' }
$identity = if ($env:PEERDESK_SIGN_PFX) { @('/f', $env:PEERDESK_SIGN_PFX, '/p', $env:PEERDESK_SIGN_PFX_PASSWORD) }
            else { @('/sha1', $env:PEERDESK_SIGN_THUMBPRINT) }
& $signtool.FullName sign @identity /fd SHA256 /tr $timestamp /td SHA256 /d peerdesk @Files
if ($LASTEXITCODE -ne 0) { throw "sign: signtool failed ($LASTEXITCODE)" }
& $signtool.FullName verify /pa @Files
if ($LASTEXITCODE -ne 0) { throw "sign: the signature does not verify ($LASTEXITCODE)" }
