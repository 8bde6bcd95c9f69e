// The built-in consultation room (rules MT-3, BK-11, BK-14, BK-15): device preview and
// choice, the waiting room, signalling over the WebSocket, the call and a chat that is not
// stored. The server records attendance; this page only says when its peer connection is
// up (`connected`). `window.__room` exposes the state to the browser tests.
'use strict';
import { Mesh } from './room-peer.js';

const root = document.getElementById('room');
const $ = (id) => document.getElementById(id);
const t = (key) => root.dataset['t' + key.replace(/(^|-)(\w)/g, (_, __, c) => c.toUpperCase())] || key;
const room = {
  id: root.dataset.id,
  role: root.dataset.role,
  me: null,
  admitted: false,
  finished: false,
  reported: false,
  peers: new Map(),
  stream: null,
  camera: null,
  sharing: null,
  mesh: null,
  ws: null,
};
window.__room = room;

function say(text) {
  $('room-status').textContent = text;
}

// Device preview and choice (the connection test's camera and level meter, BK-14).
let meterStop = null;
function meter(stream) {
  if (meterStop) meterStop();
  if (!stream.getAudioTracks().length) return;
  const ctx = new AudioContext();
  const analyser = ctx.createAnalyser();
  ctx.createMediaStreamSource(stream).connect(analyser);
  const data = new Uint8Array(analyser.fftSize);
  let running = true;
  const tick = () => {
    if (!running) return;
    analyser.getByteTimeDomainData(data);
    let peak = 0;
    for (const v of data) peak = Math.max(peak, Math.abs(v - 128) / 128);
    $('level').value = peak;
    requestAnimationFrame(tick);
  };
  tick();
  meterStop = () => { running = false; ctx.close(); };
}

async function fillDevices() {
  const devices = await navigator.mediaDevices.enumerateDevices();
  for (const [kind, select] of [['videoinput', $('camera')], ['audioinput', $('microphone')]]) {
    const chosen = select.value;
    select.replaceChildren();
    devices.filter((d) => d.kind === kind).forEach((d, i) => {
      const o = new Option(d.label || `${select.previousElementSibling.textContent} ${i + 1}`, d.deviceId);
      select.append(o);
    });
    if (chosen) select.value = chosen;
  }
}

async function preview() {
  if (room.stream) room.stream.getTracks().forEach((tr) => tr.stop());
  const pick = (id) => (id ? { deviceId: { exact: id } } : true);
  try {
    room.stream = await navigator.mediaDevices.getUserMedia({ video: pick($('camera').value), audio: pick($('microphone').value) });
  } catch (e) {
    room.stream = null;
    say(t('no-devices'));
    return;
  }
  room.camera = room.stream.getVideoTracks()[0] || null;
  $('preview').srcObject = room.stream;
  $('local-video').srcObject = room.stream;
  meter(room.stream);
  await fillDevices();
}

// Who is there: the counsellor's waiting list (C6-2: the verification name and number and
// the companion declaration stand beside it), and a video per admitted person.
function renderWaiting() {
  const list = $('waiting-list');
  if (!list) return;
  const waiting = [...room.peers.entries()].filter(([, p]) => !p.admitted);
  list.replaceChildren();
  if (!waiting.length) {
    const li = document.createElement('li');
    li.textContent = t('nobody');
    list.append(li);
  }
  for (const [id, p] of waiting) {
    const li = document.createElement('li');
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'primary';
    b.textContent = `${t('admit')}: ${t(p.role)}`;
    b.dataset.peer = id;
    b.addEventListener('click', () => send({ t: 'admit', peer: id }));
    li.append(b);
    list.append(li);
  }
}

function videoFor(peer, stream) {
  let li = document.getElementById(`v-${peer}`);
  if (!li) {
    li = document.createElement('li');
    li.id = `v-${peer}`;
    const v = document.createElement('video');
    v.autoplay = true;
    v.playsInline = true;
    const p = room.peers.get(peer);
    v.setAttribute('aria-label', p ? t(p.role) : '');
    const label = document.createElement('span');
    label.textContent = p ? (p.name ? `${t(p.role)} ${p.name}` : t(p.role)) : '';
    li.append(v, label);
    $('videos').append(li);
  }
  li.querySelector('video').srcObject = stream;
}

function forget(peer) {
  room.peers.delete(peer);
  room.mesh?.drop(peer);
  document.getElementById(`v-${peer}`)?.remove();
  renderWaiting();
}

function meet() {
  if (!room.admitted || !room.mesh) return;
  for (const [id, p] of room.peers) if (p.admitted) room.mesh.ensure(id, room.me < id);
}

function send(m) {
  if (room.ws && room.ws.readyState === WebSocket.OPEN) room.ws.send(JSON.stringify(m));
}

