"""Throughput of pages and of a form POST against bare Django views, and of the home page through
the documented nginx (make bench).

gunicorn (1 worker, production settings) and nginx are pinned to core 0, wrk to core 1, so the
load generator never takes the server's CPU. Each comparison runs the page and its bare view
alternately in pairs (bench/pairs.py): the figures are median ratios with their min–max.

    python bench/pages.py DATABASE_URL   # a migrated database with the demo; one JSON line
"""

import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.pairs import PAIRS, WARMUP, compare, summary  # noqa: E402

PY = Path(sys.executable)
SECONDS = int(os.environ.get("BENCH_SECONDS", "2"))  # one wrk run
STRIDE = 5000  # form tokens per run: more than one run can post
LUA = """
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Cookie"] = "%(cookie)s"
counter = 0
init = function(args)
  counter = tonumber(args[1])  -- each run its own tokens and addresses
end
request = function()
  counter = counter + 1
  local body = "csrfmiddlewaretoken=%(csrf)s&token=" .. tokens[(counter %% #tokens) + 1] ..
    "&full_name=Bench&email=b" .. counter .. "@example.kz&phone=87011234567&message=hi" ..
    "&consent_service=on&texts_shown=%(shown)s"
  return wrk.format(nil, "%(path)s", nil, body)
end
tokens = {%(tokens)s}
"""
SENT = []  # (url, requests) of every wrk run
GOALS = {"home": 0.90, "application_form": 0.80, "contact_post": 0.65, "home_nginx": 10000}


def wrk(url, script=None, args=()):
    """Requests per second of one run; a run with failed requests or non-2xx/3xx answers is
    refused (a timeout only says the machine was busy)."""
    cmd = ["taskset", "-c", "1", "wrk", "-t1", "-c8", f"-d{SECONDS}s"]
    if script:
        cmd += ["-s", script]
    out = subprocess.run([*cmd, url, *(["--", *args] if args else [])], capture_output=True,
                         text=True, check=True).stdout  # fmt: skip
    bad = re.search(r"Non-2xx or 3xx responses: \d+|Socket errors: connect (\d+), read (\d+), "
                    r"write (\d+)", out)  # fmt: skip
    if bad and (bad.group(0).startswith("Non") or any(int(n) for n in bad.groups())):
        sys.exit(f"wrk {url}: {bad.group(0)}")
    SENT.append((url, int(re.search(r"(\d+) requests in", out).group(1))))
    drain(url)
    return float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))


def drain(url):
    """Wait until the requests wrk left in flight are answered: the worker takes connections
    in turn, so /healthz comes back after them. Otherwise the slower side of a pair leaves its
    backlog to eat into the other's run (a contact form seemed twice as fast as a bare insert)."""
    import ssl

    parts = urllib.parse.urlsplit(url)
    context = ssl._create_unverified_context() if parts.scheme == "https" else None  # noqa: S323
    urllib.request.urlopen(f"{parts.scheme}://{parts.netloc}/healthz", timeout=120,
                           context=context).read()  # fmt: skip


def main(database_url):
    from tests.live import free_port

    port = free_port()
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "bench.settings", "DEBUG": "0",
           "SECRET_KEY": "bench-" + "k" * 50, "ALLOWED_HOSTS": "127.0.0.1",
           "DATABASE_URL": database_url, "SECURE_SSL_REDIRECT": "false",
           "OPERATOR_BIN": "123456789012", "RESPONSIBLE_PERSON": "Bench",
           "RESPONSIBLE_CONTACT": "bench@example.kz", "STATIC_ROOT": str(ROOT / "var/bench-static"),
           "GUNICORN_BIND": f"127.0.0.1:{port}", "GUNICORN_WORKERS": "1",
           "TRUSTED_PROXIES": "127.0.0.1",
           "FORM_MIN_FILL_SECONDS": "0", "FORM_RATE_LIMIT": "100000000/60"}  # fmt: skip
    subprocess.run([PY, "manage.py", "collectstatic", "--no-input", "-v", "0"], cwd=ROOT, env=env,
                   check=True)  # fmt: skip
    server = subprocess.Popen(["taskset", "-c", "0", PY.parent / "gunicorn", "-c",
                               "emalu/gunicorn.py", "emalu.wsgi"], cwd=ROOT, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              start_new_session=True)  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/healthz", timeout=1)
                break
            except OSError:
                time.sleep(0.1)
        results = {}
        only = os.environ.get("BENCH_PAGES", ",".join(GOALS)).split(",")
        for name, path in [("home", "/kk/"), ("application_form", "/kk/apply/")]:
            if name in only:
                body = urllib.request.urlopen(base + path).read()
                (ROOT / "var" / f"bench-{name}.html").write_bytes(body)
                page, bare = f"{base}{path}", f"{base}/bare/{name}"
                results[name] = compare(lambda u=page: wrk(u), lambda u=bare: wrk(u), GOALS[name])
        if "contact_post" in only:
            results["contact_post"] = post_ratio(base, database_url)
        if "home_nginx" in only:
            if not (ROOT / "var" / "bench-home.html").exists():
                (ROOT / "var" / "bench-home.html").write_bytes(
                    urllib.request.urlopen(base + "/kk/").read()
                )
            results.update(through_nginx(port))
        rss = subprocess.run(["ps", "-o", "rss=", "--ppid", str(server.pid)], capture_output=True,
                             text=True).stdout.split()  # fmt: skip
        results["worker_peak_rss_mb"] = round(max(int(x) for x in rss) / 1024, 1)
        return results
    finally:
        os.killpg(server.pid, signal.SIGKILL)  # master and worker: a graceful stop takes seconds
        server.wait()


