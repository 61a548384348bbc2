"""The tests' databases, from templates built once per run (shared by pytest-xdist workers): a
migrated, empty one, which each worker's test database copies (conftest.py `django_db_setup`) and
the live tests' template copies before loading the demo; the live tests copy the latter, one copy
a test."""

import fcntl
import json
import os
import re
import shutil
import subprocess
import tempfile
import threading
import uuid
from contextlib import contextmanager, suppress
from pathlib import Path

import psycopg
from django.db import connection
from psycopg.errors import DuplicateObject, UniqueViolation
from psycopg.sql import SQL, Identifier

from .base import PYTHON, ROOT, RUN_ID, site_env


def _admin_dsn(dbname="postgres"):
    db = connection.settings_dict
    return f"host={db['HOST']} port={db['PORT']} user={db['USER']} dbname={dbname}"


def _url(name):
    db = connection.settings_dict
    return f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{name}"


def ensure_runtime_role():
    """Create the runtime role if the cluster lacks it. Each migrate does (consent/core/sql.py), but
    it is the cluster's, not a database's: migrations running side by side (pytest's test database,
    the live template, the other half of `make test`) would race to create it."""
    role = connection.settings_dict.get("APP_ROLE")
    if connection.vendor != "postgresql" or not role:
        return
    with (
        psycopg.connect(_admin_dsn(), autocommit=True) as conn,
        suppress(DuplicateObject, UniqueViolation),  # there already, or made this instant
    ):
        conn.execute(SQL("CREATE ROLE {} NOLOGIN").format(Identifier(role)))


class _Background:
    """Work started now in a thread, waited for where it is needed (its error raised there)."""

    def __init__(self, what, work):
        self.what, self.error = what, None
        self.thread = threading.Thread(target=self._run, args=(work,))
        self.thread.start()

    def _run(self, work):
        try:
            work()
        except BaseException as error:
            self.error = error

    def wait(self):
        self.thread.join()
        if self.error is not None:
            raise RuntimeError(f"building {self.what} failed") from self.error


def unsynced(conn, name):
    """Database `name` commits without waiting for its WAL to reach the disk (a setting of the
    database's own, which a copy does not inherit: each copy is given it). A commit stays atomic,
    and seen at once by every other session, the served site's and the test's; only a crash of
    the server itself could lose the last ones, and no test crashes it. Each commit waited ~2-4 ms
    for the disk here, in every request a live site serves that writes and every mail a sender
    marks sent. The tests' databases only: production's settings have no part in it."""
    conn.execute(SQL("ALTER DATABASE {} SET synchronous_commit = off").format(Identifier(name)))


def _manage_env(name):
    return {**os.environ, "DATABASE_URL": _url(name), "DJANGO_SETTINGS_MODULE": "tests.settings"}


def _manage(env, *command):
    subprocess.run([PYTHON, "manage.py", *command], cwd=ROOT, env=env, check=True,
                   stdout=subprocess.DEVNULL)  # fmt: skip


def _build_once(admin, name, make):
    """Database `name`, made by `make(conn)` unless a process of this run already has: one builder
    at a time, under an advisory lock, the others wait and find it commented 'built'. A half-built
    one (its builder stopped) is dropped and made again."""
    with psycopg.connect(admin, autocommit=True) as conn:
        # Held until this connection closes: one builder, the others wait here.
        conn.execute("SELECT pg_advisory_lock(hashtext(%s))", [name])
        built = conn.execute(
            "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = %s",
            [name],
        ).fetchone()
        if built and built[0] == "built":
            return
        conn.execute(SQL("DROP DATABASE IF EXISTS {}").format(Identifier(name)))
        make(conn)
        conn.execute(SQL("COMMENT ON DATABASE {} IS 'built'").format(Identifier(name)))


