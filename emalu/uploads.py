"""How a multipart post is read: a file kept whatever its name (VisitorPartsParser), however
long (PART_HEADERS_MAX); an upload too large to keep in memory in Django's temporary file, named
after the file name the client sent (ShortNameUploadHandler)."""

import os

from django.core.files.uploadhandler import TemporaryFileUploadHandler
from django.http import multipartparser
from django.http.multipartparser import FIELD, LazyStream, MultiPartParser, MultiPartParserError

from forms_app.guarded import UNREAD

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


# What a file's name becomes when Django would take nothing of it as one: «../», «..», a
# folder's path, control characters alone. The name is no file name here (short_name).
KEPT_NAME = "upload"


# The most of one part's headers Django reads (its multipartparser.MAX_TOTAL_HEADER_SIZE, 1 KB):
# past it the whole post was refused as a bad request, everything typed lost. A photo's file name
# is in its part's headers, as many bytes as the phone sent: 480 Kazakh letters, 250 emoji, or a
# name with quotes (each sent as «%22») went over. 8 KB holds any name a file system or a phone
# gives (255 letters of up to 4 bytes each, every one escaped) many times over. No more: Django
# reads a header line of at most 10,000 characters (django.utils.http.MAX_HEADER_LENGTH) and
# skips a longer one, and a Content-Disposition skipped so dropped the file without a word.
# Django doubles what it reads from 1 KB, and looks the limit up as it parses each part.
PART_HEADERS_MAX = 8 * 1024
multipartparser.MAX_TOTAL_HEADER_SIZE = PART_HEADERS_MAX

# The field a part over PART_HEADERS_MAX leaves in the post in its place (UNREAD): Django
# refused the whole post as a bad request, and the visitor lost all they typed; now the form
# comes back, as typed, saying which file to attach again (forms_app.guarded.GuardedForm).
_parse_part = multipartparser.parse_boundary_stream


def unread_part(stream, max_header_size):
    """A part as Django parses it; one whose headers are over the limit is read to its end and
    skipped, the field UNREAD posted in its place."""
    try:
        return _parse_part(stream, max_header_size)
    except MultiPartParserError:
        multipartparser.exhaust(stream)
        head = {"content-disposition": ("form-data", {"name": UNREAD.encode()})}
        return FIELD, head, LazyStream(iter([b"1"]))


multipartparser.parse_boundary_stream = unread_part


class VisitorPartsParser(MultiPartParser):
    """Django's multipart parser, but a file whose name Django would clean to nothing is kept
    under KEPT_NAME: Django dropped it without a word, and the form was sent without the photo
    the visitor attached. A name as long as any client sends is read (PART_HEADERS_MAX). A part
    whose headers are not UTF-8, which no browser sends from these UTF-8 pages, is skipped as
    Django skips it. Set for every multipart post (emalu.middleware.FormBodyMiddleware)."""

    def sanitize_file_name(self, file_name):
        return super().sanitize_file_name(file_name) or KEPT_NAME
