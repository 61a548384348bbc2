"""Consent texts and policy versions: render the eight elements of Art. 8(4), publish, freeze."""

import hashlib
from collections.abc import Iterable
from datetime import datetime

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from consent.common.clock import about_now
from consent.common.dates import local_date
from consent.common.i18n import localised
from consent.common.text import written

from . import policy_checks, policydoc, routes
from .audit import audit
from .declarations import agreement_key, declared_key, offered_purposes, operator, stated_term
from .models import AuditEvent, ConsentText, PolicyVersion
from .nameless import NAME_PLACEHOLDER, name_filled, nameless_words
from .numbering import next_number, number_in_order
from .policy_schedule import schedule_forget
from .purposes import DATA_FIELDS, PURPOSES

# Where a text published since the forms name their own data lists holds that list (item 7 of
# consent_text.txt); its items are frozen beside the bodies, in `data_names`.
DATA_PLACEHOLDER = "{data}"
FILLED = (NAME_PLACEHOLDER, DATA_PLACEHOLDER)


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
    if purpose is None or not purpose.term_years:
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
    if written(text.other_kk) != written(text.other_ru):
        missing.append(_("the other information in both languages"))
    if stray := policydoc.stray_braces(text.other_kk, text.other_ru, filled=FILLED):
        fragments = ", ".join(f"«{f}»" for f in stray)
        missing.append(_("the other information without unfilled placeholders (%(fragments)s)")
                       % {"fragments": fragments})  # fmt: skip
    if purpose is not None and purpose.processors_setting and not purpose.processors():
        # A cross-border consent that names nobody abroad covers nothing (compliance L2).
        missing.append(_("the processors abroad it covers (set %(setting)s)")
                       % {"setting": purpose.processors_setting})  # fmt: skip
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
    english_names = {name for _code, name in _data_names(text.purpose, "en")}
    return any(
        name in english_names
        for lang in ("kk", "ru")
        for _code, name in _data_names(text.purpose, lang)
    )


def render_consent(
    text: ConsentText,
    language: str,
    full_name: str = NAME_PLACEHOLDER,
    fields: Iterable[str] | None = None,
) -> str:
    """The consent wording in one language: frozen body if published, else a fresh draft;
    naming, of the purpose's data, those in `fields` (what the form it is shown with collects;
    default all); a blank name, none (nameless). A text published before names all its own."""
    body = text.body(language) if text.is_published else _render_draft(text, language)
    body = body.replace(DATA_PLACEHOLDER, data_listed(text, language, data_named(text, fields)))
    return name_filled(text, language, body, full_name)


def data_listed(text: ConsentText, language: str, fields: Iterable[str]) -> str:
    """The list of data the text shows in place of DATA_PLACEHOLDER when it names `fields`: the
    names frozen with it, in `language`, comma-separated. "" for a text published before, whose
    bodies hold the list itself: what the evidence gives beside a grant's hash."""
    if text.is_published:
        names = text.data_names.get(language, [])
    else:
        names = _data_names(text.purpose, language)
    return ", ".join(name for code, name in names if code in set(fields))


def data_named(text: ConsentText, fields: Iterable[str] | None = None) -> list[str]:
    """The data items (codes) the text names when shown with a form collecting `fields`: the
    purpose's items the form collects, all of them by default. A text published before named
    its purpose's whole list, on every form (Art. 8(4)(7): what the form collects, no more)."""
    own = list(text.facts.get("fields") or PURPOSES[text.purpose].fields)
    if not text.data_names and text.is_published:
        return own
    chosen = own if fields is None else [code for code in own if code in set(fields)]
    return chosen or own


def _data_names(purpose, language):
    """[[code, name], …] of the purpose's data in `language`, frozen with a published text."""
    with translation.override(language):
        return [[code, str(DATA_FIELDS[code])] for code in PURPOSES[purpose].fields]


def _render_draft(text, language, other=True):
    purpose = PURPOSES[text.purpose]
    with translation.override(language):
        context = {
            **operator(language),
            "purpose": purpose,
            "fields": [DATA_PLACEHOLDER],
            "third_parties": [str(t) for t in purpose.third_parties],
            "cross_border": [str(c) for c in purpose.recipients_abroad()],
            "full_name": NAME_PLACEHOLDER,
            "other": localised(text, "other", language).strip() if other else "",
            "policy": text.policy,
        }
        return render_to_string("consent/consent_text.txt", context).strip() + "\n"


