"""Checks the calendar files Madoguchi produces (rule NO-4) with PyPI's `icalendar`.

    python check.py URL SERVER_LOG MAIL_DIR

Against a `serve --demo` server: the demo job seeker books a consultation through the API,
downloads its calendar file, moves it to another time (BK-17), downloads it again, cancels
it and downloads it once more; registers for a seminar and cancels. Every file the product
wrote (the downloads and the attachments of the mail it sent to MAIL_DIR) must parse, carry
the product's PRODID, and tell one story per reservation: one UID, a rising SEQUENCE, the
reminders a day and 30 minutes before, and a cancellation as METHOD:CANCEL.
"""

import email
import email.policy
import json
import pathlib
import re
import sys
import time
import urllib.error
import urllib.request
from datetime import timedelta

from icalendar import Calendar

PRODID = "-//Madoguchi//Online Hello Work Counter 1.0//JA"
failures = []


def check(ok, what):
    print(("ok   " if ok else "FAIL ") + what)
    if not ok:
        failures.append(what)


class Api:
    """The JSON API with the session cookie (kept by hand: it is `Secure`, the demo is plain HTTP)."""

    def __init__(self, url):
        self.url = url
        self.cookie = None

    def call(self, method, path, body=None):
        data = None if body is None else json.dumps(body).encode()
        req = urllib.request.Request(self.url + path, data=data, method=method)
        req.add_header("Origin", self.url)
        if data is not None:
            req.add_header("Content-Type", "application/json")
        if self.cookie:
            req.add_header("Cookie", self.cookie)
        try:
            with urllib.request.urlopen(req, timeout=60) as r:
                for v in r.headers.get_all("Set-Cookie") or []:
                    if v.startswith("mdg_session="):
                        self.cookie = v.split(";", 1)[0]
                return r.status, r.headers.get("Content-Type", ""), r.read().decode()
        except urllib.error.HTTPError as e:
            return e.code, e.headers.get("Content-Type", ""), e.read().decode()

    def json(self, method, path, body=None):
        status, _, text = self.call(method, path, body)
        return status, json.loads(text) if text else None


def parse(text, what):
    try:
        cal = Calendar.from_ical(text)
    except Exception as e:  # noqa: BLE001 - any parse failure is the finding
        check(False, f"{what}: parses ({e})")
        return None
    check(str(cal.get("PRODID")) == PRODID, f"{what}: PRODID is the product's")
    check(str(cal.get("VERSION")) == "2.0", f"{what}: VERSION 2.0")
    return cal


def event(cal):
    events = [c for c in cal.walk("VEVENT")]
    return events[0] if len(events) == 1 else None


def published(cal, what, url=True):
    """A file that adds or updates an entry: PUBLISH, confirmed, reminders 1 day and 30 minutes before."""
    ev = event(cal)
    check(ev is not None, f"{what}: one VEVENT")
    if ev is None:
        return None
    check(str(cal.get("METHOD")) == "PUBLISH", f"{what}: METHOD:PUBLISH")
    check(str(ev.get("STATUS")) == "CONFIRMED", f"{what}: STATUS:CONFIRMED")
    start, end = ev.decoded("DTSTART"), ev.decoded("DTEND")
    check(start.utcoffset() == timedelta(0), f"{what}: DTSTART in UTC")
    check(end > start, f"{what}: DTEND after DTSTART")
    check(bool(str(ev.get("LOCATION", ""))), f"{what}: LOCATION names the office and app")
    if url:
        check(str(ev.get("URL", "")).startswith("http"), f"{what}: URL of the reservation on My Page")
    triggers = sorted(a.decoded("TRIGGER") for a in ev.walk("VALARM"))
    shown = ", ".join(f"-{-t}" for t in triggers)
    check(triggers == [timedelta(days=-1), timedelta(minutes=-30)], f"{what}: VALARMs a day and 30 minutes before ({shown})")
    text = cal.to_ical().decode().lower()
    check("passcode" not in text and "zoom.us" not in text, f"{what}: no meeting secrets")
    return ev


def cancelled(cal, what):
    ev = event(cal)
    check(ev is not None, f"{what}: one VEVENT")
    if ev is None:
        return None
    check(str(cal.get("METHOD")) == "CANCEL", f"{what}: METHOD:CANCEL")
    check(str(ev.get("STATUS")) == "CANCELLED", f"{what}: STATUS:CANCELLED")
    return ev


def mail_calendars(mail_dir, subject_part, since):
    """(subject, .ics text) of every mail under MAIL_DIR written after `since` whose subject has `subject_part`."""
    found = []
    for path in sorted(pathlib.Path(mail_dir).glob("*.eml"), key=lambda p: p.stat().st_mtime):
        if path.stat().st_mtime < since:
            continue
        msg = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
        if subject_part not in str(msg["Subject"]):
            continue
        for part in msg.walk():
            if part.get_content_type() == "text/calendar":
                found.append((str(msg["Subject"]), part.get_content()))
    return found


