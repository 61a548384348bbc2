"""Personal data handed to someone outside the operator: a third party, a processor abroad, a
public source (Art. 8(4), 16; compliance L2, L16, L18).

Each act has one operation here. It asks the gate for the person first, refuses with a reason
otherwise (`TransferRefused`, nothing recorded), and writes the act's audit row. Whatever hands
the data over calls it in its own transaction, before the data leaves, so that an act and its
record stand or fall together.

Today nothing in the code hands personal data to a processor abroad, a third party or a public
source: the database, media, cache and mail relay are held to Kazakhstan by the deploy check
(`checks.check_data_location`), analytics scripts see only an anonymous cookie and load only
after the banner's accept (L19). A feature that ever does calls these operations.
"""

from collections.abc import Iterable

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from . import gate
from .audit import audit
from .models import AuditEvent, ConsentText, Subject
from .purposes import CROSS_BORDER, PURPOSES
from .texts import current_text, current_texts

Action = AuditEvent.Action


class TransferRefused(ValidationError):
    """The data stays: the reason says why (shown to staff as it is)."""


def text_names_processors(text: ConsentText | None) -> bool:
    """Whether `text` (a published cross-border text) names every processor abroad configured
    now. A form offers the cross-border box only then: consent to a text that names no one, or
    not the processor the data would go to, would cover nothing."""
    configured = set(PURPOSES[CROSS_BORDER].processors())
    return bool(configured) and text is not None and configured <= set(text.processors)


def cross_border_offered(text: ConsentText | None = None) -> bool:
    """Whether the forms ask for the cross-border consent now (compliance L2). `text`: the
    cross-border text in force now, when the caller holds it (read here otherwise)."""
    if not settings.CROSS_BORDER_PROCESSORS:
        return False  # the usual case, and no query
    return text_names_processors(text or current_text(CROSS_BORDER))


def consent_offered(purpose: str, texts: dict[str, ConsentText] | None = None) -> bool:
    """Whether a form or the self-service page asks for the consent of `purpose` now: only
    with a published text to give it to (`texts`, the current ones, when the caller holds
    them), and the cross-border one only as cross_border_offered() says (compliance L1, L2).
    An operator who sends no news publishes no marketing text: its box was offered all the
    same, beside no text, and a form sent with it ticked was a 500, as was its switch on the
    self-service page."""
    text = texts.get(purpose) if texts is not None else current_text(purpose)
    # The text just read is the one in force: not read a second time (once a form post, a page).
    return text is not None and (purpose != CROSS_BORDER or cross_border_offered(text))


def purposes_shown(
    held: Iterable[str] | None = None, texts: dict[str, ConsentText] | None = None
) -> list[str]:
    """The purposes a person sees as something to act on or ask about (the self-service page,
    the request form's list of consents to withdraw), in declaration order: every purpose but
    the banner's that is offered now (consent_offered), and those `held` names, the purposes
    the person has a consent record of, which they may still withdraw or ask about once no
    form asks for them. For an anonymous visitor (`held` None) those are the purposes with a
    published text: someone may hold a consent to it. The page listed the cross-border consent,
    with no text ever published for it and no button, and the request form offered to withdraw
    it (compliance L1, L2)."""
    texts = current_texts() if texts is None else texts
    if held is None:
        held = ConsentText.objects.exclude(published_at=None).values_list("purpose", flat=True)
    held = set(held)
    return [
        code
        for code, purpose in PURPOSES.items()
        if not purpose.banner_only and (code in held or consent_offered(code, texts))
    ]


def _fields(fields, *purposes):
    """The data items handed over: by default all that every purpose involved lists; never one
    that any of them does not list (compliance L17)."""
    allowed = set.intersection(*(set(PURPOSES[p].fields) for p in purposes))
    chosen = allowed if fields is None else set(fields)
    if not chosen or not chosen <= allowed:
        raise TransferRefused(
            _("Only data that every purpose concerned lists can be handed over: %(fields)s.")
            % {"fields": ", ".join(sorted(allowed)) or "-"}
        )
    return sorted(chosen)


def _known(purpose):
    if purpose not in PURPOSES:
        raise TransferRefused(_("Unknown purpose: %(purpose)s.") % {"purpose": purpose})
    return PURPOSES[purpose]


