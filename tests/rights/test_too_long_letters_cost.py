"""A letter longer than a request holds costs the intake what reading its structure costs, not a
reading of all its lines for the person's words (compliance L7: no letter holds the intake)."""

import pytest

from consent.rights.letters import read_letter
from consent.rights.quarantine import SetAside
from tests.growth import cpu_seconds

from .conftest import FROM, TEXT, raw

# Lines of 4 MB, as an attacker writes them: none quoted, so every one could be the person's.
SHAPES = {
    "lines of words": ["hello there friend"] * 200_000,
    "one line": ["hello there friend " * 200_000],
}


def set_aside_in(lines, number):
    """CPU seconds the intake took to read a letter of `lines` and find it too long."""
    letter = raw(FROM, b"Subject: hi", f"Message-ID: <long{number}@x>".encode(), TEXT,
                 body="\r\n".join(lines).encode())  # fmt: skip

    def read():
        with pytest.raises(SetAside) as aside:
            read_letter(letter)
        return aside.value.reason

    seconds, reason = cpu_seconds(read)
    assert reason == "too_long"
    return seconds


@pytest.mark.parametrize("shape", list(SHAPES))
def test_a_letter_too_long_costs_no_more_than_the_same_lines_quoted(db, shape):
    """The same lines quoted («> ») are skipped as they are read: the quote of a long thread.
    Unquoted, each was read for a sign-off and an attribution, and the whole for the person's
    words: 2 MB of lines of words took 3 s, 25 MB minutes, a line of 20 MB one minute; now the
    person's words are read only as far as a request could hold them."""
    lines = SHAPES[shape]
    # The first run also does what is done once in a process: counted in neither.
    quoted = min(set_aside_in([f"> {line}" for line in lines], n) for n in (0, 1, 2))
    unquoted = min(set_aside_in(lines, n) for n in (3, 4))
    assert unquoted < 2 * quoted + 0.05, f"{unquoted:.2f} s unquoted, {quoted:.2f} s quoted"
