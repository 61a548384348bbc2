import json
import os
import shutil
import signal
from contextlib import contextmanager
from pathlib import PurePosixPath

import pytest
from django.contrib.auth import get_user_model
from django.db import transaction
from django.test import Client, override_settings
from django.utils import timezone

from consent.core.audit import audit_row, audit_rows
from consent.core.declarations import agreement_key, operator, purpose_facts
from consent.core.models import AuditEvent, ConsentText, Subject
from consent.core.purposes import PURPOSES
from consent.core.texts import current_policy, text_publish


@pytest.fixture
def policy(db):
    return current_policy()


# The processor abroad the tests' cross-border text names (a cross-border text names someone).
PROCESSOR = "Mailgun (USA)"


# What text_publish froze (bodies, hashes, processors, facts), by all the wording is made of.
_FROZEN = ("body_kk", "body_ru", "sha256_kk", "sha256_ru", "processors", "facts")
_published = {}


def _wording_inputs(policy):
    """Everything a consent text's wording and its checks are made from: the operator's facts,
    each purpose's declaration in both languages and its processors abroad, and the policy."""
    return json.dumps(
        [
            [operator(language) for language in ("kk", "ru")],
            [[purpose_facts(p, language) for language in ("kk", "ru")] + [agreement_key(p)]
             for p in PURPOSES.values()],
            [policy.pk, policy.number, policy.facts, str(policy.published_at)],
        ],
        sort_keys=True,
        default=str,
    )  # fmt: skip


def texts_publish(policy):
    """Version 1 of every purpose's consent text, published; the cross-border one names
    PROCESSOR, though the forms offer it only while CROSS_BORDER_PROCESSORS lists PROCESSOR.

    The first time in a process for the same wording inputs, through text_publish; after that
    the rows it made are inserted again with their audit rows, two statements instead of some
    twenty and twenty template renderings (1,200 tests use these texts). Publication itself is
    tested in tests/core/test_texts.py."""
    with override_settings(CROSS_BORDER_PROCESSORS=[PROCESSOR]):
        inputs = _wording_inputs(policy)
        if inputs not in _published:
            texts = {
                code: text_publish(
                    ConsentText.objects.create(purpose=code, version=1, policy=policy)
                )
                for code in PURPOSES
            }
            _published[inputs] = {
                code: {field: getattr(text, field) for field in _FROZEN}
                for code, text in texts.items()
            }
            return texts
    now = timezone.now()
    texts = ConsentText.objects.bulk_create(
        ConsentText(purpose=code, version=1, policy=policy, published_at=now, **frozen)
        for code, frozen in _published[inputs].items()
    )
    audit_rows([audit_row(AuditEvent.Action.TEXT_PUBLISH, obj=t, purpose=t.purpose) for t in texts])
    return {text.purpose: text for text in texts}


@pytest.fixture
def texts(policy):
    return texts_publish(policy)


@contextmanager
def rows_for_the_module(django_db_blocker):
    """Rows a module's tests share, made once: the module's fixture builds them inside this
    transaction, each test then runs in a savepoint of it (pytest-django nests its own atomic
    blocks), and the whole is rolled back after the module. Mark the module `django_db`."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield
        transaction.set_rollback(True)


@pytest.fixture
def make_subject(db):
    counter = iter(range(1, 10**6))

    def make(**kwargs):
        n = next(counter)
        kwargs.setdefault("full_name", f"Әсел Қасымова {n}")
        kwargs.setdefault("email", f"asel{n}@example.kz")
        kwargs.setdefault("phone", f"+770112345{n:02d}")
        return Subject.objects.create(**kwargs)

    return make


@pytest.fixture
def officer(db):
    """Alice, the privacy officer (a superuser until the roles of issue 9 exist)."""
    return get_user_model().objects.create_superuser("alice", "alice@example.kz", "pw-alice-123456")


def verified_login(client, user):
    """Sign in as staff with a confirmed authenticator, as the OTP admin requires."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device, _ = TOTPDevice.objects.get_or_create(user=user, name="test", confirmed=True)
    client.force_login(user)
    session = client.session
    session["otp_device_id"] = device.persistent_id
    session.save()
    return client


def signed_in(client, user, password, step=0):
    """Sign in through the login page with the password and a code from the authenticator, as
    a person does (`step`: a later 30-second code, for a second sign-in within one test)."""
    from django_otp.oath import TOTP
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device, _ = TOTPDevice.objects.get_or_create(user=user, name="test", confirmed=True)
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = totp.time + step * device.step
    response = client.post("/admin/login/", {"username": user.get_username(), "password": password,
                                             "otp_token": f"{totp.token():06d}",
                                             "next": "/admin/"})  # fmt: skip
    assert response.status_code == 302, response.content.decode()[-2000:]
    return client


