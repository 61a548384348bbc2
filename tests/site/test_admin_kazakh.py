"""With the admin in Kazakh or Russian, no English shows: none of Django's catalogues, and no
name, column, filter, action or help of any registered admin, third-party apps included. And what
the admin shows of a stored text reads as text: no markup of our own shown as characters, none of
what staff typed run as markup. And every list sorts by each of its columns. The judges read one
walk of every admin page per language (tests/site/admin_walk.py), fetched once rather than once
for each of them."""

import functools
import re
from html import unescape
from pathlib import Path

import django
import polib
import pytest
from django.test import Client

from tests.site.admin_english import CYRILLIC, ENGLISH, english_in, english_labels
from tests.site.admin_walk import TYPED, walks  # noqa: F401  (a fixture)
from tests.staff import registered_admins

DJANGO = Path(django.__file__).parent
CATALOGUES = [DJANGO / "contrib/admin/locale/en/LC_MESSAGES/django.po",
              DJANGO / "contrib/auth/locale/en/LC_MESSAGES/django.po",
              DJANGO / "conf/locale/en/LC_MESSAGES/django.po"]  # fmt: skip


@functools.cache
def english_phrases():
    """Django's msgids of three words or more, without placeholders (they would match nothing)."""
    phrases = set()
    for path in CATALOGUES:
        for entry in polib.pofile(str(path)):
            for text in (entry.msgid, entry.msgid_plural):
                if text and len(text.split()) >= 3 and "%" not in text and "{" not in text:
                    phrases.add(text)
    return frozenset(phrases)


def visible_text(html):
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_no_english_from_djangos_catalogues(walks, lang):  # noqa: F811
    """No phrase of Django's own catalogues shows in English on any page of the walk, the index
    and the password form included."""
    leaks = []
    shown = [(url, r) for url, r in walks[lang].extra if r.status_code == 200]
    assert {"/admin/", "/admin/password_change/"} <= set(dict(shown))
    for url, response in walks[lang].pages + shown:
        assert response.status_code == 200, url
        text = visible_text(response.content.decode())
        leaks += [(url, p) for p in sorted(english_phrases()) if p in text]
    assert leaks == [], leaks


def test_the_login_page_is_kazakh(db):
    text = visible_text(
        Client(headers={"accept-language": "kk"}).get("/admin/login/").content.decode()
    )
    assert "Пайдаланушы аты" in text and "Құпиясөз" in text
    assert not [p for p in english_phrases() if p in text]


OURS = ("consent", "forms_app", "emalu")  # the apps whose labels are ours to translate


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_every_column_of_our_lists_is_named_in_the_staff_language(walks, lang):  # noqa: F811
    """A column named by a bare field (`subject_id`) showed "Subject id" in both languages.
    A list shows its columns only with rows: the walk's are of every kind."""
    lists = {f"/admin/{model._meta.app_label}/{model._meta.model_name}/"
             for model in registered_admins() if model.__module__.startswith(OURS)}  # fmt: skip
    english, judged = [], 0
    for url, response in walks[lang].pages:
        if url not in lists:
            continue
        judged += 1
        html = response.content.decode()
        for header in re.findall(r'<th scope="col"[^>]*>(.*?)</th>', html, re.S):
            text = " ".join(unescape(re.sub(r"<[^>]+>", " ", header)).split())
            if text and not CYRILLIC.search(text) and text not in ("ID", "PDF", "SHA-256"):
                english.append((url, text))
    assert judged == len(lists)
    assert english == [], "\n".join(f"{url}: {label}" for url, label in english)


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_every_list_sorts_by_every_column(walks, lang):  # noqa: F811
    """Every list of the admin sorted by each of its columns, as a staff member clicks the
    header, both ways: each choice column is sorted by what it reads (consent/common/
    label_order.py), which must hold on every list, its own query's annotations and joins too.
    The walk clicked them (admin_walk.sorted_lists), on its lists and rows."""
    sorted_columns = 0
    for base, page, clicks in walks[lang].sorts:
        assert page.status_code == 200, base
        for column, once, again in clicks:
            assert once.status_code == 200, (base, column)
            assert again is not None and again.status_code == 200, (base, column)
            sorted_columns += 1
    assert sorted_columns > 40  # the walk reached the lists' headers


