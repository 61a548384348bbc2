"""An officer's download of a person's data (the export or the consent evidence, as a PDF of a
second or more) while the person, or another officer, writes to that person. The file is made
from one read of the database with no lock held; the person's lock is taken after, only to find
them still there and not blocked and to record the download. Run as
tests/rights/test_one_person_at_a_time.py runs its cases: in a process of their own, on a copy of
the live tests' database, each with a person of its own; the file's making is held until the
write has either finished (no lock held: the fix) or waits for a lock (the fault)."""

import threading
import time

import pytest
from django.db import connection, connections, transaction

from tests.core.test_one_at_a_time import returned, run_cases, until_it_waits_for_a_lock
from tests.live import live_database
from tests.rights.test_one_person_at_a_time import _desk_download, _exported, _person_with_requests

pytestmark = [
    pytest.mark.live,
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks"),
]

DOWNLOADS = ["export.pdf", "evidence.pdf"]


def _in_thread(work, results, key, *, atomic=True):
    """`work()` in a thread, its result in results[key]: in a transaction of its own, or (the
    desk's press, as a request is served) none."""
    try:
        if not atomic:
            results[key] = work()
            return
        with transaction.atomic():
            results[key] = work()
    except BaseException as error:  # raised in the case below
        results[key] = error
    finally:
        connections.close_all()


def _while_building(what, press, write):
    """`press()` (a download of `what`: "export.pdf", "evidence.pdf" on the desk, "page.pdf" on
    the person's own page) and, once its file is being made, `write()` in a transaction of its
    own: whether the write finished while the file was made, and what each returned."""
    from consent.rights import disclosure, readable

    if what == "page.pdf":  # read by access_download when called
        where, key = readable.__dict__, "export_pdf"
    else:
        exported = what.startswith("export")
        where = disclosure.EXPORT_FORMATS if exported else disclosure.EVIDENCE_FORMATS
        key = "pdf"
    made = where[key]
    results = {"building": threading.Event()}
    writer = threading.Thread(target=_in_thread, args=(write, results, "write"))

    def slow(*args):
        body = made(*args)
        if not results["building"].is_set():
            results["building"].set()
            writer.start()
            until_it_waits_for_a_lock(writer)
            results["write_done_while_made"] = not writer.is_alive()
        return body

    where[key] = slow
    try:
        download = threading.Thread(target=_in_thread, args=(press, results, "press"),
                                    kwargs={"atomic": False})  # fmt: skip
        download.start()
        download.join(60)
        writer.join(60)
    finally:
        where[key] = made
    for key in ("press", "write"):
        if isinstance(results[key], BaseException):
            raise results[key]
    return [results["write_done_while_made"], results["press"], results["write"]]


def _page_download(person):
    """Asel's press of «download as PDF» on her own page (the session her emailed link
    makes, as test_one_person_at_a_time._on_the_page opens it): what her browser gets back."""
    from django.test import Client

    from consent.core.subjects import address_tag
    from consent.rights.selfservice import SESSION_KEY

    page = Client(raise_request_exception=False, HTTP_HOST="127.0.0.1")  # the live settings' host
    session = page.session
    session[SESSION_KEY] = {"s": person.pk, "a": address_tag(person.email),
                            "until": time.time() + 3600}  # fmt: skip
    session.save()

    def press():
        response = page.post("/kk/my-data/export/", {"format": "pdf"})
        return [response.status_code, response.get("Content-Type", "")]

    return press


def desk_blocks_while_the_page_builds():
    from consent.rights.answers import ticket_block

    person, (block,) = _person_with_requests("block", email="page.block@example.kz")
    outcome = _while_building("page.pdf", _page_download(person),
                              lambda: ticket_block(block, reason="Асел сұрады", actor=None)
                              and "done")  # fmt: skip
    return [*outcome, _exported(person)]


def desk_destroys_while_the_page_builds():
    from consent.rights.answers import ticket_destroy

    person, (destroy,) = _person_with_requests("destroy", email="page.gone@example.kz")
    outcome = _while_building("page.pdf", _page_download(person),
                              lambda: ticket_destroy(destroy, actor=None) and "done")  # fmt: skip
    return [*outcome, _exported(person)]


