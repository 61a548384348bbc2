"""Mail domains that cannot exist, told from the address alone: no DNS lookup in a request (it
would hang a form on a slow resolver and tell a stranger which domains we can reach).

An address at a name set aside for examples and tests (RFC 2606, 6761, 6762, 7686, 9476, ICANN's
«.internal»; the second-level «example.com», «example.net», «example.org» and any name under
them, RFC 2606 section 3, whose endings are delegated) or ending in no top-level domain ICANN
has delegated («gmail.con») passed every check:
the acknowledgement and the confirmation link were queued to a mailbox that cannot be, the
person never heard back, and the record held an address nobody can be found by. A domain that
exists but is misspelt («gmial.com») is somebody's, and cannot be told from the address: it
passes here, and a visitor's form suggests the common host it is one slip from
(near_miss), which they may decline. The list is `top_level_domains.txt`
(scripts/top-level-domains writes it)."""

from functools import cache
from pathlib import Path

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Never delegated for mail: examples and tests, this computer, a local network, Tor, DNS's own.
SET_ASIDE = frozenset(
    ["test", "example", "invalid", "localhost", "local", "onion", "alt", "internal", "arpa"]
)
# The same, one level down, under endings that are delegated: «example.kz» is somebody's domain.
SET_ASIDE_NAMES = frozenset(["example.com", "example.net", "example.org"])
# Where most of our visitors read their mail: an ending no domain has, typed at one of these,
# is answered with the address they meant.
COMMON = [
    "mail.ru", "mail.kz", "gmail.com", "yandex.ru", "yandex.kz", "ya.ru", "inbox.ru", "list.ru",
    "bk.ru", "internet.ru", "rambler.ru", "icloud.com", "outlook.com", "hotmail.com", "yahoo.com",
]  # fmt: skip
_NAMES = frozenset(common.split(".")[0] for common in COMMON)
# Mail services in their own right one slip from a common host: never told they meant it.
OWN_RIGHT = frozenset([
    "mail.com", "email.com", "ymail.com", "gmx.com", "mail.kg", "mail.uz", "mail.az",
    "yandex.uz", "yandex.az", "yandex.kg", "yandex.eu", "inbox.eu", "inbox.lv",
])  # fmt: skip
# The endings most of our visitors' addresses have: «gmail-com» is gmail.com with a hyphen for
# the dot, «my-firm» is a host with no ending.
USUAL_ENDINGS = frozenset(["kz", "ru", "com", "net", "org"])


@cache
def top_level_domains() -> frozenset[str]:
    """Every top-level domain in use, in its Unicode form («kz», «қаз»), less the set-aside ones."""
    lines = (Path(__file__).with_name("top_level_domains.txt")).read_text("utf-8").splitlines()
    return frozenset(line for line in lines if line and not line.startswith("#")) - SET_ASIDE


def check_domain(local: str, domain: str) -> None:
    """Refuse `domain` (an address's, in its Unicode form, already a well-formed host name) when
    no mail can reach it, saying why in the visitor's language and, for a common one mistyped,
    which address was meant."""
    ending = domain.rsplit(".", 1)[-1]
    if ending in SET_ASIDE or _under(domain, SET_ASIDE_NAMES):
        raise ValidationError(
            _("«%(domain)s» is a name set aside for examples and tests: no mail reaches an "
              "address there. Enter the address you read your mail at."),
            code="set_aside",
            params={"domain": domain},
        )  # fmt: skip
    if ending in top_level_domains():
        return
    meant = _meant(domain)
    if meant:
        raise ValidationError(
            _("No address ends in «.%(ending)s». Did you mean %(address)s?"),
            code="no_such_ending",
            params={"ending": ending, "address": f"{local}@{meant}"},
        )
    raise ValidationError(
        _("No address ends in «.%(ending)s»: check what comes after the last dot (as in .kz, "
          ".ru or .com)."),
        code="no_such_ending",
        params={"ending": ending},
    )  # fmt: skip