def _require(subject, purpose):
    """The gate for the purpose the data is handed over for; a block is named as such."""
    if gate.is_blocked(subject):
        raise TransferRefused(_("Processing of this person's data is blocked: nothing leaves."))
    if not gate.may_process(subject, purpose):
        raise TransferRefused(
            _("This person's consent for %(purpose)s does not stand: nothing leaves.")
            % {"purpose": PURPOSES[purpose].name}
        )


@transaction.atomic
def transfer_cross_border(
    subject: Subject,
    processor: str,
    *,
    purpose: str,
    actor: AbstractBaseUser | None,
    fields: Iterable[str] | None = None,
) -> AuditEvent:
    """Record that the person's data goes to `processor` abroad for `purpose`, or refuse.

    Yes only when `processor` is one of CROSS_BORDER_PROCESSORS, the gate lets both `purpose`
    and the cross-border consent process the person (not blocked, not withdrawn or expired,
    a guardian's for a minor), and the text the person consented to names the processor
    (Art. 16; compliance L2, L18). Writes the TRANSFER_CROSS_BORDER audit row (L16)."""
    if processor not in PURPOSES[CROSS_BORDER].processors():
        raise TransferRefused(
            _("%(processor)s is not one of the processors abroad in CROSS_BORDER_PROCESSORS.")
            % {"processor": processor}
        )
    _known(purpose)
    chosen = _fields(fields, purpose, CROSS_BORDER)
    _require(subject, purpose)
    if not gate.may_process(subject, CROSS_BORDER):
        raise TransferRefused(
            _("This person has not consented to cross-border transfer, or that consent does "
              "not stand: nothing goes abroad.")
        )  # fmt: skip
    given_to = gate.latest_events(subject)[CROSS_BORDER].text
    if processor not in given_to.processors:
        raise TransferRefused(
            _("The cross-border consent this person gave does not name %(processor)s: "
              "nothing goes to it before they consent to a text that does.")
            % {"processor": processor}
        )  # fmt: skip
    return audit(
        Action.TRANSFER_CROSS_BORDER, actor=actor, subject=subject, obj=given_to,
        processor=processor, purpose=purpose, fields=chosen,
    )  # fmt: skip


def _declared(recipient, recipients):
    """The declared recipient `recipient` stands for, in English (the audit row's words), or
    None. Callers pass the declaration's own (lazy) string or its text in any language."""
    for declared in recipients:
        names = set()
        for language in ("en", *(code for code, _name in settings.LANGUAGES)):
            with translation.override(language):
                names.add(str(declared))
        if str(recipient) in names:
            with translation.override("en"):
                return str(declared)
    return None


@transaction.atomic
def transfer_third_party(
    subject: Subject,
    recipient: str,
    *,
    purpose: str,
    actor: AbstractBaseUser | None,
    fields: Iterable[str] | None = None,
) -> AuditEvent:
    """Record that the person's data goes to a third party for `purpose`, or refuse: only to a
    recipient the purpose declares (and so its consent text names, Art. 8(4)(4)), while the
    gate lets `purpose` process the person. Writes the TRANSFER_THIRD_PARTY audit row (L16)."""
    declared = _declared(recipient, _known(purpose).third_parties)
    if declared is None:
        raise TransferRefused(
            _("The consent for %(purpose)s names no such recipient: nothing goes to it.")
            % {"purpose": PURPOSES[purpose].name}
        )
    chosen = _fields(fields, purpose)
    _require(subject, purpose)
    return audit(
        Action.TRANSFER_THIRD_PARTY, actor=actor, subject=subject,
        recipient=declared, purpose=purpose, fields=chosen,
    )  # fmt: skip


@transaction.atomic
def subject_publish(
    subject: Subject,
    *,
    purpose: str,
    fields: Iterable[str],
    where: str,
    actor: AbstractBaseUser | None,
) -> AuditEvent:
    """Record that some of the person's data is made public (`where`: the page or source, no
    personal data) for `purpose`, or refuse: only for a purpose declared `published` (so its
    consent text says so, Art. 8(4)(6)) while the gate lets it process the person. Writes the
    PUBLICATION audit row (L16). No purpose publishes anything today."""
    if not _known(purpose).published:
        raise TransferRefused(
            _("The consent for %(purpose)s does not cover publication: nothing is published.")
            % {"purpose": PURPOSES[purpose].name}
        )
    chosen = _fields(fields, purpose)
    _require(subject, purpose)
    return audit(
        Action.PUBLICATION, actor=actor, subject=subject, purpose=purpose, fields=chosen,
        where=where,
    )  # fmt: skip
