"""A web host whose DATABASE_URL logs in as the tables' owner or a superuser (README, Deploying,
step 3 names the runtime role, emalu_app) ran silently: its requests SET ROLE to the runtime
role, but any of them could RESET ROLE back, and the ledger's and the audit log's append-only
guarantee rested on the triggers alone, which the owner may drop (docs/architecture.md, "The
ledger and the audit log"). emalu.service's `check --deploy` stops the start now, naming it;
`release`, which must be the owner to migrate, does not ask (RELEASING)."""

from django.conf import settings
from django.core.checks import Warning as CheckWarning

from consent.common.checks import database_check
from emalu.checks import RELEASING


@database_check(deploy=True)
def check_login_role(app_configs, **kwargs):
    from django.db import connection

    from emalu.db.login import login_too_strong

    if settings.DEBUG or RELEASING.get():
        return []
    what = login_too_strong(connection)
    if not what:
        return []
    login = settings.DATABASES["default"].get("USER")
    if what == "rewrites":
        from emalu.db.login import runtime_rewrites

        role = settings.DATABASES["default"].get("APP_ROLE")
        return [
            CheckWarning(
                f"DATABASE_APP_ROLE {role}, the role requests run as, may UPDATE, DELETE or "
                f"TRUNCATE {', '.join(runtime_rewrites(connection))}: the consent ledger and the "
                "audit log would be append-only only as long as their triggers stand.",
                hint="Name in DATABASE_APP_ROLE the runtime role `release` gave its rights "
                "(emalu_app), the same in every host's /etc/emalu/env and in release's (README, "
                "Deploying, step 3), then run `release` again.",
                id="emalu.W009",
            )
        ]
    what = "a superuser" if what == "superuser" else "which owns the site's tables"
    return [
        CheckWarning(
            f"DATABASE_URL logs in as {login}, {what}: a request may RESET ROLE from the runtime "
            "role back to it, and the consent ledger and the audit log are append-only only "
            "as long as no one drops their triggers.",
            hint="On the web hosts, log in as the runtime role (DATABASE_URL=postgres://"
            "emalu_app:…; README, Deploying, steps 2 and 3); give the owner's URL to `release` "
            "alone (step 4).",
            id="emalu.W009",
        )
    ]