def check_ending(local: str, domain: str) -> None:
    """Refuse an address whose host is one label, with no dot («asel@mail», «asel@gmail»: the
    ending left off, as people say an address aloud), naming what is missing and, for a common
    host, the address meant. It was told to leave out spaces, quotes, commas and brackets, none
    of which it had. A name set aside (localhost) is left to the general message."""
    if domain.lower() in SET_ASIDE:
        return
    host, hyphen, ending = domain.lower().rpartition("-")
    if hyphen and host and ending in USUAL_ENDINGS:  # «asel@gmail-com»: a hyphen for the dot
        raise ValidationError(
            _("The address has a hyphen (-) where the dot before «%(ending)s» belongs. Did you "
              "mean %(address)s?"),
            code="hyphen_for_dot",
            params={"ending": ending, "address": f"{local}@{host}.{ending}"},
        )  # fmt: skip
    meant = [common for common in COMMON if common.split(".")[0] == domain.lower()]
    if len(meant) == 1:
        raise ValidationError(
            _("The address has no ending after «@%(domain)s». Did you mean %(address)s?"),
            code="no_ending",
            params={"domain": domain, "address": f"{local}@{meant[0]}"},
        )
    raise ValidationError(
        _("The address has no ending after «@%(domain)s»: add the dot and what follows it (as "
          "in .kz, .ru or .com)."),
        code="no_ending",
        params={"domain": domain},
    )  # fmt: skip


def near_miss(domain: str) -> str | None:
    """The common host `domain` (an address's, in its Unicode form, with a delegated ending) is
    one typing slip from («gmial.com», «gmail.co», «yandx.ru»: a letter added, left out,
    changed or swapped with the next), when it is one slip from no other; None for a common
    host itself, for a service in its own right (OWN_RIGHT), and for a common host's name with
    another's ending. A host whose name has fewer than four letters is never meant: every such
    name under .ru is somebody's («vk.ru», «ok.ru» one letter from «bk.ru»).

    Such a domain may exist (it is somebody's), so this is a suggestion the visitor may
    decline, not a refusal (forms_app/address_typos.py), unlike check_domain's."""
    domain = domain.lower()
    if domain in OWN_RIGHT or domain in COMMON:
        return None
    near = [c for c in COMMON if len(c.split(".")[0]) >= 4 and abs(len(c) - len(domain)) <= 1
            and _slips(domain, c) == 1]  # fmt: skip
    name = domain.split(".")[0]
    if len(near) != 1 or (name in _NAMES and near[0].split(".")[0] != name):
        return None  # «gmail.kz»: gmail.com with another ending as much as mail.kz with a g
    return near[0]


def _under(domain: str, names: frozenset[str]) -> bool:
    """Whether `domain` is one of `names` or a name under one («mail.example.com»)."""
    labels = domain.split(".")
    return any(".".join(labels[i:]) in names for i in range(len(labels) - 1))


def _meant(domain: str) -> str | None:
    """The one common domain at most two typing slips from `domain`, and nearer than any other."""
    distances = sorted(
        (_slips(domain, common) if abs(len(domain) - len(common)) <= 2 else 3, common)
        for common in COMMON
    )
    (best, meant), (second, _other) = distances[0], distances[1]
    return meant if best <= 2 and best < second else None


def _slips(typed: str, meant: str) -> int:
    """Letters added, left out, changed or swapped with the next one (optimal string alignment)."""
    before, row = None, list(range(len(meant) + 1))
    for i, a in enumerate(typed, 1):
        current = [i]
        for j, b in enumerate(meant, 1):
            cost = min(row[j] + 1, current[j - 1] + 1, row[j - 1] + (a != b))
            if before is not None and i > 1 and j > 1 and a == meant[j - 2] and typed[i - 2] == b:
                cost = min(cost, before[j - 2] + 1)
            current.append(cost)
        before, row = row, current
    return row[-1]
