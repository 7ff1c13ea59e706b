"""What loading the language detector costs a new process: the packages' own loaders (langdetect's JSON
profiles, py3langid's LZMA model) against our decoded copies in the cache folder, first run (built and
written) and every later one (read back).

Run: python benchmarks/detector_load.py [--runs 3]. Each figure is the median over fresh processes (a
process loads each model once), in a cache folder of its own. The last line is one JSON object: seconds
per load and each way's ratio to the packages' loaders.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

PACKAGES = """
import time
start = time.perf_counter()
from langdetect import detector_factory
from py3langid.langid import MODEL_FILE, LanguageIdentifier
detector_factory.init_factory()
LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=False)
print(time.perf_counter() - start)
"""

CACHED = """
import sys, time
from pathlib import Path
start = time.perf_counter()
from translator.detect import model_cache
from translator.detect.detector import SMOOTHING
folder = Path(sys.argv[1])
model_cache.langdetect_profiles(SMOOTHING, folder)
model_cache.langid_identifier(folder)
print(time.perf_counter() - start)
"""


def seconds(script: str, *args: str) -> float:
    done = subprocess.run([sys.executable, "-c", script, *args], capture_output=True, text=True, check=True, cwd=REPO)
    return float(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    packages, first, later = [], [], []
    for _ in range(args.runs):
        packages.append(seconds(PACKAGES))
        with tempfile.TemporaryDirectory() as folder:
            first.append(seconds(CACHED, folder))
            later.append(seconds(CACHED, folder))
    figures = {
        "packages_s": round(statistics.median(packages), 3),
        "first_run_s": round(statistics.median(first), 3),
        "later_runs_s": round(statistics.median(later), 3),
    }
    figures["first_run_ratio"] = round(figures["first_run_s"] / figures["packages_s"], 3)
    figures["later_runs_ratio"] = round(figures["later_runs_s"] / figures["packages_s"], 3)
    print(f"packages' loaders     {figures['packages_s']:.3f} s  (baseline)")
    print(f"first run (build)     {figures['first_run_s']:.3f} s  x{figures['first_run_ratio']}")
    print(f"later runs (cache)    {figures['later_runs_s']:.3f} s  x{figures['later_runs_ratio']}")
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
