"""Real processes for live tests: a database of their own, gunicorn with production settings."""

import email
import fcntl
import http.client
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import uuid
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager, suppress
from pathlib import Path

import psycopg
from django.db import connection
from psycopg.errors import DuplicateObject, UniqueViolation
from psycopg.sql import SQL, Identifier

ROOT = Path(__file__).resolve().parents[1]
PYTHON = Path(sys.executable)
# The id of a test run split over pytest-xdist workers (conftest.py sets it in the controller).
RUN_ID = "EMALU_TEST_RUN"
LIVE_SECRET_KEY = "live-test-" + "k" * 50


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _admin_dsn(dbname="postgres"):
    db = connection.settings_dict
    return f"host={db['HOST']} port={db['PORT']} user={db['USER']} dbname={dbname}"


def _url(name):
    db = connection.settings_dict
    return f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{name}"


def ensure_runtime_role():
    """Create the runtime role if the cluster lacks it. Each migrate does (consent/sql.py), but
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


class _Shared:
    """What every live test starts from, built once per test run: a database migrated with the
    demo texts published, which each `live_database()` clones, and the collected static files,
    which every `gunicorn()` serves. `database(wait=False)` and `static(wait=False)` start them in
    the background (conftest.py does, when it sees live tests selected, so that they build while
    the in-process tests run); otherwise the first use builds them.

    A run split over pytest-xdist workers builds them once: their names come from the run's id
    (`RUN_ID`, set by the controller before the workers start), the first worker to need one
    builds it under a lock (a PostgreSQL advisory lock; a file lock for the files) and the others
    wait for it. Whoever started the run (`owner`) removes them in `finish()`."""

    def __init__(self):
        run = os.environ.get(RUN_ID)
        self.split = False  # this process started a run split over workers
        self.owner = run is None  # a worker's run belongs to the controller, which cleans up
        self.run = run or uuid.uuid4().hex[:12]
        self.template = f"emalu_live_template_{self.run}"
        self.static_root = Path(tempfile.gettempdir()) / f"emalu-live-static-{self.run}"
        self._database = self._static = None

    def static(self, wait=True):
        if self._static is None:
            self._static = _Background("the static files", self._collect_static)
        if wait:
            self._static.wait()
        return self.static_root

    def _collect_static(self):
        self.static_root.mkdir(exist_ok=True)
        with open(self.static_root / ".lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
            if (self.static_root / ".done").exists():
                return
            command = [PYTHON, "manage.py", "collectstatic", "--no-input", "-v", "0"]
            env = site_env(None, STATIC_ROOT=str(self.static_root))
            subprocess.run(command, cwd=ROOT, env=env, check=True)
            (self.static_root / ".done").touch()

    def database(self, wait=True):
        if self._database is None:
            # Read here, not in the thread: Django's connections are per thread.
            admin = _admin_dsn()
            env = {**os.environ, "DATABASE_URL": _url(self.template),
                   "DJANGO_SETTINGS_MODULE": "tests.settings"}  # fmt: skip
            ensure_runtime_role()

            def build():
                with psycopg.connect(admin, autocommit=True) as conn:
                    # Held until this connection closes: one builder, the others wait here.
                    conn.execute("SELECT pg_advisory_lock(hashtext(%s))", [self.template])
                    built = conn.execute(
                        "SELECT shobj_description(oid, 'pg_database') FROM pg_database"
                        " WHERE datname = %s",
                        [self.template],
                    ).fetchone()
                    if built and built[0] == "built":
                        return
                    conn.execute(
                        SQL("DROP DATABASE IF EXISTS {}").format(Identifier(self.template))
                    )
                    conn.execute(SQL("CREATE DATABASE {}").format(Identifier(self.template)))
                    for command in (["migrate", "-v", "0"], ["load_demo"]):
                        subprocess.run([PYTHON, "manage.py", *command], cwd=ROOT, env=env,
                                       check=True, stdout=subprocess.DEVNULL)  # fmt: skip
                    conn.execute(
                        SQL("COMMENT ON DATABASE {} IS 'built'").format(Identifier(self.template))
                    )

            self._database = _Background("the live tests' template database", build)
        if wait:
            self._database.wait()
        return self.template

    def finish(self):
        """Wait for what is being built; the run's owner then removes it."""
        for work in (self._static, self._database):
            if work is not None:
                work.thread.join()  # an error was raised where it was waited for
        if self.owner and (self.split or self._static or self._database):
            shutil.rmtree(self.static_root, ignore_errors=True)
            with psycopg.connect(_admin_dsn(), autocommit=True) as conn:
                conn.execute(
                    SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(Identifier(self.template))
                )
        self._database = self._static = None

    def split_over_workers(self):
        """In the controller of a pytest-xdist run, before its workers start: they inherit the
        run's id, so they share what they build, and this process removes it at the end."""
        os.environ[RUN_ID] = self.run
        self.split = True