@pytest.fixture
def officer_client(client, officer):
    return verified_login(client, officer)


# The named actors: staff in one role each (the groups of consent/roles.py, made after every
# migrate), not superusers, and a visitor. Each `*_client` is a client of its own, signed in with
# a confirmed authenticator, so that a test may hold several at once.
def staff_member(username, role):
    from django.contrib.auth.models import Group

    user = get_user_model().objects.create_user(
        username, f"{username}@example.kz", f"pw-{username}-123456", is_staff=True
    )
    user.groups.add(Group.objects.get(name=role))
    return user


@pytest.fixture
def privacy_officer(db):
    """Dana, a privacy officer: a member of the group, not a superuser."""
    return staff_member("dana", "privacy_officer")


@pytest.fixture
def content_editor(db):
    """Carol, a content editor: pages, the policy and consent texts."""
    return staff_member("carol", "content_editor")


@pytest.fixture
def marketer(db):
    """Dan, a marketer: campaigns and their counts."""
    return staff_member("dan", "marketer")


@pytest.fixture
def privacy_officer_client(privacy_officer):
    return verified_login(Client(), privacy_officer)


@pytest.fixture
def content_editor_client(content_editor):
    return verified_login(Client(), content_editor)


@pytest.fixture
def marketer_client(marketer):
    return verified_login(Client(), marketer)


@pytest.fixture
def visitor():
    """Someone on the public site: anonymous, no session yet."""
    return Client()


def aged_token(seconds=10):
    """A form token as if the form had been shown `seconds` ago."""
    import time
    import uuid

    from django.core import signing

    from forms_app.abuse import SALT

    return signing.dumps({"id": uuid.uuid4().hex, "t": int(time.time()) - seconds}, salt=SALT)


@pytest.fixture
def contact_data():
    def make(**overrides):
        data = {
            "token": aged_token(),
            "full_name": "Әсел Қасымова",
            "email": "asel@example.kz",
            "phone": "8 701 123 45 67",
            "message": "Сәлеметсіз бе! Қызмет туралы сұрағым бар.",
            "consent_service": "on",
        }
        data.update(overrides)
        return {k: v for k, v in data.items() if v is not None}

    return make


@pytest.fixture
def application_data(contact_data):
    def make(**overrides):
        data = contact_data(
            birth_date="1990-05-17", birth_place="Өскемен", service="Кеңес", message=""
        )
        data.update(overrides)
        return {k: v for k, v in data.items() if v is not None}

    return make


class StoredPath(PurePosixPath):
    """One file at rest (a row of consent/core/files.py's StoredFile), read and written as a
    path is."""

    def read_bytes(self):
        from consent.core.models import StoredFile

        return bytes(StoredFile.objects.get(name=str(self)).content)

    def write_bytes(self, data):
        from consent.core.models import StoredFile

        StoredFile.objects.filter(name=str(self)).update(content=data, size=len(data))


class StoredFiles:
    """The files at rest, as a folder: `media / name` is one, `media.files()` all of them."""

    def __truediv__(self, name):
        return StoredPath(name)

    def files(self):
        from consent.core.models import StoredFile

        return [
            StoredPath(n)
            for n in StoredFile.objects.order_by("name").values_list("name", flat=True)
        ]


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate-limit counters must not leak from one test into the next."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(autouse=True)
def _site_language():
    """Each test starts in the site's default language (kk), as a new visitor's request does. A
    request through the test client leaves its language active in the thread (LocaleMiddleware
    activates it and nothing deactivates it), so a /ru/ page in one test would otherwise make a
    later test's messages Russian, depending on the order the tests ran in."""
    from django.utils import translation

    translation.deactivate()
    yield
    translation.deactivate()


# Tools the tests run, and the Debian package each comes in (.ci/run installs them all).
TOOLS = {
    # The browser tests' Chromium: Debian's build of its headless shell, the same Blink as the
    # `chromium` package without the windowed browser around it (what Playwright itself runs for
    # headless). A page costs about a third less CPU in it than in `chromium --headless`.
    "chromium-headless-shell": "chromium-headless-shell",
    "dovecot": "dovecot-imapd",
    "openssl": "openssl",
    "pdftotext": "poppler-utils",
    "pg_dump": "postgresql-client",
}


CHROMIUM = "chromium-headless-shell"


def launch_chromium(playwright, *args):
    """Debian's headless Chromium, launched by Playwright with the tests' flags and `args`."""
    return playwright.chromium.launch(executable_path=require_tool(CHROMIUM), args=[*ARGS, *args])


ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run",
        "--disable-component-update", "--disable-sync", "--disable-quic"]  # fmt: skip


