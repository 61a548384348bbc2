"""Two pages of the demo answered at once on SQLite, each sending the mail due after it (as
`make run` does: MAIL_SENT_AFTER_EACH_PAGE), in a process of its own (test_demo_on_sqlite.py).
Each send takes a moment, as a mail server's reply does, so that the second sender looks for due
mail while the first is sending. Prints how often each mail went out and what failed."""

import threading
import time
from collections import Counter

import django

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connections  # noqa: E402
from post_office.models import STATUS, Email  # noqa: E402

from consent.core import delivery  # noqa: E402

call_command("migrate", verbosity=0)
for n in range(4):
    Email.objects.create(from_email="noreply@example.kz", to=[f"person{n}@example.kz"],
                         subject="Сілтеме", message="…", status=STATUS.queued)  # fmt: skip
copies, failures = Counter(), []


def slow_send(message, log_level):
    copies[message.id] += 1
    time.sleep(0.3)
    return ""


delivery._send = slow_send
together = threading.Barrier(2)


def page_answered():
    try:
        together.wait()
        delivery.send_queued()
    except Exception as error:  # what the page's thread would print as a traceback
        failures.append(repr(error))
    finally:
        connections.close_all()


threads = [threading.Thread(target=page_answered) for _ in range(2)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
print("copies", sorted(copies.values()))
print("failures", failures)
print("left unsent", Email.objects.exclude(status=STATUS.sent).count())