# --- every admin page a superuser can open, in both languages --------------------------------


# The phrases the intake recognises came with notes in English (a data migration,
# consent/rights/migrations/0003_intake_phrase.py), and some are English ones people write
# («stop emailing me», 0030-0031): data the staff edit, not labels; left to a migration.
NOT_LABELS = re.compile(r'<t[dh] class="field-(?:note|phrase)">.*?</t[dh]>', re.S)


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_no_admin_page_shows_english(walks, lang):  # noqa: F811
    """Third-party apps too: django-axes, django-otp and django-post-office showed their app,
    model and field names, columns, filters, actions and help in English ("AXES", "Access
    attempts", "Static devices", "TOTP devices", "Emails"), and the permissions Django names
    in English ("Can add data subject")."""
    labels = english_labels()
    english, opened = [], 0
    for url, response in walks[lang].pages:
        assert response.status_code == 200, url
        opened += 1
        found = english_in(visible_text(NOT_LABELS.sub("", response.content.decode())), labels)
        english += [(url, label) for label in found]
    assert opened > 3 * len(registered_admins())
    assert english == [], "\n".join(f"{url}: {label}" for url, label in english)


# What a screen reader says for an image or a control, and a pointer shows on hovering: the
# attributes' text, which `visible_text` leaves out with the tags. Django writes the search
# field's image as alt="Search" and a yes/no column's icon as alt="True", "False" or "None".
SPOKEN = re.compile(r'\b(?:alt|title|aria-label|placeholder)="([^"]*)"')


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_no_admin_page_says_english_to_a_screen_reader(walks, lang):  # noqa: F811
    """The text a page gives its images and controls instead of what they show is in the staff
    language too: a yes/no column read aloud as «True», the search field named «Search»."""
    english = set()
    for url, response in walks[lang].pages:
        for said in SPOKEN.findall(EDITABLE_VALUES.sub("", response.content.decode())):
            said = unescape(said)
            if ENGLISH.search(said) and not CYRILLIC.search(said) and "@" not in said:
                english.add((url.split("?")[0], said))
    assert english == set(), "\n".join(f"{url}: {said}" for url, said in sorted(english))


# What staff typed into a field is its own: a title or a name in any alphabet.
EDITABLE_VALUES = re.compile(r"<(?:input|textarea|option)\b[^>]*>", re.S)


# --- what the admin shows of a stored text reads as text --------------------------------------

# Markup a page shows as characters: tags of the kind Django's and our helpers write.
SHOWN_TAGS = re.compile(r"&lt;/?(p|br|div|ul|li|a|b|pre|span)\b")
# Where a page rightly holds what staff typed, escaped: the fields they type into.
EDITABLE = re.compile(r"<textarea[^>]*>.*?</textarea>|<input[^>]*>", re.S)


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_every_admin_page_shows_its_texts_as_text(walks, lang):  # noqa: F811
    """Every page of every model admin, as a superuser (who sees them all): the previews of a
    policy version and a consent text showed `<p>…</p>` around every paragraph; what a content
    editor typed (here `<b>`) is shown escaped, never run."""
    wrong = []
    for url, response in walks[lang].urls:
        if (
            response.status_code != 200
            or response.streaming
            or "html" not in response["Content-Type"]
        ):
            continue
        page = EDITABLE.sub("", response.content.decode())
        if TYPED in page:
            wrong.append(f"{url}: what staff typed is run as markup")
        for tag in sorted(set(SHOWN_TAGS.findall(page)) - {"b"}):
            wrong.append(f"{url}: <{tag}> shown as text")
    assert wrong == [], "\n".join(wrong)


# --- the header contract on every staff page (compliance T2) ------------------------------------


