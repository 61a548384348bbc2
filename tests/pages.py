"""Every state of the public site a visitor can meet, walked in a browser: the walk's tests
(tests/site/test_no_sideways_scroll.py) measure each and check it for CSP violations and console
errors, `make screenshots` photographs each.

`walk(browser, base, strict, links, lang, visit)` calls `visit(page, name)` with the page in
view: `base` is the served site (FORM_MIN_FILL_SECONDS=0), `strict` the same site refusing every
post (FORM_RATE_LIMIT=0/60), `links` what SETUP printed after it ran in the site's `manage.py
shell` (the emailed links the site queued).
"""

# What the served site's database holds for the emailed-link pages, and the links it mailed.
SETUP = """
import json, re
from datetime import date
from dateutil.relativedelta import relativedelta
from post_office.models import Email
from consent.common.dates import local_today
from consent.core.held import confirm_link, consent_hold
from consent.core.ledger import consent_grant, consent_withdraw, subject_block
from consent.core.models import Guardian, Held, Source, Subject, Submission
from consent.core.texts import current_text
from consent.marketing.campaigns import unsubscribe_token, unsubscribe_url
from consent.marketing.optin import optin_start
from consent.rights import selfservice
from consent.rights.models import Ticket
from consent.rights.tickets import ticket_open

adult = Subject.objects.create(full_name="Әсел Қасымова-Жақсыбекова", email="asel@example.kz",
                               phone="+77011234567", birth_date=date(1990, 5, 17),
                               birth_place="Өскемен")
# A teenager whose own consent was recorded before her date of birth was (no consent of a
# minor's is recorded without a guardian now): it does not stand.
teen = Subject.objects.create(full_name="Айгерім Серікқызы", email="teen@example.kz")
for s in (adult, teen):
    consent_grant(s, current_text("service"), language="kk", source=Source.APPLICATION_FORM)
teen.birth_date = local_today() - relativedelta(years=17)
teen.save()
# Her mother, named with an address of her own, waits for the teen to confirm her on her page.
Guardian.objects.create(subject=teen, full_name="Гүлнар Серікова", contact="gulnar@example.kz",
                        pending=True)
consent_grant(adult, current_text("marketing"), language="kk", source=Source.NEWSLETTER_FORM)
# The longest a form takes, shown back on the person's page: an address of 254 characters, a
# name and a place of 300, each one word (typed without spaces, or long double-barrelled ones).
long = Subject.objects.create(
    full_name="Қасымова" * 37 + "Әсел", birth_place="Өскемен" * 42 + "ауданы",
    email="a" * 64 + "@" + "b" * 63 + "." + "c" * 63 + "." + "d" * 58 + ".kz",
)
consent_grant(long, current_text("service"), language="kk", source=Source.APPLICATION_FORM)
# Someone who withdrew the service consent, then a contact form sent under their address: the
# form's consent waits for the link mailed to it (consent.core.held). Only the contact and
# application forms hold one; the newsletter's is its own double opt-in.
# One a language: the link and its page are in the owner's language, whatever the form's.
held = {}
for lang in ("kk", "ru"):
    held[lang] = Subject.objects.create(full_name="Дәурен Ахметов", email=f"held-{lang}@example.kz",
                                        language=lang)
    consent_grant(held[lang], current_text("service"), language=lang, source=Source.CONTACT_FORM)
    consent_withdraw(held[lang], "service", source=Source.SELF_SERVICE)
# Someone whose processing is blocked: their page says what that means and offers to unblock.
blocked = Subject.objects.create(full_name="Бақыт Жұмабаев", email="blocked@example.kz")
consent_grant(blocked, current_text("service"), language="kk", source=Source.APPLICATION_FORM)
subject_block(blocked, reason="a complaint under check", source=Source.ADMIN)
# A parent who applied for their son of 12, to the service and the news: their page of the
# consents they gave for him (forms_app/my_children.py); one a language, each walk withdrawing.
for lang in ("kk", "ru"):
    kid = Subject.objects.create(full_name="Әлихан Серікұлы", email=f"kid-{lang}@example.kz",
                                 birth_date=local_today() - relativedelta(years=12))
    father = Guardian.objects.create(subject=kid, full_name="Серік Ахметов",
                                     contact=f"serik-{lang}@example.kz")
    for code in ("service", "marketing"):
        consent_grant(kid, current_text(code), language="kk", source=Source.APPLICATION_FORM,
                      guardian=father)

def mailed(pattern):
    return re.search(pattern, Email.objects.latest("id").message).group(0)

links = {}
for lang in ("kk", "ru"):
    for who in ("asel", "teen"):
        selfservice.link_send(f"{who}@example.kz", lang)
        links[f"open-{who}-{lang}"] = mailed(r"https?://\\S+/my-data/open/\\S+/")
    selfservice.link_send(f"serik-{lang}@example.kz", lang)
    links[f"open-parent-{lang}"] = mailed(r"https?://\\S+/my-data/open/\\S+/")
    selfservice.link_send(long.email, lang)
    links[f"open-long-{lang}"] = mailed(r"https?://\\S+/my-data/open/\\S+/")
    selfservice.link_send(blocked.email, lang)
    links[f"open-blocked-{lang}"] = mailed(r"https?://\\S+/my-data/open/\\S+/")
    optin_start(f"news-{lang}@example.kz", "", lang)
    links[f"confirm-{lang}"] = mailed(r"https?://\\S+/newsletter/confirm/\\S+/")
    # A type of its own per language: the same request again would join the first (joining.py).
    kind = "destroy" if lang == "kk" else "block"
    ticket_open(kind=kind, email="asel@example.kz", language=lang, channel=Ticket.Channel.WEB)
    links[f"verify-{lang}"] = mailed(r"https?://\\S+/requests/confirm/\\S+/")
    # A subscriber a language: the link of one who unsubscribed already says so, no button.
    reader = Subject.objects.create(full_name="Дана Ержанқызы", email=f"reader-{lang}@example.kz",
                                    language=lang)
    consent_grant(reader, current_text("marketing"), language=lang, source=Source.NEWSLETTER_FORM)
    links[f"unsubscribe-{lang}"] = unsubscribe_url(unsubscribe_token(reader.pk, 0), lang)
    form = Submission.objects.create(subject=held[lang], source=Source.CONTACT_FORM,
                                     language=lang, data={"email": held[lang].email})
    consent_hold(form, Held.WITHDRAWN, {"service": current_text("service")}, None)
    links[f"form-consent-{lang}"] = confirm_link(form)["confirm_url"]
print(json.dumps(links))
"""


