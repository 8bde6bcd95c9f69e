// The built-in consultation room in Chromium with fake camera and microphone (rules MT-3,
// BK-11, BK-14, BK-15, C6-2, C12-3). The pages keep the product's CSP, so only the room's
// own ES modules run. The job seeker (ja) confirms the checklist and waits; the counsellor
// (en) sees the verification name and number and the companion declaration, and admits;
// both peer connections reach "connected" with video bytes arriving, and the day page,
// open all along, turns from "waiting" to "in the room" without a reload, with nobody
// having pressed "joined". The job seeker leaves and
// comes back; a companion with a single-use link makes three. axe on every room page.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { launch } from './lib.mjs';
import {
  TURN_SECRET, axeStrict, bookBuiltin, candidateTypes, connected, createDatabase, dropDatabase, followClock, moveTo,
  signInCounsellor, signInSeeker, startServer, startTurn, stopAll, videoFlows,
} from './room-lib.mjs';

let browser;
let server;
before(async () => {
  browser = await launch({ media: true });
  server = await startServer();
});
after(async () => {
  await browser?.close();
  stopAll();
});

const context = (locale, width = 1280) =>
  browser.newContext({ locale, viewport: { width, height: 900 } });

async function shot(page, name) {
  if (process.env.ROOM_SHOTS) await page.screenshot({ path: `${process.env.ROOM_SHOTS}/${name}.png`, fullPage: true });
}

