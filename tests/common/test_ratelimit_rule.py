"""One rule for a rate ("N/seconds"): the value the settings start with is the value every
request can count with."""

import pytest

from consent.common.ratelimit import parse_rate


def test_a_rate_is_a_count_per_seconds():
    assert parse_rate("5/60") == (5, 60)
    assert parse_rate("0/1") == (0, 1)


@pytest.mark.parametrize("rate", ["5/0", " 5/60", "5/60 ", "+5/60", "5/6_0", "٥/60", "5", "5/60/2"])
def test_anything_else_is_refused_where_it_is_read(rate):
    """int() takes spaces, signs, underscores and other scripts' digits, and a window of 0
    seconds divides by zero on the first post; the settings refuse these at start by this rule."""
    with pytest.raises(ValueError):
        parse_rate(rate)
