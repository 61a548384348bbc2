"""Quality bar T20 as a time (make bench): 200 fuzzed examples of each public form through the
site in-process, as tests/forms/test_fuzz.py runs them and checks what each gives (errors or
exactly one submission, never a 500). The time (T20: under 60 s a form) is measured here, not
asserted there.

    python bench/fuzz.py   # pytest on the DATABASE_URL server; prints one JSON line
"""

import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TEST = "test_fuzzed_forms_never_fail"


def main():
    command = [sys.executable, "-m", "pytest", "tests", "-q", "-p", "no:cacheprovider", "-k", TEST,
               "--durations=0", "--durations-min=0"]  # fmt: skip
    out = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=True).stdout
    seconds = {kind: float(s) for s, kind in re.findall(rf"([\d.]+)s call .*{TEST}\[(\w+)\]", out)}
    if len(seconds) != 3:
        sys.exit(f"fuzz: no timings in\n{out}")
    return {"fuzz_seconds": seconds, "fuzz_slowest_form_seconds": max(seconds.values())}


if __name__ == "__main__":
    print(json.dumps(main()))