test('a consultation in the built-in room: waiting, admitted, connected, re-joined, three', async () => {
  const { base, stdout } = server;
  const seekerCtx = await context('ja-JP', 390);
  const seeker = await seekerCtx.newPage();
  await signInSeeker(seeker, base);
  const { id, start } = await bookBuiltin(seeker, base);
  // Ten minutes before the start the room opens (MT-3); five before, everyone is early.
  await moveTo(seeker, base, start - 5 * 60_000);
  await signInSeeker(seeker, base);

  // My Page links to the room; BK-14 first: the checklist, then the pre-join.
  await seeker.goto(`${base}/me`);
  await seeker.click(`a[href="/rooms/${id}"]`);
  await axeStrict(seeker);
  await shot(seeker, 'room-checklist-ja-390');
  for (const box of await seeker.locator('form[action$="/checklist"] input[type=checkbox]').all()) await box.check();
  await Promise.all([seeker.waitForNavigation(), seeker.locator('form[action$="/checklist"] button').click()]);
  await seeker.waitForFunction(() => document.getElementById('preview')?.srcObject);
  // BK-15: the no-recording notice stands on the room page.
  assert.match(await seeker.textContent('main'), /録画/);
  await axeStrict(seeker);
  await shot(seeker, 'room-prejoin-ja-390');
  await seeker.click('#join');
  await seeker.waitForFunction(() => /待合室/.test(document.getElementById('room-status').textContent));

  const staffCtx = await context('en-US');
  const counsellor = await staffCtx.newPage();
  await signInCounsellor(counsellor, base, stdout);
  // MT-3, BK-11: the day page, opened while the job seeker waits, follows the room live.
  const dayPage = await staffCtx.newPage();
  const day = new Date(start + 9 * 3600_000).toISOString().slice(0, 10);
  await dayPage.goto(`${base}/staff/day?date=${day}&lang=en`);
  await dayPage.waitForSelector(`#r${id}`);
  assert.match(await dayPage.textContent(`#room-live-${id}`), /Waiting in the room/);
  assert.equal(await dayPage.getAttribute(`#room-live-${id}`, 'aria-live'), 'polite');
  await axeStrict(dayPage);
  await counsellor.goto(`${base}/rooms/${id}?lang=en`);
  // C6-2, C12-3: what to check before letting anyone in.
  assert.equal((await counsellor.textContent('#verify-name')).trim(), '見本 花子');
  assert.equal((await counsellor.textContent('#verify-number')).trim(), '28011-00012345');
  assert.equal((await counsellor.textContent('#companion')).trim(), 'Interpreter (Vietnamese)');
  await axeStrict(counsellor);
  await counsellor.click('#join');
  const admit = counsellor.locator('#waiting-list button');
  await admit.waitFor();
  await axeStrict(counsellor);
  await shot(counsellor, 'room-waiting-en-1280');
  await admit.click();

  await connected(seeker, 1);
  await connected(counsellor, 1);
  await videoFlows(seeker);
  await videoFlows(counsellor);
  await axeStrict(seeker);
  await axeStrict(counsellor);
  await shot(seeker, 'room-call-ja-390');
  await shot(counsellor, 'room-call-en-1280');

  // BK-11: recorded by the room itself; the day page shows it without a reload (it asks
  // every 10 s) and with no click on "joined".
  await dayPage.waitForFunction(
    (id) => /^In the room$/.test(document.getElementById(`room-live-${id}`).textContent.trim()),
    id, { timeout: 30_000 },
  );
  await dayPage.reload();
  assert.match(await dayPage.textContent(`#r${id}`), /In the room/);
  assert.match(await dayPage.textContent(`#r${id}`), /Joined/);

  // A chat line arrives and is not stored (BK-15).
  await counsellor.fill('#chat-text', 'Hello from the counsellor');
  await counsellor.press('#chat-text', 'Enter');
  await seeker.waitForFunction(() => /Hello from the counsellor/.test(document.getElementById('chat-log').textContent));

  // Leave and come back within the slot: one consultation, no second admission.
  await seeker.click('#leave');
  await seeker.waitForFunction(() => !document.getElementById('prejoin').hidden);
  await seeker.click('#join');
  await connected(seeker, 1);
  await videoFlows(seeker);
  await dayPage.reload();
  assert.match(await dayPage.textContent(`#r${id}`), /joined again/);

  // The declared companion: a single-use link from the counsellor makes three.
  const linkPage = await staffCtx.newPage();
  await linkPage.goto(`${base}/rooms/${id}?lang=en`);
  await Promise.all([linkPage.waitForNavigation(), linkPage.locator('form[action$="/companion-link"] button').click()]);
  const link = await linkPage.inputValue('#companion-link');
  await linkPage.close();
  const guestCtx = await context('en-US');
  const guest = await guestCtx.newPage();
  await guest.goto(`${link}?lang=en`);
  await axeStrict(guest);
  await Promise.all([guest.waitForNavigation(), guest.locator('form button').click()]);
  await guest.waitForFunction(() => document.getElementById('preview')?.srcObject);
  await axeStrict(guest);
  await guest.click('#join');
  const admitGuest = counsellor.locator('#waiting-list button');
  await admitGuest.waitFor();
  await admitGuest.click();
  await connected(guest, 2);
  await connected(seeker, 2);
  await connected(counsellor, 2);
  await videoFlows(guest);
  await shot(guest, 'room-three-en-1280');
  // The link was for one browser only.
  const otherCtx = await context('en-US');
  const other = await otherCtx.newPage();
  await other.goto(`${link}?lang=en`);
  await Promise.all([other.waitForNavigation(), other.locator('form button').click()]);
  assert.match(await other.textContent('main'), /already used/);

  // The counsellor ends it: attended, and the room closes for everyone.
  await counsellor.click('#end');
  await seeker.waitForFunction(() => /終了/.test(document.getElementById('room-status').textContent));
  await dayPage.reload();
  assert.match(await dayPage.textContent(`#r${id}`), /Attended/);
  for (const c of [seekerCtx, staffCtx, guestCtx, otherCtx]) await c.close();
});

