"""What stands in front of the site or its database: Debian's nginx with the shipped config,
TLS, a TCP proxy that can be cut."""

import http.client
import os
import re
import socket
import subprocess
import threading
import time
from contextlib import contextmanager, suppress

from .base import ROOT, free_port, wait_for_port
from .database import shared

_CERTIFICATE = []  # (cert, key) bytes, made by this process's first server


def test_certificate(directory):
    """A self-signed certificate for 127.0.0.1 (cert.pem, key.pem in `directory`). openssl makes
    it once a process (a new RSA key is ~0.25 s of CPU, which every nginx and Dovecot paid); each
    server gets its own copy of the files."""
    cert, key = directory / "cert.pem", directory / "key.pem"
    if not _CERTIFICATE:
        subprocess.run(
            ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
             "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
             "-keyout", str(key), "-out", str(cert)],
            check=True, capture_output=True,
        )  # fmt: skip
        _CERTIFICATE[:] = cert.read_bytes(), key.read_bytes()
        return cert, key
    cert.write_bytes(_CERTIFICATE[0])
    key.touch(mode=0o600)
    key.write_bytes(_CERTIFICATE[1])
    return cert, key


NGINX = "/usr/sbin/nginx"


def nginx_config(upstream_port, directory, port=None, limits=True, http_port=None):
    """docs/deploy/nginx.conf itself, for Debian's nginx on loopback in front of gunicorn on
    `upstream_port` (or, a list of ports, several hosts in turn: an `upstream` block, as a site
    on several hosts adds): only the addresses, certificate, log, cache and static paths are
    replaced, in `directory` (the static files are the run's, collected as a release collects
    them); `nginx -t` must accept it. Without `limits`, the server block applies none of its
    per-visitor request limits (a benchmark's one address measuring what the site can serve).
    The plain-HTTP server listens on `http_port` if given, and answers certbot's checks from
    `directory`/acme. (the command, https port, certificate, log path)."""
    ports = upstream_port if isinstance(upstream_port, list) else [upstream_port]
    servers = "".join(f"server 127.0.0.1:{p};" for p in ports)
    if not os.path.exists(NGINX):
        raise FileNotFoundError("nginx (apt-get install nginx-light)")
    directory.mkdir(parents=True, exist_ok=True)
    cert, key = test_certificate(directory)
    port, log = port or free_port(), directory / "emalu.log"
    site = (ROOT / "docs" / "deploy" / "nginx.conf").read_text()
    for old, new in {
        "listen 80;": f"listen 127.0.0.1:{http_port or free_port()};",
        "listen [::]:80;\n": "",
        "listen 443 ssl http2;": f"listen 127.0.0.1:{port} ssl http2;",
        "listen [::]:443 ssl http2;\n": "",
        "/etc/letsencrypt/live/emaluplus-vko.kz/fullchain.pem": str(cert),
        "/etc/letsencrypt/live/emaluplus-vko.kz/privkey.pem": str(key),
        "/var/log/nginx/emalu.log": str(log),
        "root /var/www/html;": f"root {directory}/acme;",
        "/srv/emalu/static/": f"{shared.static()}/",  # the run's collectstatic, as a release's
        "/var/cache/emalu-nginx": f"{directory}/cache",
        "http://127.0.0.1:8000;": "http://emalu_hosts;",
    }.items():
        assert old in site, f"docs/deploy/nginx.conf no longer has {old!r}"
        site = site.replace(old, new)
    if not limits:
        applied = re.compile(r"^ +limit_(?:req|conn) \S+.*\n", re.MULTILINE)
        site, count = applied.subn("", site)
        assert count == 3, "docs/deploy/nginx.conf applies its limits in other lines now"
    (directory / "site.conf").write_text(site)
    temp = " ".join(f"{kind}_temp_path {directory}/{kind};" for kind in
                    ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))  # fmt: skip
    # The http block as Debian's /etc/nginx/nginx.conf has it where it matters to the site:
    # `gzip on` (for HTML), which the site's file is included under.
    (directory / "nginx.conf").write_text(f"""
{"user root;" if os.geteuid() == 0 else ""}
daemon off;
worker_processes 1;
pid {directory}/nginx.pid;
events {{ worker_connections 512; }}
http {{ {temp} access_log off; gzip on; upstream emalu_hosts {{ {servers} }}
       include {directory}/site.conf; }}
""")
    command = [NGINX, "-p", str(directory), "-c", str(directory / "nginx.conf"),
               "-e", str(directory / "error.log")]  # fmt: skip
    checked = subprocess.run([*command, "-t"], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr
    return command, port, cert, log


@contextmanager
def nginx(upstream_port, directory, port=None, limits=True, http_port=None):
    """Debian's nginx serving docs/deploy/nginx.conf (nginx_config) on loopback, in front of
    gunicorn on `upstream_port`. Yields (https port, certificate, access log path)."""
    command, port, cert, log = nginx_config(upstream_port, directory, port, limits, http_port)
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
    try:
        wait_for_port(port, directory / "error.log")
        yield port, cert, log
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def tls_request(port, cert, method, path, body=None, headers=None, source="127.0.0.1"):
    """One HTTPS request to loopback from the loopback address `source` (a visitor of its own:
    loopback has a whole /8), the test certificate trusted: (status, headers, body)."""
    import ssl

    context = ssl.create_default_context(cafile=str(cert))
    conn = http.client.HTTPSConnection("127.0.0.1", port, timeout=30, context=context,
                                       source_address=(source, 0))  # fmt: skip
    try:
        conn.request(method, path, body=body, headers=headers or {})
        response = conn.getresponse()
        return response.status, response.headers, response.read()
    finally:
        conn.close()


def raw_tls_request(port, cert, request):
    """`request`, bytes as a client wrote them (what http.client refuses to send: a method of
    two letters, a control character in a header, an address not percent-encoded), over HTTPS to
    loopback: (status, headers, body) of the answer."""
    import ssl

    context = ssl.create_default_context(cafile=str(cert))
    with (
        socket.create_connection(("127.0.0.1", port), timeout=30) as plain,
        context.wrap_socket(plain, server_hostname="127.0.0.1") as conn,
    ):
        conn.sendall(request)
        response = http.client.HTTPResponse(conn)
        response.begin()
        return response.status, response.headers, response.read()


def settled_log(port, cert, log):
    """nginx's access log once every request it has answered is in it. nginx writes a request's
    line after answering it, so a log read as soon as an answer arrives may lack that request.
    A request of our own is answered after the earlier ones (the tests' nginx has one worker),
    and its line, found by its id (X-Request-ID), is written after theirs."""
    _, headers, _ = tls_request(port, cert, "GET", "/kk/privacy/",
                                headers={"Host": "emaluplus-vko.kz"})  # fmt: skip
    mark = " " + headers["X-Request-ID"]
    for _ in range(400):
        text = log.read_text()
        if mark + "\n" in text:
            return text
        time.sleep(0.05)
    raise AssertionError(f"nginx never logged the request{mark}")


class TcpProxy:
    """A loopback TCP proxy that can be cut and restored: the database "goes down" for the
    site behind it while the real server keeps serving everyone else."""

    def __init__(self, target_port, port=None):
        self.target_port = target_port
        self.port = port or free_port()
        self.sockets = []
        self.listener = None

    def start(self):

        self.listener = socket.create_server(("127.0.0.1", self.port), reuse_port=False)
        threading.Thread(target=self._accept, args=(self.listener,), daemon=True).start()
        return self

    def _accept(self, listener):

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


@contextmanager
def silent_server(hold=30):
    """A server that takes connections and never answers (a database or Redis frozen, or a host
    that drops what is sent to it, as a client sees it); each connection is closed after `hold`
    seconds, so that a client without a timeout of its own is let go at last. Yields its port."""
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(0.2)
    held, stop = [], threading.Event()

    def serve():
        while not stop.is_set():
            with suppress(OSError):
                held.append((listener.accept()[0], time.monotonic()))
            for conn, since in list(held):
                if time.monotonic() - since > hold:
                    conn.close()
                    held.remove((conn, since))

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield listener.getsockname()[1]
    finally:
        stop.set()
        thread.join()
        for conn, _since in held:
            conn.close()
        listener.close()
