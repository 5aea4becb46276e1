"""Read a PDF back as text with poppler's tools, the way a reader would see the printed page."""

from __future__ import annotations

import html
import re
import shutil
import subprocess
from dataclasses import dataclass
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


@dataclass(frozen=True)
class Word:
    """A word as printed: its page (from 1) and its box in points from the page's top left corner."""

    page: int
    text: str
    left: float
    top: float
    right: float
    bottom: float


def pdf_words(path: Path) -> list[Word]:
    """Every word of the PDF with where it sits on its page (``pdftotext -bbox``)."""
    out = subprocess.run([_tool("pdftotext"), "-bbox", str(path), "-"], check=True, capture_output=True, text=True)
    words: list[Word] = []
    for page, body in enumerate(re.split(r"<page [^>]*>", out.stdout)[1:], start=1):
        for left, top, right, bottom, text in _WORD.findall(body):
            words.append(Word(page, html.unescape(text), float(left), float(top), float(right), float(bottom)))
    return words


_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>')
