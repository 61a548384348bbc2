"""What a person's own self-service page shows (forms_app/my_data.py): their data, each
purpose's state and switch, their open requests; the page's actions are selfservice.py's."""

from typing import Any

from django.utils import translation

from consent.core import digests, gate
from consent.core.guardians import parents_waiting, wards_at
from consent.core.models import ConsentText, Subject
from consent.core.phones import phone_shown
from consent.core.purposes import PURPOSES
from consent.core.texts import current_texts, render_consent
from consent.core.transfers import consent_offered, purposes_shown

from .deadlines import deadline_days
from .models import Ticket
from .selfservice import OPTIONAL


def overview(subject: Subject, *, blocked: bool | None = None) -> dict[str, Any]:
    """What the page shows: data, each purpose's state, open requests. `blocked`: whether
    processing is blocked, when the caller has read it already (the page's request form)."""
    latest = gate.latest_events(subject)
    minor = gate.needs_guardian(subject)
    # While blocked the gate says no to every purpose; a consent still stands (the block ends
    # none), and is shown as given, paused, with its withdrawal (gate.consent_stands). None is
    # given here while blocked (set_consent).
    blocked = gate.is_blocked(subject) if blocked is None else blocked
    # A grant a later text asked consent again for: given, but to be given again (gate rule 3).
    asked_again = gate.asked_again_since(latest)
    purposes = []
    texts, language = current_texts(), translation.get_language() or "kk"
    # What the forms ask for now, and what the person has a record of (transfers.purposes_shown).
    for code in purposes_shown(held=latest, texts=texts):
        entry = latest.get(code)
        active = gate.consent_stands(subject, code)
        offered = consent_offered(code, texts)
        purposes.append({
            "code": code, "purpose": PURPOSES[code], "entry": entry, "active": active,
            "asked_again": None if active else asked_again.get(code),
            "expired": not active and gate.ended_by_term(entry),
            # A switch: withdraw what is given; give only what the forms would ask for now, and
            # not while blocked.
            "optional": code in OPTIONAL and (active or (offered and not blocked)),
            # A consent the page has no switch for (the service's: a withdrawal may be refused,
            # Art. 8(2), so staff answer it): the row said «given» and nothing else, and the
            # page's requests offered no withdrawal. It says which request withdraws it.
            "by_request": active and code not in OPTIONAL,
            # Only a guardian can make this consent stand (gate rule 4): say so, offer no switch.
            "needs_guardian": not active and minor,
            # A record of a consent no form asks for any more, and nothing left to withdraw.
            "no_longer_asked": not offered and not active,
            # What «give» agrees to, as the ledger will hash it (set_consent): shown beside it.
            "text": render_consent(texts[code], language, subject.full_name)
            if offered and not active and code in OPTIONAL else "",
            # Posted back with «give»: the words beside it (words_shown, below).
            "text_id": words_shown(subject, texts[code], language) if code in texts else None,
        })  # fmt: skip
    return {"subject": subject, "phone": phone_shown(subject.phone), "purposes": purposes,
            "withdraw_days": deadline_days(Ticket.Type.WITHDRAW),
            "tickets": subject.tickets.open(), "blocked": blocked,
            # A parent or guardian too: the consents of their children under 18 (wards.py).
            "acts_for_children": bool(wards_at(subject.email)),
            # A parent a form named under another address, who acts for the person once they
            # confirm it here (Guardian.pending, Guardian.acts; compliance L6).
            "parents_waiting": parents_waiting(subject)}  # fmt: skip


def words_shown(subject: Subject, text: ConsentText, language: str) -> str:
    """«<text id>:<digest>» of the words the page shows beside a «give» (render_consent, under
    the person's name, in the page's language), posted back with it: the consent is recorded
    to those words or not at all (compliance L1), whatever was published or corrected since."""
    return digests.words_shown(text, language, subject.full_name)
