"""The programs the tests run (Chromium, Dovecot, pdftotext…): found, or the test skips (fails
in CI, whose .ci/run installs them)."""

import asyncio
import os
import shutil
from contextlib import contextmanager

import pytest

# Tools the tests run, and the Debian package each comes in (.ci/run installs them all).
TOOLS = {
    # The browser tests' Chromium: Debian's build of its headless shell, the same Blink as the
    # `chromium` package without the windowed browser around it (what Playwright itself runs for
    # headless). A page costs about a third less CPU in it than in `chromium --headless`.
    "chromium-headless-shell": "chromium-headless-shell",
    "curl": "curl",
    "dovecot": "dovecot-imapd",
    "openssl": "openssl",
    "pdftotext": "poppler-utils",
    "pg_dump": "postgresql-client",
}


CHROMIUM = "chromium-headless-shell"


def launch_chromium(playwright, *args):
    """Debian's headless Chromium, launched by Playwright with the tests' flags and `args`."""
    return playwright.chromium.launch(executable_path=require_tool(CHROMIUM), args=[*ARGS, *args])


class _Playwright:
    """Playwright's driver for a whole test process, started by the first module that asks for a
    browser: a driver (node) costs ~0.75 CPU-s to start and Chromium ~0.35 s more, which every
    browser module paid again. Its event loop runs in this thread, beside which the ORM refuses
    to run (SynchronousOnlyOperation): it is marked running only while a browser module runs
    (`in_use`), as it was when each module started its own driver, and the database's modules in
    between find none."""

    def __init__(self):
        self.playwright = self.chromium = self.loop = None

    def start(self):
        from playwright.sync_api import sync_playwright

        self.playwright = sync_playwright().start()
        self.loop = asyncio.get_running_loop()  # marked running by the driver's start

    @contextmanager
    def in_use(self):
        """The driver's loop marked running in this thread while the block runs, as each of
        Playwright's calls leaves it; then none, as a module that stopped its own driver did."""
        if self.playwright is None:
            self.start()
        else:
            asyncio._set_running_loop(self.loop)
        try:
            yield self.playwright
        finally:
            asyncio._set_running_loop(None)

    def shared_chromium(self):
        """The Chromium the modules share, launched again if the last one was lost (crashed)."""
        if self.chromium is None or not self.chromium.is_connected():
            self.chromium = launch_chromium(self.playwright)
        return self.chromium

    def stop(self):
        if self.playwright is None:
            return
        asyncio._set_running_loop(self.loop)
        try:
            if self.chromium is not None and self.chromium.is_connected():
                self.chromium.close()
        finally:
            self.playwright.stop()  # waits for the driver: its CPU and Chromium's are counted


@pytest.fixture(scope="session")
def playwright_driver():
    """The test process's Playwright driver (see _Playwright); a module uses it through `browser`
    or, for a Chromium with flags of its own, through `playwright_in_module`."""
    driver = _Playwright()
    yield driver
    driver.stop()


@pytest.fixture(scope="module")
def playwright_in_module(playwright_driver):
    """Playwright for a module that launches a Chromium of its own (flags of its own): closed with
    the module, the driver kept for the next."""
    with playwright_driver.in_use() as playwright:
        yield playwright


@pytest.fixture(scope="module")
def browser(playwright_driver):
    """Chromium for a module's browser tests that need no flags of their own (each opens its tabs
    in contexts of their own: tests/pages.py's open_tab); the tests' conftest takes it in. One
    Chromium for the test process: a context is a fresh profile (cookies, storage, cache), and
    whatever a module leaves open is closed at its end, so no module sees another's pages."""
    with playwright_driver.in_use():
        chromium = playwright_driver.shared_chromium()
        try:
            yield chromium
        finally:
            for context in chromium.contexts if chromium.is_connected() else ():
                context.close()


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
