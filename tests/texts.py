"""The consent texts most tests start from, published once per process and then copied."""

import json

from django.test import override_settings
from django.utils import timezone

from consent.core.audit import audit_row, audit_rows
from consent.core.declarations import agreement_key, operator, purpose_facts
from consent.core.models import AuditEvent, ConsentText
from consent.core.purposes import PURPOSES
from consent.core.texts import text_publish

# The processor abroad the tests' cross-border text names (a cross-border text names someone).
PROCESSOR = "Mailgun (USA)"


# What text_publish froze (bodies, hashes, processors, facts), by all the wording is made of.
_FROZEN = ("body_kk", "body_ru", "sha256_kk", "sha256_ru", "processors", "facts", "data_names")
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
