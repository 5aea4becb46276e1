# Install the pinned Windows build tools that a GitHub runner does not have in the wanted version.
#
#   packaging\windows\install-tools.ps1
#
# Inno Setup: pinned here; package.ps1 looks for ISCC.exe in its default folder.
$ErrorActionPreference = 'Stop'
$InnoSetupVersion = '6.4.3'
choco install innosetup --version $InnoSetupVersion --no-progress -y
if ($LASTEXITCODE -ne 0) { throw "install-tools: Inno Setup $InnoSetupVersion could not be installed" }
