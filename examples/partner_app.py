#!/usr/bin/env python3
"""A partner app's first hour against intervals-bridge, in one file.

It registers its own webhook endpoint and redirect URL on the tenant, creates a connect link for
one of its users, completes the consent as the athlete's browser would (the sandbox's
Intervals.icu consent page stands in for the real one), checks the signed redirect back,
receives and verifies the signed `connection.created` webhook, and uploads an activity.

Run it against `intervals-bridge serve --sandbox` (which prints the demo tenant's API key):

    pip install -r examples/requirements.txt     # the generated client's needs and standardwebhooks
    BRIDGE_URL=http://127.0.0.1:8080 BRIDGE_API_KEY=ib_live_… \
        PYTHONPATH=clients/python python3 examples/partner_app.py

Optional: BRIDGE_WEBHOOK_SECRET (the tenant's `whsec_…`; without it the app rotates the secret
to learn one, and the old one keeps working for 24 hours), SANDBOX_ATHLETE (default i317960),
PARTNER_USER_ID (default example-user). Prints one JSON line per step; exits non-zero on failure.
"""

import base64
import hashlib
import hmac
import http.server
import json
import os
import queue
import sys
import threading
import time
import urllib.parse
from datetime import datetime, timedelta, timezone
from io import BytesIO

import httpx
from standardwebhooks.webhooks import Webhook, WebhookVerificationError

from intervals_bridge_client import AuthenticatedClient
from intervals_bridge_client.api.activities import upload_activity
from intervals_bridge_client.api.connect import create_connect_session
from intervals_bridge_client.api.tenant import get_tenant, rotate_webhook_secret, update_tenant
from intervals_bridge_client.api.users import get_user
from intervals_bridge_client.models import (
    ConnectSessionCreated,
    CreateConnectSession,
    TenantView,
    TenantChanges,
    UploadForm,
    UploadResponse,
    User,
)
from intervals_bridge_client.types import File


def step(name, **facts):
    print(json.dumps({"step": name, **facts}), flush=True)


def fail(why):
    print(json.dumps({"error": why}), flush=True)
    sys.exit(1)


class Partner(http.server.ThreadingHTTPServer):
    """The partner's own web server: the webhook endpoint and the page users come back to."""

    def __init__(self):
        super().__init__(("127.0.0.1", 0), Handler)
        self.secret = None
        self.events = queue.Queue()
        self.redirects = queue.Queue()

    @property
    def url(self):
        return f"http://127.0.0.1:{self.server_address[1]}"


class Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("content-length", 0)))
        if self.path != "/webhooks":
            return self.answer(404)
        try:
            # Standard Webhooks: webhook-id, webhook-timestamp, webhook-signature.
            event = Webhook(self.server.secret).verify(body, dict(self.headers))
        except WebhookVerificationError as e:
            self.server.events.put(("unverified", str(e), self.headers.get("webhook-id")))
            return self.answer(400)
        # Deduplicate on webhook-id: the same on every attempt and resend.
        self.server.events.put(("verified", event, self.headers["webhook-id"]))
        self.answer(204)

    def do_GET(self):
        parsed = urllib.parse.urlsplit(self.path)
        if parsed.path != "/connected":
            return self.answer(404)
        self.server.redirects.put(dict(urllib.parse.parse_qsl(parsed.query)))
        self.answer(200, b"Connected. You can close this page.")

    def answer(self, status, body=b""):
        self.send_response(status)
        self.send_header("content-length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def redirect_is_genuine(query, secret, max_age=300):
    """The redirect's `sig` (README, "Connecting users"): HMAC-SHA256 over the other fields."""
    key = base64.b64decode(secret.removeprefix("whsec_"))
    fields = sorted((k, v) for k, v in query.items() if k in ("error", "scopes", "status", "ts", "user_id"))
    message = "&".join(f"{k}={v}" for k, v in fields)
    good = hmac.new(key, message.encode(), hashlib.sha256).hexdigest()
    return hmac.compare_digest(good, query.get("sig", "")) and abs(time.time() - int(query["ts"])) <= max_age


def consent_as_the_athlete(connect_url, athlete):
    """What the athlete does in a browser: confirm on the bridge's consent page, approve on
    (the sandbox's) Intervals.icu, and follow the redirects back to the partner."""
    with httpx.Client(follow_redirects=False, timeout=30) as browser:
        page = browser.get(connect_url)
        page.raise_for_status()
        origin = "{0.scheme}://{0.netloc}".format(urllib.parse.urlsplit(connect_url))
        hop = browser.post(connect_url, data={"action": "continue"}, headers={"origin": origin})
        if hop.status_code != 303:
            fail(f"the consent page answered {hop.status_code}")
        authorize = hop.headers["location"]
        browser.get(authorize).raise_for_status()
        q = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(authorize).query))
        form = {k: q[k] for k in ("client_id", "redirect_uri", "state", "scope")}
        form.update(athlete=athlete, action="approve", grant=q["scope"].split(","))
        action = urllib.parse.urlsplit(authorize)
        approved = browser.post(f"{action.scheme}://{action.netloc}{action.path}", data=form)
        if approved.status_code != 302:
            fail(f"the sandbox's consent answered {approved.status_code}")
        back = browser.get(approved.headers["location"])  # the bridge's /oauth/callback
        if back.status_code != 303:
            fail(f"the callback answered {back.status_code}: {back.text[:200]}")
        browser.get(back.headers["location"]).raise_for_status()  # our /connected page


