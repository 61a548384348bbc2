"""Throughput of pages and of a form POST as ratios against bare Django views (make bench).

gunicorn (1 worker, production settings) is pinned to one core and wrk to the other, so the
load generator never takes the server's CPU; each figure is requests per second over 5 s.
"""

import json
import os
import re
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PY = Path(sys.executable)
LUA = """
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Cookie"] = "%(cookie)s"
counter = 0
request = function()
  counter = counter + 1
  local body = "csrfmiddlewaretoken=%(csrf)s&token=" .. tokens[(counter %% #tokens) + 1] ..
    "&full_name=Bench&email=b" .. counter .. "@example.kz&phone=87011234567&message=hi" ..
    "&consent_service=on"
  return wrk.format(nil, "%(path)s", nil, body)
end
tokens = {%(tokens)s}
"""


def wrk(url, seconds=5, script=None):
    cmd = ["taskset", "-c", "1", "wrk", "-t1", "-c8", f"-d{seconds}s", "--latency"]
    if script:
        cmd += ["-s", script]
    out = subprocess.run([*cmd, url], capture_output=True, text=True, check=True).stdout
    return float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))


def main(database_url):
    port = 8765
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "bench.settings", "DEBUG": "0",
           "SECRET_KEY": "bench-" + "k" * 50, "ALLOWED_HOSTS": "127.0.0.1",
           "DATABASE_URL": database_url, "SECURE_SSL_REDIRECT": "false",
           "OPERATOR_BIN": "123456789012", "RESPONSIBLE_PERSON": "Bench",
           "RESPONSIBLE_CONTACT": "bench@example.kz", "STATIC_ROOT": str(ROOT / "var/bench-static"),
           "GUNICORN_BIND": f"127.0.0.1:{port}", "GUNICORN_WORKERS": "1",
           "FORM_MIN_FILL_SECONDS": "0", "FORM_RATE_LIMIT": "100000000/60"}  # fmt: skip
    subprocess.run([PY, "manage.py", "collectstatic", "--no-input", "-v", "0"], cwd=ROOT, env=env,
                   check=True)  # fmt: skip
    server = subprocess.Popen(["taskset", "-c", "0", PY.parent / "gunicorn", "-c",
                               "emalu/gunicorn.py", "emalu.wsgi"], cwd=ROOT, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/healthz", timeout=1)
                break
            except OSError:
                time.sleep(0.1)
        results = {}
        for name, path in [("home", "/kk/"), ("application_form", "/kk/apply/")]:
            body = urllib.request.urlopen(base + path).read()
            (ROOT / "var" / f"bench-{name}.html").write_bytes(body)
            results[f"{name}_rps"] = wrk(base + path)
            results[f"{name}_bare_rps"] = wrk(f"{base}/bare/{name}")
            results[f"{name}_ratio"] = round(
                results[f"{name}_rps"] / results[f"{name}_bare_rps"], 2
            )
        results.update(post_ratio(base))
        rss = subprocess.run(["ps", "-o", "rss=", "--ppid", str(server.pid)], capture_output=True,
                             text=True).stdout.split()  # fmt: skip
        results["worker_peak_rss_mb"] = round(max(int(x) for x in rss) / 1024, 1)
        return results
    finally:
        server.terminate()
        server.wait(timeout=10)


def post_ratio(base):
    import http.cookiejar

    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    html = opener.open(base + "/kk/contact/").read().decode()
    csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    tokens = [f'"{t}"' for t in form_tokens(20000)]
    cookie = "; ".join(f"{c.name}={c.value}" for c in jar)
    script = ROOT / "var" / "bench-post.lua"
    script.write_text(LUA % {"cookie": cookie, "csrf": csrf, "path": "/kk/contact/",
                             "tokens": ",".join(tokens)})  # fmt: skip
    form = wrk(base + "/kk/contact/", script=str(script))
    bare = wrk(base + "/bare-insert", script=str(script))
    return {"contact_post_rps": form, "bare_insert_rps": bare,
            "contact_post_ratio": round(form / bare, 2)}  # fmt: skip


def form_tokens(n):
    """Fresh one-time form tokens, signed with the bench server's key, shown 10 s ago."""
    import uuid

    from django.conf import settings
    from django.core import signing

    settings.configure(SECRET_KEY="bench-" + "k" * 50)
    shown = int(time.time()) - 10
    return [signing.dumps({"id": uuid.uuid4().hex, "t": shown}, salt="forms_app.token")
            for _ in range(n)]  # fmt: skip


if __name__ == "__main__":
    print(json.dumps(main(sys.argv[1])))
