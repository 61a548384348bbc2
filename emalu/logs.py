"""What the logs may keep (compliance T18): no query string, and no secret of an emailed link.

The unsubscribe, newsletter and request confirmation and self-service links carry their secret
in the path; whoever reads a log must not be able to unsubscribe someone, confirm their request
or open their data with it. The segment after each of those routes is written as [token] by
gunicorn's access log (emalu/gunicorn.py), by the application's own log records (Django logs
"Bad Request: <path>" for every refused link) and, with the same pattern, by nginx
(docs/deploy/nginx.conf). tests/site/test_proxy.py holds all three to every URL with a token.
"""

import logging
import re

TOKEN_PATH = re.compile(
    r"(/(?:my-data/open|unsubscribe|newsletter/confirm|requests/confirm)/)[^/?#\s\"']+"
)


def redact(text: str) -> str:
    return TOKEN_PATH.sub(r"\1[token]", text)


class RedactTokens(logging.Filter):
    """A handler filter: the record's message with every link secret replaced."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if TOKEN_PATH.search(message):
            record.msg, record.args = redact(message), ()
        return True
