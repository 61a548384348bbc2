from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from emalu.checks import RELEASING
from emalu.db.login import strong_logins_connected

# Each step is safe to run again: after a failure, fix its cause and run `release` again.
# The database is changed last of all: a setting check --deploy refuses (a proxy not trusted, a
# data host not listed), a catalogue that does not compile or a static file that cannot be
# collected stops the release before `migrate` has changed the schema the running site uses.
STEPS = [
    ("check --deploy", ["check", "--deploy", "--fail-level", "WARNING"]),
    ("compilemessages", ["compilemessages", "--ignore=.venv", "--ignore=var"]),
    ("collectstatic", ["collectstatic", "--no-input"]),
    ("migrate", ["migrate", "--no-input"]),  # as the database owner (emalu's migrate)
    ("encrypt_photos", ["encrypt_photos"]),  # files under the first MEDIA_ENCRYPTION_KEY
]


class Command(BaseCommand):
    help = (
        "Release the code in this directory, with the owner's DATABASE_URL: check --deploy "
        "--fail-level WARNING, compilemessages, collectstatic, migrate and encrypt_photos, "
        "stopping at the first step that fails. Then reload the site on every host (README)."
    )

    def handle(self, *args, **options):
        database = settings.DATABASES["default"]
        if database.get("APP_ROLE") and database.get("USER") == database["APP_ROLE"]:
            # /etc/emalu/env alone: `migrate` would fail at step 4 on a permission, or do nothing
            # and leave a schema the new code needs unmade.
            raise CommandError(
                f"release stopped before step 1: DATABASE_URL logs in as {database['USER']}, the "
                "runtime role, which may not change the schema. Run it with the owner's "
                "DATABASE_URL (README, Deploying, step 4). Nothing was run."
            )
        verbosity = str(options["verbosity"])
        first = False
        for number, (name, command) in enumerate(STEPS, 1):
            self.stdout.write(f"[{number}/{len(STEPS)}] {name}")
            # Asked once the database answered (step 1 checks it), before any step migrates.
            first = first or (number == 2 and _first_install())
            try:
                # Its own check --deploy does not ask for the migrations it applies at step 4.
                token = RELEASING.set(True)
                try:
                    # The streams under this command's wrappers: a step's own wrapper ends its
                    # lines, and a second one around it broke «Applying … OK» in two.
                    call_command(*command, "-v", verbosity, stdout=self.stdout._out,
                                 stderr=self.stderr._out)  # fmt: skip
                finally:
                    RELEASING.reset(token)
            except (Exception, SystemExit) as e:
                later = ", ".join(n for n, _c in STEPS[number:]) or "nothing"
                error, kind = str(e), type(e).__name__
                error = error if error.startswith(kind) else f"{kind}: {error}"
                raise CommandError(
                    f"release stopped at step {number} ({name}): {error}\n"
                    f"Not run: {later}. Fix the cause and run `manage.py release` again."
                ) from e
        self._warn_strong_logins()
        if first:
            # It said to reload the site on every host, where a first install has no site
            # running yet: `systemctl reload emalu` answered «Unit emalu.service not found».
            self.stdout.write(self.style.SUCCESS(
                "released, a first install: now the first staff member (README, Deploying, step "
                "5), then copy and enable the systemd units, which start the site (step 6); a "
                "second host takes `manage.py compilemessages --ignore=.venv` and `manage.py "
                "collectstatic --no-input` instead (Adding a host)"
            ))  # fmt: skip
            return
        # It said «restart the site and the timers' units», where the README says a reload (a
        # restart drops the requests being served) and a timer's job starts anew each run.
        self.stdout.write(self.style.SUCCESS(
            "released: on each other host `manage.py compilemessages --ignore=.venv` and "
            "`manage.py collectstatic --no-input`, then `systemctl reload emalu` on every host "
            "(README, Deploying, step 9); the timers' jobs take the new code at their next run"
        ))  # fmt: skip

    def _warn_strong_logins(self):
        """Say ahead which running processes log in as the owner or a superuser. `release`,
        itself the owner, passes emalu.W009 by; a host whose /etc/emalu/env names the owner's
        URL (one URL for everything, as an install before the check had) went on serving after
        the upgrade's reload and did not start at its next restart, a reboot perhaps, with
        nothing said before."""
        if "emalu.W009" in settings.SILENCED_SYSTEM_CHECKS:
            return
        from django.db import DatabaseError, connection

        try:
            found = strong_logins_connected(connection)
        except DatabaseError:
            return
        for login, kind, sessions in found:
            what = "a superuser" if kind == "superuser" else "the owner of the site's tables"
            self.stderr.write(
                f"WARNING: {sessions} other connection(s) to this database log in as "
                f"{login}, {what}: a web host's or a timer's DATABASE_URL (or another release "
                "or console). A reload keeps such a host serving, but at its next start (a "
                "restart, a reboot) check --deploy stops it (emalu.W009). Before restarting "
                "any host, make its /etc/emalu/env's DATABASE_URL log in as the runtime role "
                '(README, Deploying, step 9, "A host logging in as the owner").'
            )


def _first_install() -> bool:
    """Whether no host has served this database yet: it holds no migration, or no host noted
    its keys (each serving host does, once a minute: consent/core/keys.py). `release` run again
    on a first install (README step 2's GRANT missing stopped the first at encrypt_photos) found
    the schema made and told the operator to reload the site on every host, where none ran."""
    from django.db import DatabaseError, connection
    from django.db.migrations.recorder import MigrationRecorder

    from consent.core.models import KeySeen

    try:
        return not MigrationRecorder(connection).has_table() or not KeySeen.objects.exists()
    except DatabaseError:
        return False
