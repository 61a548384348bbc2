"""Compliance T9: the worst photos within the checks cost a bounded amount of memory in a
worker."""

import math
import re
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from bench.peak_rss import peak_rss, stop
from bench.photos import ACCEPTED, WORST, paths
from tests.forms.photos import (
    LIVE,
    MESSAGES,
    WORKER_PEAK_MB,
    mb,
    photo_error,
    png,
    post_photo,
    workers,
)


@pytest.fixture(scope="session")
def worst_files():
    """{name: path} of bench/photos.py's files, made once for the test run (pytest-xdist workers
    share them, tests/live/database.py)."""
    from tests.live import shared

    return paths(shared.photos())


@pytest.fixture(scope="module", autouse=True)
def _measuring_interpreter():
    """peak_rss's interpreter (bench/peak_rss.py) ends with the module: it would hold ~100 MB for
    the rest of the run."""
    yield
    stop()


# The worst files within the checks (bench/photos.py); each in a process with Django set up, like
# a worker (a child forked from one interpreter that set it up). The bound: the process's own peak
# plus 150 MB (the 128 MB budget, the upload, the JPEG encoder and the allocator's slack).
COST_BOUND_MB = 150


@pytest.mark.live
@pytest.mark.parametrize("name", WORST)
def test_the_worst_files_cost_a_bounded_amount_of_memory(worst_files, name):
    result = peak_rss(worst_files[name])
    print(f"{name}: {result}")
    assert result["after_mb"] - result["before_mb"] < COST_BOUND_MB, result
    if name in ACCEPTED:
        width, height = map(int, result["outcome"].split("x"))
        assert max(width, height) == 2000
    else:
        assert result["outcome"] == "pixels"


@pytest.mark.live
def test_a_worker_out_of_memory_gets_a_form_error_and_keeps_nothing(worst_files):
    """Under a memory ceiling (emalu/gunicorn.py) that leaves less room than the worst file
    needs, the photo is refused as too large to process, before it is decoded."""
    result = peak_rss(worst_files["PNG RGB 5329x5329"], headroom_mb=64)
    assert result["outcome"] == "memory"
    assert result["after_mb"] - result["before_mb"] < 16


@pytest.mark.live
@pytest.mark.django_db
@pytest.mark.parametrize("workers_threads", [(2, 1), (1, 2)], ids=["2 workers", "2 threads"])
def test_the_worst_photo_posted_twice_at_once_leaves_every_worker_under_300_mb(
    django_db_setup, django_db_blocker, tmp_path, worst_files, workers_threads
):
    """Two sync workers take one post each; one threaded worker takes both, one at a time."""
    from tests.live import gunicorn, live_database, query

    photo = worst_files["PNG RGB 5329x5329"].read_bytes()
    count, threads = workers_threads
    with (
        django_db_blocker.unblock(),
        live_database() as url,
        gunicorn(url, tmp_path, workers=count, GUNICORN_THREADS=str(threads), **LIVE) as (
            port,
            proc,
        ),
    ):
        before = workers(proc)
        with ThreadPoolExecutor(max_workers=2) as pool:
            results = list(pool.map(lambda _: post_photo(port, photo), range(2)))
        after = workers(proc)
        assert [status for status, _ in results] == [302, 302]
        assert query(url, "SELECT count(*) FROM consent_submission WHERE photo <> ''")[0][0] == 2
        peaks = {pid: mb(s["VmHWM"]) for pid, s in after.items()}
        print(f"T9: workers {[mb(s['VmHWM']) for s in before.values()]} MB -> {peaks} MB")
        assert set(after) == set(before)  # no worker died or was replaced
        assert all(peak < WORKER_PEAK_MB for peak in peaks.values()), peaks
        for pid in after:  # the ceiling emalu/gunicorn.py sets, 384 MB unless configured
            limits = Path(f"/proc/{pid}/limits").read_text()
            assert re.search(r"Max data size\s+402653184\s+402653184 ", limits), limits


@pytest.mark.live
@pytest.mark.django_db
def test_a_worker_at_its_memory_ceiling_answers_with_a_form_error(
    django_db_setup, django_db_blocker, tmp_path, worst_files
):
    """A worker whose ceiling leaves less room than the photo needs: the visitor gets the form
    back with a kk message, nothing is stored, and the worker goes on serving."""
    from tests.live import gunicorn, live_database, query

    photo = worst_files["PNG RGB 5329x5329"].read_bytes()
    with django_db_blocker.unblock(), live_database() as url:
        with gunicorn(url, tmp_path / "a", workers=1, **LIVE) as (port, proc):
            (status,) = workers(proc).values()
            ceiling = math.ceil(mb(status["VmData"])) + 64  # room for a request, not for the photo
        with gunicorn(
            url, tmp_path / "b", workers=1, GUNICORN_WORKER_MEMORY_MB=str(ceiling), **LIVE
        ) as (port, proc):
            pids = set(workers(proc))
            status, html = post_photo(port, photo)
            assert status == 200
            assert photo_error(html) == MESSAGES["kk"]["memory"]
            assert query(url, "SELECT count(*) FROM consent_submission")[0][0] == 0
            assert post_photo(port, png())[0] == 302
            assert set(workers(proc)) == pids
        assert query(url, "SELECT count(*) FROM consent_storedfile")[0][0] == 1  # the small one