def post_ratio(base, database_url):
    import http.cookiejar

    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    html = opener.open(base + "/kk/contact/").read().decode()
    csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    # The words the page shows, posted back as a browser does: without them nothing is stored.
    shown = re.search(r'name="texts_shown" value="([^"]*)"', html).group(1)
    runs = 2 * (PAIRS + WARMUP)
    tokens = [f'"{t}"' for t in form_tokens(STRIDE * runs)]
    cookie = "; ".join(f"{c.name}={c.value}" for c in jar)
    script = ROOT / "var" / f"bench-post-{os.getpid()}.lua"  # runs side by side keep apart
    script.write_text(LUA % {"cookie": cookie, "csrf": csrf, "path": "/kk/contact/",
                             "shown": urllib.parse.quote(shown, safe=""),
                             "tokens": ",".join(tokens)})  # fmt: skip
    offsets = iter(range(0, STRIDE * runs, STRIDE))

    def run(path):
        return wrk(base + path, script=str(script), args=[str(next(offsets))])

    try:
        result = compare(
            lambda: run("/kk/contact/"), lambda: run("/bare-insert"), GOALS["contact_post"]
        )
    finally:
        script.unlink()
    # A refused post (an expired token, an invalid form) answers 200 too: count what was stored.
    import psycopg

    posted = sum(n for url, n in SENT if url.endswith("/kk/contact/"))
    with psycopg.connect(database_url.replace("postgres://", "postgresql://")) as conn:
        stored = conn.execute("SELECT count(*) FROM consent_submission").fetchone()[0]
    if stored < posted:
        sys.exit(f"contact form: {stored} of {posted} posts stored")
    return {**result, "stored": stored}


def form_tokens(n):
    """Fresh one-time form tokens, signed with the bench server's key, shown 10 s ago."""
    import uuid

    from django.conf import settings
    from django.core import signing

    if not settings.configured:
        settings.configure(SECRET_KEY="bench-" + "k" * 50)
    shown = int(time.time()) - 10
    return [signing.dumps({"id": uuid.uuid4().hex, "t": shown}, salt="forms_app.token")
            for _ in range(n)]  # fmt: skip


def through_nginx(upstream_port):
    """Requests per second of the home page through docs/deploy/nginx.conf (TLS, its cache),
    nginx pinned beside gunicorn on core 0; paired with the same bytes as a static file through
    the same nginx, which is as fast as that nginx can serve a page on this machine."""
    from tests import live

    with (
        tempfile.TemporaryDirectory() as directory,
        # wrk is one address: the per-visitor limits would answer it 429 after the first burst.
        live.nginx(upstream_port, Path(directory), limits=False) as (port, _cert, _log),
    ):
        static = Path(directory) / "static"
        static.mkdir(exist_ok=True)
        (static / "home.html").write_bytes((ROOT / "var" / "bench-home.html").read_bytes())
        master = (Path(directory) / "nginx.pid").read_text().split()[0]
        children = subprocess.run(["ps", "-o", "pid=", "--ppid", master], text=True,
                                  capture_output=True).stdout.split()  # fmt: skip
        for pid in [master, *children]:
            subprocess.run(["taskset", "-pc", "0", pid], check=True, capture_output=True)
        base = f"https://127.0.0.1:{port}"
        pair = compare(lambda: wrk(f"{base}/kk/"), lambda: wrk(f"{base}/static/home.html"))
        return {"home_nginx": summary(pair["a"], GOALS["home_nginx"], digits=0),
                "home_nginx_static_ratio": pair}  # fmt: skip


if __name__ == "__main__":
    print(json.dumps(main(sys.argv[1])))
