"""Consent texts and policy versions: render the eight elements of Art. 8(4), publish, freeze."""

import hashlib
from datetime import datetime

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from consent.common.dates import local_date
from consent.common.i18n import localised

from .audit import audit
from .models import AuditEvent, ConsentText, PolicyVersion
from .purposes import DATA_FIELDS, PURPOSES

NAME_PLACEHOLDER = "{full_name}"


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def text_missing_elements(text: ConsentText) -> list[str]:
    """The Art. 8(4) elements this text would lack if published now (compliance L3)."""
    op = settings.OPERATOR
    purpose = PURPOSES.get(text.purpose)
    missing = []
    if not (op["name_kk"].strip() and op["name_ru"].strip()):
        missing.append(_("the operator's name"))
    if not op["bin"].strip():
        missing.append(_("the operator's BIN"))
    if purpose is None or not purpose.term_days:
        missing.append(_("the term of the consent"))
    if purpose is None or not purpose.fields:
        missing.append(_("the list of data collected"))
    if text.policy_id is None or not text.policy.is_published:
        missing.append(_("a published privacy policy version"))
    elif purpose is not None and op["bin"].strip():
        kk, ru = _render_draft(text, "kk"), _render_draft(text, "ru")
        if _untranslated(text, kk, ru):
            missing.append(_("the Kazakh and Russian translations (compile the catalogues)"))
        elif not all(name in body for name in purpose.processors() for body in (kk, ru)):
            missing.append(_("the processors abroad, named in both languages"))
    if bool(text.other_kk.strip()) != bool(text.other_ru.strip()):
        missing.append(_("the other information in both languages"))
    if purpose is not None and purpose.processors_setting and not purpose.processors():
        # A cross-border consent that names nobody abroad covers nothing (compliance L2).
        missing.append(
            _("the processors abroad it covers (set %(setting)s)")
            % {"setting": purpose.processors_setting}
        )
    return missing


def _untranslated(text, *bodies):
    """Whether a line of one of `bodies` (the kk and ru drafts) is the English one: gettext
    falls back to the English msgid, line by line, for an entry a catalogue lacks or leaves
    empty, so the text would be published with English in it (compliance L24)."""
    english = _render_draft(text, "en", other=False).splitlines()
    for body in bodies:
        lines = zip(english, body.splitlines(), strict=False)  # its own "other" lines follow
        if any(line.strip() and line == own for line, own in lines):
            return True
    return False


def render_consent(text: ConsentText, language: str, full_name: str = NAME_PLACEHOLDER) -> str:
    """The consent wording in one language: frozen body if published, else a fresh draft."""
    body = text.body(language) if text.is_published else _render_draft(text, language)
    return body.replace(NAME_PLACEHOLDER, full_name)


def _render_draft(text, language, other=True):
    op = settings.OPERATOR
    purpose = PURPOSES[text.purpose]
    with translation.override(language):
        context = {
            "operator_name": localised(op, "name", language),
            "bin": op["bin"],
            "address": localised(op, "address", language),
            "email": op["email"],
            "responsible_person": op["responsible_person"],
            "responsible_contact": op["responsible_contact"],
            "data_location": localised(op, "data_location", language),
            "purpose": purpose,
            "fields": [str(DATA_FIELDS[f]) for f in purpose.fields],
            "third_parties": [str(t) for t in purpose.third_parties],
            "cross_border": [str(c) for c in purpose.recipients_abroad()],
            "full_name": NAME_PLACEHOLDER,
            "other": localised(text, "other", language).strip() if other else "",
            "policy": text.policy,
        }
        return render_to_string("consent/consent_text.txt", context).strip() + "\n"


def text_publish(text: ConsentText, *, actor: AbstractBaseUser | None = None) -> ConsentText:
    """Freeze the wording in both languages with its hashes; refuse if an element is missing."""
    missing = text_missing_elements(text)
    if missing:
        raise ValidationError(
            _("This consent text cannot be published; it lacks: %(missing)s.")
            % {"missing": "; ".join(str(m) for m in missing)}
        )
    with transaction.atomic():
        text.body_kk = _render_draft(text, "kk")
        text.body_ru = _render_draft(text, "ru")
        text.sha256_kk, text.sha256_ru = sha256(text.body_kk), sha256(text.body_ru)
        text.processors = list(PURPOSES[text.purpose].processors())
        text.published_at = timezone.now()
        text.save()
        audit(AuditEvent.Action.TEXT_PUBLISH, actor=actor, obj=text, purpose=text.purpose)
    return text


def policy_publish(
    policy: PolicyVersion, *, actor: AbstractBaseUser | None = None
) -> PolicyVersion:
    # Compliance L24: the /kk/ and /ru/ pages each show their own text; only spaces is none.
    if not all(
        v.strip() for v in [policy.title_kk, policy.title_ru, policy.text_kk, policy.text_ru]
    ):
        raise ValidationError(_("A policy version needs its title and text in both languages."))
    with transaction.atomic():
        policy.published_at = timezone.now()
        policy.save()
        cache.delete("consent:policy-number")  # the cookie banner asks again
        audit(AuditEvent.Action.POLICY_PUBLISH, actor=actor, obj=policy, number=policy.number)
    return policy


def current_policy(at: datetime | None = None) -> PolicyVersion | None:
    """The published version in force at `at` (default now): it takes effect at midnight of
    its effective date in the site's time zone, not in UTC."""
    day = local_date(at or timezone.now())
    return (
        PolicyVersion.objects.filter(published_at__isnull=False, effective_date__lte=day)
        .order_by("-number")
        .first()
    )


def current_texts(at: datetime | None = None) -> dict[str, ConsentText]:
    """The latest published consent text of every purpose, in one query."""
    at = at or timezone.now()
    texts = {}
    for text in ConsentText.objects.filter(published_at__lte=at).select_related("policy"):
        if text.purpose not in texts or text.version > texts[text.purpose].version:
            texts[text.purpose] = text
    return texts


def current_text(purpose: str, at: datetime | None = None) -> ConsentText | None:
    """The latest published consent text of a purpose: what a form shows now."""
    at = at or timezone.now()
    return (
        ConsentText.objects.filter(purpose=purpose, published_at__lte=at)
        .select_related("policy")
        .order_by("-version")
        .first()
    )
