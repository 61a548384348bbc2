"""A live test's host (tests/live/base.py site_env): production's settings, read from the
environment as a host reads /etc/emalu/env, and the one thing a test host differs in. It logs in
as the cluster's superuser, which makes the tests' databases and which the tests use as the
tables' owner: emalu.W009 (emalu/checks_roles.py) is silenced here, in Python, since production's
settings refuse it from the environment (emalu/guards.py). A test asking for W009 as a host hears
it runs on emalu.settings itself (tests/site/test_login_role.py, tests/site/test_release.py)."""

from emalu.settings import *  # noqa: F403

SILENCED_SYSTEM_CHECKS = [*SILENCED_SYSTEM_CHECKS, "emalu.W009"]  # noqa: F405
