"""Read a PDF back as text with poppler's tools, the way a reader would see the printed page."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        pytest.skip(f"{name} (poppler-utils) is not installed")
    return found


def pdf_text(path: Path, *, first: int | None = None, last: int | None = None) -> str:
    """The text of the PDF (or of pages ``first``..``last``), in reading order with line breaks."""
    command = [_tool("pdftotext")]
    if first is not None:
        command += ["-f", str(first)]
    if last is not None:
        command += ["-l", str(last)]
    return subprocess.run([*command, str(path), "-"], check=True, capture_output=True, text=True).stdout


def pdf_info(path: Path) -> dict[str, str]:
    out = subprocess.run([_tool("pdfinfo"), str(path)], check=True, capture_output=True, text=True).stdout
    return {key.strip(): value.strip() for key, _, value in (line.partition(":") for line in out.splitlines())}


def pages_starting(path: Path, heading: str) -> int:
    """How many pages begin with ``heading`` (each printed sheet starts with its own heading)."""
    pages = pdf_text(path).split("\f")
    return sum(1 for page in pages if page.strip().startswith(heading))
