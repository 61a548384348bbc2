"""The List-Unsubscribe fields (RFC 2369, RFC 8058) as a mail server must receive them: the URLs
in angle brackets, as written.

Python's email package (Django builds every message with it) folds a header line at 78
characters, and a word longer than that it cannot break it writes as RFC 2047 encoded words:
the one-click link with its token is such a word, and the field went out as
«=?utf-8?q?=3Chttps=3A//…?=», which no mail client reads as a URL (no unsubscribe button, no
one-click POST). Encoded words are not allowed in these fields anyway; a line may hold 998
characters (RFC 5322 2.1.1), and ours, ASCII by construction (mailing.py::list_headers), are far
shorter. So these fields are written on one line, as Message-ID already is by the package."""

from email import headerregistry, policy

FIELDS = ("list-unsubscribe", "list-unsubscribe-post")


class OneLineHeader(headerregistry.UnstructuredHeader):
    """A field written as given, unfolded and unencoded."""

    def fold(self, *, policy):
        return f"{self.name}: {self}{policy.linesep}"


def register() -> None:
    """Map the fields to OneLineHeader in the registry that email.policy.default and every
    policy cloned from it (SMTP, which Django's SMTP backend writes with) share."""
    for name in FIELDS:
        policy.default.header_factory.map_to_type(name, OneLineHeader)