# An email's HTML body, framed by the email's own page under a CSP of its own (emalu/admin.py,
# post_office's outbox): a sandbox without script, so none of the contract's CSP applies.
# The sandboxed frames of a mail's HTML: the outbox's, and a campaign's on its page.
EMAIL_PREVIEW = re.compile(
    r"^/admin/(post_office/email/\d+/preview|marketing/campaign/\d+/mail/(kk|ru))/$"
)


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_security_headers_on_every_staff_url(walks, settings, lang):  # noqa: F811
    """The login page, then as a superuser every page of the walk: every admin URL reached
    without arguments (index, each list and add form, the site's own views), every named URL of
    every model admin with a real row (change forms, history, exports, evidence…), and the pages
    a change form links to. Each carries the headers, and says no-store."""
    from tests.site.test_headers import assert_header_contract

    settings.SECURE_HSTS_SECONDS = 31536000
    login = Client().get("/admin/login/", secure=True, headers={"accept-language": lang})
    assert_header_contract(login, True, "login")
    walk = walks[lang]
    responses = walk.pages + walk.urls + walk.extra
    assert len(walk.extra) > 40
    assert "/admin/rights/ticket/statistics-requests.csv" in dict(walk.extra)
    lists = {f"/admin/{model._meta.app_label}/{model._meta.model_name}/"
             for model in registered_admins()}  # fmt: skip
    assert lists <= set(dict(walk.extra))
    for url, response in responses:
        if EMAIL_PREVIEW.search(url):  # a sandboxed frame of the email's page: no script at all
            assert response["Content-Security-Policy"].startswith("sandbox; default-src 'none'")
            continue
        assert_header_contract(response, True, url)
        assert response.status_code == 200 or url not in lists, url


# A label said twice: the admin names an object by its model's name and then its own
# description («Сәтсіз кіру: asel, …» in a deletion's list, «Өзгерістер тарихы: …» as a title),
# so a description that names its kind again read «Сәтсіз кіру: Сәтсіз кіру: asel». The same
# word at the start of an item or a title and again after its colon.
SAID_TWICE = re.compile(r"^([^\W\d_]+)(?: [^\W\d_]+){0,2}: \1\b", re.I)
ITEMS = re.compile(r"<(li|h1|h2|title)\b[^>]*>(.*?)</\1>", re.S)


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_no_admin_page_says_a_label_twice(walks, lang):  # noqa: F811
    said, deletions = [], 0
    for url, response in walks[lang].pages + walks[lang].urls + walks[lang].extra:
        if response.get("content-type", "").startswith("text/html"):
            deletions += "delete" in url
            for _tag, item in ITEMS.findall(response.content.decode()):
                if twice := SAID_TWICE.match(visible_text(item)):
                    said.append((url, twice.string))
    assert deletions > len(registered_admins())
    assert said == [], "\n".join(f"{url}: {twice}" for url, twice in sorted(set(said)))


# An object's name where a change form shows it twice: the breadcrumb's last item, cut to 18
# words, and the heading above the form.
CRUMB = re.compile(r'<li aria-current="page">(.*?)</li>', re.S)
HEADING = re.compile(r"<h2>(.*?)</h2>", re.S)


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_breadcrumb_names_an_object_with_the_spaces_of_its_name(walks, lang):  # noqa: F811
    """The breadcrumbs read «сведения о компании», «Ответы на обращения и заявки, версия 1»
    where the catalogue writes «о\u00a0компании», «и\u00a0заявки» (a one-letter word and a count
    kept with the next word, docs/glossary.md): Django's `truncatewords` joined every word
    again with a plain space (emalu/templatetags/spacing.py)."""
    named, wrong = 0, []
    for url, response in walks[lang].pages:
        page = response.content.decode()
        if url.endswith("/change/") and (crumb := CRUMB.search(page)):
            heading = HEADING.search(page)
            if heading and len(heading[1].split()) <= 18:
                named += "\N{NO-BREAK SPACE}" in heading[1]
                if crumb[1] != heading[1]:
                    wrong.append(f"{url}: {crumb[1]!r} under {heading[1]!r}")
    assert named >= 2, "the walk names no object with a no-break space"
    assert wrong == [], "\n".join(wrong)


