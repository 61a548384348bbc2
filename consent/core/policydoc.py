"""A privacy policy written from the declarations (issue 20): its template is prose with
{{ placeholders }}; each is filled from declarations.py and routes.py when the version is
published, and the filled text is what is frozen and hashed. Staff text is never run as a
Django template: a placeholder is a name from the list below, nothing else.
"""

import re

from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from . import routes
from .declarations import (
    RIGHTS,
    backups,
    deadline_days,
    offered_purposes,
    operator,
    purpose_facts,
)
from .purposes import ANALYTICS, PURPOSES

PLACEHOLDER = re.compile(r"\{\{\s*(\w+)\s*\}\}")
# `backups`: where the nightly copies of the database are kept and for how long (Art. 12(2)).
BLOCKS = ("purposes", "rights", "routes", "cookies", "backups")
# A page of the site the policy sends the reader to, named by the title its page and every link
# to it carry: the policy named the request page «Ваши данные: запросы» / «Деректеріңіз:
# өтініштер», the footer's old words for it, and no page or link on the site said that.
PAGES = {"request_page": gettext_lazy("A request about your personal data")}
OPERATOR_FACTS = (
    "operator_name", "bin", "address", "email", "site", "responsible_person",
    "responsible_contact", "data_location",
)  # fmt: skip


# Each operator fact in the editor's words, and the environment variable it is read from
# (emalu/settings.py, OPERATOR; "%s" the language, KK or RU): no admin page sets one, so a
# refusal names the fact and the variable, where it said «address, responsible_person».
FACT_NAMES = {
    "operator_name": (gettext_lazy("the operator's name"), "OPERATOR_NAME_%s"),
    "bin": (gettext_lazy("the operator's BIN"), "OPERATOR_BIN"),
    "address": (gettext_lazy("the operator's address"), "OPERATOR_ADDRESS_%s"),
    "email": (gettext_lazy("the operator's email address"), "OPERATOR_EMAIL"),
    "site": (gettext_lazy("the site's address"), "OPERATOR_SITE"),
    "responsible_person": (
        gettext_lazy("the person responsible for organising the processing"),
        "RESPONSIBLE_PERSON",
    ),
    "responsible_contact": (gettext_lazy("that person's contact"), "RESPONSIBLE_CONTACT"),
    "data_location": (gettext_lazy("where the data is stored"), "DATA_LOCATION_%s"),
}


def fact_named(name: str, language: str) -> str:
    """An operator fact as a refusal names it: «the operator's address (OPERATOR_ADDRESS_KK)»."""
    label, variable = FACT_NAMES[name]
    variable = variable % language.upper() if "%s" in variable else variable
    return f"{label} ({variable})"


def drafted_facts(language: str) -> dict[str, str]:
    """The operator's facts in `language` for a draft staff send on (the notice of a breach):
    each one not set says so, and which setting sets it, in the draft's language. The notice
    read «responsible for organising the processing: , .» with no one configured."""
    with translation.override(language):
        facts = operator(language)
        return {name: facts[name].strip() or _("[not set: %(fact)s]") % {
                    "fact": fact_named(name, language)}
                for name in OPERATOR_FACTS}  # fmt: skip


# What each block is filled with, in an editor's words: the template's help lists every name a
# template may hold from here and FACT_NAMES (placeholder_help), where it named them bare and an
# editor could not tell what «{{ data_location }}» would become.
BLOCK_NAMES = {
    "purposes": gettext_lazy(
        "the purposes the site asks consent for, each with its data, legal basis, term and "
        "recipients, as the consent forms state them"
    ),
    "rights": gettext_lazy(
        "the person's rights, each with the working days in which a request is answered"
    ),
    "routes": gettext_lazy(
        "how to correct one's data, stop the news or withdraw a consent by email: the "
        "operator's email address and the subject to write for each"
    ),
    "cookies": gettext_lazy(
        "the site's cookies and the statistics services, as the cookie banner offers them"
    ),
    "backups": gettext_lazy(
        "where the backup copies of the database are kept (the same place as the data) and "
        "after how many days each is deleted (BACKUP_KEEP_DAYS)"
    ),
}


def placeholder_help(language: str) -> list[tuple[str, str]]:
    """Each placeholder a template in `language` may hold, as written, with what fills it in,
    in the language active: an operator's fact from the server's settings (no admin page sets
    one), a block written from the site's own facts, a page's title."""
    facts = [(name, _("%(fact)s: set by the site's administrator in the server's environment, "
                      "not in the administration") % {"fact": fact_named(name, language)})
             for name in OPERATOR_FACTS]  # fmt: skip
    blocks = [(name, str(BLOCK_NAMES[name])) for name in BLOCKS]
    with translation.override(language):
        titles = {name: str(title) for name, title in PAGES.items()}
    pages = [(name, _("the title of the site's page for requests about personal data: "
                      "«%(title)s»") % {"title": titles[name]})
             for name in PAGES]  # fmt: skip
    return [(f"{{{{ {name} }}}}", said) for name, said in facts + blocks + pages]


def placeholders(template: str) -> set[str]:
    return set(PLACEHOLDER.findall(template))


