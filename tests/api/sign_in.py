"""Signs in to a `serve --demo` server and prints the session cookie's value.

    python sign_in.py URL SERVER_LOG seeker|counsellor|office_admin|national_admin

The job seeker signs in through the API; staff through the console's form, with the TOTP
code an authenticator app would show for the secret the server printed.
"""

import base64
import hashlib
import hmac
import re
import struct
import sys
import time

import requests


def totp(secret: str, at: float) -> str:
    """RFC 6238: SHA-1, 6 digits, 30-second steps."""
    key = base64.b32decode(secret + "=" * (-len(secret) % 8))
    digest = hmac.new(key, struct.pack(">Q", int(at) // 30), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    code = struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF
    return f"{code % 1_000_000:06d}"


def seeker(url: str, log: str) -> str:
    m = re.search(r"^Demo job seeker: user ID (\S+) / password (\S+)$", log, re.M)
    if not m:
        sys.exit("error: the server printed no demo job seeker")
    r = requests.post(
        f"{url}/api/v1/session",
        json={"user_id": m[1], "password": m[2]},
        headers={"Origin": url},
        timeout=60,
    )
    r.raise_for_status()
    return r.cookies["mdg_session"]


def staff(url: str, log: str, role: str) -> str:
    pattern = rf"^Demo staff \({role}\) at \S+ user ID (\S+) / password (\S+) / TOTP \S+secret=([A-Z2-7]+)"
    m = re.search(pattern, log, re.M)
    if not m:
        sys.exit(f"error: the server printed no demo staff member ({role})")
    form = requests.get(f"{url}/staff/sign-in", timeout=60)
    csrf = re.search(r'name="_csrf" value="([^"]+)"', form.text)
    if not csrf or "mdg_session" not in form.cookies:
        sys.exit("error: the staff sign-in page has no CSRF token")
    # By hand: the cookie may be `Secure`, which a client keeps off plain HTTP.
    r = requests.post(
        f"{url}/staff/sign-in",
        data={"_csrf": csrf[1], "user_id": m[1], "password": m[2], "totp_code": totp(m[3], time.time())},
        headers={"Origin": url, "Cookie": f"mdg_session={form.cookies['mdg_session']}"},
        allow_redirects=False,
        timeout=60,
    )
    if r.status_code != 303 or "mdg_session" not in r.cookies:
        sys.exit(f"error: staff sign-in answered {r.status_code}")
    return r.cookies["mdg_session"]


def main() -> None:
    url, log_path, who = sys.argv[1:]
    with open(log_path, encoding="utf-8") as f:
        log = f.read()
    print(seeker(url, log) if who == "seeker" else staff(url, log, who))


if __name__ == "__main__":
    main()
