"""The programs the tests run (Chromium, Dovecot, pdftotext…): found, or the test skips (fails
in CI, whose .ci/run installs them)."""

import os
import shutil

import pytest

# Tools the tests run, and the Debian package each comes in (.ci/run installs them all).
TOOLS = {
    # The browser tests' Chromium: Debian's build of its headless shell, the same Blink as the
    # `chromium` package without the windowed browser around it (what Playwright itself runs for
    # headless). A page costs about a third less CPU in it than in `chromium --headless`.
    "chromium-headless-shell": "chromium-headless-shell",
    "dovecot": "dovecot-imapd",
    "openssl": "openssl",
    "pdftotext": "poppler-utils",
    "pg_dump": "postgresql-client",
}


CHROMIUM = "chromium-headless-shell"


def launch_chromium(playwright, *args):
    """Debian's headless Chromium, launched by Playwright with the tests' flags and `args`."""
    return playwright.chromium.launch(executable_path=require_tool(CHROMIUM), args=[*ARGS, *args])


@pytest.fixture(scope="module")
def browser():
    """Chromium for a module's browser tests that need no flags of their own (each opens its tabs
    in contexts of their own: tests/pages.py's open_tab); the tests' conftest takes it in. Ended
    with the module: Playwright runs an event loop in the worker's thread, beside which the ORM
    refuses to run, and the next module may be one of the database's."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = launch_chromium(p)
        yield browser
        browser.close()


ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run",
        "--disable-component-update", "--disable-sync", "--disable-quic"]  # fmt: skip


def in_ci():
    return os.environ.get("CI", "").lower() not in ("", "0", "false", "no")


def require_tool(name, apt=None):
    """The path of a program a test needs. Without it the test skips, the same way for every
    tool; in CI (CI=true) it fails instead, since .ci/run installs them all."""
    path = shutil.which(name) or shutil.which(name, path="/usr/local/sbin:/usr/sbin:/sbin")
    if path:
        return path
    message = f"{name} is not installed (apt-get install {apt or TOOLS.get(name, name)})"
    if in_ci():
        pytest.fail(f"{message}; in CI every tool must be there (.ci/run installs it)")
    pytest.skip(message)
