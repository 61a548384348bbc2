"""Every connection runs as the runtime role, or not at all (emalu/db)."""

import copy

import pytest
from django.db import DatabaseError, connection

from emalu.db.base import DatabaseWrapper


@pytest.mark.django_db
def test_a_connection_that_cannot_take_the_runtime_role_is_never_used():
    """A host whose DATABASE_APP_ROLE names a role its login may not take (seen: a second host
    without the variable, the first's role named otherwise): the first query failed, and the
    next ran on the same connection as the login role itself, the owner's rights when
    DATABASE_URL is the owner's (here a superuser's). Every query must fail."""
    settings_dict = copy.deepcopy(connection.settings_dict)
    settings_dict["APP_ROLE"] = "emalu_no_such_role"
    host = DatabaseWrapper(settings_dict, alias="second_host")
    try:
        for _ in range(3):
            with pytest.raises(DatabaseError), host.cursor() as cursor:
                cursor.execute("SELECT current_user")
    finally:
        host.close()