shared = _Shared()
finish = shared.finish


@contextmanager
def live_database():
    """A fresh, migrated PostgreSQL database (with the demo texts published), dropped afterwards.

    A copy of the session's template (`CREATE DATABASE ... TEMPLATE`): tables, triggers, grants to
    the runtime role and rows are the template's, exactly as `migrate` and `load_demo` left them."""
    template = shared.database()
    name = f"emalu_live_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(_admin_dsn(), autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
    try:
        yield _url(name)
    finally:
        with psycopg.connect(_admin_dsn(), autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def query(url, sql):
    with psycopg.connect(url.replace("postgres://", "postgresql://")) as conn:
        return conn.execute(sql).fetchall()


def site_env(url, **extra_env):
    """The environment of the site as operators run it: production settings on `url`."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "emalu.settings",
        "DEBUG": "0",
        "SECRET_KEY": LIVE_SECRET_KEY,
        "ALLOWED_HOSTS": "127.0.0.1",
        **({"DATABASE_URL": url} if url else {}),
        "SECURE_SSL_REDIRECT": "false",
        "OPERATOR_BIN": "123456789012",
        "RESPONSIBLE_PERSON": "Live Test",
        "RESPONSIBLE_CONTACT": "dpo@example.kz",
        **extra_env,
    }


@contextmanager
def gunicorn(url, tmp_path, workers=2, **extra_env):
    """gunicorn -c emalu/gunicorn.py, production settings, a free port; yields (port, proc).

    Static files are the session's, collected once (`collectstatic` as a deployment runs it)."""
    static_root = shared.static()
    port = free_port()
    env = site_env(
        url,
        STATIC_ROOT=str(static_root),
        MEDIA_ROOT=str(tmp_path / "media"),
        GUNICORN_BIND=f"127.0.0.1:{port}",
        GUNICORN_WORKERS=str(workers),
        SITE_URL=f"http://127.0.0.1:{port}",
        **extra_env,
    )
    proc = subprocess.Popen(
        [PYTHON.parent / "gunicorn", "-c", "emalu/gunicorn.py", "emalu.wsgi"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,  # a process group of its own: the master and its workers
    )
    proc.env = env  # for commands that must share the served site's settings
    # Its output is read as it comes: the site writes a line per request, and a full pipe would
    # stall every worker. `proc.stop()` ends it and returns all it wrote.
    lines = []

    def read():
        for line in proc.stdout:
            lines.append(line)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()

    def stop():
        proc.terminate()
        proc.wait(timeout=10)
        reader.join(timeout=10)
        return "".join(lines)

    proc.stop = stop
    proc.output = lambda: "".join(lines)  # what it wrote so far
    try:
        for _ in range(300):
            with suppress(OSError):
                if request(port, "GET", "/healthz")[0] == 200:
                    break
            if proc.poll() is not None:
                reader.join(timeout=10)
                raise RuntimeError(f"gunicorn exited: {''.join(lines)}")
            time.sleep(0.05)
        else:
            raise RuntimeError("gunicorn did not start")
        yield port, proc
    finally:
        # Killed, not stopped gracefully (which takes a second with four workers): nothing is
        # checked after the test, and its database goes with WITH (FORCE).
        with suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        reader.join(timeout=10)
        proc.stdout.close()


def request(port, method, path, body=None, headers=None):
    """One HTTP request on loopback: (status, headers dict, body bytes)."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        response = conn.getresponse()
        return response.status, response.headers, response.read()
    finally:
        conn.close()


def form_session(port, path):
    """GET a form like a browser: (cookie header, csrf token, form token)."""
    status, headers, body = request(port, "GET", path)
    assert status == 200, status
    cookies = "; ".join(c.split(";")[0] for c in headers.get_all("Set-Cookie") or [])
    html = body.decode()
    csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    token = re.search(r'name="token" value="([^"]+)"', html).group(1)
    return cookies, csrf, token


FAST = {"FORM_MIN_FILL_SECONDS": "0", "FORM_RATE_LIMIT": "100000/60"}  # a load, not a person


def post_contact(port, session, email, full=False):
    """POST the contact form of `session` (from form_session); the status, or the response."""
    cookies, csrf, token = session
    body = urllib.parse.urlencode(
        {
            "csrfmiddlewaretoken": csrf,
            "token": token,
            "full_name": "Әсел Қасымова",
            "email": email,
            "phone": "8 701 123 45 67",
            "message": "Сәлем",
            "consent_service": "on",
        }
    )
    headers = {"Content-Type": "application/x-www-form-urlencoded", "Cookie": cookies}
    response = request(port, "POST", "/kk/contact/", body, headers)
    return response if full else response[0]


def concurrent_posts(port, n=200, prefix="load", threads=50):
    """`n` visitors open the contact form, then all send it at once, `threads` at a time, each
    from `{prefix}{i}@example.kz`: (their statuses, the seconds the posts took)."""
    sessions = [form_session(port, "/kk/contact/") for _ in range(n)]
    started = time.monotonic()
    with ThreadPoolExecutor(max_workers=threads) as pool:
        statuses = list(
            pool.map(lambda i: post_contact(port, sessions[i], f"{prefix}{i}@example.kz"), range(n))
        )
    return statuses, time.monotonic() - started


def test_certificate(directory):
    """A self-signed certificate for 127.0.0.1 (cert.pem, key.pem) made with openssl."""
    cert, key = directory / "cert.pem", directory / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
         "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
         "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True,
    )  # fmt: skip
    return cert, key


NGINX = "/usr/sbin/nginx"


def nginx_version():
    out = subprocess.run([NGINX, "-v"], capture_output=True, text=True).stderr
    return tuple(int(n) for n in re.search(r"nginx/([0-9.]+)", out).group(1).split("."))


def nginx_config(upstream_port, directory, port=None):
    """docs/deploy/nginx.conf itself, for Debian's nginx on loopback in front of gunicorn on
    `upstream_port` (or, a list of ports, several hosts in turn: an `upstream` block, as a site
    on several hosts adds): only the addresses, certificate, log, cache and static paths are
    replaced, in `directory`; `nginx -t` must accept it. (the command, https port, certificate,
    log path)."""
    ports = upstream_port if isinstance(upstream_port, list) else [upstream_port]
    servers = "".join(f"server 127.0.0.1:{p};" for p in ports)
    if not os.path.exists(NGINX):
        raise FileNotFoundError("nginx (apt-get install nginx-light)")
    directory.mkdir(parents=True, exist_ok=True)
    cert, key = test_certificate(directory)
    port, log = port or free_port(), directory / "emalu.log"
    site = (ROOT / "docs" / "deploy" / "nginx.conf").read_text()
    for old, new in {
        "listen 80;": f"listen 127.0.0.1:{free_port()};",
        "listen [::]:80;\n": "",
        "listen 443 ssl;": f"listen 127.0.0.1:{port} ssl;",
        "listen [::]:443 ssl;\n": "",
        "/etc/letsencrypt/live/emaluplus-vko.kz/fullchain.pem": str(cert),
        "/etc/letsencrypt/live/emaluplus-vko.kz/privkey.pem": str(key),
        "/var/log/nginx/emalu.log": str(log),
        "/srv/emalu/static/": f"{directory}/static/",
        "/var/cache/emalu-nginx": f"{directory}/cache",
        "http://127.0.0.1:8000;": "http://emalu_hosts;",
    }.items():
        assert old in site, f"docs/deploy/nginx.conf no longer has {old!r}"
        site = site.replace(old, new)
    if nginx_version() < (1, 25, 1):  # `http2 on;` is newer; HTTP/2 is not what tests look at
        site = site.replace("http2 on;", "")
    (directory / "site.conf").write_text(site)
    temp = " ".join(f"{kind}_temp_path {directory}/{kind};" for kind in
                    ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))  # fmt: skip
    (directory / "nginx.conf").write_text(f"""
{"user root;" if os.geteuid() == 0 else ""}
daemon off;
worker_processes 1;
pid {directory}/nginx.pid;
events {{ worker_connections 512; }}
http {{ {temp} access_log off; upstream emalu_hosts {{ {servers} }}
       include {directory}/site.conf; }}
""")
    command = [NGINX, "-p", str(directory), "-c", str(directory / "nginx.conf"),
               "-e", str(directory / "error.log")]  # fmt: skip
    checked = subprocess.run([*command, "-t"], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr
    return command, port, cert, log


@contextmanager
def nginx(upstream_port, directory, port=None):
    """Debian's nginx serving docs/deploy/nginx.conf (nginx_config) on loopback, in front of
    gunicorn on `upstream_port`. Yields (https port, certificate, access log path)."""
    command, port, cert, log = nginx_config(upstream_port, directory, port)
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        else:
            raise RuntimeError((directory / "error.log").read_text())
        yield port, cert, log
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def tls_request(port, cert, method, path, body=None, headers=None):
    """One HTTPS request to loopback, the test certificate trusted: (status, headers, body)."""
    import ssl

    context = ssl.create_default_context(cafile=str(cert))
    conn = http.client.HTTPSConnection("127.0.0.1", port, timeout=30, context=context)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        response = conn.getresponse()
        return response.status, response.headers, response.read()
    finally:
        conn.close()


@contextmanager
def dovecot(user, password):
    """Debian's Dovecot serving IMAPS on loopback; yields (port, its certificate)."""
    import pwd
    import shutil
    import tempfile

    # Not under pytest's tmp_path: its 0700 parents keep the mail user (nobody) out.
    directory = Path(tempfile.mkdtemp(prefix="emalu-dovecot-"))
    directory.chmod(0o755)

    binary = shutil.which("dovecot") or "/usr/sbin/dovecot"
    if not os.path.exists(binary):
        raise FileNotFoundError("dovecot (apt-get install dovecot-imapd)")
    cert, key = test_certificate(directory)
    nobody = pwd.getpwnam("nobody")
    mail = directory / "mail"
    mail.mkdir()
    os.chown(mail, nobody.pw_uid, nobody.pw_gid)
    (directory / "passwd").write_text(f"{user}:{{PLAIN}}{password}\n")
    port = free_port()
    config = directory / "dovecot.conf"
    config.write_text(f"""
protocols = imap
listen = 127.0.0.1
base_dir = {directory}/run
state_dir = {directory}/state
log_path = {directory}/dovecot.log
ssl = required
ssl_cert = <{cert}
ssl_key = <{key}
auth_mechanisms = plain login
first_valid_uid = 1
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {directory}/passwd
}}
userdb {{
  driver = static
  args = uid={nobody.pw_uid} gid={nobody.pw_gid} home={mail}/%u
}}
mail_location = maildir:{mail}/%u
service imap-login {{
  inet_listener imap {{
    port = 0
  }}
  inet_listener imaps {{
    port = {port}
    ssl = yes
  }}
}}
""")
    proc = subprocess.Popen([binary, "-F", "-c", str(config)], stdout=subprocess.DEVNULL,
                            stderr=subprocess.STDOUT)  # fmt: skip
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        else:
            raise RuntimeError((directory / "dovecot.log").read_text())
        yield port, cert
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        shutil.rmtree(directory, ignore_errors=True)


class TcpProxy:
    """A loopback TCP proxy that can be cut and restored: the database "goes down" for the
    site behind it while the real server keeps serving everyone else."""

    def __init__(self, target_port, port=None):
        self.target_port = target_port
        self.port = port or free_port()
        self.sockets = []
        self.listener = None

    def start(self):
        import threading

        self.listener = socket.create_server(("127.0.0.1", self.port), reuse_port=False)
        threading.Thread(target=self._accept, args=(self.listener,), daemon=True).start()
        return self

    def _accept(self, listener):
        import threading

        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return
            upstream = socket.create_connection(("127.0.0.1", self.target_port))
            self.sockets += [client, upstream]
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pipe, args=(a, b), daemon=True).start()

    @staticmethod
    def _pipe(source, target):
        try:
            while data := source.recv(65536):
                target.sendall(data)
        except OSError:
            pass
        finally:
            for s in (source, target):
                with suppress(OSError):
                    s.close()

    def stop(self):
        with suppress(OSError):
            self.listener.shutdown(socket.SHUT_RDWR)  # wakes the thread blocked in accept()
        self.listener.close()
        for s in self.sockets:
            try:
                s.shutdown(socket.SHUT_RDWR)
                s.close()
            except OSError:
                pass
        self.sockets = []


class Inbox:
    """An aiosmtpd handler that keeps every message it receives."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(email.message_from_bytes(envelope.content))
        return "250 OK"
