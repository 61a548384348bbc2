"""Work whose cost must follow the length of its input, not the square of it, tested as a ratio of
CPU times taken in one process, never as a time limit: a slow or a busy machine stretches both
runs alike, so it passes or fails the test as a fast one does (the figures themselves belong in
`make bench`)."""

import time


def cpu_seconds(work):
    """(CPU seconds `work()` took in this process, what it returned)."""
    started = time.process_time()
    result = work()
    return time.process_time() - started, result


def grows_linearly(work, size, times=8):
    """What `work(size)` returns, once its CPU time was found under twice `times` that of
    `work(size // times)`: a cost that follows the length is `times` as much (less, with what
    costs the same at any length), one that follows its square is `times`² as much.

    The smaller is the best of three runs, the first of which also does what is done once in a
    process (an import, a pattern compiled, a catalogue read); the larger is run again, up to
    three times, only while it is over, so that a pause of the machine's in one run is not
    taken for the work's. `work` must make a new input each call (a new Message-ID, a new
    person), not find the last one's result."""
    small = min(cpu_seconds(lambda: work(size // times))[0] for _ in range(3))
    for _ in range(3):
        large, result = cpu_seconds(lambda: work(size))
        if large < 2 * times * small:
            return result
    raise AssertionError(
        f"{large:.3f} s of CPU at {size}, {small:.3f} s at {size // times}: "
        f"{large / small:.0f} times as much for {times} times the length"
    )
