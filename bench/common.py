"""Helpers every benchmark shares: where the public data is, percentiles, the machine line, RESULTS.md."""
from __future__ import annotations

import datetime as _dt
import os
import platform
import re
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "RESULTS.md"


def shared_data_dir() -> Path:
    """The public data sets beside the repository (`../shared/data/`), or `AISLE_SHARED_DATA`."""
    path = Path(os.environ.get("AISLE_SHARED_DATA") or ROOT / ".." / "shared" / "data").resolve()
    if not path.is_dir():
        raise FileNotFoundError(f"No public data at {path}: check out ../shared/data or set AISLE_SHARED_DATA")
    return path


def percentile(values: Sequence[float], q: float) -> float:
    """The q-th percentile (0-100) by linear interpolation; NaN for no values."""
    if not values:
        return float("nan")
    xs = sorted(values)
    pos = (len(xs) - 1) * q / 100.0
    lo = int(pos)
    hi = min(lo + 1, len(xs) - 1)
    return xs[lo] + (xs[hi] - xs[lo]) * (pos - lo)


def machine() -> str:
    """One line naming the hardware the figures come from, e.g. '2-core AMD EPYC CPU, no GPU'."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    gpu = "no GPU"
    try:
        import torch

        if torch.cuda.is_available():
            gpu = f"GPU {torch.cuda.get_device_name(0)}"
    except ImportError:
        pass
    return f"{os.cpu_count()}-core {cpu} CPU, {gpu}, Python {platform.python_version()}"


def today() -> str:
    return _dt.date.today().isoformat()


def write_section(heading: str, body: str, *, path: Path = RESULTS) -> None:
    """Replace the `## heading` section of RESULTS.md with `body` (other sections stay as they are)."""
    import fcntl

    # Benchmarks may finish at the same time: lock the folder so no one's section is lost.
    folder = os.open(path.parent, os.O_RDONLY)
    try:
        fcntl.flock(folder, fcntl.LOCK_EX)
        text = path.read_text(encoding="utf-8") if path.exists() else \
            "# Aisle benchmarks\n\nEach section is written by its own benchmark script.\n"
        section = f"## {heading}\n\n{body.strip()}\n"
        pattern = re.compile(rf"^## {re.escape(heading)}[ \t]*\n.*?(?=^## |\Z)", re.S | re.M)
        if pattern.search(text):
            text = pattern.sub(lambda _: section + "\n", text, count=1).rstrip() + "\n"
        else:
            text = text.rstrip() + "\n\n" + section
        tmp = path.with_name(f".{path.name}.tmp")
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, path)
    finally:
        os.close(folder)