def in_ci():
    return os.environ.get("CI", "").lower() not in ("", "0", "false", "no")


def require_tool(name, apt=None):
    """The path of a program a test needs. Without it the test skips, the same way for every
    tool; in CI (CI=true) it fails instead, since .ci/run installs them all."""
    path = shutil.which(name) or shutil.which(name, path="/usr/local/sbin:/usr/sbin:/sbin")
    if path:
        return path
    message = f"{name} is not installed (apt-get install {apt or TOOLS.get(name, name)})"
    if in_ci():
        pytest.fail(f"{message}; in CI every tool must be there (.ci/run installs it)")
    pytest.skip(message)


def pytest_configure(config):
    config.addinivalue_line(
        "markers",
        "requires_tool(name, apt=None): the test runs a program; skips without it, fails in CI",
    )
    config.addinivalue_line("markers", "browser: drives Debian's Chromium (requires_tool)")
    # Stopped with SIGTERM (`make test` stops its other half so; CI timeouts do), end as after
    # Ctrl-C: fixtures and pytest_sessionfinish still stop servers and drop databases.
    signal.signal(signal.SIGTERM, _interrupt)
    if getattr(config, "workerinput", None) is None and config.getoption("numprocesses", None):
        from . import live

        live.shared.split_over_workers()  # the workers build the live tests' template once
        if not config.option.collectonly and _test_databases_are_copies(
            use_migrations=not config.getvalue("nomigrations"), keepdb=config.getvalue("reuse_db")
        ):
            live.shared.migrated(wait=False)  # built while the workers start and collect


def _interrupt(signum, frame):
    raise KeyboardInterrupt


def _test_databases_are_copies(use_migrations, keepdb):
    """Whether django_db_setup makes the test database a copy of the run's migrated template."""
    from django.conf import settings
    from django.db import connection

    return (
        connection.vendor == "postgresql"
        and list(settings.DATABASES) == ["default"]
        and use_migrations
        and not keepdb
    )


@pytest.fixture(scope="session")
def django_db_setup(
    request,
    django_test_environment,
    django_db_blocker,
    django_db_use_migrations,
    django_db_keepdb,
    django_db_createdb,
    django_db_modify_db_settings,
):
    """pytest-django's, but on PostgreSQL the test database (the name Django gives it, with the
    worker's suffix: test_emalu_gw0) starts as a copy of the run's migrated template, built once
    for all workers and the live template (tests/live/database.py): Django's set-up then finds it
    there (keepdb) with every migration applied, so it only checks them and runs the post_migrate
    handlers (grants to the runtime role, the staff roles) as after any migrate. Dropped at the end
    of the session. Elsewhere (SQLite), with --reuse-db or --nomigrations, with more than one
    database configured, or in a single process without live tests (`shared.migrated_pays()`):
    pytest-django's own, which migrates."""
    from django.db import connection, connections
    from pytest_django import fixtures

    from . import live

    own = fixtures.django_db_setup._get_wrapped_function()  # the generator under @pytest.fixture
    args = (request, django_test_environment, django_db_blocker, django_db_use_migrations)
    if not (
        _test_databases_are_copies(django_db_use_migrations, django_db_keepdb)
        and live.shared.migrated_pays()
    ):
        yield from own(*args, django_db_keepdb, django_db_createdb, django_db_modify_db_settings)
        return
    name = connection.creation._get_test_db_name()
    live.copy_database(name, live.shared.migrated())
    try:
        yield from own(*args, True, False, django_db_modify_db_settings)
    finally:
        connections.close_all()
        live.drop_database(name)


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    if item.get_closest_marker("browser"):
        require_tool(CHROMIUM)  # Debian's, never a download
    for marker in item.iter_markers("requires_tool"):
        require_tool(*marker.args, **marker.kwargs)


def pytest_collection_finish(session):
    """Before any database is made: the runtime role. Live tests selected: build what they share
    (tests/live/), a template database if a selected module imports `live_database`, static
    files if one imports `gunicorn`, the worst photos if a test uses `worst_files`, in the
    background while the in-process tests run."""
    if session.config.option.collectonly:
        return
    from . import live

    live.ensure_runtime_role()
    # Only modules with a live test selected: `-m "not live"` builds nothing.
    items = [i for i in session.items if i.get_closest_marker("live")]
    modules = {getattr(i, "module", None) for i in items}
    if any(getattr(module, "live_database", None) is live.live_database for module in modules):
        live.shared.database(wait=False)
    if any(getattr(module, "gunicorn", None) is live.gunicorn for module in modules):
        live.shared.static(wait=False)
    if any("worst_files" in getattr(i, "fixturenames", ()) for i in items):
        live.shared.photos(wait=False)


def pytest_sessionfinish(session):
    from . import live

    live.finish()
