"""A process's start: a `manage.py` command (each job a timer runs, `release`, emalu.service's
check) and a gunicorn worker load the site with Python's cycle collector paused.

Loading the site makes some 140,000 objects that live as long as the process, and the collector,
set off by every 700 allocations, walked the ones made so far again and again while they were
made: ~0.15 of the ~0.55 CPU-seconds a start costs. Once the site is loaded they are set apart
(`gc.freeze`), so that the collections after it walk only what the process makes itself; the
cycles the start left behind (some 2,400 objects) stay with them. The standard library alone:
manage.py imports it before the settings."""

import gc


def loading():
    """The site starts loading: no cycle collection until `loaded()`."""
    gc.disable()


def loaded():
    """The site is loaded: what it made is set apart, and the collector runs again."""
    gc.freeze()
    gc.enable()
