def opens_and_counts(page):
    # ruleid: emalu-browser-read-after-click
    page.click("a[href$='/admin/enrol/']")
    assert page.locator("#header").count() == 1


def opens_and_reads_the_url(page):
    # ruleid: emalu-browser-read-after-click
    page.click("a[hreflang=ru]")
    assert page.url.endswith("/ru/")


def waits_for_the_page(page):
    with page.expect_navigation():
        # ok: emalu-browser-read-after-click
        page.click("a[href$='/admin/enrol/']")
    assert page.locator("#header").count() == 1


def waits_for_the_url(page):
    # ok: emalu-browser-read-after-click
    page.click("button[type=submit]")
    page.wait_for_url("**/thanks/")
    assert page.locator("h1").count() == 1
