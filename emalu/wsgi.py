import os
import tempfile

from django.core.wsgi import get_wsgi_application
from django.utils.http import parse_header_parameters

from emalu.start import loaded, loading


def read_as_utf8(environ):
    """A request's Content-Type without its charset: every request is read as UTF-8, the
    encoding of the site's pages, which is what every browser sends their forms in.

    Django took a declared charset for the query string and the posted fields, from the moment
    it made the request: a codec that is no text encoding («base64», «uu») was a 500 on any
    page, before the site's own error page could answer; a multipart form declared KOI8-R or
    Latin-1 was stored garbled, as if the person had written it so; an urlencoded one was refused
    even for «UTF8». Read as UTF-8, bytes that are not become U+FFFD, which the form fields refuse
    with a message (forms_app.fields.VisitorText), and an urlencoded body that is not UTF-8 is a
    400 (emalu.middleware.FormBodyMiddleware).

    A parameter in RFC 2231's form naming no charset Python knows («charset*=bogus''x») made
    Django refuse the request as it made it, also a bare 500: the media type is kept alone."""
    declared = environ.get("CONTENT_TYPE", "")
    try:
        content_type, params = parse_header_parameters(declared)
    except ValueError:
        environ["CONTENT_TYPE"] = declared.split(";")[0].strip()
        return environ
    if params.pop("charset", None) is not None:
        quoted = (value.replace("\\", "\\\\").replace('"', '\\"') for value in params.values())
        parts = [f'{key}="{value}"' for key, value in zip(params, quoted, strict=True)]
        environ["CONTENT_TYPE"] = "; ".join([content_type, *parts])
    return environ


# The most of a chunked body read: nginx's client_max_body_size (docs/deploy/nginx.conf).
CHUNKED_MAX = 32 * 1024 * 1024


def read_chunked(environ):
    """A body sent in chunks, with no Content-Length, read whole and given its length. Django
    reads as much of a body as CONTENT_LENGTH says, none without it: a form posted chunked
    straight to gunicorn (a client on the host; nginx sends the length) arrived empty and was
    refused as a form «without its cookie», its fields lost. Kept in memory up to 6 MB, as an
    upload is, on disk beyond; one over nginx's limit is cut there, and refused as unreadable."""
    if environ.get("CONTENT_LENGTH") or not environ.get("wsgi.input_terminated"):
        return environ
    if "chunked" not in environ.get("HTTP_TRANSFER_ENCODING", "").lower():
        return environ
    body = tempfile.SpooledTemporaryFile(max_size=6 * 1024 * 1024)  # noqa: SIM115 (the request's)
    stream, size = environ["wsgi.input"], 0
    while size <= CHUNKED_MAX and (block := stream.read(64 * 1024)):
        body.write(block)
        size += len(block)
    body.seek(0)
    environ["wsgi.input"], environ["CONTENT_LENGTH"] = body, str(size)
    return environ


os.environ.setdefault("DJANGO_SETTINGS_MODULE", "emalu.settings")
loading()  # a worker loads the site with the cycle collector paused (emalu/start.py)
try:
    django_application = get_wsgi_application()
finally:  # running again even when the site fails to load (gunicorn --reload keeps the worker)
    loaded()


def application(environ, start_response):
    return django_application(read_as_utf8(read_chunked(environ)), start_response)
