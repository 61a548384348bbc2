"""What this process serves, for the statement timeout its connections take (emalu/db/base.py):
a web request's (DATABASE_STATEMENT_TIMEOUT), unless it runs a command. Apart from the backend,
so that manage.py can say so on the demo's SQLite too, where psycopg is never imported."""

timeout_setting = "STATEMENT_TIMEOUT"


def commands_run_here() -> None:
    """Called by manage.py: this process runs a job, `release` or `migrate`, which may take
    longer than a page may hold a worker (DATABASE_JOB_STATEMENT_TIMEOUT)."""
    global timeout_setting
    timeout_setting = "JOB_STATEMENT_TIMEOUT"
