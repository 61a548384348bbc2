# ruff: noqa
import csv
import io
from csv import DictWriter

from consent.common.spreadsheet import csv_document


def export(rows):
    out = io.StringIO()
    # ruleid: emalu-csv-through-the-one-writer
    csv.writer(out).writerows(rows)
    # ruleid: emalu-csv-through-the-one-writer
    DictWriter(out, fieldnames=["a"]).writerows(rows)
    # ok: emalu-csv-through-the-one-writer
    return csv_document(rows)
