"""Comparisons that a noisy machine cannot fool (make bench; issue 21).

One run of A followed by one of B measures the machine's drift as much as the code: other work
on the host, CPU frequency, the page cache. So A and B run alternately, in pairs, the order
flipped every pair (A B, B A, A B, ...) so that a steady drift favours neither; the ratio is
taken within each pair and the figure reported is the median ratio with its min–max. A result
whose min–max straddles its goal cannot say whether the goal is met: it is reported as unsure,
with the range, instead of as a number.

    compare(run_a, run_b, goal)  # run_* return a rate (higher is better); the ratio A/B
    summary(values, goal)        # median, min–max and verdict of any figures measured so

Every function returns a dict: median, min, max, the values, the goal and a verdict
("met", "missed", "unsure"); `cell()` prints one.
"""

import os
import statistics

PAIRS = int(os.environ.get("BENCH_PAIRS", "7"))  # measured pairs, after WARMUP
WARMUP = int(os.environ.get("BENCH_WARMUP", "1"))


def compare(run_a, run_b, goal=None, pairs=PAIRS, warmup=WARMUP):
    """A/B within each of `pairs` pairs, after `warmup` pairs thrown away."""
    ratios, a_values, b_values = [], [], []
    for i in range(warmup + pairs):
        if i % 2 == 0:
            a, b = run_a(), run_b()
        else:
            b, a = run_b(), run_a()
        if i >= warmup:
            a_values.append(a)
            b_values.append(b)
            ratios.append(a / b)
    return {**summary(ratios, goal, digits=2), "a": a_values, "b": b_values}


def summary(values, goal=None, digits=2, lower_is_better=False):
    low, high = min(values), max(values)
    if goal is None:
        verdict = ""
    elif lower_is_better:
        verdict = "met" if high < goal else "missed" if low >= goal else "unsure"
    else:
        verdict = "met" if low >= goal else "missed" if high < goal else "unsure"
    return {
        "median": round(statistics.median(values), digits),
        "min": round(low, digits),
        "max": round(high, digits),
        "values": [round(v, digits + 1) for v in values],
        "goal": goal,
        "verdict": verdict,
    }


def cell(result):
    """'0.93 (0.90–0.97)', or 'unsure (0.85–0.99)' when the spread straddles the goal."""
    if result is None:
        return "not run"
    spread = f"({result['min']}–{result['max']})"
    if result["verdict"] == "unsure":
        return f"unsure {spread}"
    return f"{result['median']} {spread}"
