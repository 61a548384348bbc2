"""How long each public form that takes an email address answers for an address on record
and for an unknown one: a steady difference tells an attacker who is a customer. Each post is
timed alone; known and unknown alternate (the order flipped each round, bench/pairs.py's way),
each address used once, and the figure is the median of each, in milliseconds, and their
difference. A script, not a test: a busy machine would fail any limit on the clock.

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

from consent.core.models import Subject  # noqa: E402
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


def measure(name, rounds):
    path, data = FORMS[name]
    stamp = time.time_ns()
    known = [f"bench-{name}-{i}-{stamp}@example.kz" for i in range(rounds)]
    Subject.objects.bulk_create(Subject(full_name="Bench", email=e) for e in known)
    times = {"known": [], "unknown": []}
    for i in range(rounds):
        unknown = f"nobody-{name}-{i}-{stamp}@example.kz"
        order = [("known", known[i]), ("unknown", unknown)]
        for kind, email in order if i % 2 else order[::-1]:
            times[kind].append(post_ms(path, data(email)))
    warm = {k: v[3:] for k, v in times.items()}  # the first rounds load code and caches
    median = {k: round(statistics.median(v), 2) for k, v in warm.items()}
    return {**median, "difference_ms": round(median["known"] - median["unknown"], 2)}


def main():
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 60
    with override_settings(FORM_RATE_LIMIT="100000000/60", ALLOWED_HOSTS=["testserver"]):
        return {name: measure(name, rounds) for name in FORMS}


if __name__ == "__main__":
    print(json.dumps(main(), indent=1))
