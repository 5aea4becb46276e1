"""The Windows installer, the macOS bundle settings, the Linux file types and the CI workflow agree with each other.

The Windows and macOS builds cannot run here; these tests read their scripts and settings and check what a build
there depends on: the same two file types everywhere (packaging/filetypes.py), a per-user Windows install that
cleans up after itself, and a workflow whose every step is a script of packaging/ that exists.
"""

from __future__ import annotations

import configparser
import importlib.util
import plistlib
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
WORKFLOW = ROOT / ".github" / "workflows" / "package.yml"


def load_filetypes() -> ModuleType:
    spec = importlib.util.spec_from_file_location("peerdesk_packaging_filetypes", PACKAGING / "filetypes.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # NamedTuple needs its module registered
    spec.loader.exec_module(module)
    return module


filetypes = load_filetypes()


def iss_sections() -> dict[str, list[str]]:
    """The Inno Setup script's lines by section, comments and preprocessor lines left out."""
    sections: dict[str, list[str]] = {}
    current = ""
    for raw in (PACKAGING / "windows" / "peerdesk.iss").read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith((";", "#")):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1]
            continue
        sections.setdefault(current, []).append(line)
    return sections


def iss_entries(section: str) -> list[dict[str, str]]:
    """'Name: "x"; Flags: a b' lines as dictionaries."""
    entries = []
    for line in iss_sections()[section]:
        fields = re.findall(r'(\w+):\s*("(?:[^"]|"")*"|[^;]*)', line)
        entries.append({key: unquote(value.strip()) for key, value in fields})
    return entries


def unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] == '"':
        return value[1:-1].replace('""', '"')
    return value


def setup_directives() -> dict[str, str]:
    return dict(line.split("=", 1) for line in iss_sections()["Setup"])


def test_the_windows_installer_is_per_user_and_needs_no_admin() -> None:
    setup = setup_directives()
    assert setup["PrivilegesRequired"] == "lowest"
    assert setup["DefaultDirName"] == r"{userpf}\peerdesk"
    assert setup["ChangesAssociations"] == "yes"
    assert re.fullmatch(r"\{\{[0-9A-F-]{36}\}", setup["AppId"]), "a fixed AppId: upgrades find the installed app"
    assert all(entry["Root"] == "HKCU" for entry in iss_entries("Registry")), "nothing outside the user's hive"
    assert [entry["Name"] for entry in iss_entries("Icons")] == [r"{userprograms}\peerdesk"]


def test_the_windows_installer_associates_both_file_types_and_its_uninstaller_removes_them() -> None:
    registry = iss_entries("Registry")
    by_key = {(e["Subkey"], e.get("ValueName", "")): e for e in registry}
    for file_type in filetypes.FILE_TYPES:
        extension = by_key[(rf"Software\Classes\.{file_type.extension}", "")]
        assert extension["ValueData"] == file_type.prog_id
        assert "uninsdeletevalue" in extension["Flags"]
        prog_id = by_key[(rf"Software\Classes\{file_type.prog_id}", "")]
        assert "uninsdeletekey" in prog_id["Flags"]
        command = by_key[(rf"Software\Classes\{file_type.prog_id}\shell\open\command", "")]
        assert command["ValueData"] == r'"{app}\peerdesk.exe" "%1"'
        icon = by_key[(rf"Software\Classes\{file_type.prog_id}\DefaultIcon", "")]
        assert icon["ValueData"].startswith(r"{app}\peerdesk.exe")
    # Every key the installer writes lies under one the uninstaller deletes (or is a value it deletes).
    removed = [e["Subkey"] for e in registry if "uninsdeletekey" in e.get("Flags", "")]
    for entry in registry:
        owned = any(entry["Subkey"] == key or entry["Subkey"].startswith(key + "\\") for key in removed)
        assert owned or "uninsdeletevalue" in entry.get("Flags", ""), entry


def test_an_upgrade_replaces_the_internal_folder_and_the_uninstaller_keeps_the_reviews() -> None:
    assert iss_entries("InstallDelete") == [{"Type": "filesandordirs", "Name": r"{app}\_internal"}]
    for entry in iss_entries("UninstallDelete"):
        assert entry["Name"] == "{app}" or entry["Name"].startswith("{app}\\"), "the uninstaller stays in {app}"
    (files,) = iss_entries("Files")
    assert files["DestDir"] == "{app}"


def test_the_windows_installer_is_signed_only_when_a_sign_tool_is_defined() -> None:
    text = (PACKAGING / "windows" / "peerdesk.iss").read_text(encoding="utf-8")
    block = re.search(r"^#ifdef Sign\n(.*?)^#endif", text, re.MULTILINE | re.DOTALL)
    assert block is not None
    assert "SignTool=peerdesk" in block.group(1)
    assert text.count("SignTool=") == 1
    package = (PACKAGING / "windows" / "package.ps1").read_text(encoding="utf-8")
    assert "if ($env:PEERDESK_SIGN_PFX -or $env:PEERDESK_SIGN_THUMBPRINT)" in package
    sign = (PACKAGING / "windows" / "sign.ps1").read_text(encoding="utf-8")
    assert "exit 0" in sign and "signtool" in sign


