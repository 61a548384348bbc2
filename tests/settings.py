"""The test overlay: production settings, plus what a test run needs and nothing else."""

import os

os.environ.setdefault("SECRET_KEY", "test-only-key-" + "x" * 40)
os.environ.setdefault("OPERATOR_BIN", "123456789012")
os.environ.setdefault("RESPONSIBLE_PERSON", "Test Responsible")
os.environ.setdefault("RESPONSIBLE_CONTACT", "dpo@example.kz")
os.environ.setdefault("ALLOWED_HOSTS", "testserver,127.0.0.1,localhost")
os.environ.setdefault("SECURE_SSL_REDIRECT", "false")
os.environ.setdefault("MEDIA_ENCRYPTION_KEY", "dGVzdC1vbmx5LW1lZGlhLWVuY3J5cHRpb24ta2V5LTA=")

from emalu.settings import *  # noqa: F403

# The tests move this host's clock (time_machine) and not the database server's: the clock check
# is on only where tests/site/test_host_clock.py turns it on, as production has it.
HOST_CLOCK_TOLERANCE = None
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # noqa: F405  (whitenoise looks for it)
