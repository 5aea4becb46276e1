# Turn dist\peerdesk\ into what is handed out: the signed programs, a portable ZIP and the per-user installer.
#
#   packaging\windows\package.ps1      # after build.ps1; needs Inno Setup 6 (install-tools.ps1)
#
# Writes dist\peerdesk-<version>-windows-x64-portable.zip and dist\peerdesk-<version>-windows-x64-setup.exe.
# Signing happens only when a certificate is configured (see sign.ps1); the installer then signs itself and its
# uninstaller through the same script.
$ErrorActionPreference = 'Stop'
$root = (Resolve-Path (Join-Path $PSScriptRoot '..\..')).Path
Set-Location $root
$version = (python -c "import peerdesk; print(peerdesk.__version__)").Trim()
$sign = Join-Path $PSScriptRoot 'sign.ps1'

# 1. The programs themselves, before they are zipped or packed.
& $sign dist\peerdesk\peerdesk.exe dist\peerdesk\peerdesk-cli.exe

# 2. Portable ZIP: unzip anywhere and run peerdesk.exe; no file associations, nothing registered.
$zip = "dist\peerdesk-$version-windows-x64-portable.zip"
if (Test-Path $zip) { Remove-Item $zip }
Compress-Archive -Path dist\peerdesk -DestinationPath $zip
Write-Host "package: $zip"

# 3. The installer.
$iscc = Join-Path ${env:ProgramFiles(x86)} 'Inno Setup 6\ISCC.exe'
if (-not (Test-Path $iscc)) { throw 'package: Inno Setup 6 not found (packaging\windows\install-tools.ps1)' }
$arguments = @("/DAppVersion=$version", "/DSourceDir=$root\dist\peerdesk", "/DOutputDir=$root\dist",
               "/DIconFile=$root\build\icons\peerdesk.ico")
if ($env:PEERDESK_SIGN_PFX -or $env:PEERDESK_SIGN_THUMBPRINT) {
    # No quotes inside the /S value (ISCC would not unescape them), so the repository's path must have no spaces.
    if ($sign -match '\s') { throw "package: to sign, build from a folder whose path has no spaces ($sign)" }
    $arguments += '/DSign', "/Speerdesk=powershell.exe -NoProfile -ExecutionPolicy Bypass -File $sign `$f"
}
& $iscc @arguments (Join-Path $PSScriptRoot 'peerdesk.iss')
if ($LASTEXITCODE -ne 0) { throw "package: Inno Setup failed ($LASTEXITCODE)" }
Write-Host "package: dist\peerdesk-$version-windows-x64-setup.exe"
