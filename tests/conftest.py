import gc
import os
import signal
import sys
from contextlib import contextmanager
from pathlib import PurePosixPath

import pytest
from django.contrib.auth import get_user_model
from django.db import transaction
from django.test import Client
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings

from consent.core.models import Subject
from consent.core.texts import current_policy
from tests.isolation import (  # noqa: F401  (autouse)
    clock_on_the_suites_day,
    fresh_health,
    fresh_limits,
    site_language,
)
from tests.staff import staff_member, verified_login
from tests.texts import AS_SHOWN, posts_as_shown, texts_publish  # noqa: F401  (a fixture)
from tests.tools import (
    CHROMIUM,
    browser,  # noqa: F401  (a fixture)
    playwright_driver,  # noqa: F401  (a fixture)
    playwright_in_module,  # noqa: F401  (a fixture)
    require_tool,
)

# The suite starts gunicorn and manage.py many times: let each read the bytecode the first one
# wrote rather than compile the project again (a shell may set PYTHONDONTWRITEBYTECODE).
os.environ["PYTHONDONTWRITEBYTECODE"] = ""
sys.dont_write_bytecode = False

# No test holds a time limit (speed is `make bench`'s): not Hypothesis' 200 ms an example, nor
# its check on how fast examples are made (failed on a loaded machine after two in 1.1 s).
hypothesis_settings.register_profile("emalu", deadline=None,
                                     suppress_health_check=[HealthCheck.too_slow])  # fmt: skip
hypothesis_settings.load_profile("emalu")


@pytest.fixture
def policy(db):
    return current_policy()


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


@pytest.fixture
def officer_client(client, officer):
    return verified_login(client, officer)


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
            "texts_shown": AS_SHOWN,  # as the page posted to shows them; None: a post naming none
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


def pytest_configure(config):
    config.addinivalue_line(
        "markers",
        "requires_tool(name, apt=None): the test runs a program; skips without it, fails in CI",
    )
    config.addinivalue_line("markers", "browser: drives Debian's Chromium (requires_tool)")
    # Stopped with SIGTERM (`make test` stops its other half so; CI timeouts do), end as after
    # Ctrl-C: fixtures and pytest_sessionfinish still stop servers and drop databases.
    signal.signal(signal.SIGTERM, _interrupt)
    from . import live

    if not config.option.collectonly:
        live.hold_the_run()  # the run's test databases carry its id (django_db_modify_db_settings)
    if getattr(config, "workerinput", None) is None and config.getoption("numprocesses", None):
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
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix, django_db_keepdb):
    from . import live

    live.name_test_databases_for_the_run(keepdb=django_db_keepdb)


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

    if not any(_reaches_the_setup(item) for item in request.session.items):
        # pytest-django sets up only the databases the selected tests name before they run; a test
        # that asks for one at run time alone (request.getfixturevalue) would get none, and its
        # queries would reach the database DATABASE_URL names itself, a developer's own.
        raise pytest.UsageError(
            "a test asked for the database at run time only: mark it (or its module) django_db"
        )
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


def _reaches_the_setup(item):
    """Whether `item` reaches django_db_setup before it runs: it names a database as pytest-django
    reads it (a django_db mark, `db` and the like), or asks for the setup itself (the live tests,
    which then copy the template into a database of their own)."""
    names = {"db", "transactional_db", "live_server", "django_db_setup"}
    asked = names & set(getattr(item, "fixturenames", ()))
    return bool(item.get_closest_marker("django_db") or asked)


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    if item.get_closest_marker("browser"):
        require_tool(CHROMIUM)  # Debian's, never a download
    for marker in item.iter_markers("requires_tool"):
        require_tool(*marker.args, **marker.kwargs)


def pytest_collection_finish(session):
    """Before any database is made: the runtime role. Live tests selected: build what they share
    (tests/live/), a template database if a selected module imports `live_database`, static
    files if one imports `gunicorn` or `site_env` (`banner_site`: both), the worst photos if a
    test uses `worst_files`, in the background while the in-process tests run."""
    if session.config.option.collectonly:
        return
    # What is imported and collected by now stays for the whole run: out of the cyclic garbage
    # collector's way, so that its full collections walk only what the tests make.
    gc.freeze()
    from . import live

    live.ensure_runtime_role()
    # Only modules with a live test selected: `-m "not live"` builds nothing.
    items = [i for i in session.items if i.get_closest_marker("live")]
    modules = {getattr(i, "module", None) for i in items}

    def imported(*names):  # by a selected module, from tests/live
        return any(getattr(m, n, None) is getattr(live, n) for m in modules for n in names)

    if imported("live_database", "banner_site"):
        live.shared.database(wait=False)
    if imported("gunicorn", "site_env", "banner_site"):  # its host has collected them (E005)
        live.shared.static(wait=False)
    if any("worst_files" in getattr(i, "fixturenames", ()) for i in items):
        live.shared.photos(wait=False)


def pytest_sessionfinish(session):
    from . import live

    live.finish()
