; Inno Setup script: the per-user Windows installer for peerdesk (no admin rights needed).
;
; Built by packaging\windows\package.ps1, which passes the version, the app folder and (only when a code-signing
; certificate is configured) the signing tool:
;   ISCC.exe /DAppVersion=0.1.0 /DSourceDir=C:\src\peerdesk\dist\peerdesk /DOutputDir=C:\src\peerdesk\dist ^
;            [/DSign "/Speerdesk=powershell -NoProfile -ExecutionPolicy Bypass -File ...\sign.ps1 $f"] peerdesk.iss
;
; Silent install and uninstall (what packaging\windows\check-install.ps1 and IT deployment tools run):
;   peerdesk-0.1.0-windows-x64-setup.exe /VERYSILENT /SUPPRESSMSGBOXES /NORESTART
;   "%LOCALAPPDATA%\Programs\peerdesk\unins000.exe" /VERYSILENT /SUPPRESSMSGBOXES /NORESTART
;
; The file types below must match packaging\filetypes.py (tests\packaging\test_windows_installer.py checks).

#ifndef AppVersion
  #error Pass the version: ISCC /DAppVersion=X.Y.Z
#endif
#ifndef SourceDir
  #define SourceDir "..\..\dist\peerdesk"
#endif
#ifndef OutputDir
  #define OutputDir "..\..\dist"
#endif
#ifndef IconFile
  ; Rendered from resources\peerdesk.svg by packaging\make_icons.py (the spec does it when building the app).
  #define IconFile "..\..\build\icons\peerdesk.ico"
#endif

[Setup]
; The AppId never changes: it is how a newer installer finds (and upgrades) an installed peerdesk.
AppId={{28050BAB-B5AB-4582-AA2D-496E6746AAE9}
AppName=peerdesk
AppVersion={#AppVersion}
AppVerName=peerdesk {#AppVersion}
AppPublisher=peerdesk
VersionInfoVersion={#AppVersion}
; Per user, no administrator: the app goes to %LOCALAPPDATA%\Programs\peerdesk, the file types to HKCU.
PrivilegesRequired=lowest
DefaultDirName={userpf}\peerdesk
DisableProgramGroupPage=yes
DisableDirPage=auto
UsePreviousAppDir=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
ChangesAssociations=yes
CloseApplications=yes
SetupIconFile={#IconFile}
UninstallDisplayIcon={app}\peerdesk.exe
UninstallDisplayName=peerdesk
OutputDir={#OutputDir}
OutputBaseFilename=peerdesk-{#AppVersion}-windows-x64-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
#ifdef Sign
; The "peerdesk" sign tool is defined on the ISCC command line (/Speerdesk=...): it signs this setup and the
; uninstaller it writes. Without a certificate, package.ps1 defines neither and nothing is signed.
SignTool=peerdesk
SignedUninstaller=yes
#endif

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[InstallDelete]
; An upgrade first removes the previous version's internal folder, so no library of an older build lingers beside
; the new one (PyInstaller's file names change between versions). Reviews never live in {app}.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: recursesubdirs createallsubdirs ignoreversion

[Icons]
Name: "{userprograms}\peerdesk"; Filename: "{app}\peerdesk.exe"; Comment: "Peer challenge workspace"

[Registry]
; The two file types, for this user only (HKCU\Software\Classes). Each is removed again by the uninstaller:
; the extension's default value only if it still names our type, the type's key entirely.
Root: HKCU; Subkey: "Software\Classes\.peerdesk"; ValueType: string; ValueName: ""; ValueData: "peerdesk.review"; Flags: uninsdeletevalue uninsdeletekeyifempty
Root: HKCU; Subkey: "Software\Classes\peerdesk.review"; ValueType: string; ValueName: ""; ValueData: "peerdesk review"; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\peerdesk.review\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\peerdesk.exe,0"
Root: HKCU; Subkey: "Software\Classes\peerdesk.review\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\peerdesk.exe"" ""%1"""
Root: HKCU; Subkey: "Software\Classes\.pdbundle"; ValueType: string; ValueName: ""; ValueData: "peerdesk.bundle"; Flags: uninsdeletevalue uninsdeletekeyifempty
Root: HKCU; Subkey: "Software\Classes\peerdesk.bundle"; ValueType: string; ValueName: ""; ValueData: "peerdesk bundle"; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\peerdesk.bundle\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\peerdesk.exe,0"
Root: HKCU; Subkey: "Software\Classes\peerdesk.bundle\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\peerdesk.exe"" ""%1"""
; "Open with" lists peerdesk for both types.
Root: HKCU; Subkey: "Software\Classes\Applications\peerdesk.exe"; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\Applications\peerdesk.exe\SupportedTypes"; ValueType: string; ValueName: ".peerdesk"; ValueData: ""
Root: HKCU; Subkey: "Software\Classes\Applications\peerdesk.exe\SupportedTypes"; ValueType: string; ValueName: ".pdbundle"; ValueData: ""

[Run]
Filename: "{app}\peerdesk.exe"; Description: "Start peerdesk"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Only what the app itself may add inside its own folder (Python's bytecode caches). The user's reviews, settings
; and log live elsewhere and are kept.
Type: filesandordirs; Name: "{app}\_internal"
Type: dirifempty; Name: "{app}"
