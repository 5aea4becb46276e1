# CI only: write the code-signing certificate from secrets to a file and point sign.ps1 at it.
#
#   With PEERDESK_SIGN_PFX_BASE64 (and PEERDESK_SIGN_PFX_PASSWORD) set: writes %RUNNER_TEMP%\peerdesk-signing.pfx
#   and sets PEERDESK_SIGN_PFX for the later steps. Without: says so; the build stays unsigned.
$ErrorActionPreference = 'Stop'
if (-not $env:PEERDESK_SIGN_PFX_BASE64) {
    Write-Host 'import-certificate: no PEERDESK_SIGN_PFX_BASE64; the programs and installer will not be signed'
    exit 0
}
$pfx = Join-Path $env:RUNNER_TEMP 'peerdesk-signing.pfx'
[IO.File]::WriteAllBytes($pfx, [Convert]::FromBase64String($env:PEERDESK_SIGN_PFX_BASE64))
Add-Content -Path $env:GITHUB_ENV -Value "PEERDESK_SIGN_PFX=$pfx"
Write-Host "import-certificate: certificate written to $pfx"
