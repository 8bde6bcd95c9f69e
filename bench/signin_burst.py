#!/usr/bin/env python3
"""A sign-in burst against one `serve` (issue 11, contract): 1,000 sign-in attempts from 100
loopback addresses (127.0.0.2 …) fired within about two seconds, while /healthz is asked every
100 ms from 127.0.0.1 and the server's resident memory is sampled every 20 ms.

Usage: bench/signin_burst.py PATH/TO/madoguchi [--attempts 1000] [--addresses 100]
Prints the answers by status, the peak and settled resident memory, and /healthz's answers.
Exits 1 if the peak is 256 MiB or more, or /healthz failed once. Loopback only.
"""
import argparse
import http.client
import json
import os
import re
import socket
import subprocess
import sys
import tempfile
import threading
import time


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def rss_kib(pid):
    with open(f"/proc/{pid}/status") as f:
        m = re.search(r"^VmRSS:\s+(\d+) kB", f.read(), re.M)
    return int(m.group(1)) if m else 0


def attempt(port, source, user):
    try:
        c = http.client.HTTPConnection("127.0.0.1", port, timeout=60, source_address=(source, 0))
        body = json.dumps({"user_id": user, "password": "not-the-password-1"})
        c.request("POST", "/api/v1/session", body, {"Content-Type": "application/json"})
        status = c.getresponse().status
        c.close()
        return status
    except OSError as e:
        return type(e).__name__


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("binary")
    ap.add_argument("--attempts", type=int, default=1000)
    ap.add_argument("--addresses", type=int, default=100)
    a = ap.parse_args()
    port = free_port()
    work = tempfile.mkdtemp(prefix="madoguchi-burst-")
    server = subprocess.Popen(
        [a.binary, "serve", "--demo", "--listen", f"127.0.0.1:{port}", "--database-url", f"sqlite:{work}/m.db"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        cwd=work,
    )
    try:
        for _ in range(600):
            try:
                c = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
                c.request("GET", "/healthz")
                if c.getresponse().status == 200:
                    break
            except OSError:
                pass
            time.sleep(0.1)
        before = rss_kib(server.pid)
        peak = [before]
        health = {"ok": 0, "failed": 0, "slowest_ms": 0.0}
        done = threading.Event()

        def sample():
            while not done.is_set():
                peak[0] = max(peak[0], rss_kib(server.pid))
                time.sleep(0.02)

        def probe():
            while not done.is_set():
                t0 = time.monotonic()
                try:
                    c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                    c.request("GET", "/healthz")
                    ok = c.getresponse().status == 200
                except OSError:
                    ok = False
                health["ok" if ok else "failed"] += 1
                health["slowest_ms"] = max(health["slowest_ms"], (time.monotonic() - t0) * 1000)
                time.sleep(0.1)

        watchers = [threading.Thread(target=sample), threading.Thread(target=probe)]
        for w in watchers:
            w.start()
        results = []
        lock = threading.Lock()
        spacing = 2.0 / a.attempts  # all attempts sent within about two seconds

        def fire(i):
            source = f"127.0.0.{2 + i % a.addresses}"
            status = attempt(port, source, f"burst.user{i % 250:03d}")
            with lock:
                results.append(status)

        threads = []
        t0 = time.monotonic()
        for i in range(a.attempts):
            th = threading.Thread(target=fire, args=(i,))
            th.start()
            threads.append(th)
            delay = t0 + (i + 1) * spacing - time.monotonic()
            if delay > 0:
                time.sleep(delay)
        sent_in = time.monotonic() - t0
        for th in threads:
            th.join()
        answered_in = time.monotonic() - t0
        time.sleep(5)
        settled = rss_kib(server.pid)
        done.set()
        for w in watchers:
            w.join()
        counts = {}
        for r in results:
            counts[str(r)] = counts.get(str(r), 0) + 1
        print(f"attempts: {a.attempts} from {a.addresses} addresses, sent in {sent_in:.2f} s, all answered in {answered_in:.2f} s")
        print(f"answers: {dict(sorted(counts.items()))}")
        print(f"resident memory: before {before / 1024:.0f} MiB, peak {peak[0] / 1024:.0f} MiB, 5 s after {settled / 1024:.0f} MiB")
        print(f"/healthz: {health['ok']} ok, {health['failed']} failed, slowest {health['slowest_ms']:.0f} ms")
        bad = peak[0] >= 256 * 1024 or health["failed"] > 0
        print("signin burst: " + ("FAILED" if bad else "OK"))
        return 1 if bad else 0
    finally:
        server.terminate()
        server.wait(timeout=60)


if __name__ == "__main__":
    sys.exit(main())
