"""axe-core on the served pages, then one table with the Lighthouse scores (scripts/lighthouse/run).

Usage: report.py BASE_URL OUT_DIR NAME:PATH... ; reads the Lighthouse reports OUT_DIR/NAME.N.json
(of several runs, the one with the median performance score counts), writes OUT_DIR/NAME.axe.json,
exits 1 when a goal is missed.

axe runs in Debian's chromium through the project's Playwright. The site's CSP admits only its
own scripts with a nonce, so the browser context bypasses CSP (bypass_csp=True) to inject
axe.min.js; the page's markup and styles are the same as a visitor gets.
"""

import json
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

HERE = Path(__file__).resolve().parent
AXE = HERE / "node_modules" / "axe-core" / "axe.min.js"
GOALS = {"performance": 0.98, "accessibility": 1.0, "best-practices": 1.0, "seo": 1.0}
# axe's default rule set, then the WCAG 2.0 A/AA and 2.1 AA rules by tag (which also runs those
# that are off by default); the violations are the union of both runs.
AXE_RUNS = [{}, {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21aa"]}}]


def axe(base, pages, out):
    results = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path="/usr/bin/chromium",
            args=["--no-sandbox", "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"],
        )
        try:
            context = browser.new_context(bypass_csp=True)
            for name, path in pages:
                page = context.new_page()
                page.goto(base + path, wait_until="load")
                page.add_script_tag(path=str(AXE))
                violations = {}
                for options in AXE_RUNS:
                    found = page.evaluate("o => axe.run(document, o)", options)["violations"]
                    for v in found:
                        violations.setdefault(v["id"], v)
                results[name] = list(violations.values())
                (out / f"{name}.axe.json").write_text(json.dumps(results[name], indent=2))
                page.close()
            cookies = sorted(c["name"] for c in context.cookies())
        finally:
            browser.close()
    return results, cookies


def lighthouse(out, name):
    """{category: (score or None, [ids of weighted audits below 1])}, and a run error if any."""
    runs = [json.loads(path.read_text()) for path in sorted(out.glob(f"{name}.[0-9].json"))]
    runs.sort(key=lambda r: r["categories"]["performance"]["score"] or 0)
    report = runs[len(runs) // 2]
    performance = [r["categories"]["performance"]["score"] for r in runs]
    audits = report["audits"]
    scores = {}
    for key in GOALS:
        category = report["categories"][key]
        failing = [
            ref["id"]
            for ref in category["auditRefs"]
            if ref["weight"] > 0 and audits[ref["id"]]["score"] is not None
            and audits[ref["id"]]["score"] < 1
        ]  # fmt: skip
        scores[key] = (category["score"], failing)
    return scores, performance, (report.get("runtimeError") or {}).get("message")


def main(base, out, *specs):
    out = Path(out)
    pages = [tuple(spec.split(":", 1)) for spec in specs]
    violations, cookies = axe(base, pages, out)
    ok = True
    notes = []
    print(f"\n{'page':<20}" + "".join(f"{k:>16}" for k in GOALS) + f"{'axe violations':>16}")
    for name, _ in pages:
        scores, performance, error = lighthouse(out, name)
        if len(performance) > 1:
            notes.append(f"{name} performance: the median of {len(performance)} runs {performance}")
        row = f"{name:<20}"
        for key, goal in GOALS.items():
            score, failing = scores[key]
            missed = score is None or score < goal
            ok &= not missed
            row += f"{'-' if score is None else f'{score:.2f}':>15}{'!' if missed else ' '}"
            if failing:
                notes.append(f"{name} {key}: {', '.join(failing)}")
        found = violations[name]
        ok &= not found and not error
        row += f"{len(found):>15}{'!' if found else ' '}"
        print(row)
        if found:
            ids = ", ".join(f"{v['id']} ({len(v['nodes'])} elements)" for v in found)
            notes.append(f"{name} axe: {ids}")
        if error:
            notes.append(f"{name} lighthouse error: {error}")
    print(f"goals: {', '.join(f'{k} >= {v}' for k, v in GOALS.items())}, 0 axe violations")
    print("weighted audits below 1, axe violations:" if notes else "no weighted audit below 1")
    for note in notes:
        print("  " + note)
    print(f"cookies Chromium kept on {base}: {', '.join(cookies) or 'none'}")
    print(f"reports: {out}/*.json")
    print("lighthouse and axe: all goals met" if ok else "lighthouse and axe: goals missed")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
