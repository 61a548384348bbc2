"""Benchmark: queue one campaign to 100,000 consenting people (`make bench`).

    python bench/campaign.py seed N   # N subjects with a confirmed marketing consent
    python bench/campaign.py send     # time campaign_send, report peak memory

Run against a database of its own (make bench creates emalu_bench). Prints one JSON line.
"""

import json
import os
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")

import django

django.setup()

from django.db import connection  # noqa: E402
from django.utils import timezone  # noqa: E402

from consent.core.models import ConsentText, LedgerEntry, Source, Subject  # noqa: E402
from consent.core.purposes import CROSS_BORDER, MARKETING, PURPOSES  # noqa: E402
from consent.core.texts import current_policy, current_text, text_publish  # noqa: E402
from consent.marketing.campaigns import campaign_send  # noqa: E402
from consent.marketing.models import Campaign  # noqa: E402


def seed(n):
    if current_text(MARKETING) is None:
        for code in (c for c in PURPOSES if c != CROSS_BORDER):  # nobody abroad here
            text_publish(
                ConsentText.objects.create(purpose=code, version=1, policy=current_policy())
            )
    text = current_text(MARKETING)
    now = timezone.now()
    batch = 5000
    for start in range(0, n, batch):
        subjects = Subject.objects.bulk_create(
            Subject(full_name=f"Bench {i}", email=f"bench{i}@example.kz",
                    language="ru" if i % 3 == 0 else "kk")
            for i in range(start, min(n, start + batch))
        )  # fmt: skip
        LedgerEntry.objects.bulk_create(
            LedgerEntry(subject=s, purpose=MARKETING, kind="grant", text=text, language=s.language,
                        source=Source.NEWSLETTER_FORM, at=now,
                        expires_at=PURPOSES[MARKETING].term_end(now))
            for s in subjects
        )  # fmt: skip
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # what autovacuum does after a bulk load
    print(json.dumps({"seeded": n}))


def send():
    campaign = Campaign.objects.create(
        title="bench", subject_line_kk="Жаңалықтар", body_kk="Қараша жаңалықтары. " * 20,
        subject_line_ru="Новости", body_ru="Новости ноября. " * 20,
    )  # fmt: skip
    started = time.perf_counter()
    count = campaign_send(campaign)
    seconds = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"campaign_recipients": count, "campaign_seconds": round(seconds, 2),
                      "campaign_peak_rss_mb": round(peak_mb, 1)}))  # fmt: skip


if __name__ == "__main__":
    if sys.argv[1] == "seed":
        seed(int(sys.argv[2]))
    else:
        send()