AGREEMENT_ELEMENTS = {
    "purpose": gettext_lazy("the purpose itself"),
    "term_years": gettext_lazy("the term"),
    "fields": gettext_lazy("the list of data"),
    "third_parties": gettext_lazy("the recipients"),
    "abroad": gettext_lazy("the processors abroad"),
}


def _differences(stated: dict | None, declared: dict) -> list[str]:
    if stated is None:
        return ["purpose"]
    differ = [] if stated_term(stated) == declared["term_years"] else ["term_years"]
    return differ + [key for key in ("fields", "third_parties", "abroad")
                     if stated.get(key) != declared[key]]  # fmt: skip


def _stated_by_text(text: ConsentText) -> dict | None:
    """What a published consent text says of its purpose: its frozen facts; for a text
    published before they were kept, the declaration now if its Kazakh body names all of it
    (term, in its wording now or as it was said before, every item of data, every recipient),
    else a marker that it differs."""
    if text.facts:
        return text.facts
    purpose = PURPOSES[text.purpose]
    with translation.override("kk"):
        terms = [str(purpose.term_text), *purpose.term_said_before]
        named = [str(n) for n in (*purpose.third_parties, *purpose.recipients_abroad())]
        named += [str(DATA_FIELDS[f]) for f in purpose.fields]
    key = agreement_key(purpose)
    if any(t in text.body_kk for t in terms) and all(n in text.body_kk for n in named):
        return key
    return {**key, "term_years": None}


def disagreement_message(number: int, purpose: str, elements: list[str]) -> str:
    return _(
        "The privacy policy version %(number)s and the consent text of «%(purpose)s» disagree "
        "on: %(elements)s."
    ) % {"number": number, "purpose": PURPOSES[purpose].name,
         "elements": ", ".join(str(AGREEMENT_ELEMENTS[e]) for e in elements)}  # fmt: skip


def text_publish(text: ConsentText, *, actor: AbstractBaseUser | None = None) -> ConsentText:
    """Freeze the wording in both languages with its hashes; refuse if an element is missing,
    or if the policy version it cites says otherwise of its purpose (issue 20)."""
    missing = text_missing_elements(text)
    if missing:
        raise ValidationError(_("This consent text cannot be published; it lacks: %(missing)s.")
                              % {"missing": "; ".join(str(m) for m in missing)})  # fmt: skip
    policy_checks.check_cited(text)
    policy_checks.check_directions(text, ["other"])
    declared = agreement_key(PURPOSES[text.purpose])
    if text.policy.facts:  # a policy written from the declarations states these facts
        differ = _differences(text.policy.facts.get(text.purpose), declared)
        if differ:
            raise ValidationError(
                disagreement_message(text.policy.number, text.purpose, differ)
                + " "
                + _("Publish a new policy version that states what the consent text says.")
            )
    with transaction.atomic():
        # The version after the purpose's last published one, given by the system.
        number_in_order(text, "version", ConsentText.objects.filter(purpose=text.purpose))
        text.body_kk = _render_draft(text, "kk")
        text.body_ru = _render_draft(text, "ru")
        text.data_names = {lang: _data_names(text.purpose, lang) for lang in ("kk", "ru")}
        text.nameless = nameless_words()
        text.sha256_kk, text.sha256_ru = sha256(text.body_kk), sha256(text.body_ru)
        text.processors = list(PURPOSES[text.purpose].processors())
        text.facts = declared
        text.published_at = timezone.now()
        text.save()
        audit(AuditEvent.Action.TEXT_PUBLISH, actor=actor, obj=text, purpose=text.purpose,
              logged=True)  # fmt: skip
    return text


def policy_render(policy: PolicyVersion, language: str) -> str:
    """The version's text in `language`: frozen once published, else its template filled in
    from the declarations now (or the text as typed, for a version without a template)."""
    template = localised(policy, "template", language)
    if policy.is_published or not template.strip():
        return localised(policy, "text", language)
    return policydoc.render_policy(template, language, policy.number)


def policy_publish(
    policy: PolicyVersion,
    *,
    reconsent: Iterable[str] = (),
    actor: AbstractBaseUser | None = None,
) -> PolicyVersion:
    """Publish a policy version. One written from a template is filled in from the
    declarations and frozen with its hashes, and each purpose gets a consent text on it at
    once, "requires consent again" for the purposes in `reconsent`. Refused when a purpose's
    current consent text says otherwise of its term, data, recipients or processors abroad and
    the officer did not ask for consent again: people consented to what that text said."""
    reconsent = set(reconsent)
    draft_number = policy.number
    try:
        with transaction.atomic():
            policy_checks.check_place(policy)
            number_in_order(policy, "number", PolicyVersion.objects.all())  # filled in below
            _publish(policy, reconsent, actor)
    except ValidationError:
        policy.number = draft_number  # refused: the draft keeps the number it was shown under
        raise
    return policy


