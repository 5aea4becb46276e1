# Build the Windows one-folder app (dist\peerdesk\) with PyInstaller and smoke-test it.
#
#   pip install -e ".[package]"        # once: PyInstaller
#   packaging\windows\build.ps1
#
# The folder holds peerdesk.exe (windowed: the Start-menu program) and peerdesk-cli.exe (console: the CLI and
# smoke-test). The spec renders build\icons\peerdesk.ico from resources\peerdesk.svg first.
$ErrorActionPreference = 'Stop'
Set-Location (Join-Path $PSScriptRoot '..\..')

python -m PyInstaller --noconfirm --log-level WARN --distpath dist --workpath build packaging\peerdesk.spec
if ($LASTEXITCODE -ne 0) { throw "build: PyInstaller failed ($LASTEXITCODE)" }
$size = (Get-ChildItem dist\peerdesk -Recurse -File | Measure-Object Length -Sum).Sum
Write-Host ("build: dist\peerdesk built, {0:N0} MB" -f ($size / 1MB))

& dist\peerdesk\peerdesk-cli.exe smoke-test
if ($LASTEXITCODE -ne 0) { throw "build: the built app's smoke test failed ($LASTEXITCODE)" }
