#!/usr/bin/env python3
"""Schemathesis against a real bridge: `serve --sandbox` on a fresh SQLite database, the demo
tenant's user connected with every scope through the real consent flow, then `schemathesis run --checks all` with a fixed
seed and bounded examples over every operation of /openapi.json. Exits non-zero on any failure.

Usage: .ci/schemathesis.py [path to the intervals-bridge binary] [extra schemathesis options]
"""
import os
import re
import socket
import subprocess
import sys
import tempfile
from urllib.parse import parse_qs, urlparse

import requests

SEED = os.environ.get("SCHEMATHESIS_SEED", "20261207")
MAX_EXAMPLES = os.environ.get("SCHEMATHESIS_MAX_EXAMPLES", "20")
ATHLETE = "i317960"


# Every operation's path user is the connected one. The document states every rule OpenAPI can
# (ranges, patterns, enums, lengths, item counts, closed objects). A few operations also have rules
# it cannot state, which their descriptions give in words: those may answer a schema-valid
# request with 422 (and only they, and only that status more):
# - list_users, list_webhook_deliveries: a `cursor` this API did not issue;
# - list_activities, read_wellness, list_workouts: a date window over 366 days, or reversed;
# - upload_activity: a file that is not FIT, TCX or GPX;
# - create_connect_session: a `redirect_url` not registered on the tenant, one area twice;
# - update_tenant: URLs that are not https or public, a name another tenant has;
# - queue_wellness, upsert_workouts: a record's fields checked against each other, the clock and
#   their kinds (a WORKOUT needs `type` and `description` or `file`, not both; a file's bytes; a
#   wellness day between 1900 and a year from now; wellness values);
# - get_activity, download_activity_file, download_activity_fit_file: an activity from Strava
#   (its id is in the typed activity list, where Schemathesis finds it): Intervals.icu refuses to
#   share it, 422 `upstream-rejected`;
# - the POSTs that take an `Idempotency-Key` (rotate_webhook_secret, rotate_api_key,
#   retry_webhook_delivery, send_test_webhook): a key already used with another request is a 422
#   by design, and Schemathesis repeats header values across operations.
CONFIG = """
[parameters]
"path.user_id" = "demo-user"

[[operations]]
include-operation-id = [
  "list_users", "list_webhook_deliveries", "list_activities", "read_wellness", "list_workouts",
  "upload_activity", "create_connect_session", "update_tenant", "queue_wellness", "upsert_workouts",
  "rotate_webhook_secret", "rotate_api_key", "retry_webhook_delivery", "send_test_webhook",
  "get_activity", "download_activity_file", "download_activity_fit_file",
]
checks.positive_data_acceptance.expected-statuses = ["2xx", "3xx", 401, 403, 404, 409, 422, 429, "5xx"]

# DELETE /workouts?external_id=… deletes some planned workouts by the partner's ids; the GET of the
# same path is the calendar, which rightly still answers 200 afterwards (use_after_free takes the
# two for one resource). No other check is switched off anywhere.
[[operations]]
include-operation-id = ["delete_workouts", "list_workouts"]
checks.use_after_free.enabled = false
"""


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(binary, work):
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = dict(
        os.environ,
        BRIDGE_DATABASE_URL=f"sqlite://{work}/bridge.db",
        BRIDGE_ENCRYPTION_KEYS="",
        BRIDGE_LISTEN=f"127.0.0.1:{port}",
        BRIDGE_PUBLIC_URL=base,
        RUST_LOG=os.environ.get("RUST_LOG", "warn"),
    )
    env.pop("BRIDGE_ENCRYPTION_KEYS")
    log = open(os.path.join(work, "bridge.log"), "w")
    proc = subprocess.Popen(
        [binary, "serve", "--sandbox"],
        cwd=work,
        env=env,
        stdout=subprocess.PIPE,
        stderr=log,
        text=True,
    )
    key = link = None
    for line in proc.stdout:
        if m := re.search(r"Demo tenant API key: (\S+)", line):
            key = m.group(1)
        if line.strip().startswith(base + "/connect/"):
            link = line.strip()
        if key and link:
            break
    if not (key and link):
        proc.kill()
        sys.exit(f"the bridge did not print its demo key and link; see {work}/bridge.log")
    # Keep reading the banner's rest so the pipe never fills.
    subprocess.Popen(["cat"], stdin=proc.stdout, stdout=subprocess.DEVNULL)
    return proc, base, key, link


