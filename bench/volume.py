"""The admin at a realistic volume (`make bench`).

    python bench/volume.py seed      # 100,000 subjects, 1,000,000 ledger rows, 20,000 requests,
                                     # 50,000 outbox emails, 1,000,000 audit rows, added to the
                                     # DATABASE_URL database
    python bench/volume.py measure   # p50/p95 server time and query count of three admin pages
    python bench/volume.py measure --explain   # also EXPLAIN ANALYZE the slowest queries (stderr)

The database must be migrated; `seed` adds to what is there (run it on a database of its own:
make bench uses emalu_bench). The rows are written by INSERT ... SELECT generate_series as the
owner, through the triggers and constraints, then VACUUMed and ANALYZEd. Each command prints one
JSON line.
"""

import json
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")

import django

django.setup()

from django.db import connection, transaction  # noqa: E402
from django.test import override_settings  # noqa: E402
from psycopg.types.numeric import Int8  # noqa: E402

from bench.volume_sql import STEPS  # noqa: E402
from consent.core.models import ConsentText  # noqa: E402
from consent.core.purposes import CROSS_BORDER, MARKETING, SERVICE  # noqa: E402
from consent.core.texts import current_policy, text_publish  # noqa: E402
from emalu.db.base import as_owner  # noqa: E402

SUBJECTS, LEDGER, REQUESTS, EMAILS, AUDIT = 100_000, 1_000_000, 20_000, 50_000, 1_000_000
HEAVY, HEAVY_ROWS = 1_000, 60  # 1% of people with a long history (self-service back and forth)
LEDGER_PURPOSES = [SERVICE, MARKETING, CROSS_BORDER]  # analytics lives on the cookie banner
VERSIONS = 2  # published consent text versions per purpose

FIRST = ["Әсел", "Айгүл", "Ерлан", "Нұрлан", "Дина", "Арман", "Гүлнар", "Бауыржан", "Жанар",
         "Асхат", "Ольга", "Сергей", "Мадина", "Тимур", "Алия", "Дәурен"]  # fmt: skip
LAST = ["Қасымова", "Жұмабаев", "Серікова", "Ахметов", "Иванова", "Нұрланов", "Омарова",
        "Смагулов", "Петров", "Әбдірахманова", "Байжанов", "Ким"]  # fmt: skip
PLACES = ["Өскемен", "Риддер", "Семей", "Алтай", "Зайсан", "Шемонаиха", "Глубокое", "Алматы"]
AGENTS = [
    "Mozilla/5.0 (Linux; Android 14; SM-A546E) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/126.0 Mobile Safari/537.36",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like "
    "Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/126.0 YaBrowser/24.6 Safari/537.36",
]


def ensure_texts():
    """VERSIONS published consent texts of every ledger purpose; their ids, oldest first."""
    policy = current_policy()
    ids = {}
    for code in LEDGER_PURPOSES:
        published = ConsentText.objects.filter(purpose=code, published_at__isnull=False)
        for version in range(published.count() + 1, VERSIONS + 1):
            # a cross-border text names a processor abroad (compliance L2)
            with override_settings(CROSS_BORDER_PROCESSORS=["Bench processor (USA)"]):
                text = ConsentText.objects.create(purpose=code, version=version, policy=policy)
                text_publish(text)
        ids[code] = list(published.order_by("version").values_list("id", flat=True))[-VERSIONS:]
    return ids


# Every step is INSERT ... SELECT; %(name)s are the constants above, passed as parameters.
def seed():
    texts = ensure_texts()
    numbers = {"subjects": SUBJECTS, "ledger": LEDGER, "requests": REQUESTS, "emails": EMAILS,
               "audit": AUDIT,
               "heavy": HEAVY, "heavy_rows": HEAVY_ROWS, "versions": VERSIONS}  # fmt: skip
    params = {name: Int8(value) for name, value in numbers.items()}  # not smallint: no overflow
    params.update(texts=[texts[p] for p in LEDGER_PURPOSES], first=FIRST, last=LAST,
                  places=PLACES, agents=AGENTS)  # fmt: skip
    timings = {}
    started = time.perf_counter()
    with as_owner():  # VACUUM needs the owner; the runtime role could only insert
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SET LOCAL work_mem = '256MB'")
            cursor.execute("SET LOCAL synchronous_commit = off")
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # checked per step, not at commit
            for name, sql in STEPS:
                step = time.perf_counter()
                for statement in sql.split(";\n"):
                    if statement.strip():
                        cursor.execute(statement, params)
                timings[f"seed_{name}_seconds"] = round(time.perf_counter() - step, 1)
        step = time.perf_counter()
        with connection.cursor() as cursor:
            cursor.execute("VACUUM (ANALYZE)")  # what autovacuum does next: statistics, hint bits
        timings["seed_vacuum_seconds"] = round(time.perf_counter() - step, 1)
    print(json.dumps({"seed_seconds": round(time.perf_counter() - started, 1), **counts(),
                      **timings}))  # fmt: skip