# Posts the consent switch as its button does (under 18 the page offers no button to press).
SWITCH = """give => {
  const form = document.createElement('form');
  form.method = 'post';
  form.action = location.pathname + 'consent/';
  const token = document.querySelector('[name=csrfmiddlewaretoken]').value;
  for (const [name, value] of [['csrfmiddlewaretoken', token],
                               [give === '1' ? 'give' : 'withdraw', 'marketing']]) {
    const input = Object.assign(document.createElement('input'), {type: 'hidden', name, value});
    form.append(input);
  }
  document.body.append(form);
  form.submit();
}"""


# Each document records the CSP violations it meets (read by `problems`).
LISTEN = """
window.__cspv = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__cspv.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
});
"""


def open_tab(browser):
    """A tab in a context of its own that records CSP violations and console errors (`problems`).

    Chromium reports a document's own 4xx status as a console error ("Failed to load
    resource"), and may deliver that message after the next navigation has begun. Such a
    message is matched by the URL it names against the documents that answered 4xx, not by
    which page happens to be open when it arrives: a missing image or script still counts."""
    context = browser.new_context()
    context.add_init_script(LISTEN)
    page = context.new_page()
    page.problems, refused = [], set()

    def on_response(response):
        if response.request.is_navigation_request() and response.status >= 400:
            refused.add(response.url)

    def on_console(message):
        if message.type != "error":
            return
        named = message.location.get("url", "")
        if message.text.startswith("Failed to load resource") and named in refused:
            return
        page.problems.append(f"{message.text} {named}".strip())

    page.on("response", on_response)
    page.on("console", on_console)
    page.on("pageerror", lambda e: page.problems.append(str(e)))
    return page


def problems(page):
    """The CSP violations of the document in view (once its fonts have loaded) and the console
    errors since the last call."""
    violations = page.evaluate(
        "async () => { await document.fonts.ready; return window.__cspv.splice(0); }"
    )
    errors, page.problems[:] = page.problems[:], []
    return violations + errors