def _build_files_once(root, make):
    """Directory `root`, filled by `make()` unless a process of this run already has: one builder
    at a time, under a file lock, the others wait and find it marked done. A half-filled one (its
    builder stopped) is filled again: `make` must finish what it finds."""
    root.mkdir(parents=True, exist_ok=True)
    with open(root / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
        if (root / ".done").exists():
            return
        make()
        (root / ".done").touch()


class _Shared:
    """What the tests start from, built once per test run: a database migrated and left empty
    (`migrated()`), which each worker's test database clones (conftest.py), and for the live
    tests the same with the demo texts published (`database()`), which each `live_database()`
    clones, the collected static files, which every `gunicorn()` serves, and the worst photos
    (`photos()`, bench/photos.py). `database(wait=False)`, `static(wait=False)` and
    `photos(wait=False)` start them in the background (conftest.py does, when it sees live tests
    selected that need them, so that they build while the in-process tests run); otherwise the
    first use builds them.

    A run split over pytest-xdist workers builds them once: their names come from the run's id
    (`RUN_ID`, set by the controller before the workers start), the first worker to need one
    builds it under a lock (a PostgreSQL advisory lock; a file lock for the files) and the others
    wait for it. Whoever started the run (`owner`) removes them in `finish()`."""

    def __init__(self):
        run = os.environ.get(RUN_ID)
        self.split = self.made = False  # started a run split over workers; made files once
        self.owner = run is None  # a worker's run belongs to the controller, which cleans up
        self.run = run or uuid.uuid4().hex[:12]
        self.migrated_template = f"emalu_migrated_template_{self.run}"
        self.template = f"emalu_live_template_{self.run}"
        self.static_root = Path(tempfile.gettempdir()) / f"emalu-live-static-{self.run}"
        self.photos_root = Path(tempfile.gettempdir()) / f"emalu-worst-photos-{self.run}"
        self.results_root = Path(tempfile.gettempdir()) / f"emalu-results-{self.run}"
        self._jobs = {}  # what this process started building: {name: _Background}

    def _built(self, name, what, start, wait):
        """Job `name`, started the first time it is asked for: `start()` runs here and returns
        the work for the background (Django's connections are per thread: read them here)."""
        if name not in self._jobs:
            self._jobs[name] = _Background(what, start())
        if wait:
            self._jobs[name].wait()

    def static(self, wait=True):
        def start():
            command = [PYTHON, "manage.py", "collectstatic", "--no-input", "-v", "0"]
            env = site_env(None, STATIC_ROOT=str(self.static_root))

            def collect():
                subprocess.run(command, cwd=ROOT, env=env, check=True)

            return lambda: _build_files_once(self.static_root, collect)

        self._built("static", "the static files", start, wait)
        return self.static_root

    def photos(self, wait=True):
        """The directory of the worst photos the upload checks let through (bench/photos.py,
        ~10 s to make), which the photo memory tests measure and post."""

        def start():
            from bench.photos import make

            return lambda: _build_files_once(self.photos_root, lambda: make(self.photos_root))

        self._built("photos", "the worst photos", start, wait)
        return self.photos_root

    def made_once(self, name, make):
        """What `make()` returns (data JSON can hold), made once for the run: the first process
        to ask makes it under a file lock, the others wait and read it. For a module fixture
        whose tests pytest-xdist's worksteal spreads over its workers, each of which made it
        again (the public site's walk in Chromium, ~40 s a language, was made 6 times a run)."""
        made = self.results_root / name / "made.json"
        self.files_once(name, lambda root: made.write_text(json.dumps(make())))
        return json.loads(made.read_text())

    def files_once(self, name, make):
        """A folder `make(folder)` fills once for the run, as `made_once` fills its own."""
        self.made = True  # the owner removes it (finish)
        _build_files_once(root := self.results_root / name, lambda: make(root))
        return root

    def migrated(self, wait=True):
        """The template every test database copies: `migrate` run on an empty database, as
        Django's test set-up would, its grants to the runtime role included."""

        def start():
            admin, env = _admin_dsn(), _manage_env(self.migrated_template)
            ensure_runtime_role()

            def make(conn):
                conn.execute(SQL("CREATE DATABASE {}").format(Identifier(self.migrated_template)))
                unsynced(conn, self.migrated_template)
                _manage(env, "migrate", "-v", "0")

            return lambda: _build_once(admin, self.migrated_template, make)

        self._built("migrated", "the migrated template database", start, wait)
        return self.migrated_template

    def migrated_pays(self):
        """Whether a test database is better a copy of `migrated()` than migrated in place: in
        a worker of a split run (the workers share one) or once this process builds it anyway
        (for the live template). A single process without live tests migrates once either way,
        and in place it spares starting Django again and the check of a copy's migrations."""
        return not self.owner or "migrated" in self._jobs

    def database(self, wait=True):
        """The live tests' template: a copy of `migrated()` with the demo texts published."""

        def start():
            self.migrated(wait=False)
            admin, env = _admin_dsn(), _manage_env(self.template)

            def make(conn):
                self.migrated()
                copy = SQL("CREATE DATABASE {} TEMPLATE {}")
                names = Identifier(self.template), Identifier(self.migrated_template)
                conn.execute(copy.format(*names))
                unsynced(conn, self.template)
                _manage(env, "load_demo")

            return lambda: _build_once(admin, self.template, make)

        self._built("database", "the live tests' template database", start, wait)
        return self.template

    def finish(self):
        """Wait for what is being built; the run's owner then removes it."""
        for job in self._jobs.values():
            job.thread.join()  # an error was raised where it was waited for
        if self.owner and (self.split or self._jobs or self.made):
            shutil.rmtree(self.static_root, ignore_errors=True)
            shutil.rmtree(self.photos_root, ignore_errors=True)
            shutil.rmtree(self.results_root, ignore_errors=True)
            if connection.vendor == "postgresql":  # on SQLite a split run built none
                for name in (self.template, self.migrated_template):
                    drop_database(name)
        self._jobs = {}

    def split_over_workers(self):
        """In the controller of a pytest-xdist run, before its workers start: they inherit the
        run's id, so they share what they build, and this process removes it at the end."""
        os.environ[RUN_ID] = self.run
        self.split = True


shared = _Shared()
finish = shared.finish


def name_test_databases_for_the_run(keepdb):
    """Give each PostgreSQL test database this run's id (test_emalu_gw0 becomes
    test_emalu_gw0_<run>; a single process's test_emalu, test_emalu_<run>): two runs on one
    DATABASE_URL at once (one stopping, dropping its databases, as the next starts) then never
    make, copy into or drop the other's. Not with --reuse-db: pytest-django keeps that database
    for the next run, which finds it by its stable name (two --reuse-db runs at once share it)."""
    from django.db import connections

    if keepdb:
        return
    for alias in connections:
        if connections[alias].vendor == "postgresql":
            db = connections[alias].settings_dict  # the settings' own dict, as pytest-django's
            test = db.setdefault("TEST", {})
            test["NAME"] = f"{test.get('NAME') or 'test_' + db['NAME']}_{shared.run}"


_held = []  # the owner's connection holding its run's lock, open till the process exits


def hold_the_run():
    """In the process that owns the run, before any test database is made: hold an advisory lock
    named by the run's id until it exits, which tells later runs its test databases are in use;
    then drop what ended runs left (stopped before they could: SIGKILL, or workers ended with
    their controller), whose lock nobody holds: this URL's test databases, and any run's
    template databases and files in the temporary folder (a few hundred MB a killed run)."""
    if connection.vendor != "postgresql" or not shared.owner:
        return
    base = re.escape(connection.creation._get_test_db_name())  # test_emalu, before any suffix
    run = r"_(?P<run>[0-9a-f]{12})"
    # Its test databases, and the templates every run on this server builds (`_Shared`).
    ours = re.compile(rf"({base}(_gw\d+)?|emalu_migrated_template|emalu_live_template){run}")
    lock = "SELECT pg_{}advisory_{}lock(hashtext('emalu test run ' || %s))"
    _held.append(conn := psycopg.connect(_admin_dsn(), autocommit=True))
    conn.execute(lock.format("", ""), [shared.run])

    def ended(other):
        if other == shared.run or not conn.execute(lock.format("try_", ""), [other]).fetchone()[0]:
            return False
        conn.execute(lock.format("", "un"), [other])
        return True

    for (name,) in conn.execute("SELECT datname FROM pg_database").fetchall():
        if (match := ours.fullmatch(name)) and ended(match["run"]):
            drop_database(name)
    # Its files (`_Shared`): static files, the worst photos, what was made once.
    files = re.compile(rf"emalu-(live-static|worst-photos|results){run.replace('_', '-', 1)}")
    for path in shared.static_root.parent.iterdir():
        if (match := files.fullmatch(path.name)) and ended(match["run"]):
            shutil.rmtree(path, ignore_errors=True)


def copy_database(name, template):
    """Database `name`, made a copy of `template` (`CREATE DATABASE ... TEMPLATE`): tables,
    triggers, grants to the runtime role and rows are the template's; its commits are
    `unsynced`. One of that name left behind by an interrupted run is dropped first."""
    with psycopg.connect(_admin_dsn(), autocommit=True) as admin:
        admin.execute(SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(Identifier(name)))
        admin.execute(
            SQL("CREATE DATABASE {} TEMPLATE {}").format(Identifier(name), Identifier(template))
        )
        unsynced(admin, name)


def drop_database(name):
    """Drop database `name`, whoever is still connected to it."""
    with psycopg.connect(_admin_dsn(), autocommit=True) as admin:
        admin.execute(SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(Identifier(name)))


@contextmanager
def live_database():
    """A fresh, migrated PostgreSQL database (with the demo texts published), dropped afterwards.

    A copy of the session's template: tables, triggers, grants to the runtime role and rows are
    the template's, exactly as `migrate` and `load_demo` left them."""
    name = f"emalu_live_{uuid.uuid4().hex[:8]}"
    copy_database(name, shared.database())
    try:
        yield _url(name)
    finally:
        drop_database(name)


def query(url, sql):
    with psycopg.connect(url.replace("postgres://", "postgresql://")) as conn:
        return conn.execute(sql).fetchall()