// Rule MT-3 with TURN: a server configured with coturn (use-auth-secret) mints a credential
// per join; with `iceTransportPolicy: "relay"` both browsers reach each other only through
// coturn on 127.0.0.1, media flows, and the selected candidates are relays. A credential
// whose expiry has passed gets no relay at all.
test('media through TURN with a minted credential; an expired one is refused', async (t) => {
  const turn = await startTurn();
  if (!turn) {
    t.skip('coturn is not installed (apt-get install coturn)');
    return;
  }
  const url = `turn:127.0.0.1:${turn.port}?transport=udp`;
  const relayed = await startServer({ env: { MADOGUCHI_ROOM__TURN_URLS: url, MADOGUCHI_ROOM__TURN_SECRET: TURN_SECRET } });
  const { base, stdout } = relayed;
  const relay = async (locale) => {
    const c = await context(locale);
    await c.addInitScript(() => { window.__roomPolicy = 'relay'; });
    return c;
  };
  const seekerCtx = await relay('ja-JP');
  const seeker = await seekerCtx.newPage();
  await signInSeeker(seeker, base);
  const { id, start } = await bookBuiltin(seeker, base);
  await moveTo(seeker, base, start - 2 * 60_000);
  await signInSeeker(seeker, base);
  await seeker.goto(`${base}/rooms/${id}`);
  for (const box of await seeker.locator('form[action$="/checklist"] input[type=checkbox]').all()) await box.check();
  await Promise.all([seeker.waitForNavigation(), seeker.locator('form[action$="/checklist"] button').click()]);
  await seeker.waitForFunction(() => document.getElementById('preview')?.srcObject);
  await seeker.click('#join');
  const staffCtx = await relay('en-US');
  const counsellor = await staffCtx.newPage();
  await signInCounsellor(counsellor, base, stdout);
  await counsellor.goto(`${base}/rooms/${id}?lang=en`);
  await counsellor.click('#join');
  await counsellor.locator('#waiting-list button').click();
  await connected(seeker, 1);
  await connected(counsellor, 1);
  await videoFlows(seeker);
  await videoFlows(counsellor);
  for (const page of [seeker, counsellor]) {
    const types = await candidateTypes(page);
    assert.ok(types.length > 0 && types.every((type) => type === 'relay'), `only relayed pairs: ${types}`);
  }
  const ice = await seeker.evaluate(() => window.__room.mesh.ice);
  assert.match(ice.find((s) => s.username).username, new RegExp(`^\\d+:r${id}-seeker$`));

  // The same secret, but an expiry in the past (wall clock): coturn refuses it.
  const credential = (expiry) => {
    const username = `${expiry}:r${id}-seeker`;
    return { urls: [url], username, credential: createHmac('sha1', TURN_SECRET).update(username).digest('base64') };
  };
  const gather = (server) => seeker.evaluate(async (server) => {
    const pc = new RTCPeerConnection({ iceServers: [server], iceTransportPolicy: 'relay' });
    pc.createDataChannel('probe');
    const found = [];
    const done = new Promise((resolve) => {
      pc.onicecandidate = (e) => (e.candidate ? found.push(e.candidate.type) : resolve());
      setTimeout(resolve, 8000);
    });
    await pc.setLocalDescription(await pc.createOffer());
    await done;
    pc.close();
    return found;
  }, server);
  const now = Math.floor(Date.now() / 1000);
  assert.deepEqual(await gather(credential(now - 60)), [], 'an expired credential gets no relay');
  assert.ok((await gather(credential(now + 600))).includes('relay'), 'a valid one does');
  await seekerCtx.close();
  await staffCtx.close();
});

// Rule MT-3, replicas: two `serve` processes on one PostgreSQL database relay signalling to
// each other through LISTEN/NOTIFY; the job seeker on one and the counsellor on the other
// are admitted and connected, with video arriving on both sides.
test('two replicas on PostgreSQL: the job seeker on one, the counsellor on the other', async (t) => {
  const db = createDatabase();
  if (!db) {
    t.skip('PostgreSQL is not reachable at 127.0.0.1:5432');
    return;
  }
  try {
    const a = await startServer({ database: db.url });
    const b = await startServer({ database: db.url, credentials: false });
    const seekerCtx = await context('ja-JP');
    const seeker = await seekerCtx.newPage();
    await signInSeeker(seeker, a.base);
    const { id, start } = await bookBuiltin(seeker, a.base);
    await moveTo(seeker, a.base, start - 3 * 60_000);
    await followClock(seeker, a.base, b.base);
    await signInSeeker(seeker, a.base);
    await seeker.goto(`${a.base}/rooms/${id}`);
    for (const box of await seeker.locator('form[action$="/checklist"] input[type=checkbox]').all()) await box.check();
    await Promise.all([seeker.waitForNavigation(), seeker.locator('form[action$="/checklist"] button').click()]);
    await seeker.waitForFunction(() => document.getElementById('preview')?.srcObject);
    await seeker.click('#join');
    const staffCtx = await context('en-US');
    const counsellor = await staffCtx.newPage();
    // The demo staff of the database's first seeding (the second server printed its own
    // credentials for the accounts that were already there).
    await signInCounsellor(counsellor, b.base, a.stdout);
    await counsellor.goto(`${b.base}/rooms/${id}?lang=en`);
    await counsellor.click('#join');
    await counsellor.locator('#waiting-list button').click();
    await connected(seeker, 1);
    await connected(counsellor, 1);
    await videoFlows(seeker);
    await videoFlows(counsellor);
    await seekerCtx.close();
    await staffCtx.close();
  } finally {
    stopAll();
    dropDatabase(db);
  }
});