def submit(page):
    with page.expect_navigation():
        page.click("main button[type=submit]")


PATHS = {
    "home": "/", "about": "/about/", "services": "/services/", "service": "/services/demo-1/",
    "contacts": "/contacts/",
    "privacy": "/privacy/", "privacy-v1": "/privacy/1/", "contact": "/contact/",
    "apply": "/apply/", "newsletter": "/newsletter/", "request": "/requests/new/",
    "cookies": "/cookies/", "my-data-ask": "/my-data/", "contact-thanks": "/contact/thanks/",
    "apply-thanks": "/apply/thanks/", "newsletter-thanks": "/newsletter/thanks/",
    "request-thanks": "/request/thanks/", "my-data-thanks": "/my-data/thanks/",
    "404": "/no-such-page/",
}  # fmt: skip


def walk(browser, base, strict, links, lang, visit):
    page = open_tab(browser)
    for name, path in PATHS.items():
        page.goto(f"{base}/{lang}{path}")
        visit(page, name)
    # Forms sent empty, and the application of someone under 18 without a guardian.
    for name in ("contact", "newsletter", "request", "my-data-ask"):
        page.goto(f"{base}/{lang}{PATHS[name]}")
        submit(page)
        visit(page, f"{name}-errors")
    # A name written with an emoji: refused, and shown again as typed.
    page.goto(f"{base}/{lang}{PATHS['contact']}")
    page.fill("#id_full_name", "Айгерім 🌸")
    submit(page)
    visit(page, "contact-name-errors")
    page.goto(f"{base}/{lang}/apply/")
    page.fill("#id_full_name", "Айгерім Серікқызы")
    page.fill("#id_birth_date", "01.01.2015")  # as a person types it in the text box
    submit(page)
    visit(page, "apply-minor-errors")
    # The application, filled in and ticked, switched to the other language: what was typed
    # comes along, the page asks for the boxes again.
    page.goto(f"{base}/{lang}/apply/")
    page.fill("#id_full_name", "Әсел Қасымова-Жақсыбекова")
    page.fill("#id_birth_date", "17.05.1990")
    page.check("#id_consent_service")
    with page.expect_navigation():
        page.click("nav.lang button[name=switch_language]")
    visit(page, "apply-language-switched")
    # The rate limit's answer: the form again, with when to send it.
    page.goto(f"{strict}/{lang}/contact/")
    page.fill("#id_message", "Сәлеметсіз бе! " * 20)
    submit(page)
    visit(page, "contact-rate-limited")
    # Emailed links: each asks before it acts; then the page behind it.
    for name in ("confirm", "verify", "unsubscribe", "form-consent"):
        page.goto(links[f"{name}-{lang}"])
        visit(page, f"{name}-link")
        submit(page)
        visit(page, f"{name}-link-done")
    page.goto(links[f"verify-{lang}"])  # used already
    visit(page, "verify-link-used")
    for who in ("asel", "teen"):
        mine = open_tab(browser)
        mine.goto(links[f"open-{who}-{lang}"])
        visit(mine, f"my-data-link-{who}")
        submit(mine)
        visit(mine, f"my-data-{who}")
        with mine.expect_navigation():  # withdraw; under 18, give (and be told a guardian must)
            mine.evaluate(SWITCH, "0" if who == "asel" else "1")
        visit(mine, f"my-data-{who}-switched")
        with mine.expect_navigation():
            mine.click("main form.public-form button[type=submit]")  # no type chosen
        visit(mine, f"my-data-{who}-request-errors")
        mine.context.close()
    # A parent's page of their son's consents, then the news withdrawn there.
    mine = open_tab(browser)
    mine.goto(links[f"open-parent-{lang}"])
    submit(mine)
    visit(mine, "my-data-children")
    with mine.expect_navigation():
        mine.click("main button[name=withdraw]")
    visit(mine, "my-data-children-withdrawn")
    mine.context.close()
    page.goto(links[f"open-long-{lang}"])  # the longest values a form takes, shown back
    submit(page)
    visit(page, "my-data-longest")
    page.goto(links[f"open-blocked-{lang}"])  # processing blocked: what it means, what is left
    submit(page)
    visit(page, "my-data-blocked")
    page.goto(links[f"open-asel-{lang}"])  # spent: said as it opens, no button to press
    visit(page, "my-data-link-used")
    page.context.close()