# A dash and a hyphen where each belongs (tests/site/test_wording_dashes.py, docs/glossary.md).


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_an_empty_value_in_the_admin_is_a_dash(walks, lang):  # noqa: F811
    """Django's mark for a value there is none of is a hyphen, «-»; the site's columns and
    read-only fields wrote theirs so too."""
    hyphens = []
    for url, response in walks[lang].pages:
        html = response.content.decode()
        hyphens += [url for _ in re.finditer(r"<(td|th|div|p)\b[^>]*>\s*-\s*</\1>", html)]
    assert hyphens == []


LABELS = re.compile(r"<label\b[^>]*>(.*?)</label>", re.S)  # a field's, on a change page
PYTHON = re.compile(r">\s*(None|True|False)\s*<")  # a value as Python names it


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_every_field_of_a_change_page_is_named_in_the_staff_language(walks, lang):  # noqa: F811
    """A read-only page (a consent text, a ledger entry) showed the form's hidden mark of what the
    row held as a field, «Seen: None» (consent/common/seen.py), which no model names."""
    wrong = []
    for url, response in walks[lang].pages + walks[lang].urls:
        if response.get("content-type", "").startswith("text/html"):
            html = EDITABLE_VALUES.sub("", response.content.decode())
            said = [visible_text(label) for label in LABELS.findall(html)]
            said = [s for s in said if ENGLISH.search(s) and not CYRILLIC.search(s)]
            wrong += [(url, s) for s in said + PYTHON.findall(html)]
    assert wrong == [], "\n".join(f"{url}: {said}" for url, said in sorted(set(wrong)))


# What a page asking for a file is made of: the box, or a form that could post one.
ASKS_FOR_A_FILE = re.compile(r'<input [^>]*type="file"|enctype="multipart/form-data"')


@pytest.mark.django_db
def test_no_admin_page_asks_for_a_file(walks):  # noqa: F811
    """A part of a post whose headers are too long to read (a file's name of thousands of
    letters) is skipped, and only the visitors' forms say so, at their file's box, in the
    page's language (emalu/uploads.py::unread_part, forms_app/guarded.py::UNREAD_FILE): an
    admin form that took a file would be saved without it, saying nothing. No admin form takes
    one (a person's photo is only downloaded there); one that comes brings that rule along."""
    asking = []
    for url, response in walks["kk"].pages + walks["kk"].urls + walks["kk"].extra:
        if response.get("content-type", "").startswith("text/html"):
            asking += [url] * bool(ASKS_FOR_A_FILE.search(response.content.decode()))
    assert asking == []


# The breadcrumbs as they end: the page itself, which the admin's CSS leaves without a «›».
CRUMBS = re.compile(r'<ol class="breadcrumbs">(.*?)</ol>', re.S)
ENDED = re.compile(r'<li aria-current="page">\s*[^<\s][^<]*</li>\s*$')


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_every_pages_breadcrumbs_end_with_the_page_itself(walks, lang):  # noqa: F811
    """The desk's own pages (a request opened from a person's page, a parent's answer, an
    email set aside opened) ended their breadcrumbs on the person's link and a «›» after it,
    naming no page: every page ends them with its own name, as Django's do. And their items
    stood with no space between them, «Субъекты персональных данных ›№ 11»: the «›» is the
    CSS's, its space after it kept only by a space between the items, as Django writes them."""
    ended = []
    for url, response in walks[lang].pages + walks[lang].urls + walks[lang].extra:
        page = response.get("content-type", "").startswith("text/html")
        crumbs = page and response.status_code == 200 and CRUMBS.search(response.content.decode())
        if crumbs and (not ENDED.search(crumbs[1]) or "</li><li" in crumbs[1]):
            ended.append(url)
    assert ended == [], "\n".join(sorted(set(ended)))
