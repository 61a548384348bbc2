"""Staff Markdown as a page shows it (a page's or a service's text): rendered, sanitised, its
pictures only the site's own, and the text a reader sees of it."""

from functools import cached_property, lru_cache
from html.parser import HTMLParser

import nh3
from django.utils.safestring import mark_safe

from consent.common.directions import FSI, PDI, closed_by_line
from emalu.templatetags.links import linked_in_html


def render_markdown(text):
    """Markdown written by staff, each address in its text a link (links.linked_in_html),
    sanitised so that no script or foreign resource gets through: a picture's address only a
    path of this site (`foreign_images`). A mark a text saved before the direction rule left
    open is closed at its line's end (directions.closed_by_line): kept in the row, it turns
    around no line after its own on the page."""
    return rendered(closed_by_line(text)).html


@lru_cache(maxsize=8)  # a page in both languages, a save of both: a few a request
def rendered(text):
    """`text` rendered once, whatever asks: a page asked whether it has its visitor's language
    (each time its template read its language), then for its HTML, and a save judged the text's
    direction, its words and its pictures, each rendering the Markdown again; a page of 100,000
    characters took 1.4 s each time, eight times a view. Its results depend on the text alone."""
    return Rendered(text or "")


class Rendered:
    """Staff Markdown as a page shows it: the HTML, the text a reader sees of it, and the
    addresses of its pictures from another host, from one rendering of the Markdown."""

    def __init__(self, text):
        self._html = _html(text)

    @cached_property
    def html(self):
        clean = nh3.clean(linked_in_html(self._html), tags=_TAGS,
                          url_schemes={"https", "mailto", "tel"},
                          attribute_filter=_own_images_only())  # fmt: skip
        # Sanitised by nh3 just above.
        return mark_safe(clean)  # noqa: S308  # nosec B308 B703

    @cached_property
    def text(self):
        return text_of(self.html)

    @cached_property
    def foreign_images(self):
        found = []
        nh3.clean(self._html, url_schemes={*SCHEMES_SEEN, "https"},
                  attribute_filter=_own_images_only(found))  # fmt: skip
        return tuple(found)


# nh3's tags but <bdo>: its `dir` is an override the direction rule (common/directions.py) never
# saw, and one left open in a paragraph's first line turned every line after it around on the
# page. A page's text keeps the words inside it; <bdi>, which isolates, is kept (`text_of`).
# Nor a ruby's elements (<ruby>, <rt>, <rtc>, <rp>), of no use in Kazakh or Russian: a browser
# shows no <rp> and isolates the others, so a mark closing an override inside them closed it in
# the text judged and not on the page, which turned the lines after it around. Their words are
# shown instead.
_TAGS = nh3.ALLOWED_TAGS - {"bdo", "ruby", "rt", "rtc", "rp"}


def foreign_images(text):
    """The addresses of the images in staff Markdown that are not the site's own: a page never
    loads them (no other host is contacted before the visitor consents: compliance L19), so
    the editor is told instead of seeing a picture vanish. Read before nh3 would drop an address
    of another scheme unseen."""
    return rendered(text).foreign_images


# The schemes of a picture's address an editor may write, for telling them it is another host's.
SCHEMES_SEEN = {"http", "data", "ftp", "file", "blob"}


def _html(text):
    import markdown  # here, not at start-up: a command that renders no page never needs it

    return markdown.markdown(text or "", extensions=["extra", "sane_lists"])


# What a browser's URL parser strips from an address's ends (C0 controls and the space) and
# removes from anywhere in it (tabs and line breaks).
_URL_ENDS = "".join(map(chr, range(0x21)))
_TABS_AND_BREAKS = dict.fromkeys(map(ord, "\t\n\r"))


def _own_images_only(foreign=None):
    """nh3's attribute filter that drops a picture's address unless it is a path of this site
    («//host/…» and «/\\host/…» are another host to a browser), noting it in `foreign`."""

    def keep(tag, attribute, value):
        # Read as a browser reads it: «/\t/host» is «//host», another host.
        read = value.strip(_URL_ENDS).translate(_TABS_AND_BREAKS)
        own = read.startswith("/") and not read.startswith("//") and "\\" not in read
        if tag == "img" and attribute == "src" and not own:
            if foreign is not None:
                foreign.append(value)
            return None
        return value

    return keep


def text_of(html):
    """The text a reader sees of rendered Markdown, each block on a line of its own as the
    renderer writes it: character references read (`&#x202E;`, `&#8238;` are the marks
    themselves on the page), a reference written as text (`&amp;#8238;`, in a code span)
    kept as the text it shows, and a <bdi> the isolate it is on the page (FSI … PDI): a mark
    inside it closes nothing outside it, and one left open in it ends with it."""
    reader = _TextShown()
    reader.feed(html)
    reader.close()
    return "".join(reader.shown)


class _TextShown(HTMLParser):
    """Sanitised HTML's text (nh3's, whole and well formed), each <bdi> an isolate: closed at
    each line's end and opened again on the next, as the rule judges a line (a <bdi> spanning
    two lines of a paragraph isolates both parts; no mark of the editor's is left open)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.shown, self.isolates = [], 0

    def handle_data(self, data):
        self.shown.append(data.replace("\n", f"{PDI * self.isolates}\n{FSI * self.isolates}"))

    def handle_starttag(self, tag, attrs):
        if tag == "bdi":
            self.shown.append(FSI)  # as a browser isolates it
            self.isolates += 1

    def handle_endtag(self, tag):
        if tag == "bdi" and self.isolates:
            self.shown.append(PDI)
            self.isolates -= 1
