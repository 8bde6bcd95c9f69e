// The connection test (rule BK-14): camera preview, microphone level, and a download speed
// check against this server. Nothing is recorded or sent anywhere (BK-15).
'use strict';
(function () {
  const box = document.getElementById('connection-test');
  const result = document.getElementById('result');
  document.getElementById('start-test').addEventListener('click', async () => {
    const lines = [];
    try {
      const stream = await navigator.mediaDevices.getUserMedia({ video: true, audio: true });
      document.getElementById('preview').srcObject = stream;
      const ctx = new AudioContext();
      const analyser = ctx.createAnalyser();
      ctx.createMediaStreamSource(stream).connect(analyser);
      const data = new Uint8Array(analyser.fftSize);
      const meter = document.getElementById('level');
      const tick = () => {
        analyser.getByteTimeDomainData(data);
        let peak = 0;
        for (const v of data) peak = Math.max(peak, Math.abs(v - 128) / 128);
        meter.value = peak;
        requestAnimationFrame(tick);
      };
      tick();
      lines.push(box.dataset.ok);
    } catch (e) {
      lines.push(box.dataset.noCamera);
    }
    const started = performance.now();
    const response = await fetch('/connection-test/payload', { cache: 'no-store' });
    const bytes = (await response.arrayBuffer()).byteLength;
    const seconds = (performance.now() - started) / 1000;
    const mbps = ((bytes * 8) / seconds / 1e6).toFixed(1);
    lines.push(box.dataset.speed.replace('{mbps}', mbps));
    result.textContent = lines.join(' ');
  });
})();
