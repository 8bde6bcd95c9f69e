// Issue 16, item 6: every text a person reads comes from a locale file. In the pseudo-locale
// `qps-ploc` (made by the loader: English with every message wrapped in ⟦…⟧) the main public
// and job-seeker pages must show no visible text outside ⟦…⟧, except data (office names and
// addresses, seminar titles, notices, terms, the person's own details and address: read from the JSON API and
// the demo), numbers, dates and punctuation, and the products' names.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, launch, newPage } from './lib.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const PUBLIC = ['/', '/offices', '/offices?postal_code=650-0044', '/offices?prefecture=28', '/offices/28011',
  '/offices/28011/book', '/seminars', '/notices', '/privacy', '/terms/consultation', '/register', '/register/sent',
  '/sign-in', '/connection-test', '/nowhere'];
const SEEKER = ['/me', '/me/eligibility', '/me/password', '/me/delete', '/offices/28011/book', '/seminars'];
const PRODUCTS = ['Madoguchi', 'Zoom', 'TeleOffice', 'e-TUMO'];

/** Every string in a JSON value. */
function strings(v, out) {
  if (typeof v === 'string') out.add(v);
  else if (Array.isArray(v)) for (const x of v) strings(x, out);
  else if (v && typeof v === 'object') for (const x of Object.values(v)) strings(x, out);
}

/** Strings that are data, not words: from the JSON API. */
async function dataStrings(page) {
  const get = async (path) => (await page.request.get(BASE + path)).json();
  const out = new Set(PRODUCTS);
  for (const o of await get('/api/v1/offices')) for (const k of ['name_ja', 'name_en', 'address', 'phone', 'code']) out.add(o[k]);
  // An office's own closures (their reasons are what staff typed).
  strings(await get('/api/v1/offices/28011'), out);
  // The municipalities an office serves (管轄), as the finder lists them.
  await page.goto(BASE + '/offices?prefecture=28');
  for (const o of await page.locator('select option').allTextContents()) out.add(o.trim());
  for (const s of await get('/api/v1/seminars')) for (const k of ['title', 'description', 'office']) out.add(s[k]);
  for (const n of await get('/api/v1/notices')) for (const k of ['title', 'body']) out.add(n[k]);
  for (const service of ['consultation', 'seminar', 'system']) {
    for (const v of (await get(`/api/v1/terms/${service}`)).versions ?? []) out.add(v.body);
  }
  return [...out].filter((s) => typeof s === 'string' && s.trim()).sort((a, b) => b.length - a.length);
}

/** Visible text nodes with anything left once messages, data and numbers are taken out. */
async function unwrapped(page, data) {
  const texts = await page.evaluate(() => {
    const out = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || ['SCRIPT', 'STYLE', 'TEXTAREA'].includes(el.tagName) || el.closest('input, select')) continue;
      // The switch names each language in itself (locale-name), on purpose not wrapped.
      if (el.closest('nav.lang')) continue;
      // My Page's inbox (letters kept as written, in the language of the day; other test files
      // running meanwhile add some) and what staff typed (`.data`) are data by their markup.
      if (el.closest('ul.inbox, .data')) continue;
      if (!n.textContent.trim() || el.getClientRects().length === 0) continue;
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden' || style.display === 'none') continue;
      out.push(n.textContent);
    }
    return out;
  });
  const left = [];
  for (const t of texts) {
    let s = t;
    for (let before = ''; before !== s;) { before = s; s = s.replace(/⟦[^⟦⟧]*⟧/g, ''); }
    s = s.replace(/[\w.+-]+@[\w.-]+/g, '');
    for (const d of data) s = s.split(d).join('');
    s = s.replace(/[\s\d.,:;!?()（）[\]【】「」『』・/\-–—~～|·•→←×%#+＝=@"'’“”、。：]+/gu, '');
    if (s) left.push(JSON.stringify(t.trim()));
  }
  return left;
}

async function walk(page, paths, data) {
  const problems = [];
  for (const path of paths) {
    await page.goto(BASE + path);
    assert.equal(await page.getAttribute('html', 'lang'), 'qps-ploc', path);
    const left = await unwrapped(page, data);
    if (left.length) problems.push(`${path}: ${left.join(', ')}`);
  }
  assert.deepEqual(problems, [], 'text not from a locale file');
}

test('issue 16: the public pages in the pseudo-locale show only messages and data', async () => {
  const page = await newPage(browser);
  await page.goto(`${BASE}/?lang=qps-ploc`);
  await walk(page, PUBLIC, await dataStrings(page));
  await page.context().close();
});

test('issue 16: the job-seeker pages in the pseudo-locale show only messages and data', async () => {
  const page = await newPage(browser);
  await page.goto(`${BASE}/sign-in?lang=qps-ploc`);
  await page.fill('#user_id', 'demo.seeker2');
  await page.fill('#password', 'Sannomiya-Demo#2026');
  await Promise.all([page.waitForURL(/\/me$/), page.locator('form[action="/sign-in"] button').click()]);
  // The person's own details are data too.
  const own = await page.locator('main dd').allTextContents();
  // So are their bookings (reasons staff typed) and the inbox: letters kept as they were
  // written, in the language of the day (other tests book and cancel with this account).
  const mine = new Set();
  for (const path of ['/api/v1/reservations', '/api/v1/me/messages', '/api/v1/seminar-registrations']) {
    strings(await (await page.request.get(BASE + path)).json(), mine);
  }
  own.push(...mine);

  await walk(page, SEEKER, [...await dataStrings(page), ...own.map((s) => s.trim()).filter(Boolean)]);
  await page.context().close();
});
