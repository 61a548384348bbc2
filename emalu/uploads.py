"""How a multipart post is read: every part the visitor sent, whatever its headers' bytes or its
file's name (VisitorPartsParser); an upload too large to keep in memory in Django's temporary
file, named after the file name the client sent (ShortNameUploadHandler)."""

import os
import re

from django.core.files.uploadhandler import TemporaryFileUploadHandler
from django.http.multipartparser import MultiPartParser
from django.utils.http import parse_header_parameters

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


# What a part's file name becomes when Django would take nothing of it as one: «../», «..», a
# folder's path, control characters alone. The name is no file name here (short_name).
KEPT_NAME = "upload"
# The most of a part's headers Django reads (multipartparser.MAX_TOTAL_HEADER_SIZE), and the
# Content-Disposition it reads a field's name and file from, as the part sent it.
HEADERS_MAX = 1024
DISPOSITION = b"content-disposition"
FIELD_NAME = re.compile(r';\s*name\s*=\s*(?:"([^"]*)"|([^;\s]+))', re.IGNORECASE)
FILE_NAMED = re.compile(r";\s*filename\*?\s*=", re.IGNORECASE)


def header_mended(line: bytes) -> bytes:
    """A part's header line as Django can read it. Django skips a line that is not UTF-8 (a file
    name from a client in another encoding) or whose parameters it cannot read (RFC 2231's form
    naming no charset Python knows); a Content-Disposition skipped so took the whole part, file
    and field name, and the form went on without it. What is not UTF-8 becomes «_» (one byte for
    each: the headers stay within HEADERS_MAX); a Content-Disposition still unreadable keeps its
    field's name, and its file a name of our own (KEPT_NAME)."""
    text = line.decode("utf-8", "replace").replace("\ufffd", "_")
    name, _colon, value = text.partition(":")
    if name.strip().lower().encode() != DISPOSITION:
        return text.encode()
    try:
        parse_header_parameters(value.lstrip(" "))
    except (ValueError, LookupError):
        field = FIELD_NAME.search(value)
        if field is None:
            return text.encode()
        kept = field.group(1) if field.group(1) is not None else field.group(2)
        filename = f'; filename="{KEPT_NAME}"' if FILE_NAMED.search(value) else ""
        text = f'Content-Disposition: form-data; name="{kept}"{filename}'
    return text.encode()


class MendedHeaders:
    """A multipart body read as sent, but the header lines of each part as Django can read them
    (header_mended). Read as it comes, never whole: held back are only a part's headers until
    their end has come, and what may be the start of the next part's delimiter."""

    def __init__(self, stream, boundary: bytes):
        self.stream = stream
        self.delimiter = b"--" + boundary
        self.held = b""
        self.ended = False

    def read(self, size=-1):
        while True:
            given = self._ready()
            if given or self.ended:
                return given
            block = self.stream.read(size if size and size > 0 else 64 * 1024)
            self.ended = not block
            self.held += block

    def _ready(self) -> bytes:
        start, cut = 0, None
        while (at := self.held.find(self.delimiter, start)) != -1:
            head = at + len(self.delimiter)
            end = self.held.find(b"\r\n\r\n", head, head + HEADERS_MAX + 4)
            if end == -1 and not self.ended and len(self.held) < head + HEADERS_MAX + 4:
                cut = at  # this part's headers have not all come: wait for them
                break
            if end == -1:
                start = head  # no headers Django would read (the last delimiter)
                continue
            lines = self.held[head:end].split(b"\r\n")
            mended = b"\r\n".join(header_mended(line) for line in lines)
            self.held = self.held[:head] + mended + self.held[end:]
            start = head + len(mended)
        if cut is None:
            kept_back = 0 if self.ended else len(self.delimiter) - 1
            cut = max(start, len(self.held) - kept_back)
        given, self.held = self.held[:cut], self.held[cut:]
        return given


class VisitorPartsParser(MultiPartParser):
    """Django's multipart parser, but every part a visitor sent is read: its headers as Django
    can read them (MendedHeaders), and a file whose name Django would take nothing of, kept
    under KEPT_NAME. Django dropped such a part without a word, and the form was sent without
    the photo the visitor attached. Set for every multipart post
    (emalu.middleware.FormBodyMiddleware)."""

    def __init__(self, META, input_data, upload_handlers, encoding=None):
        super().__init__(META, input_data, upload_handlers, encoding)
        self._input_data = MendedHeaders(self._input_data, self._boundary)

    def sanitize_file_name(self, file_name):
        return super().sanitize_file_name(file_name) or KEPT_NAME
