// The counsellor's day page (MT-3, BK-11): the built-in rooms' state without a reload. The
// page works without this script (it shows the state as of loading); with it, every ten
// seconds the page asks /staff/day/rooms what each room last recorded and writes the words
// into the card's aria-live="polite" cell, so a screen reader hears "In the room" once.
const list = document.querySelector('[data-room-live]');
if (list) {
  const url = list.dataset.roomLive;
  const every = 10_000;
  const tick = async () => {
    if (!document.hidden) {
      try {
        const r = await fetch(url, { headers: { accept: 'application/json' }, credentials: 'same-origin', cache: 'no-store' });
        if (r.ok) {
          const { rooms } = await r.json();
          for (const { id, label } of rooms) {
            const cell = document.getElementById(`room-live-${id}`);
            if (cell && cell.textContent !== label) cell.textContent = label;
          }
        }
      } catch {
        // Offline for a moment, or signed out: the next round tries again.
      }
    }
    setTimeout(tick, every);
  };
  setTimeout(tick, every);
}
