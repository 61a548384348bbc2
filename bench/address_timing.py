"""How long each public form that takes an email address answers for an address on record,
for a person whose processing is blocked and for an unknown one: a steady difference tells an
attacker who is a customer, or who is blocked. Each post is timed alone; the three take turns
(the order turned each round, as bench/pairs.py flips its pair), each address used once, and the
figure is the median of each, in milliseconds, and their differences from the unknown. A script,
not a test: a busy machine would fail any limit on the clock.

    DATABASE_URL=... python bench/address_timing.py [rounds]   # migrated, `load_demo` texts
"""

import functools
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

from django.test import Client  # noqa: E402
from django.test.utils import override_settings  # noqa: E402

from consent.core.ledger import consent_grant, subject_block  # noqa: E402
from consent.core.models import Source, Subject  # noqa: E402
from consent.core.purposes import SERVICE  # noqa: E402
from consent.core.texts import current_text  # noqa: E402
from forms_app import services  # noqa: E402
from tests.conftest import aged_token  # noqa: E402
from tests.texts import SHOWN, as_shown  # noqa: E402


# Each form's post for `email` (what a visitor types; the token aged past the fill limit).
@functools.cache
def first_service():
    """The slug of the first published service (`load_demo` publishes some)."""
    return services.choices()[0][0]


CONTACT = {
    "full_name": "Әсел Қасымова",
    "phone": "8 701 123 45 67",
    "message": "Сәлеметсіз бе! Қызмет туралы сұрағым бар.",
    "consent_service": "on",
}
APPLICATION = {"message": "", "birth_date": "1990-05-17", "birth_place": "Өскемен"}
FORMS = {
    "contact": ("/kk/contact/", lambda email: {**CONTACT, "email": email}),
    "apply": (
        "/kk/apply/",
        lambda email: {**CONTACT, "email": email, **APPLICATION, "service": first_service()},
    ),
    "my-data": ("/kk/my-data/", lambda email: {"email": email}),
    "request": ("/kk/requests/new/", lambda email: {"type": "access", "email": email}),
    "newsletter": (
        "/kk/newsletter/",
        lambda email: {"email": email, "full_name": "", "consent_marketing": "on"},
    ),
}


def post_ms(path, data):
    client = Client()
    started = time.perf_counter()
    # The words the form's page shows, posted back as a browser does (tests/texts.py).
    response = client.post(path, as_shown(client, path, {"token": aged_token(), **SHOWN, **data}))
    elapsed = (time.perf_counter() - started) * 1000
    assert response.status_code == 302, (path, response.status_code)
    return elapsed


def people(name, kind, rounds, stamp):
    """`rounds` addresses of people on record, each with the service consent; blocked for
    "blocked"."""
    text = current_text(SERVICE)
    emails = [f"bench-{name}-{kind}-{i}-{stamp}@example.kz" for i in range(rounds)]
    for email in emails:
        person = Subject.objects.create(full_name="Bench", email=email)
        consent_grant(person, text, language="kk", source=Source.CONTACT_FORM)
        if kind == "blocked":
            subject_block(person, reason="bench", source=Source.ADMIN)
    return emails


def measure(name, rounds):
    path, data = FORMS[name]
    stamp = time.time_ns()
    known, blocked = (people(name, kind, rounds, stamp) for kind in ("known", "blocked"))
    times = {"known": [], "blocked": [], "unknown": []}
    for i in range(rounds):
        unknown = f"nobody-{name}-{i}-{stamp}@example.kz"
        order = [("known", known[i]), ("blocked", blocked[i]), ("unknown", unknown)]
        for kind, email in order[i % 3 :] + order[: i % 3]:
            times[kind].append(post_ms(path, data(email)))
    warm = {k: v[3:] for k, v in times.items()}  # the first rounds load code and caches
    median = {k: round(statistics.median(v), 2) for k, v in warm.items()}
    return {**median, "known_difference_ms": round(median["known"] - median["unknown"], 2),
            "blocked_difference_ms": round(median["blocked"] - median["unknown"], 2)}  # fmt: skip


def main():
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 60
    with override_settings(FORM_RATE_LIMIT="100000000/60", ALLOWED_HOSTS=["testserver"]):
        return {name: measure(name, rounds) for name in FORMS}


if __name__ == "__main__":
    print(json.dumps(main(), indent=1))
