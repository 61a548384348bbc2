"""How an upload too large to keep in memory is received: Django's temporary file, named after the
file name the client sent."""

import os

from django.core.files.uploadhandler import TemporaryFileUploadHandler

# An extension longer than this is not one (the site takes .jpeg, .png, .webp): dropped.
EXTENSION_MAX = 10


def short_name(name):
    """`name` with its extension kept only if it is short ASCII letters and digits. Django names
    the temporary file «tmpXXXX.upload» + the extension of the name sent, and a name such as
    «a.» + 200 emoji gave a path longer than the file system allows (OSError: a 500). The name
    itself is no file name here: nothing stores it or shows it."""
    base, ext = os.path.splitext(name)
    letters = ext[1:]
    if letters.isascii() and letters.isalnum() and len(letters) <= EXTENSION_MAX:
        return name
    return base


class ShortNameUploadHandler(TemporaryFileUploadHandler):
    def new_file(self, field_name, file_name, *args, **kwargs):
        super().new_file(field_name, short_name(file_name), *args, **kwargs)
