"""The secret of an emailed link in an address: the path segment after each route whose link
acts for a person (self-service, unsubscribe, newsletter, request and form-consent
confirmation), in any letter case. The one pattern the logs redact by (emalu/logline.py, which
gunicorn's master reads by its file: so this module imports the standard library alone), a
request's text is stored by (rights.tickets.ticket_create; a draft, rights.selfservice.kept_new; a
form's fields, core.submissions.submission_record; our mail once sent, core.delivery) and the
analytics stay off by (net.holds_link_secret).

A route's slashes are read as a browser and nginx read them (emalu.middleware.normal_path):
«//» or «/./» stand for one. The link so mangled is redirected to itself as mailed, and the
request as it came, «/kk/unsubscribe//<secret>/», was logged with its secret whole."""

import re

# One slash or more, with «.» segments among them; never a «..» (which leaves the route).
SLASH = r"/(?:\.?/)*"
ROUTES = (rf"/(?:my-data{SLASH}open|unsubscribe|newsletter{SLASH}confirm|requests{SLASH}confirm"
          rf"|consent{SLASH}confirm){SLASH}")  # fmt: skip
LINK_SECRET = re.compile(rf"({ROUTES})[^/?#\s\"']+", re.IGNORECASE)
# A link whose secret `redact` wrote as «[token]»: a regular expression PostgreSQL reads too
# (`__iregex`), by which a mail sent is not sent again with links that no longer work.
REDACTED = ROUTES + r"\[token\]"


def redact(text: str) -> str:
    """`text` with the secret of every emailed link in it written as «[token]»."""
    return LINK_SECRET.sub(r"\1[token]", text)
