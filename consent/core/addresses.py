"""How two addresses are compared: the lookup `__address` (registered on every text field when
the core app is ready), the one comparison of a stored address with another
(`core.subjects.normalise_email` makes both of the one form first), and the transform
`__address_folded` with `address_folded()`, for a part of one (a prefix, a domain).

Letter case is set aside for the 26 ASCII letters only. Django's `iexact` compares UPPER() of
each side, and PostgreSQL's UPPER() maps letters of other alphabets onto them: «ı» (the dotless
i of Kazakh's Latin alphabet and Turkish) to «I», «ſ» to «S», the Kelvin sign to «K». So
«asel@maıl.kz», a domain anyone may register, was «asel@mail.kz»: its owner's newsletter
confirmation granted a consent on the other person's record, and their mail opened requests
on it. Those are other mailboxes; no mail system reads them as one.
"""

from django.db.models import CharField, Lookup, TextField, Transform

_UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_LOWER = _UPPER.lower()
_FOLD = str.maketrans(_UPPER, _LOWER)


def address_folded(text: str) -> str:
    """The text with its ASCII capitals as small letters and nothing else changed: what
    `__address_folded` makes of a stored value (Python's lower() changes other letters too)."""
    return text.translate(_FOLD)


class SameAddress(Lookup):
    """`field__address=value`: the same text, the case of ASCII letters aside."""

    lookup_name = "address"

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        fold = "TRANSLATE({}, %s, %s)"
        # UPPER() of both sides first, as `iexact` compares: it changes no answer (the same
        # text but for ASCII case is the same in capitals) and lets an index on UPPER() find
        # the rows (the outbox's, core migration 0011), which TRANSLATE() alone could not.
        sql = f"UPPER({lhs}) = UPPER({rhs}) AND {fold.format(lhs)} = {fold.format(rhs)}"
        params = [*lhs_params, *rhs_params]
        return sql, [*params, *lhs_params, _UPPER, _LOWER, *rhs_params, _UPPER, _LOWER]

    def as_sqlite(self, compiler, connection):
        # SQLite's LOWER() folds the ASCII letters alone (no ICU), and it has no TRANSLATE().
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        return f"LOWER({lhs}) = LOWER({rhs})", [*lhs_params, *rhs_params]


class AddressFolded(Transform):
    """`field__address_folded__startswith=address_folded(value)`: a part of an address compared
    as `__address` compares the whole. `istartswith` and `iendswith` compare UPPER() of both
    sides, which makes «@maıl.kz» end as «@mail.kz» does."""

    lookup_name = "address_folded"

    def as_sql(self, compiler, connection, **extra_context):
        lhs, params = compiler.compile(self.lhs)
        return f"TRANSLATE({lhs}, %s, %s)", [*params, _UPPER, _LOWER]

    def as_sqlite(self, compiler, connection, **extra_context):
        lhs, params = compiler.compile(self.lhs)  # SQLite's LOWER() folds ASCII alone
        return f"LOWER({lhs})", params


def register() -> None:
    for field in (CharField, TextField):
        field.register_lookup(SameAddress)
        field.register_lookup(AddressFolded)
