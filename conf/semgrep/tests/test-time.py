import time

from tests.growth import cpu_seconds, grows_linearly


def a_limit_on_the_clock(make):
    started = time.process_time()
    make()
    # ruleid: emalu-test-time-limit
    assert time.process_time() - started < 3


def a_limit_kept_in_a_name(make):
    started = time.perf_counter()
    make()
    elapsed = time.perf_counter() - started
    # ruleid: emalu-test-time-limit
    assert elapsed < 1


def a_ratio_of_cpu_times(make):
    # ok: emalu-test-time-limit
    assert grows_linearly(make, 10_000) == []


def a_comparison_in_one_process(make, reference):
    made, _ = cpu_seconds(make)
    by_reference, _ = cpu_seconds(reference)
    # ok: emalu-test-time-limit
    assert made < by_reference / 3


def a_token_aged_by_the_clock(sign):
    token = sign(time.time() - 10)
    # ok: emalu-test-time-limit
    assert token


def a_deadline_still_ahead(link):
    # ok: emalu-test-time-limit
    assert link.expires_at > time.time()
