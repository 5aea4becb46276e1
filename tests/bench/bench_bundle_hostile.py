"""Refusing a hostile bundle is bounded: at most 2 s and 300 MiB peak, whatever the bundle (issue #15).

Each vector of ``tests/exchange/vectors`` (and three built here at the caps' edge: the most JSON work a bundle can
ask for before it is refused) is imported into a fresh copy of the vectors' recipient file in a child process of
its own, which reports the import's wall time and the process's peak resident memory (``VmHWM``, or ``ru_maxrss``
where /proc is missing: everything, Python, SQLCipher and the libraries included, not just what the import
allocated; ``ru_maxrss`` alone would inherit the pytest parent's peak on Linux). The floor is the same child
importing the one-quote ``valid`` vector. Run: ``python -m pytest tests/bench/bench_bundle_hostile.py -m bench -s``.
"""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
import time
import zlib
from pathlib import Path
from typing import Any

import pytest

from peerdesk.exchange import bundle, canonical
from tests.exchange.test_vectors import FILES, VECTORS, read_vector
from tests.helpers import vector_world

pytestmark = pytest.mark.bench
RESULTS = Path(__file__).resolve().parent / "results"
ROOT = Path(__file__).resolve().parents[2]
MAX_SECONDS = 2.0
MAX_MIB = 300.0

CHILD = """
import json, resource, sys, time
def peak_mib():
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
from peerdesk.exchange import transfer
from peerdesk.exchange.errors import BundleRefused
from peerdesk.store.engine import Store
from tests.helpers import vector_world
data = open(sys.argv[2], "rb").read()
with Store.open(sys.argv[1], vector_world.PASSPHRASE, make_backup=False) as store:
    before = peak_mib()
    start = time.perf_counter()
    try:
        transfer.import_bundle(store, data)
        outcome = "success"
    except BundleRefused as exc:
        outcome = exc.reason
    seconds = time.perf_counter() - start
print(json.dumps({"outcome": outcome, "seconds": seconds, "peak_mib": peak_mib(), "before_mib": before}))
"""


def edge_cases(folder: Path) -> dict[str, tuple[str, bytes]]:
    """Bundles as large as the caps allow, each refused only after parsing everything."""
    from tests.exchange.vectors import generate as g

    numbers = b"[" + b"1," * (bundle.MAX_ITEMS - 1) + b"1]"
    floats = b"[" + b"1000.5," * (bundle.MAX_ITEMS - 1) + b"1.5]"
    texts = b"[" + b'"ab",' * (bundle.MAX_STRINGS - 2) + b'"ab"]'
    # Quotes of a legal shape up to the unpacked cap, the last one with a bad kind: the most work validation does.
    quote = g.record("quotes", "edge", text="They asked us what we thought, for once " * 20, kind="rose")
    size = len(canonical.dumps(quote)) + 1
    count = min((bundle.MAX_PLAIN - 200) // size, 25_000)
    quotes = [quote | {"id": f"quote-{i:06d}"} for i in range(count)]
    quotes[-1] = quotes[-1] | {"kind": "zzz"}
    shaped = zlib.compress(canonical.dumps(g.body_with({"quotes": quotes})), 6)
    return {
        "edge_numbers": ("malformed", g.make(plain=zlib.compress(numbers, 6))),
        "edge_floats": ("malformed", g.make(plain=zlib.compress(floats, 6))),
        "edge_texts": ("malformed", g.make(plain=zlib.compress(texts, 6))),
        "edge_legal_shape_last_bad": ("invalid", g.make(plain=shaped)),
    }


def run(recipient: Path, folder: Path, name: str, data: bytes) -> dict[str, Any]:
    target = folder / f"{name}.peerdesk"
    target.write_bytes(recipient.read_bytes())
    source = folder / f"{name}.pdbundle"
    source.write_bytes(data)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(target), str(source)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
        env=env,
    )
    assert done.returncode == 0, done.stderr
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def test_every_hostile_bundle_is_refused_within_the_caps(tmp_path: Path) -> None:
    recipient = tmp_path / "me.peerdesk"
    vector_world.build_recipient_file(recipient).close()
    cases = {p.stem: read_vector(p) for p in FILES}
    cases.update(edge_cases(tmp_path))
    floor = run(recipient, tmp_path, "floor", read_vector(VECTORS / "valid.vector")[1])
    rows = {}
    for name, (expect, data) in sorted(cases.items()):
        measured = run(recipient, tmp_path, name, data)
        assert measured["outcome"] == expect, name
        rows[name] = {k: round(v, 3) if isinstance(v, float) else v for k, v in measured.items()}
        flag = "" if measured["seconds"] <= MAX_SECONDS and measured["peak_mib"] <= MAX_MIB else "  OVER"
        print(
            f"{name:<34} {measured['outcome']:<16} {measured['seconds']:6.3f} s "
            f"{measured['peak_mib']:6.1f} MiB (before {measured['before_mib']:.0f}){flag}"
        )
    worst_s = max(r["seconds"] for r in rows.values())
    worst_mib = max(r["peak_mib"] for r in rows.values())
    result = {
        "name": "refusing hostile bundles (worst of all vectors)",
        "figure": round(worst_s, 3),
        "floor": round(floor["seconds"], 3),
        "ratio": round(worst_s / floor["seconds"], 1),
        "unit": "s",
        "machine": f"{platform.system()} {platform.machine()}, Python {platform.python_version()}",
        "when": time.strftime("%Y-%m-%d %H:%M:%S"),  # else the table dates it by the file's time: a checkout's
        "details": {
            "worst_peak_mib": round(worst_mib, 1),
            "floor_peak_mib": round(floor["peak_mib"], 1),
            "caps": {"seconds": MAX_SECONDS, "peak_mib": MAX_MIB},
            "vectors": rows,
        },
    }
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "bundle_hostile.json").write_text(json.dumps(result, indent=2) + "\n")
    print(f"\nworst: {worst_s:.3f} s, {worst_mib:.1f} MiB (caps {MAX_SECONDS} s, {MAX_MIB} MiB)")
    assert worst_s <= MAX_SECONDS and worst_mib <= MAX_MIB