def _publish(policy, reconsent, actor):
    templated = bool(policy.template_kk.strip() or policy.template_ru.strip())
    if templated:
        policy_checks.check_template(policy)
        policy.text_kk = policydoc.render_policy(policy.template_kk, "kk", policy.number)
        policy.text_ru = policydoc.render_policy(policy.template_ru, "ru", policy.number)
    policy_checks.check_languages(policy)
    policy_checks.check_filled(policy)
    if templated:
        policy.facts = declared_key()
        _check_agreement(policy, reconsent)
    policy.sha256_kk, policy.sha256_ru = sha256(policy.text_kk), sha256(policy.text_ru)
    policy.published_at = timezone.now()
    policy.save()
    schedule_forget()  # the cookie banner asks again, on every host, at once
    audit(AuditEvent.Action.POLICY_PUBLISH, actor=actor, obj=policy, logged=True,
          number=policy.number, reconsent=sorted(reconsent))  # fmt: skip
    if templated:
        for purpose in offered_purposes():
            _text_on(policy, purpose.code, purpose.code in reconsent, actor)


def _check_agreement(policy, reconsent):
    messages = []
    current = current_texts()
    for code, stated in policy.facts.items():  # the purposes offered now
        if code in reconsent or code not in current:
            continue
        differ = _differences(_stated_by_text(current[code]), stated)
        if differ:
            messages.append(disagreement_message(policy.number, code, differ))
    if messages:
        raise ValidationError([*messages, _("Mark these purposes as needing consent again, or "
                                            "change the declarations back.")])  # fmt: skip


def _text_on(policy, purpose, requires_reconsent, actor):
    latest = ConsentText.objects.filter(purpose=purpose).order_by("-version").first()
    text = ConsentText.objects.create(
        purpose=purpose, policy=policy,
        version=next_number(ConsentText.objects.filter(purpose=purpose), "version"),
        other_kk=latest.other_kk if latest else "", other_ru=latest.other_ru if latest else "",
        requires_reconsent=requires_reconsent,
    )  # fmt: skip
    try:  # refused on the policy's page: named, the text whose words were carried over
        text_publish(text, actor=actor)
    except ValidationError as error:
        raise ValidationError([f"{latest or text}: {m}" for m in error.messages]) from error


def current_policy(at: datetime | None = None) -> PolicyVersion | None:
    """The published version in force at `at` (default now): it takes effect at midnight of
    its effective date in the site's time zone, not in UTC, and never before it was published
    (one published at 14:00, effective that day, was not in force at 10:00)."""
    published = Q(published_at__isnull=False) if about_now(at) else Q(published_at__lte=at)
    day = local_date(at or timezone.now())
    in_force = PolicyVersion.objects.filter(published, effective_date__lte=day)
    return in_force.order_by("-number").first()


# A text in force needs of its policy version the number and dates, never its bodies (deferred).
_BODIES = ("template_kk", "template_ru", "text_kk", "text_ru", "changes_kk", "changes_ru")
_POLICY_BODIES = [f"policy__{body}" for body in _BODIES]


def current_texts(at: datetime | None = None) -> dict[str, ConsentText]:
    """The latest consent text in force of every purpose, in one query (on SQLite every one's)."""
    texts = ConsentText.objects.in_force(at or timezone.now()).select_related("policy")
    texts = texts.defer(*_POLICY_BODIES).order_by("purpose", "-version")
    if connection.features.can_distinct_on_fields:
        texts = texts.distinct("purpose")
    newest = {}
    for text in texts:
        newest.setdefault(text.purpose, text)
    return newest


def current_text(purpose: str, at: datetime | None = None) -> ConsentText | None:
    """The latest consent text in force of a purpose: what a form shows now."""
    texts = ConsentText.objects.in_force(at or timezone.now()).filter(purpose=purpose)
    return texts.select_related("policy").defer(*_POLICY_BODIES).order_by("-version").first()


def route_phrase(route: str, language: str, at: datetime | None = None) -> str:
    """The subject phrase the policy version in force gives for an email route (routes.py):
    what the marketing mails repeat and the intake's policy phrase (issue 20)."""
    policy = current_policy(at)
    return routes.phrase(route, language, policy.number if policy else None)
