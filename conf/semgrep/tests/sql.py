# ruff: noqa
from django.db import connection
from django.db.models.expressions import RawSQL

from myapp.models import Person


def bad(name, table, pk):
    with connection.cursor() as cursor:
        # ruleid: emalu-sql-formatted
        cursor.execute(f"SELECT * FROM person WHERE name = '{name}'")
        # ruleid: emalu-sql-formatted
        cursor.execute("SELECT * FROM person WHERE name = '%s'" % name)
        # ruleid: emalu-sql-formatted
        cursor.execute("SELECT * FROM {} WHERE id = 1".format(table))
        # ruleid: emalu-sql-formatted
        cursor.execute("SELECT * FROM person WHERE name = '" + name + "'")
        sql = f"DELETE FROM {table}"
        # ruleid: emalu-sql-formatted
        cursor.execute(sql)
    # ruleid: emalu-sql-formatted
    Person.objects.raw(f"SELECT * FROM person WHERE id = {pk}")
    # ruleid: emalu-sql-formatted
    Person.objects.annotate(x=RawSQL("SELECT %s" % pk, []))
    # ruleid: emalu-queryset-extra
    Person.objects.extra(where=["id = 1"])


def good(name, pk):
    with connection.cursor() as cursor:
        # ok: emalu-sql-formatted
        cursor.execute("SELECT * FROM person WHERE name = %s", [name])
        sql = "SELECT 1"
        # ok: emalu-sql-formatted
        cursor.execute(sql)
    # ok: emalu-sql-formatted
    Person.objects.raw("SELECT * FROM person WHERE id = %s", [pk])
    # ok: emalu-sql-formatted
    Person.objects.annotate(x=RawSQL("SELECT %s", [pk]))
