#!/usr/bin/env python
import os
import sys
from importlib import import_module

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "emalu.settings")
    from django.core.exceptions import ImproperlyConfigured
    from django.core.management import execute_from_command_line
    from django.core.management.base import CommandParser, handle_default_options

    # The settings read the environment (/etc/emalu/env): a variable missing or malformed stops
    # every command (release, the timers' jobs, emalu.service's check) with the one line that
    # names it (emalu/env.py), not a traceback through Django's start-up that buries it. The
    # settings module is the one Django would load: --settings as Django reads it, first.
    parser = CommandParser(add_help=False, allow_abbrev=False)
    parser.add_argument("--settings")
    parser.add_argument("--pythonpath")
    handle_default_options(parser.parse_known_args(sys.argv[2:])[0])
    try:
        import_module(os.environ["DJANGO_SETTINGS_MODULE"])
    except ImproperlyConfigured as error:
        sys.exit(f"{error}")
    execute_from_command_line(sys.argv)
