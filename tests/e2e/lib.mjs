// Shared helpers: launch Debian's Chromium, run axe-core, read the demo credentials.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createHmac } from 'node:crypto';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');

export const BASE = process.env.BASE_URL;

/**
 * Starts Chromium. `media: true` gives it a fake camera and microphone that need no
 * permission prompt (the built-in room's tests); the defaults are unchanged.
 */
export async function launch({ media = false } = {}) {
  const fake = media
    ? ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', '--allow-loopback-in-peer-connection']
    : [];
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', ...fake],
  });
}

// The product's CSP is `default-src 'none'; style-src 'self'; …` with no script-src, so the
// browser would refuse the <script> that page.addScriptTag inserts for axe. Every context
// therefore bypasses CSP: only the test's own axe script runs, the pages run no script.
export async function newPage(browser, options = {}) {
  const context = await browser.newContext({ bypassCSP: true, locale: 'ja-JP', ...options });
  return context.newPage();
}

/** axe's serious and critical violations, each as readable lines (rule, element, why). */
export function describeViolations(violations) {
  return violations.map((v) => [
    `${v.impact} ${v.id}: ${v.help} (${v.tags.filter((t) => t.startsWith('wcag')).join(', ') || 'best practice'})`,
    ...v.nodes.map((n) => `  at ${n.target.join(' ')}: ${n.html}\n    ${(n.failureSummary ?? '').replace(/\n/g, '\n    ')}`),
  ].join('\n'));
}

/**
 * Runs axe-core on the current page with its default rules (WCAG 2.0–2.2 A/AA and best
 * practices) and fails on any violation of impact serious or critical, printing each one.
 */
export async function checkA11y(page) {
  await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(async () => await globalThis.axe.run(document));
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (bad.length) console.error(`axe on ${page.url()}:\n${describeViolations(bad).join('\n')}`);
  assert.deepEqual(describeViolations(bad), [], `axe on ${page.url()}`);
}

/** Navigates and checks the page. */
export async function visit(page, path) {
  const response = await page.goto(BASE + path);
  await checkA11y(page);
  return response;
}

/** The demo staff credentials `serve --demo` printed. */
export function demoStaff(role, stdout = process.env.MADOGUCHI_STDOUT) {
  const text = readFileSync(stdout, 'utf8');
  const line = text.split('\n').find((l) => l.startsWith(`Demo staff (${role})`));
  const [, userId, password, secret] = line.match(/user ID (\S+) \/ password (\S+) \/ TOTP \S+secret=([A-Z2-7]+)/);
  return { userId, password, secret };
}

function base32(secret) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const c of secret) bits += alphabet.indexOf(c).toString(2).padStart(5, '0');
  const bytes = [];
  for (let i = 0; i + 8 <= bits.length; i += 8) bytes.push(parseInt(bits.slice(i, i + 8), 2));
  return Buffer.from(bytes);
}

/** RFC 6238 TOTP, as an authenticator app computes it. */
export function totp(secret, at = Date.now()) {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(at / 1000 / 30)));
  const h = createHmac('sha1', base32(secret)).update(counter).digest();
  const o = h[h.length - 1] & 0xf;
  const code = ((h[o] & 0x7f) << 24) | (h[o + 1] << 16) | (h[o + 2] << 8) | h[o + 3];
  return String(code % 1e6).padStart(6, '0');
}

/**
 * Signs the demo staff member of `role` in through the page. A TOTP code is accepted once
 * (a replay is refused), so when an earlier test used this step's code the helper waits
 * for the next 30-second step and tries again.
 */
export async function signInStaff(page, role, base = BASE, stdout = process.env.MADOGUCHI_STDOUT, offsetMs = 0) {
  const staff = demoStaff(role, stdout);
  for (let attempt = 0; attempt < 3; attempt++) {
    await page.goto(`${base}/staff/sign-in?lang=ja`);
    await page.fill('#user_id', staff.userId);
    await page.fill('#password', staff.password);
    await page.fill('#totp_code', totp(staff.secret, Date.now() + offsetMs));
    await Promise.all([page.waitForNavigation(), page.locator('form[action="/staff/sign-in"] button').click()]);
    if (!new URL(page.url()).pathname.startsWith('/staff/sign-in')) return staff;
    const wait = 30_000 - ((Date.now() + offsetMs) % 30_000) + 500;
    await new Promise((resolve) => setTimeout(resolve, wait));
  }
  throw new Error(`staff sign-in as ${role} failed three times`);
}
