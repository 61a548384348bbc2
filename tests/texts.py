"""The consent texts most tests start from, published once per process and then copied."""

import copy
import json
import re
from urllib.parse import urlsplit

import pytest
from django.test import Client, override_settings
from django.urls import Resolver404, resolve
from django.utils import timezone, translation

from consent.cookies.banner import analytics_services
from consent.cookies.wording import SHOWN_FIELD, wording_digest
from consent.core.audit import audit_row, audit_rows
from consent.core.declarations import agreement_key, operator, purpose_facts
from consent.core.models import AuditEvent, ConsentText
from consent.core.purposes import PURPOSES
from consent.core.texts import current_texts, text_publish
from forms_app.views import FORMS

# The processor abroad the tests' cross-border text names (a cross-border text names someone).
PROCESSOR = "Mailgun (USA)"


# What text_publish froze (bodies, hashes, processors, facts), by all the wording is made of.
_FROZEN = ("body_kk", "body_ru", "sha256_kk", "sha256_ru", "processors", "facts", "data_names",
           "nameless")  # fmt: skip
_published = {}


def _wording_inputs(policy):
    """Everything a consent text's wording and its checks are made from: the operator's facts,
    each purpose's declaration in both languages and its processors abroad, and the policy."""
    return json.dumps(
        [
            [operator(language) for language in ("kk", "ru")],
            [[purpose_facts(p, language) for language in ("kk", "ru")] + [agreement_key(p)]
             for p in PURPOSES.values()],
            [policy.pk, policy.number, policy.facts, str(policy.published_at)],
        ],
        sort_keys=True,
        default=str,
    )  # fmt: skip


def texts_publish(policy):
    """Version 1 of every purpose's consent text, published; the cross-border one names
    PROCESSOR, though the forms offer it only while CROSS_BORDER_PROCESSORS lists PROCESSOR.

    The first time in a process for the same wording inputs, through text_publish; after that
    the rows it made are inserted again with their audit rows, two statements instead of some
    twenty and twenty template renderings (1,200 tests use these texts). Publication itself is
    tested in tests/core/test_texts.py."""
    with override_settings(CROSS_BORDER_PROCESSORS=[PROCESSOR]):
        inputs = _wording_inputs(policy)
        if inputs not in _published:
            texts = {
                code: text_publish(
                    ConsentText.objects.create(purpose=code, version=1, policy=policy)
                )
                for code in PURPOSES
            }
            _published[inputs] = {
                code: {field: getattr(text, field) for field in _FROZEN}
                for code, text in texts.items()
            }
            return texts
    now = timezone.now()
    texts = ConsentText.objects.bulk_create(
        ConsentText(purpose=code, version=1, policy=policy, published_at=now, **frozen)
        for code, frozen in _published[inputs].items()
    )
    audit_rows([audit_row(AuditEvent.Action.TEXT_PUBLISH, obj=t, purpose=t.purpose) for t in texts])
    return {text.purpose: text for text in texts}


class _AsShown(str):
    """AS_SHOWN's type: a value no page posts, refused as malformed if it were ever sent."""


# What a test posts for the hidden field a page sends with a consent's box or button
# (`texts_shown`, the self-service page's `shown_<purpose>`): which words the page showed. A
# browser sends the page's own value; the test client sends only what it is given, so a post
# holding AS_SHOWN is sent with the value the page at its address holds when it is posted
# (`as_shown`, by the `posts_as_shown` fixture), or without the field where that page holds none.
AS_SHOWN = _AsShown("as shown on the page")
SHOWN = {"texts_shown": AS_SHOWN}
# The cookie banner's: the SHA-256 of its words (consent.cookies.wording.SHOWN_FIELD).
BANNER_SHOWN = {SHOWN_FIELD: AS_SHOWN}
_HIDDEN = re.compile(r'<input type="hidden" name="(texts_shown|shown_\w+)" value="([^"]*)"')


def _page_holds(client, path, secure, headers):
    """{name: value} of the hidden fields of words shown that the page at `path` holds: a
    public form's computed as its page computes them (PublicForm.texts_shown, in the
    address's language; no request, no log line), any other page's read from it (a page an
    action redirects its GET to, for the self-service page's buttons)."""
    # The address's language, active while it is resolved too: the URLs under /ru/ resolve
    # only with Russian active.
    with translation.override(translation.get_language_from_path(path) or "kk"):
        try:
            match = resolve(urlsplit(path).path)
        except Resolver404:
            match = None
        if match is not None and match.func.__name__ == "public_form":
            form_class = FORMS[match.kwargs["kind"]][0]
            texts = current_texts()
            if form_class.required_purpose not in texts:
                return {}
            return {"texts_shown": form_class(texts=texts).texts_shown()}
    cookies = copy.deepcopy(client.cookies)  # the GET sets none the post then carries
    page = client.get(path, follow=True, secure=secure, headers=headers).content.decode()
    client.cookies = cookies
    return dict(_HIDDEN.findall(page))


def as_shown(client, path, data, secure=False, headers=None):
    """`data` with each AS_SHOWN value replaced by the one the page at `path` posts, as a
    browser would."""
    wanted = {name for name, value in data.items() if value is AS_SHOWN}
    held = _page_holds(client, path, secure, headers) if wanted - {SHOWN_FIELD} else {}
    if SHOWN_FIELD in wanted:
        # The banner's words, in the language of the page it was answered on: the one its form
        # names (`next`), or the page whose own form carries the answer (wording.answered_language).
        page = data.get("next") or path
        language = translation.get_language_from_path(page) or "kk"
        held[SHOWN_FIELD] = wording_digest(language, analytics_services())
    posted = {name: value for name, value in data.items() if value is not AS_SHOWN}
    return posted | {name: held[name] for name, value in data.items()
                     if value is AS_SHOWN and name in held}  # fmt: skip


@pytest.fixture(autouse=True)
def posts_as_shown(monkeypatch):
    """A post of the test client holding AS_SHOWN is sent with what the page at its address
    holds there, as the browser showing that page sends it (tests/conftest.py uses it)."""
    post = Client.post

    def post_as_shown(self, path, data=None, *args, **kwargs):
        if isinstance(data, dict) and any(value is AS_SHOWN for value in data.values()):
            data = as_shown(self, path, data, kwargs.get("secure", False), kwargs.get("headers"))
        return post(self, path, data, *args, **kwargs)

    monkeypatch.setattr(Client, "post", post_as_shown)