def connect(link):
    """The browser's walk: consent page, Intervals.icu's (the sandbox's), callback."""
    b = requests.Session()
    origin = "{0.scheme}://{0.netloc}".format(urlparse(link))
    assert b.get(link).status_code == 200
    r = b.post(link, data={"action": "continue"}, headers={"Origin": origin}, allow_redirects=False)
    assert r.status_code == 303, r.text
    authorize = r.headers["location"]
    assert b.get(authorize).status_code == 200
    q = {k: v[0] for k, v in parse_qs(urlparse(authorize).query).items()}
    form = [(k, q[k]) for k in ("client_id", "redirect_uri", "state", "scope")]
    form += [("athlete", ATHLETE)] + [("grant", s) for s in q["scope"].split(",")]
    form += [("action", "approve")]
    u = urlparse(authorize)
    r = b.post(f"{u.scheme}://{u.netloc}{u.path}", data=form, allow_redirects=False)
    assert r.status_code == 302, r.text
    r = b.get(r.headers["location"], allow_redirects=False)
    assert r.status_code in (200, 303), r.text


def main():
    args = sys.argv[1:]
    binary = os.path.abspath(args.pop(0) if args and not args[0].startswith("-") else "target/debug/intervals-bridge")
    with tempfile.TemporaryDirectory() as work:
        proc, base, key, link = start(binary, work)
        try:
            # The demo link asks for the default scopes; the user gets every area here, so no
            # operation answers only 403.
            auth = {"Authorization": f"Bearer {key}"}
            every = [f"{a}:WRITE" for a in ("ACTIVITY", "WELLNESS", "CALENDAR", "CHATS", "LIBRARY", "SETTINGS")]
            r = requests.post(f"{base}/v1/connect-sessions", headers=auth, json={"user_id": "demo-user", "scopes": every})
            assert r.status_code == 201, r.text
            connect(r.json()["connect_url"])
            users = requests.get(f"{base}/v1/users", headers=auth).json()
            assert [u["user_id"] for u in users["data"]] == ["demo-user"], users
            config = os.path.join(work, "schemathesis.toml")
            with open(config, "w") as f:
                f.write(CONFIG)
            common = [
                "schemathesis", "--no-color", "--config-file", config, "run", f"{base}/openapi.json",
                "--checks", "all",
                "--seed", SEED,
                "--max-examples", MAX_EXAMPLES,
                "--workers", "2",
                "-H", f"Authorization: Bearer {key}",
            ] + args
            # Rotating the API key twice or erasing the user would leave the other operations
            # nothing but 401s and 404s to answer: those two run last, on their own.
            last = ["--include-operation-id", "rotate_api_key", "--include-operation-id", "delete_user"]
            first = [a.replace("include", "exclude") for a in last]
            failed = 0
            for extra in (first, last):
                print("schemathesis run", " ".join(extra), flush=True)
                failed |= subprocess.call(common + extra, cwd=work)
            if failed:
                with open(os.path.join(work, "bridge.log")) as log:
                    print("--- the bridge's log, last 40 lines ---")
                    print("".join(log.readlines()[-40:]))
            return failed
        finally:
            proc.terminate()
            try:
                proc.wait(10)
            except subprocess.TimeoutExpired:
                proc.kill()


if __name__ == "__main__":
    sys.exit(main())
