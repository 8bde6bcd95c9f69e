// The built-in room's browser tests start what they need themselves (rule MT-3): demo
// servers with a test clock (on SQLite, or two on one fresh PostgreSQL database), coturn
// with a shared secret, and helpers to book a built-in slot and read a peer connection.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { checkA11y, signInStaff } from './lib.mjs';

const BIN = process.env.MADOGUCHI_BIN;
export const TURN_SECRET = 'e2e-turn-secret';
const children = [];
const dirs = [];

async function waitFor(pred, what, ms = 30_000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    const v = pred();
    if (v) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** A `serve --demo --test-clock` of its own: { base, stdout }. */
export async function startServer({ database, env = {}, credentials = true } = {}) {
  assert.ok(BIN, 'MADOGUCHI_BIN names the madoguchi binary');
  const dir = mkdtempSync(join(tmpdir(), 'mdg-room-'));
  dirs.push(dir);
  const stdout = join(dir, 'stdout.log');
  const url = database ?? `sqlite:${join(dir, 'room.db')}`;
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('MADOGUCHI_')));
  const child = spawn('bash', ['-c', `exec "$0" serve --demo --test-clock --listen 127.0.0.1:0 --database-url "$1" >"$2" 2>"$2.err"`,
    BIN, url, stdout], { cwd: dir, env: { ...clean, ...env }, stdio: 'ignore' });
  children.push(child);
  const line = await waitFor(() => existsSync(stdout) && readFileSync(stdout, 'utf8').match(/Open (http:\/\/127\.0\.0\.1:\d+)\//), 'the server');
  // A server on a database another one seeded prints no credentials.
  if (credentials) await waitFor(() => readFileSync(stdout, 'utf8').includes('Demo staff'), 'the demo credentials');
  return { base: line[1], stdout };
}

/** coturn on 127.0.0.1 with `use-auth-secret`: its port. */
export async function startTurn(port = 34780) {
  if (!existsSync('/usr/bin/turnserver')) return null;
  const dir = mkdtempSync(join(tmpdir(), 'mdg-turn-'));
  dirs.push(dir);
  const log = join(dir, 'turn.log');
  const child = spawn('/usr/bin/turnserver', ['-n', '--listening-ip=127.0.0.1', '--relay-ip=127.0.0.1',
    `--listening-port=${port}`, '--min-port=49160', '--max-port=49200', '--use-auth-secret',
    `--static-auth-secret=${TURN_SECRET}`, '--realm=madoguchi.test', '--allow-loopback-peers', '--no-cli',
    '--no-tls', '--no-dtls', '--no-multicast-peers', '--fingerprint', `--log-file=${log}`, '--simple-log', '--verbose'],
  { stdio: 'ignore' });
  children.push(child);
  await new Promise((r) => setTimeout(r, 1000));
  return { port, log };
}

export function stopAll() {
  for (const c of children) c.kill('SIGTERM');
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
}

/** The server's "now" in ms (the wall clock plus the test clock's offset). */
export async function serverNow(page, base) {
  await page.goto(`${base}/dev/clock`);
  return Date.now() + Number(await page.getAttribute('#clock-offset', 'data-seconds')) * 1000;
}

/** Moves the server's clock to `at` (ms) or a minute later. */
export async function moveTo(page, base, at) {
  const minutes = Math.ceil((at - (await serverNow(page, base))) / 60_000);
  assert.ok(minutes > 0, `the clock only moves forward (${minutes} min)`);
  await page.fill('#minutes', String(minutes));
  await Promise.all([page.waitForNavigation(), page.locator('form[action="/dev/clock"] button').click()]);
}

const jstDate = (ms) => new Date(ms + 9 * 3600 * 1000).toISOString().slice(0, 10);

export async function signInSeeker(page, base, userId = 'demo.seeker', lang = 'ja') {
  await page.goto(`${base}/sign-in?lang=${lang}`);
  await page.fill('#user_id', userId);
  await page.fill('#password', 'Sannomiya-Demo#2026');
  await Promise.all([page.waitForURL(/\/me$/), page.locator('form[action="/sign-in"] button').click()]);
}

/** Books the first free built-in slot from the server's tomorrow, with a companion. */
export async function bookBuiltin(page, base) {
  const from = jstDate((await serverNow(page, base)) + 24 * 3600 * 1000);
  const slots = await (await page.request.get(`${base}/api/v1/offices/28011/slots?from=${from}`)).json();
  const slot = slots.find((s) => s.app === 'builtin');
  assert.ok(slot, `a built-in slot from ${from}`);
  const r = await page.request.post(`${base}/api/v1/reservations`, {
    headers: { 'content-type': 'application/json', origin: base },
    data: { slot_id: slot.id, verify_name: '見本 花子', verify_number: '28011-00012345', topic: '転職の相談',
      companion: 'Interpreter (Vietnamese)' },
  });
  assert.equal(r.status(), 201, await r.text());
  return { id: (await r.json()).id, start: Date.parse(slot.start) };
}

export async function signInCounsellor(page, base, stdout) {
  const now = await serverNow(page, base);
  await signInStaff(page, 'counsellor', base, stdout, now - Date.now());
}

/** Every peer connection's state in this page. */
export function states(page) {
  return page.evaluate(() => [...(window.__room?.mesh?.pcs.values() ?? [])].map((pc) => pc.connectionState));
}

/** Waits until this page has `n` peer connections, all connected. */
export async function connected(page, n) {
  await page.waitForFunction((n) => {
    const pcs = [...(window.__room?.mesh?.pcs.values() ?? [])];
    return pcs.length === n && pcs.every((pc) => pc.connectionState === 'connected');
  }, n, { timeout: 30_000 });
}

/** Video bytes received over all peer connections (getStats `inbound-rtp`). */
export function videoBytes(page) {
  return page.evaluate(async () => {
    let total = 0;
    for (const pc of window.__room.mesh.pcs.values()) {
      (await pc.getStats()).forEach((s) => {
        if (s.type === 'inbound-rtp' && s.kind === 'video') total += s.bytesReceived;
      });
    }
    return total;
  });
}

/** Video bytes keep arriving: more after two seconds than now. */
export async function videoFlows(page) {
  const before = await videoBytes(page);
  await new Promise((r) => setTimeout(r, 2000));
  const after = await videoBytes(page);
  assert.ok(after > before && after > 0, `inbound video bytes grow (${before} → ${after})`);
}

/** The selected candidate pairs' local candidate types (e.g. `relay`). */
export function candidateTypes(page) {
  return page.evaluate(async () => {
    const types = [];
    for (const pc of window.__room.mesh.pcs.values()) {
      const stats = await pc.getStats();
      stats.forEach((s) => {
        if (s.type === 'candidate-pair' && s.nominated && s.state === 'succeeded') {
          types.push(stats.get(s.localCandidateId)?.candidateType);
        }
      });
    }
    return types;
  });
}

export { checkA11y };

/**
 * axe on a page that keeps the product's CSP (so the room's own scripts are what runs):
 * the checker is evaluated through the DevTools protocol, which the CSP does not govern.
 */
export async function axeStrict(page) {
  const { createRequire } = await import('node:module');
  const source = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(source);
  const result = await page.evaluate(async () => await globalThis.axe.run(document));
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`), [], `axe on ${page.url()}`);
}

/**
 * A fresh PostgreSQL database for a pair of replicas (dropped by `stopAll` callers through
 * `dropDatabase`), or null when PostgreSQL is not reachable at 127.0.0.1:5432.
 */
export function createDatabase() {
  const name = `mdg_room_e2e_${process.pid}_${Date.now()}`;
  const r = spawnSync('psql', ['-h', '127.0.0.1', '-U', 'postgres', '-tAc', `CREATE DATABASE ${name}`], { encoding: 'utf8' });
  if (r.status !== 0) return null;
  return { name, url: `postgres://postgres@127.0.0.1:5432/${name}` };
}

export function dropDatabase(db) {
  if (db) spawnSync('psql', ['-h', '127.0.0.1', '-U', 'postgres', '-tAc', `DROP DATABASE IF EXISTS ${db.name} WITH (FORCE)`]);
}

/** Moves a second server's test clock by the same minutes as the first (both start at 0). */
export async function followClock(page, leader, follower) {
  await page.goto(`${leader}/dev/clock`);
  const seconds = Number(await page.getAttribute('#clock-offset', 'data-seconds'));
  await page.goto(`${follower}/dev/clock`);
  const mine = Number(await page.getAttribute('#clock-offset', 'data-seconds'));
  const minutes = Math.round((seconds - mine) / 60);
  if (minutes <= 0) return;
  await page.fill('#minutes', String(minutes));
  await Promise.all([page.waitForNavigation(), page.locator('form[action="/dev/clock"] button').click()]);
}
