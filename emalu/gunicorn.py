"""gunicorn settings: `gunicorn -c emalu/gunicorn.py emalu.wsgi` (docs/deploy/)."""

import os

from gunicorn.glogging import Logger

from emalu.logs import RedactTokens, redact  # gunicorn puts its working directory on sys.path

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", "3"))
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 20
max_requests = 2000
max_requests_jitter = 200
accesslog = "-"
errorlog = "-"
access_log_format = '%(h)s %(t)s "%(m)s %(U)s %(H)s" %(s)s %(b)s %(L)ss'
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")


class RedactingLogger(Logger):
    """gunicorn's logger with no link secret (emalu/logs.py) and no query string in any
    access-log field (the path, the request line, the referrer, headers and environ), whatever
    the log format. Its error log gets the same filter as Django's ("Error handling request
    <uri>")."""

    def setup(self, cfg):
        super().setup(cfg)
        self.error_log.addFilter(RedactTokens())

    def atoms(self, resp, req, environ, request_time):
        atoms = super().atoms(resp, req, environ, request_time)
        atoms = {k: redact(v) if isinstance(v, str) else v for k, v in atoms.items()}
        atoms["r"] = f"{atoms['m']} {atoms['U']} {atoms['H']}"  # RAW_URI held the query string
        atoms["q"] = "-"
        return atoms


logger_class = RedactingLogger
