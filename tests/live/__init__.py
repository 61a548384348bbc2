"""Real processes for live tests: a database of their own, gunicorn with production settings,
nginx, mail servers. One module each; everything a test uses is importable from here."""

from .base import (
    LIVE_SECRET_KEY,
    PYTHON,
    ROOT,
    RUN_ID,
    free_port,
    redis_cache,
    run_case,
    shell,
    site_env,
)
from .database import (
    _admin_dsn,
    copy_database,
    drop_database,
    ensure_runtime_role,
    finish,
    live_database,
    query,
    shared,
)
from .mail import Inbox, dovecot
from .proxy import (
    NGINX,
    TcpProxy,
    nginx,
    nginx_config,
    test_certificate,
    tls_request,
)
from .servers import FAST, concurrent_posts, form_session, gunicorn, post_contact, request

__all__ = [
    "FAST",
    "LIVE_SECRET_KEY",
    "NGINX",
    "PYTHON",
    "ROOT",
    "RUN_ID",
    "Inbox",
    "TcpProxy",
    "_admin_dsn",
    "concurrent_posts",
    "copy_database",
    "dovecot",
    "drop_database",
    "ensure_runtime_role",
    "finish",
    "form_session",
    "free_port",
    "gunicorn",
    "live_database",
    "nginx",
    "nginx_config",
    "post_contact",
    "query",
    "redis_cache",
    "request",
    "run_case",
    "shared",
    "shell",
    "site_env",
    "test_certificate",
    "tls_request",
]  # fmt: skip