def test_the_macos_bundle_declares_and_opens_both_file_types() -> None:
    plist = filetypes.mac_info_plist("1.2.3", "peerdesk.icns")
    plistlib.dumps(plist)  # every value is something a plist can hold
    exported = {t["UTTypeIdentifier"]: t for t in plist["UTExportedTypeDeclarations"]}
    opened = {uti for doc in plist["CFBundleDocumentTypes"] for uti in doc["LSItemContentTypes"]}
    assert set(exported) == opened == {t.uti for t in filetypes.FILE_TYPES}
    extensions = {ext for t in exported.values() for ext in t["UTTypeTagSpecification"]["public.filename-extension"]}
    assert extensions == {"peerdesk", "pdbundle"}
    assert plist["CFBundleShortVersionString"] == "1.2.3"
    spec = (PACKAGING / "peerdesk.spec").read_text(encoding="utf-8")
    assert "info_plist=mac_info_plist(VERSION" in spec and "bundle_identifier=BUNDLE_ID" in spec


def test_the_windows_programs_carry_a_version_resource_for_applocker_publisher_rules() -> None:
    spec = (PACKAGING / "peerdesk.spec").read_text(encoding="utf-8")
    assert "version=windows_version_file(name)" in spec
    assert "StringStruct" in spec and "ProductName" in spec


def test_the_linux_file_types_match_the_other_platforms() -> None:
    ns = "{http://www.freedesktop.org/standards/shared-mime-info}"
    root = ET.parse(PACKAGING / "linux" / "peerdesk-mime.xml").getroot()
    declared = {t.get("type"): [g.get("pattern") for g in t.iter(f"{ns}glob")] for t in root}
    assert declared == {t.mime: [f"*.{t.extension}"] for t in filetypes.FILE_TYPES}
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(PACKAGING / "linux" / "peerdesk.desktop", encoding="utf-8")
    assert set(entry["Desktop Entry"]["MimeType"].strip(";").split(";")) == {t.mime for t in filetypes.FILE_TYPES}


def workflow_runs() -> list[str]:
    """The command of every `run:` step in the workflow."""
    return [m.group(1).strip() for m in re.finditer(r"^\s+run: (.+)$", WORKFLOW.read_text(), re.MULTILINE)]


def test_every_workflow_step_runs_a_script_of_packaging_that_exists() -> None:
    runs = workflow_runs()
    assert len(runs) >= 15
    for command in runs:
        scripts = re.findall(r"packaging/[\w./-]+\.(?:sh|ps1|py)", command)
        assert scripts, f"not a packaging script: {command}"
        for script in scripts:
            assert (ROOT / script).is_file(), script


def test_the_workflow_builds_on_each_platform_and_pins_its_tools() -> None:
    text = WORKFLOW.read_text()
    assert "container: almalinux:9." in text, "built on glibc 2.34"
    for runner in ("windows-2022", "macos-15", "macos-15-intel"):
        assert re.search(rf"\b{re.escape(runner)}\b", text), runner
    for step in ("check-install.sh", "check-install.ps1", "make-dmg.sh", "package.ps1", "--archive", "upload-artifact"):
        assert step in text, step
    assert re.findall(r"uses: [\w/-]+@(\S+)", text) and all(
        re.fullmatch(r"v\d+\.\d+\.\d+", version) for version in re.findall(r"uses: [\w/-]+@(\S+)", text)
    ), "actions pinned to exact releases"
    assert re.search(r'PYTHON_VERSION: "3\.\d+\.\d+"', text)
    constraints = (PACKAGING / "constraints.txt").read_text()
    assert re.search(r"^pyinstaller==\d", constraints, re.MULTILINE)
    assert re.search(r"\$InnoSetupVersion = '\d+\.\d+\.\d+'", (PACKAGING / "windows" / "install-tools.ps1").read_text())


def test_the_workflow_is_valid_yaml_with_one_job_per_platform() -> None:
    import yaml  # a test dependency (pyproject's [test] extra)

    workflow = yaml.safe_load(WORKFLOW.read_text())
    assert set(workflow["jobs"]) == {"linux", "windows", "macos"}
    arches = {entry["arch"] for entry in workflow["jobs"]["macos"]["strategy"]["matrix"]["include"]}
    assert arches == {"arm64", "x86_64"}
    for job in workflow["jobs"].values():
        names = [step.get("run", step.get("uses", "")) for step in job["steps"]]
        assert names[0].startswith("actions/checkout@") and names[-1].startswith("actions/upload-artifact@")