def a_ride_gpx(start, tag):
    points = "".join(
        f'<trkpt lat="{46.5 + i / 1000}" lon="{6.6 + i / 1000}"><ele>{400 + i}</ele>'
        f"<time>{(start + timedelta(seconds=10 * i)).strftime('%Y-%m-%dT%H:%M:%SZ')}</time></trkpt>"
        for i in range(30)
    )
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<gpx version="1.1" creator="{tag}" '
        f'xmlns="http://www.topografix.com/GPX/1/1"><trk><name>{tag}</name><trkseg>{points}'
        "</trkseg></trk></gpx>\n"
    ).encode()


def main():
    base_url = os.environ.get("BRIDGE_URL", "http://127.0.0.1:8080").rstrip("/")
    api = AuthenticatedClient(base_url=base_url, token=os.environ["BRIDGE_API_KEY"])
    athlete = os.environ.get("SANDBOX_ATHLETE", "i317960")
    user_id = os.environ.get("PARTNER_USER_ID", "example-user")

    partner = Partner()
    threading.Thread(target=partner.serve_forever, daemon=True).start()

    # 1. Our webhook endpoint and redirect URL on the tenant, and the signing secret.
    tenant = get_tenant.sync(client=api)
    if not isinstance(tenant, TenantView):
        fail(f"GET /v1/tenant: {tenant}")
    back_to = f"{partner.url}/connected"
    changed = update_tenant.sync(client=api, body=TenantChanges(
        webhook_url=f"{partner.url}/webhooks",
        redirect_urls=[u for u in tenant.redirect_urls if u != back_to][:19] + [back_to],
    ))
    if not isinstance(changed, TenantView):
        fail(f"PATCH /v1/tenant: {changed}")
    partner.secret = os.environ.get("BRIDGE_WEBHOOK_SECRET")
    if not partner.secret:
        rotated = rotate_webhook_secret.sync(client=api)
        partner.secret = rotated.webhook_secret
    step("tenant", webhook_url=changed.webhook_url, redirect_url=back_to)

    # 2. A connect link for our user, opened by the athlete.
    session = create_connect_session.sync(client=api, body=CreateConnectSession.from_dict({
        "user_id": user_id, "redirect_url": back_to,
        "scopes": ["ACTIVITY:WRITE", "WELLNESS:WRITE"]}))
    if not isinstance(session, ConnectSessionCreated):
        fail(f"POST /v1/connect-sessions: {session}")
    step("connect_link", connect_url=session.connect_url, expires_at=session.expires_at)
    consent_as_the_athlete(session.connect_url, athlete)

    # 3. The redirect back: trusted only once its signature checks out.
    query = partner.redirects.get(timeout=30)
    if not redirect_is_genuine(query, partner.secret):
        fail(f"the redirect's signature does not verify: {query}")
    if query.get("status") != "connected":
        fail(f"not connected: {query}")
    step("redirect", user_id=query["user_id"], status=query["status"], scopes=query.get("scopes"))

    # 4. The signed connection.created webhook.
    deadline = time.time() + 60
    while True:
        try:
            verdict, event, webhook_id = partner.events.get(timeout=max(0.1, deadline - time.time()))
        except queue.Empty:
            fail("no connection.created webhook within 60 s")
        if verdict != "verified":
            fail(f"a webhook failed verification: {event}")
        if event["type"] == "connection.created" and event["data"]["user_id"] == user_id:
            break
    step("webhook", type=event["type"], webhook_id=webhook_id, athlete_id=event["data"]["athlete_id"])

    user = get_user.sync(user_id, client=api)
    if not isinstance(user, User):
        fail(f"GET /v1/users/{user_id}: {user}")

    # 5. An activity, with our own id so a retry never uploads it twice.
    start = datetime.now(timezone.utc).replace(microsecond=0) - timedelta(hours=2)
    external_id = f"ride-{int(start.timestamp())}"
    uploaded = upload_activity.sync_detailed(user_id, client=api, body=UploadForm(
        file=File(payload=BytesIO(a_ride_gpx(start, external_id)), file_name="ride.gpx"),
        external_id=external_id, name="Lunch ride"))
    if not isinstance(uploaded.parsed, UploadResponse):
        fail(f"upload: {uploaded.status_code} {uploaded.content[:300]!r}")
    step("upload", status=int(uploaded.status_code), activity_id=uploaded.parsed.activity_id,
         external_id=external_id, duplicate=uploaded.parsed.duplicate)
    partner.shutdown()


if __name__ == "__main__":
    main()