def counts():
    tables = {"subjects": "consent_subject", "ledger_rows": "consent_ledgerentry",
              "requests": "consent_request", "outbox_emails": "post_office_email",
              "audit_rows": "consent_auditevent"}  # fmt: skip
    with connection.cursor() as cursor:
        result = {}
        for key, table in tables.items():
            cursor.execute(f"SELECT count(*) FROM {table}")  # noqa: S608 (constant names)
            result[f"volume_{key}"] = cursor.fetchone()[0]
    return result


def officer_client():
    """A privacy officer (the role, not a superuser), signed in with a confirmed device."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.test import Client

    from tests.staff import verified_login

    user, _created = get_user_model().objects.get_or_create(
        username="bench_officer", defaults={"is_staff": True, "email": "officer@example.kz"}
    )
    user.groups.add(Group.objects.get(name="privacy_officer"))
    return verified_login(Client(), user)


def heavy_subjects(n):
    """Subjects with the longest ledger histories (chosen once, outside the timing)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT subject_id FROM consent_ledgerentry GROUP BY subject_id "
            "ORDER BY count(*) DESC, subject_id LIMIT %s",
            [n],
        )
        return [row[0] for row in cursor.fetchall()]


WARM, TIMED = 3, 50


def measure(explain=False):
    from django.test.utils import CaptureQueriesContext

    client = officer_client()
    subjects = heavy_subjects(WARM + TIMED + 1)
    pages = {
        "admin_ticket_list": lambda i: "/admin/rights/ticket/",
        "admin_ticket_list_open": lambda i: "/admin/rights/ticket/?due=open",
        "admin_subject_page": lambda i: f"/admin/consent/subject/{subjects[i]}/change/",
        "admin_ledger_list": lambda i: "/admin/consent/ledgerentry/",
        "admin_ledger_withdraw": lambda i: "/admin/consent/ledgerentry/?kind=withdraw",
        "admin_audit_list": lambda i: "/admin/consent/auditevent/",
    }
    result = {"volume_load_average": round(os.getloadavg()[0], 2)}
    for name, url in pages.items():
        wall, cpu = [], []
        for i in range(WARM + TIMED):
            started, started_cpu = time.perf_counter(), time.process_time()
            response = client.get(url(i))
            if i >= WARM:
                wall.append((time.perf_counter() - started) * 1000)
                cpu.append((time.process_time() - started_cpu) * 1000)
            assert response.status_code == 200, (url(i), response.status_code)
        with CaptureQueriesContext(connection) as queries:
            client.get(url(WARM + TIMED))
        result[f"{name}_p50_ms"], result[f"{name}_p95_ms"] = p50_p95(wall)
        # Python's own CPU time (the database's excluded): unmoved by other load on the machine.
        result[f"{name}_cpu_p50_ms"], result[f"{name}_cpu_p95_ms"] = p50_p95(cpu)
        result[f"{name}_queries"] = len(queries)
        if explain:
            explain_slowest(name, queries.captured_queries)
    print(json.dumps({**result, **counts()}))


def p50_p95(values):
    cuts = statistics.quantiles(values, n=20, method="inclusive")
    return round(statistics.median(values), 1), round(cuts[18], 1)


def explain_slowest(name, captured, top=3):
    """EXPLAIN ANALYZE the slowest SELECTs of a page, to stderr."""
    slowest = sorted(captured, key=lambda q: float(q["time"]), reverse=True)[:top]
    for q in slowest:
        print(f"\n## {name}: {float(q['time']) * 1000:.1f} ms\n{q['sql']}", file=sys.stderr)
        if q["sql"].lstrip().upper().startswith("SELECT"):
            with connection.cursor() as cursor:
                cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + q["sql"])
                print("\n".join(row[0] for row in cursor.fetchall()), file=sys.stderr)


if __name__ == "__main__":
    if sys.argv[1:2] == ["seed"]:
        seed()
    elif sys.argv[1:2] == ["measure"]:
        measure(explain="--explain" in sys.argv)
    else:
        sys.exit(__doc__)