def wait_for_mail(mail_dir, subject_part, since, n=1):
    for _ in range(120):
        got = mail_calendars(mail_dir, subject_part, since)
        if len(got) >= n:
            return got
        time.sleep(0.5)
    check(False, f"a mail '{subject_part}' with a calendar file arrived")
    return []


def seq(ev):
    return int(ev.get("SEQUENCE", 0))


def main(url, log, mail_dir):
    started = time.time() - 1
    m = re.search(r"^Demo job seeker: user ID (\S+) / password (\S+)$", pathlib.Path(log).read_text(), re.M)
    if not m:
        sys.exit("error: the server printed no demo job seeker")
    api = Api(url)
    status, _ = api.json("POST", "/api/v1/session", {"user_id": m[1], "password": m[2]})
    if status != 200:
        sys.exit(f"error: the demo job seeker could not sign in ({status})")

    # Book the first free slot the rules allow, then move to another day's.
    _, slots = api.json("GET", "/api/v1/offices/28011/slots")
    booked, refusals = None, set()
    for s in slots:
        status, r = api.json("POST", "/api/v1/reservations", {"slot_id": s["id"]})
        if status == 201:
            booked = (r, s)
            break
        refusals.add(r.get("code") if r else status)
    if booked is None:
        sys.exit(f"error: none of {len(slots)} slots could be booked: {sorted(map(str, refusals))}")
    reservation, first = booked
    rid = reservation["id"]
    ics = f"/api/v1/reservations/{rid}/calendar.ics"
    status, ctype, text = api.call("GET", ics)
    check(status == 200 and ctype.startswith("text/calendar"), f"download: 200 text/calendar ({status} {ctype})")
    downloaded = [parse(text, "download after booking")]
    moved = None
    for s in slots:
        if s["start"][:10] == first["start"][:10] or s["id"] == first["id"]:
            continue
        status, r = api.json("POST", f"/api/v1/reservations/{rid}/reschedule", {"slot_id": s["id"]})
        if status == 200:
            moved = r
            break
    check(moved is not None and moved["id"] == rid, "the reservation moved and kept its id")
    downloaded.append(parse(api.call("GET", ics)[2], "download after the move"))
    status, _ = api.json("POST", f"/api/v1/reservations/{rid}/cancel")
    check(status == 200, "cancelled")
    downloaded.append(parse(api.call("GET", ics)[2], "download after the cancellation"))

    booked_mail = wait_for_mail(mail_dir, "予約が確定しました", started)
    changed_mail = wait_for_mail(mail_dir, "日時を変更しました", started)
    cancel_mail = wait_for_mail(mail_dir, "予約を取り消しました", started)
    mailed = [parse(booked_mail[-1][1], "booking mail"), parse(changed_mail[-1][1], "changed mail"), parse(cancel_mail[-1][1], "cancellation mail")]
    if None in downloaded or None in mailed:
        return
    d = [published(downloaded[0], "download after booking"), published(downloaded[1], "download after the move"), cancelled(downloaded[2], "download after the cancellation")]
    e = [published(mailed[0], "booking mail", url=False), published(mailed[1], "changed mail"), cancelled(mailed[2], "cancellation mail")]
    if None in d or None in e:
        return
    uids = {str(ev["UID"]) for ev in d + e}
    check(len(uids) == 1, f"one UID across booking, move and cancellation ({uids})")
    check([seq(ev) for ev in e] == [0, 1, 2], f"SEQUENCE rises in the mail: {[seq(ev) for ev in e]}")
    check([seq(ev) for ev in d] == [0, 1, 2], f"SEQUENCE rises in the downloads: {[seq(ev) for ev in d]}")
    check(d[0].decoded("DTSTART") != d[1].decoded("DTSTART"), "the move changed the time")

    # A seminar seat: registered, then cancelled; its own UID, a rising SEQUENCE.
    _, seminars = api.json("GET", "/api/v1/seminars")
    place = None
    for s in seminars:
        status, r = api.json("POST", f"/api/v1/seminars/{s['id']}/registrations")
        if status == 201 and r.get("state") == "registered":
            place = r
            break
    check(place is not None, "registered for a seminar")
    if place is None:
        return
    status, _ = api.json("POST", f"/api/v1/seminar-registrations/{place['id']}/cancel")
    check(status == 200, "seminar place cancelled")
    seat = parse(wait_for_mail(mail_dir, "参加登録が完了しました", started)[-1][1], "seminar registration mail")
    gone = parse(wait_for_mail(mail_dir, "セミナーの申込みを取り消しました", started)[-1][1], "seminar cancellation mail")
    if seat is None or gone is None:
        return
    a, b = published(seat, "seminar registration mail", url=False), cancelled(gone, "seminar cancellation mail")
    if a is not None and b is not None:
        check(str(a["UID"]) == str(b["UID"]), "the seminar's cancellation names its UID")
        check(seq(b) > seq(a), "the seminar's cancellation is newer")


if __name__ == "__main__":
    main(*sys.argv[1:4])
    if failures:
        print(f"\n{len(failures)} calendar check(s) failed")
        sys.exit(1)
    print("\nevery calendar file checked")