function chatLine(role, text) {
  const li = document.createElement('li');
  const who = document.createElement('strong');
  who.textContent = `${t(role)}: `;
  li.append(who, document.createTextNode(text));
  $('chat-log').append(li);
}

function showCall(on) {
  $('call').hidden = !on;
  $('prejoin').hidden = on;
}

function finish(text) {
  room.finished = true;
  room.mesh?.closeAll();
  for (const id of [...room.peers.keys()]) forget(id);
  showCall(false);
  say(text);
}

const handlers = {
  welcome(m) {
    room.me = m.id;
    room.admitted = m.admitted;
    room.reported = false;
    const policy = window.__roomPolicy || 'all';
    room.mesh = new Mesh({
      ice: m.ice, policy, stream: room.stream,
      send: (to, data) => send({ t: 'signal', to, data }),
      onTrack: videoFor,
      onState(peer, state) {
        if (state === 'connected') {
          say(t('connected'));
          // The server records whom it concerns (the job seeker; in an interview each side).
          if (!room.reported) { room.reported = true; send({ t: 'connected' }); }
        }
        if (state === 'failed' || state === 'closed') document.getElementById(`v-${peer}`)?.remove();
      },
    });
    showCall(room.admitted);
    const first = room.role === 'counsellor' ? 'host' : 'connecting';
    say(room.admitted ? t(first) : t('waiting'));
  },
  peer(m) {
    room.peers.set(m.id, { role: m.role, admitted: !!m.admitted, name: m.name || '' });
    renderWaiting();
    meet();
  },
  'peer-left'(m) { forget(m.id); },
  admitted() {
    room.admitted = true;
    showCall(true);
    say(t('admitted'));
  },
  signal(m) { if (room.mesh) room.mesh.signal(m.from, m.data).catch((e) => console.error('signal', e)); },
  chat(m) { chatLine(m.role, m.text); },
  attendance(m) {
    const el = $('attendance');
    if (el) el.textContent = t(m.kind === 'room_rejoined' ? 'rejoined' : 'joined');
  },
  replaced() { finish(t('replaced')); },
  ended() { finish(t('ended')); },
  closed() { finish(t('closed')); },
};

function connect() {
  room.finished = false;
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  const ws = new WebSocket(`${scheme}//${location.host}/rooms/${room.id}/ws`);
  room.ws = ws;
  ws.addEventListener('message', (e) => {
    let m;
    try { m = JSON.parse(e.data); } catch { return; }
    const h = handlers[m.t];
    if (h) h(m);
  });
  ws.addEventListener('close', () => {
    if (room.ws === ws && !room.finished) finish(t('lost'));
  });
}

$('join').addEventListener('click', () => {
  $('join').disabled = true;
  connect();
  setTimeout(() => { $('join').disabled = false; }, 1000);
});
$('leave').addEventListener('click', () => {
  send({ t: 'leave' });
  finish(t('left'));
  room.ws?.close();
});
$('end')?.addEventListener('click', () => send({ t: 'end' }));
$('camera').addEventListener('change', preview);
$('microphone').addEventListener('change', preview);

function toggle(button, kind, offKey, onKey) {
  button.addEventListener('click', () => {
    const tracks = kind === 'audio' ? room.stream?.getAudioTracks() : [room.camera].filter(Boolean);
    const off = button.getAttribute('aria-pressed') !== 'true';
    for (const tr of tracks || []) tr.enabled = !off;
    button.setAttribute('aria-pressed', String(off));
    button.textContent = t(off ? onKey : offKey);
  });
}
toggle($('toggle-mic'), 'audio', 'mic-off', 'mic-on');
toggle($('toggle-camera'), 'video', 'camera-off', 'camera-on');

// The counsellor shares a screen in place of the camera (MT-3).
$('share')?.addEventListener('click', async () => {
  const button = $('share');
  if (room.sharing) {
    room.sharing.stop();
    return;
  }
  let display;
  try { display = await navigator.mediaDevices.getDisplayMedia({ video: true }); } catch { return; }
  const track = display.getVideoTracks()[0];
  room.sharing = track;
  await room.mesh?.replaceVideo(track);
  $('local-video').srcObject = display;
  button.setAttribute('aria-pressed', 'true');
  button.textContent = t('unshare');
  track.addEventListener('ended', async () => {
    room.sharing = null;
    await room.mesh?.replaceVideo(room.camera);
    $('local-video').srcObject = room.stream;
    button.setAttribute('aria-pressed', 'false');
    button.textContent = t('share');
  });
  const stop = track.stop.bind(track);
  track.stop = () => { stop(); track.dispatchEvent(new Event('ended')); };
});

$('chat-form').addEventListener('submit', (e) => {
  e.preventDefault();
  const input = $('chat-text');
  const text = input.value.trim();
  if (!text) return;
  send({ t: 'chat', text });
  chatLine('you', text);
  input.value = '';
});

preview();