# What is left of a placeholder written wrongly («{{operator_name}», «{ bin }}», «{{ operator
# name }}») or typed where nothing fills it in (a version without a template, a consent text's
# other information): the prose of a policy or a consent has no braces of its own, so any brace
# left once the text is filled in would be published, and frozen, as it stands.
STRAY = re.compile(r"\{+[^{}\n]{0,40}\}*|[^{}\s]{0,40}\}+")


def stray_braces(*texts: str, filled: tuple[str, ...] = ()) -> list[str]:
    """The fragments of `texts` with a brace in them, each once, in order, but for the
    placeholders in `filled` (those the caller fills in afterwards)."""
    found = []
    for text in texts:
        for placeholder in filled:
            text = text.replace(placeholder, "")
        found += [m.group(0).strip() for m in STRAY.finditer(text)]
    return list(dict.fromkeys(found))


def unknown_placeholders(template: str) -> list[str]:
    return sorted(placeholders(template) - {*OPERATOR_FACTS, *BLOCKS, *PAGES})


def empty_facts(template: str, language: str) -> list[str]:
    """The operator facts the template uses that are not set (no policy names a blank)."""
    facts = operator(language)
    return sorted(n for n in placeholders(template) & set(OPERATOR_FACTS) if not facts[n].strip())


def _purposes_block(language):
    lines = []
    for purpose in offered_purposes():
        p = purpose_facts(purpose, language)
        lines.append(_("«%(name)s». %(description)s") % p)
        lines.append("- " + _("Personal data: %(list)s.") % {"list": ", ".join(p["fields"])})
        lines.append("- " + _("Legal basis: %(basis)s.") % p)
        lines.append("- " + _("Term: %(term)s.") % p)
        if p["third_parties"]:
            recipients = "; ".join(p["third_parties"])
            lines.append("- " + _("Recipients (third parties): %(list)s.") % {"list": recipients})
        else:
            lines.append("- " + _("Third parties receive none of these data."))
        if p["abroad"]:
            abroad = "; ".join(p["abroad"])
            lines.append("- " + _("Cross-border transfer to: %(list)s.") % {"list": abroad})
        else:
            lines.append("- " + _("No cross-border transfer."))
        if p["published"]:
            lines.append("- " + _("Publication in publicly available sources: yes."))
        else:
            lines.append("- " + _("Publication in publicly available sources: no."))
    # The ledger's proof of each consent given or withdrawn on the site (ledger._request_meta):
    # data about the person that no purpose's list names (compliance L4, L17).
    lines.append(
        _(
            "With each consent given or withdrawn on the site's pages, the operator keeps "
            "as its proof the time, the IP address and the browser it was sent from, for "
            "as long as your data are kept (Art. 25(2)(5) of the Law)."
        )
    )
    return "\n".join(lines)


def _rights_block():
    lines = []
    for kind, right in RIGHTS:
        days = deadline_days(kind)
        deadline = ngettext(
            "answered within %(days)d working day", "answered within %(days)d working days", days
        ) % {"days": days}
        lines.append(f"- {right} ({deadline}).")
    return "\n".join(lines)


def _routes_block(language, number):
    email = operator(language)["email"]
    sentences = {
        routes.CORRECT: _(
            "To update your personal data, write to %(email)s with the subject «%(phrase)s» "
            "and attach the documents that confirm the change."
        ),
        routes.UNSUBSCRIBE: _(
            "To stop receiving news and special offers, write to %(email)s with the subject "
            "«%(phrase)s», or press the unsubscribe link in any of our emails."
        ),
        routes.WITHDRAW: _(
            "To withdraw your consent to the processing of personal data, write to %(email)s "
            "with the subject «%(phrase)s»."
        ),
    }
    return "\n".join(
        "- " + sentences[r] % {"email": email, "phrase": routes.phrase(r, language, number)}
        for r in routes.ROUTES
    )


def _cookies_block(language):
    p = purpose_facts(PURPOSES[ANALYTICS], language)
    return "\n".join([
        _("The site's own technical cookies (the session, the protection of forms and your "
          "cookie choice) are needed for the site to work and hold nothing about you."),
        _("Statistics services count visits only after you accept them in the cookie banner "
          "(the purpose «%(name)s»): data: %(fields)s; services: %(abroad)s; term: %(term)s. "
          "Until you accept, and after you refuse, the site loads no statistics scripts.")
        % {"name": p["name"], "fields": ", ".join(p["fields"]),
           "abroad": "; ".join(p["abroad"]), "term": p["term"]},
    ])  # fmt: skip


def policy_context(language: str, number: int) -> dict[str, str]:
    """Every placeholder's text in `language` for policy version `number`."""
    with translation.override(language):
        return {
            **operator(language),
            "purposes": _purposes_block(language),
            "rights": _rights_block(),
            "routes": _routes_block(language, number),
            "cookies": _cookies_block(language),
            "backups": backups(language)["said"],
            **{name: str(title) for name, title in PAGES.items()},
        }


def render_policy(template: str, language: str, number: int) -> str:
    """The template with every placeholder filled. An unknown one stays as typed: a draft's
    preview and the difference between versions show it where the editor wrote it, and
    publishing refuses it (policy_checks.check_template)."""
    context = policy_context(language, number)
    return PLACEHOLDER.sub(lambda m: context.get(m.group(1), m.group(0)), template)