def switch_while_building(what):
    from django.test import RequestFactory

    from consent.core.purposes import MARKETING
    from consent.rights.selfservice import set_consent

    person, _ = _person_with_requests(email=f"switch.{what}@example.kz")
    request = RequestFactory().post("/kk/my-data/consent/")
    outcome = _while_building(what, _desk_download(f"s{what}", person, what),
                              lambda: set_consent(person, MARKETING, True, request))  # fmt: skip
    return [*outcome, _exported(person)]


def destroy_while_building(what):
    from consent.rights.answers import ticket_destroy

    person, (destroy,) = _person_with_requests("destroy", email=f"gone.{what}@example.kz")
    outcome = _while_building(what, _desk_download(f"g{what}", person, what),
                              lambda: ticket_destroy(destroy, actor=None) and "done")  # fmt: skip
    return [*outcome, _exported(person)]


def block_while_building(what):
    from consent.rights.answers import ticket_block

    person, (block,) = _person_with_requests("block", email=f"held.{what}@example.kz")
    outcome = _while_building(what, _desk_download(f"h{what}", person, what),
                              lambda: ticket_block(block, reason="Асел сұрады", actor=None)
                              and "done")  # fmt: skip
    return [*outcome, _exported(person)]


CASES = [
    *(("switch_while_building", what) for what in DOWNLOADS),
    *(("destroy_while_building", what) for what in DOWNLOADS),
    *(("block_while_building", what) for what in DOWNLOADS),
    ("desk_blocks_while_the_page_builds",),
    ("desk_destroys_while_the_page_builds",),
]


@pytest.fixture(scope="module")
def outcomes(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), live_database() as url:
        yield run_cases(url, "tests.rights.test_download_unlocked", *CASES)


@pytest.mark.parametrize("what", DOWNLOADS)
def test_the_persons_own_write_does_not_wait_for_a_download_being_made(outcomes, what):
    """Olga downloads Asel's data as a PDF while Asel switches on the news on her page. The
    download held Asel's row while the PDF was made: her switch waited for it. Now it is made
    with no lock held: the switch is saved at once, and the download is given and recorded."""
    done_meanwhile, (status, _location), switched, exported = returned(
        outcomes, "switch_while_building", what
    )
    assert done_meanwhile is True
    assert (status, switched, exported) == (200, "given", 1)


@pytest.mark.parametrize("what", DOWNLOADS)
def test_a_destruction_while_a_download_is_made_leaves_nothing_given(outcomes, what):
    """Alice destroys Asel's data while Olga's download of it is being made: the file made is
    thrown away, Olga is told the data was destroyed, and no download is recorded."""
    done_meanwhile, (status, location), _destroyed, exported = returned(
        outcomes, "destroy_while_building", what
    )
    assert done_meanwhile is True
    assert status == 302 and "/admin/consent/" in location
    assert exported == 0


@pytest.mark.parametrize("what", DOWNLOADS)
def test_a_block_while_a_download_is_made_refuses_it(outcomes, what):
    """Alice answers Asel's request to block while Olga's download is being made: it is
    refused for the block (compliance L12), nothing given, nothing recorded."""
    done_meanwhile, (status, location), _blocked, exported = returned(
        outcomes, "block_while_building", what
    )
    assert done_meanwhile is True
    assert (status, location.rstrip("/").rsplit("/", 1)[-1]) == (302, "change")
    assert exported == 0


def test_the_desk_does_not_wait_for_the_persons_own_download_being_made(outcomes):
    """Asel downloads her data as a PDF on her page while Olga answers her request to block
    it. The page held Asel's row while the PDF was made: the desk waited for it. Now the block
    is saved at once; her own data is hers to have while blocked too
    (access.stands_while_blocked), and the download's record says it was given while blocked."""
    done_meanwhile, (status, content_type), blocked, exported = returned(
        outcomes, "desk_blocks_while_the_page_builds"
    )
    assert done_meanwhile is True
    assert (status, content_type, blocked, exported) == (200, "application/pdf", "done", 1)


def test_a_destruction_while_the_persons_own_download_is_made_leaves_nothing_given(outcomes):
    """Olga destroys Asel's data while Asel's own PDF of it is being made: the file is thrown
    away, Asel is sent back to the page's start, and no download is recorded."""
    done_meanwhile, (status, _type), _destroyed, exported = returned(
        outcomes, "desk_destroys_while_the_page_builds"
    )
    assert done_meanwhile is True
    assert (status, exported) == (302, 0)
