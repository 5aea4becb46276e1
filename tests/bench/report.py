"""How every benchmark reports: our figure, a floor measured in the same run, the ratio; saved as JSON."""

from __future__ import annotations

import json
import platform
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

RESULTS = Path(__file__).parent / "results"


def percentile(samples: list[float], pct: float) -> float:
    ordered = sorted(samples)
    if not ordered:
        return float("nan")
    k = (len(ordered) - 1) * pct / 100
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def time_ms(fn: Callable[[], Any], repeat: int) -> list[float]:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def report(name: str, figure: float, floor: float, unit: str, **details: Any) -> dict[str, Any]:
    ratio = figure / floor if floor else float("inf")
    result = {
        "name": name,
        "figure": round(figure, 4),
        "floor": round(floor, 4),
        "ratio": round(ratio, 2),
        "unit": unit,
        "machine": f"{platform.system()} {platform.machine()}, Python {platform.python_version()}",
        "when": time.strftime("%Y-%m-%d %H:%M:%S"),
        "details": details,
    }
    print(f"\n[bench] {name}: {figure:.3f} {unit} vs floor {floor:.3f} {unit} → ×{ratio:.2f}  {details or ''}")
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / f"{name}.json").write_text(json.dumps(result, indent=2) + "\n")
    return result


def median(samples: list[float]) -> float:
    return statistics.median(samples)
