"""The test overlay: production settings, plus what a test run needs and nothing else."""

import os

# Production's settings whatever the shell exports: DEBUG=1, left exported after `make run`'s or
# makemessages' commands, turned a dozen settings to the demo's (the console mail, cookies' names,
# mail sent after each page, which wrote a link's secret «[token]» before a test read it). A test
# that wants the demo's passes DEBUG to the process it starts (tests/site/test_demo_on_sqlite.py).
os.environ["DEBUG"] = "false"
os.environ.setdefault("SECRET_KEY", "test-only-key-" + "x" * 40)
os.environ.setdefault("OPERATOR_BIN", "123456789012")
os.environ.setdefault("RESPONSIBLE_PERSON", "Test Responsible")
os.environ.setdefault("RESPONSIBLE_CONTACT", "dpo@example.kz")
os.environ.setdefault("ALLOWED_HOSTS", "testserver,127.0.0.1,localhost")
os.environ.setdefault("SECURE_SSL_REDIRECT", "false")
os.environ.setdefault("MEDIA_ENCRYPTION_KEY", "dGVzdC1vbmx5LW1lZGlhLWVuY3J5cHRpb24ta2V5LTA=")
# What `make test` runs on unless told otherwise (Makefile, TEST_DATABASE_URL); production requires
# it, and its compilemessages step reads these settings without it.
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/emalu")

from emalu.settings import *  # noqa: F403

# The tests log in as the cluster's superuser (postgres), which creates their databases: a web
# host so configured stops at emalu.W009 (emalu/checks_roles.py), which its own tests ask for.
# Silenced here, in Python: production's settings refuse it from the environment (emalu/guards.py).
# The live sites' processes are told the same by tests/host_settings.py.
SILENCED_SYSTEM_CHECKS = [*SILENCED_SYSTEM_CHECKS, "emalu.W009"]  # noqa: F405

# The tests move this host's clock (time_machine) and not the database server's: the clock check
# is on only where tests/site/test_host_clock.py turns it on, as production has it.
HOST_CLOCK_TOLERANCE = None
# Each web process notes its keys in the database once a minute (consent/core/keys.py): two
# queries in whichever request comes first after a minute, which a test counting a request's
# queries (a cached page costs none) would count by chance. The live tests' processes, on the
# production settings, note them as a host does (tests/site/test_secret_key_hosts.py).
MIDDLEWARE = [m for m in MIDDLEWARE if m != "emalu.middleware.KeysNotedMiddleware"]  # noqa: F405
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # noqa: F405  (whitenoise looks for it)
