# Install peerdesk silently for this user, check it, uninstall it silently and check that nothing is left.
#
#   packaging\windows\check-install.ps1 [SETUP.exe]     # default: the one package.ps1 wrote to dist\
#
# Checks: the app in %LOCALAPPDATA%\Programs\peerdesk, the Start-menu entry, both file types under HKCU\Software\
# Classes; the installed peerdesk-cli.exe passes smoke-test; installing again over it (an upgrade) works; the
# silent uninstall keeps a review in Documents and leaves no program folder, shortcut or registry key behind.
param([string]$Setup)
$ErrorActionPreference = 'Stop'
Set-Location (Join-Path $PSScriptRoot '..\..')
if (-not $Setup) { $Setup = (Get-ChildItem dist\peerdesk-*-windows-x64-setup.exe | Select-Object -Last 1).FullName }
function Fail($why) { throw "check-install: FAILED: $why" }
function Run($exe) { $p = Start-Process $exe -ArgumentList $args -Wait -PassThru; if ($p.ExitCode) { Fail "$exe $args ($($p.ExitCode))" } }

$app = Join-Path $env:LOCALAPPDATA 'Programs\peerdesk'
$shortcut = Join-Path $env:APPDATA 'Microsoft\Windows\Start Menu\Programs\peerdesk.lnk'
$keys = 'HKCU:\Software\Classes\.peerdesk', 'HKCU:\Software\Classes\.pdbundle', 'HKCU:\Software\Classes\peerdesk.review',
        'HKCU:\Software\Classes\peerdesk.bundle', 'HKCU:\Software\Classes\Applications\peerdesk.exe'
$silent = '/VERYSILENT', '/SUPPRESSMSGBOXES', '/NORESTART'

Run $Setup @silent
if (-not (Test-Path "$app\peerdesk.exe")) { Fail "no $app\peerdesk.exe" }
if (-not (Test-Path $shortcut)) { Fail 'no Start-menu entry' }
foreach ($key in $keys) { if (-not (Test-Path $key)) { Fail "no $key" } }
if ((Get-ItemProperty 'HKCU:\Software\Classes\.peerdesk').'(default)' -ne 'peerdesk.review') { Fail '.peerdesk is not ours' }
$open = (Get-ItemProperty 'HKCU:\Software\Classes\peerdesk.review\shell\open\command').'(default)'
if ($open -ne "`"$app\peerdesk.exe`" `"%1`"") { Fail "unexpected open command: $open" }

& "$app\peerdesk-cli.exe" smoke-test
if ($LASTEXITCODE -ne 0) { Fail "the installed app's smoke test ($LASTEXITCODE)" }
$review = Join-Path ([Environment]::GetFolderPath('MyDocuments')) 'peerdesk-check-install.peerdesk'
& "$app\peerdesk-cli.exe" demo $review | Out-Null
if ($LASTEXITCODE -ne 0) { Fail "peerdesk demo ($LASTEXITCODE)" }

# An upgrade: the same installer again replaces the internal folder (InstallDelete) and still works.
New-Item -ItemType File "$app\_internal\left-by-an-old-version.dll" -Force | Out-Null
Run $Setup @silent
if (Test-Path "$app\_internal\left-by-an-old-version.dll") { Fail 'the upgrade kept the old internal folder' }
& "$app\peerdesk-cli.exe" --version
if ($LASTEXITCODE -ne 0) { Fail 'the upgraded app does not start' }

Run "$app\unins000.exe" @silent
# The uninstaller hands over to a copy of itself in %TEMP% (so that it can delete its own file): wait for it.
for ($i = 0; $i -lt 60 -and (Test-Path $app); $i++) { Start-Sleep -Seconds 1 }
if (-not (Test-Path $review)) { Fail 'uninstalling removed a review' }
if (Test-Path $app) { Fail "left behind: $(Get-ChildItem -Recurse $app | Select-Object -ExpandProperty FullName)" }
if (Test-Path $shortcut) { Fail 'the Start-menu entry is still there' }
foreach ($key in $keys) { if (Test-Path $key) { Fail "the registry key $key is still there" } }
$uninstallKeys = Get-ChildItem 'HKCU:\Software\Microsoft\Windows\CurrentVersion\Uninstall' |
    Where-Object { $_.GetValue('DisplayName') -eq 'peerdesk' }
if ($uninstallKeys) { Fail 'peerdesk is still listed in Apps & features' }
Remove-Item $review
Write-Host 'check-install: ok (installed, upgraded, uninstalled; the review kept, nothing else left)'
