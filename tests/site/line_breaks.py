"""Where a page's lines end, measured in the browser on what it shows (not on its markup): the
breaks a reader misreads. `BAD_BREAKS` returns each as a short quote of the text around it:

- an address shown as text ending a line at one of its hyphens: «https://emaluplus-» then
  «vko.kz/», read as a word hyphenated (emalu/templatetags/spacing.py::addresses_kept);
- a short number beginning a line alone after the noun whose phrase it ends: «услуги» then «1.»
  (emalu/templatetags/spacing.py::endings_kept), where the two would fit on one line;
- the space before a number kept on one line lost: «услуга1» (a span kept whole in a flex box
  was an item of its own, and the space before it went).

The page's text is read node by node, each node's characters measured by a range, so a span
round part of a word changes nothing of what is read."""

# A letter, a space a line may break at, and a short number (its ending if any) that ends the
# phrase: a mark follows, or the end of its block (\u0001 parts blocks in the text read).
NUMBER_ALONE = (
    r"\p{L}[^\S\u00a0\u202f\u2007]+(\d{1,4}(?:[.,:]\d{1,4})*(?:-\p{L}+)?)(?!\d)"
    r"(?=[^\p{L}\p{N}\s-]|\s*(?:\u0001|$))"
)
# A link, a mailbox, a domain: as a reader tells one.
ADDRESS = (
    r'(?:https?:\/\/|www\.)[^\s\u0001<>"«»]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+'
    r"|(?:[\w-]+\.)+(?:kz|ru|com|net|org)\b\S*"
)

BAD_BREAKS = (
    r"""() => {
  const blockOf = n => { let e = n.parentElement;
    while (e && getComputedStyle(e).display.startsWith('inline') ||
           e && getComputedStyle(e).display === 'contents') e = e.parentElement;
    return e; };
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT, {acceptNode: n =>
    n.parentElement.closest('script, style, textarea, [hidden], .visually-hidden, .hp')
      ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT});
  let text = '', at = [], block = null;
  for (let n; (n = walker.nextNode());) {
    const b = blockOf(n);
    if (b !== block) { text += '\u0001'; at.push(null); block = b; }
    for (let i = 0; i < n.data.length; i++) { text += n.data[i]; at.push([n, i]); }
  }
  const rect = i => { const [n, o] = at[i], r = document.createRange();
    r.setStart(n, o); r.setEnd(n, o + 1); return r.getClientRects()[0]; };
  const quote = (from, to) => text.slice(Math.max(0, from - 20), to + 20).replace(/\u0001/g, ' | ');
  const found = [];
  // The last letter before it and its first character: on one line, with a space between.
  const apart = (a, b) => { const ra = rect(a), rb = rect(b);
    if (!ra || !rb || !ra.width) return null;
    if (rb.top >= ra.bottom - 2) return 'a new line';
    return rb.left - ra.right < 1 && /\s/.test(text.slice(a + 1, b)) ? 'no space' : null; };
  const numbers = /"""
    + NUMBER_ALONE
    + r"""/gu;
  for (const m of text.matchAll(numbers)) {
    const digit = m.index + m[0].length - m[1].length;
    let start = m.index;  // the noun's first letter: a noun wider than its line breaks anyway
    while (start > 0 && at[start - 1] && !/\s/.test(text[start - 1])) start--;
    let end = digit + m[1].length, wide = 0;  // to the next space: «8-бабы).» is one piece
    while (end < text.length && at[end] && !/\s/.test(text[end])) end++;
    for (let i = start; i < end; i++) wide += at[i] && rect(i) ? rect(i).width : 0;
    if (wide > blockOf(at[m.index][0]).clientWidth) continue;
    const wrong = apart(m.index, digit);
    if (wrong) found.push(`${wrong} before a number: «${quote(m.index, digit + m[1].length)}»`);
  }
  const addresses = /"""
    + ADDRESS
    + r"""/giu;
  for (const m of text.matchAll(addresses)) {
    for (let i = m.index; i < m.index + m[0].length - 1; i++) {
      if (text[i] !== '-' || text[i + 1] === '-' || !at[i] || !at[i + 1]) continue;
      const ra = rect(i), rb = rect(i + 1);
      if (ra && rb && rb.top >= ra.bottom - 2)
        found.push(`a line ends at a hyphen of an address: «${quote(m.index, i + 1)}»`);
    }
  }
  return found;
}"""
)


# The space before a number kept on one line with its ending (emalu/templatetags/spacing.py)
# that takes no room on its line: in a link laid out as a flex box (a tap target of 44 px), the
# span kept whole was an item of its own and the space before it was lost, «саясаты,1-нұсқа».
SPACE_LOST = """() => [...document.querySelectorAll('span.one-line')].flatMap(s => {
  const t = s.previousSibling;
  if (!t || t.nodeType !== 3 || !/\\s$/.test(t.data) || !s.getClientRects().length) return [];
  const before = t.data.trimEnd().length, r = document.createRange();
  if (!before) return [];
  r.setStart(t, before - 1);
  r.setEnd(t, before);  // the letter before the space
  const letter = r.getBoundingClientRect(), word = s.getClientRects()[0];
  const sameLine = Math.abs(letter.bottom - word.bottom) < 4;
  const lost = sameLine && word.left - letter.right < 1;
  return lost ? [t.data.trim().slice(-25) + ' ' + s.textContent] : [];
})"""


# Links listed one an item (the footer's, those under the policy) whose rows meet: where a link
# wraps, its last line and the next link's first stood no further apart than two lines of one
# link (2 px on a 320 px phone, «Дербес деректеріңізге қатысты өтініш» over «Электрондық пошта
# арқылы жаңалықтар мен ұсыныстар»), and four lines read as one link. As the request form's
# choices (tests/forms/test_browser.py::RADIO_GAPS): 8 px or more between two items' words.
LINKS_RUN_TOGETHER = """() => [...document.querySelectorAll('ul, ol')].flatMap(list => {
  const lines = e => { const r = document.createRange(); r.selectNodeContents(e);
                       return [...r.getClientRects()].filter(l => l.width); };
  const links = [...list.children].filter(li => li.getClientRects().length).map(li => {
    const a = li.querySelector(':scope > a');
    return a && a.textContent.trim() === li.textContent.trim() ? lines(a) : null;
  });
  return links.slice(1).flatMap((below, i) => {
    const above = links[i];
    if (!above || !below || !above.length || !below.length) return [];
    if (above.length === 1 && below.length === 1) return [];  // one line each: a thumb's row
    const gap = below[0].top - above[above.length - 1].bottom, said = j => list.children[j]
      .textContent.trim();
    return gap >= -2 && gap < 8
      ? [`links ${Math.round(gap)} px apart: «${said(i)}» over «${said(i + 1)}»`] : [];
  });
})"""
