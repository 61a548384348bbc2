"""The table `make bench` prints, from the JSON lines of its steps; all of it to var/bench.json.

python bench/report.py JSON...
"""

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.pairs import cell

# (measure, key, goal as printed); a key of bench/pages.py holds a median with its spread.
ROWS = [
    ("home page GET / bare view, same bytes", "home", ">= 0.90"),
    ("application form GET / bare view", "application_form", ">= 0.80"),
    ("contact form POST / bare insert (1 transaction)", "contact_post", ">= 0.65"),
    ("home page through nginx, 1 worker (req/s)", "home_nginx", ">= 10000"),
    ("  the same / that page as a static file via nginx", "home_nginx_static_ratio", ""),
    ("gunicorn worker peak RSS (MB)", "worker_peak_rss_mb", ""),
    ("self-service link: known / unknown address rate", "selfservice_known_unknown", ">= 0.75"),
    ("200 concurrent form posts, 4 workers (s)", "load_seconds", "< 10"),
    ("letter intake: recognition set / bare insert rate", "intake_bare", ""),
    ("  letters taken in a second", "intake_letters_per_second", ""),
    ("fuzzing: 200 examples, slowest form (s)", "fuzz_slowest_form_seconds", "< 60"),
    ("campaign queued to (people)", "campaign_recipients", "100000"),
    ("campaign queueing time (s)", "campaign_seconds", "< 20"),
    ("campaign peak memory (MB)", "campaign_peak_rss_mb", "< 200"),
    ("volume seeded: 100k people, 1M ledger rows (s)", "seed_seconds", "< 180"),
    ("admin ticket list p50 / p95 (ms)", "admin_ticket_list", "p95 < 100"),
    ("admin person page p50 / p95 (ms)", "admin_subject_page", "p95 < 50"),
    ("admin ledger list p50 / p95 (ms)", "admin_ledger_list", "p95 < 100"),
    ("admin ledger list ?kind=withdraw p50 / p95 (ms)", "admin_ledger_withdraw", "p95 < 100"),
    ("admin audit log list, 1M rows, p50 / p95 (ms)", "admin_audit_list", "p95 < 100"),
    ("click wave: 2,000 unsubscribes / bare insert rate", "clickwave", ">= 0.5"),
    ("  clicks with an error (all waves)", "clickwave_errors", "0"),
    ("  clicks / people withdrawn once", "clickwave_once", "equal"),
    ("photo upload, worst file: peak RSS (MB)", "photo_peak_rss_mb", "< 300"),
    ("photo upload, worst file: its own part (MB)", "photo_cost_mb", "< 150"),
]


def value(results, key):
    if key in results:
        found = results[key]
        return cell(found) if isinstance(found, dict) else str(found)
    if f"{key}_p95_ms" in results:
        queries = results.get(f"{key}_queries", "?")
        return f"{results[f'{key}_p50_ms']} / {results[f'{key}_p95_ms']}, {queries} q"
    return "not run"


def main(lines):
    results = {k: v for line in lines for k, v in json.loads(line).items()}
    Path("var").mkdir(exist_ok=True)
    Path("var/bench.json").write_text(json.dumps(results, indent=2))
    print(f"{'measure':<50}{'median (min–max)':>26}{'goal':>11}")
    for name, key, goal in ROWS:
        print(f"{name:<50}{value(results, key):>26}{goal:>11}")


if __name__ == "__main__":
    main(sys.argv[1:])
