import re

import pytest

import tests.texts
from consent.core.texts import current_policy
from tests.conftest import StoredFiles, rows_for_the_module
from tests.live import gunicorn, live_database
from tests.pages import open_tab
from tests.texts import texts_publish


@pytest.fixture(scope="module")
def texts_of_the_module(django_db_setup, django_db_blocker):
    """The consent texts (tests/texts.py's), published once for a module of form sweeps whose
    tests post forms against them and change none: each test then runs in a savepoint of the
    module's transaction (tests/conftest.py::rows_for_the_module), and saves some five
    statements and an audit row a test. A module opts in by its own `texts` fixture."""
    with rows_for_the_module(django_db_blocker):
        yield texts_publish(current_policy())


# A public form's own page: what its hidden `texts_shown` holds depends on the texts in force,
# the address's language and form, and the processors abroad the cross-border box names.
_PUBLIC_FORM = re.compile(r"/(kk|ru)/(contact|apply|newsletter)/")


@pytest.fixture(scope="module")
def _shown_of_the_module(texts_of_the_module):
    return {}


@pytest.fixture
def texts_read_only(texts_of_the_module, _shown_of_the_module, db, settings, monkeypatch):
    """texts_of_the_module, for a module whose tests publish no text and add no service: what
    a public form's page posts back as the words it showed (tests/texts.py's as_shown, a query
    and the form built again for each post) is then the same at one address for the whole
    module, and computed once there."""
    holds = tests.texts._page_holds

    def page_holds(client, path, secure, headers):
        if not _PUBLIC_FORM.fullmatch(path) or secure or headers:
            return holds(client, path, secure, headers)
        key = (path, tuple(settings.CROSS_BORDER_PROCESSORS))
        if key not in _shown_of_the_module:
            _shown_of_the_module[key] = holds(client, path, secure, headers)
        return dict(_shown_of_the_module[key])

    monkeypatch.setattr(tests.texts, "_page_holds", page_holds)
    return texts_of_the_module


@pytest.fixture
def fast(settings):
    """Posts from one address without the rate limit's count: a test of what each input is told
    posts many."""
    settings.FORM_RATE_LIMIT = "1000/60"


@pytest.fixture
def media(settings, tmp_path):
    """The files at rest: rows in the database; and nothing on this host's disk, ever."""
    settings.MEDIA_ROOT = tmp_path
    yield StoredFiles()
    assert [p for p in tmp_path.rglob("*") if p.is_file()] == []


@pytest.fixture(scope="package")
def site(django_db_blocker, tmp_path_factory):
    """The site whose forms they fill, served once for them all: (base URL, database URL)."""
    # Six form posts from one address within a minute: more than the limit of 5 a worker
    # (test_abuse.py tests it), which failed a test whenever one worker took them all.
    env = {"FORM_MIN_FILL_SECONDS": "0", "FORM_RATE_LIMIT": "100/60"}
    with (
        django_db_blocker.unblock(),
        live_database() as url,
        gunicorn(url, tmp_path_factory.mktemp("browser"), **env) as (port, _),
    ):
        yield f"http://127.0.0.1:{port}", url


@pytest.fixture
def phone_tab(browser):
    """A tab the size of a phone's screen (390 x 844 CSS px), on the forms' browser and `site`."""
    page = open_tab(browser)
    page.set_viewport_size({"width": 390, "height": 844})
    yield page
    page.context.close()
