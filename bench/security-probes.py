#!/usr/bin/env python3
"""Replays the outside probes of Comptoir's security review against a running instance.

Each probe is what an attacker or a careless integrator sends (over-long and NUL webhook fields, a far-off
signature timestamp, control characters in return addresses, a contact dated in year 1, an old cookie after
sign-out, an answered call seen from the other site, a customer taken over through the public form, a
stranger locking an account, a cross-site API write) and states what must come back. Prints one line a probe
and exits 1 when any fails. Standard library only; started by bench/security-probes.sh, which runs the
instance with demo data, the webhook secrets and 127.0.0.1 as a known proxy.

Usage: bench/security-probes.py --base http://127.0.0.1:5090 --secret SECRET
"""

import argparse
import hashlib
import hmac
import http.client
import json
import re
import sys
import time
import urllib.parse
import uuid

PASSWORD = "Comptoir-Demo-2026"
DEMO = "@demo.comptoir.example"


class Client:
    """A browser-like client: its own cookies, its own forwarded address, no automatic redirects."""

    def __init__(self, base, address="203.0.113.10"):
        self.base = urllib.parse.urlsplit(base)
        self.cookies = {}
        self.address = address

    def request(self, method, path, body=None, headers=None, cookies=True):
        connection = http.client.HTTPConnection(self.base.hostname, self.base.port, timeout=120)
        sent = {"X-Forwarded-For": self.address}
        if cookies and self.cookies:
            sent["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        sent.update(headers or {})
        if isinstance(body, str):
            body = body.encode("utf-8")
        connection.request(method, path, body=body, headers=sent)
        response = connection.getresponse()
        data = response.read()
        for name, value in response.getheaders():
            if name.lower() == "set-cookie":
                pair = value.split(";", 1)[0]
                key, _, val = pair.partition("=")
                if val:
                    self.cookies[key] = val
                else:
                    self.cookies.pop(key, None)
        connection.close()
        return response.status, dict((k.lower(), v) for k, v in response.getheaders()), data.decode("utf-8", "replace")

    def form(self, path, fields, page=None):
        """Gets the page (for its anti-forgery token), then posts the form as a browser would."""
        _, _, html = self.request("GET", page or path)
        token = re.search(r'name="__RequestVerificationToken"[^>]*value="([^"]+)"', html)
        fields = dict(fields)
        if token:
            fields["__RequestVerificationToken"] = token.group(1)
        origin = f"{self.base.scheme}://{self.base.netloc}"
        return self.request("POST", path, urllib.parse.urlencode(fields), {
            "Content-Type": "application/x-www-form-urlencoded", "Origin": origin, "Sec-Fetch-Site": "same-origin"})

    def api(self, method, path, payload=None, headers=None):
        origin = f"{self.base.scheme}://{self.base.netloc}"
        sent = {"Content-Type": "application/json", "Origin": origin, "Sec-Fetch-Site": "same-origin"}
        sent.update(headers or {})
        return self.request(method, path, json.dumps(payload if payload is not None else {}), sent)

    def sign_in(self, account, password=PASSWORD):
        return self.form("/connexion", {"Form.Email": account + DEMO, "Form.Password": password})


class Probes:
    def __init__(self, base, secret):
        self.base = base
        self.secret = secret.encode("utf-8")
        self.failures = 0
        self.count = 0

    def check(self, name, ok, seen):
        self.count += 1
        if not ok:
            self.failures += 1
        print(f"{'ok  ' if ok else 'FAIL'}  {name}: {seen}")

    def webhook(self, path, payload, timestamp=None, raw=None):
        body = raw if raw is not None else json.dumps(payload, ensure_ascii=False).encode("utf-8")
        stamp = str(timestamp if timestamp is not None else int(time.time()))
        signature = "sha256=" + hmac.new(self.secret, stamp.encode() + b"." + body, hashlib.sha256).hexdigest()
        return Client(self.base).request("POST", path, body, {
            "Content-Type": "application/json", "X-Comptoir-Timestamp": stamp, "X-Comptoir-Signature": signature})

    @staticmethod
    def number():
        return "+3361" + str(uuid.uuid4().int)[:7]

    def sms(self, sender, text, **extra):
        payload = {"id": "SM" + uuid.uuid4().hex, "from": sender, "text": text}
        payload.update(extra)
        return self.webhook("/api/channels/sms", payload)

    def run(self):
        self.bad_webhook_fields()
        self.far_timestamp()
        self.return_urls()
        self.year_one()
        self.sign_out()
        self.answered_call()
        self.takeover()
        self.lock_out()
        self.cross_site_write()
        print(f"\n{self.count - self.failures} passed, {self.failures} failed")
        return 1 if self.failures else 0

    def bad_webhook_fields(self):
        cases = {
            "id of 400 characters": {"id": "x" * 400},
            "name of 5,000 characters": {"name": "n" * 5000},
            "language of 50 characters": {"language": "l" * 50},
            "to of 1,000 characters": {"to": "9" * 1000},
            "NUL in the text": {"text": "Bonjour\u0000 ma commande"},
            "NUL in the id": {"id": "SM\u0000" + uuid.uuid4().hex},
        }
        for name, override in cases.items():
            payload = {"id": "SM" + uuid.uuid4().hex, "from": self.number(), "text": "Ma commande n'est pas arrivée"}
            payload.update(override)
            status, _, body = self.webhook("/api/channels/sms", payload)
            self.check(f"SMS webhook, {name}", status in (200, 202) and status < 500, f"{status} {body[:90]}")
        social = {"id": "FB" + uuid.uuid4().hex, "from": "h" * 1000, "network": "facebook", "text": "Livraison en retard"}
        status, _, body = self.webhook("/api/channels/social", social)
        self.check("social webhook, from of 1,000 characters", status in (200, 202), f"{status} {body[:90]}")
        call = {"callId": "c" * 400, "caller": self.number(), "outcome": "missed", "startedAt": "2026-11-23T09:41:00Z"}
        status, _, body = self.webhook("/api/channels/phone/calls", call)
        self.check("phone webhook, callId of 400 characters", status in (200, 202), f"{status} {body[:90]}")

        form = Client(self.base, "203.0.113.11")
        status, _, _ = form.form("/contact", {"Form.Name": "Marie", "Form.Email": "marie@example.test", "Form.Topic": "ECOMMERCE",
                                              "Form.Message": "Mon colis\u0000 est perdu", "Form.SubmissionId": uuid.uuid4().hex})
        self.check("public form, NUL in the message", status == 400, status)

    def far_timestamp(self):
        status, _, _ = self.webhook("/api/channels/sms", {"id": "x", "from": "+33612345678", "text": "t"}, timestamp=253402300800)
        self.check("X-Comptoir-Timestamp 253402300800", status == 401, status)

    def return_urls(self):
        client = Client(self.base, "203.0.113.20")
        status, headers, _ = client.form("/connexion?ReturnUrl=%2F%09%2Fevil.example",
                                         {"Form.Email": "conseiller.evry" + DEMO, "Form.Password": PASSWORD, "ReturnUrl": "/\t/evil.example"},
                                         page="/connexion")
        location = headers.get("location", "")
        self.check("POST /connexion, ReturnUrl /\\t/evil.example", status < 500 and "evil" not in location, f"{status} -> {location!r}")
        status, headers, _ = Client(self.base, "203.0.113.21").form("/langue", {"culture": "en", "returnUrl": "/\t/evil.example"}, page="/connexion")
        location = headers.get("location", "")
        self.check("POST /langue, returnUrl /\\t/evil.example", status < 500 and "evil" not in location, f"{status} -> {location!r}")

    def year_one(self):
        status, _, body = self.sms(self.number(), "Colis jamais reçu", receivedAt="0001-01-01T00:00:00Z")
        admin = Client(self.base, "203.0.113.30")
        admin.sign_in("admin")
        created = "?"
        if status == 200:
            conversation = json.loads(body)["conversationId"]
            _, _, view = admin.request("GET", f"/api/conversations/{conversation}")
            created = json.loads(view)["createdAt"]
        ok = status == 202 or (status == 200 and not created.startswith("0001"))
        self.check("SMS with receivedAt 0001-01-01", ok, f"{status}, created {created}")

    def sign_out(self):
        advisor = Client(self.base, "203.0.113.40")
        advisor.sign_in("conseiller.evry")
        before, _, _ = advisor.request("GET", "/api/me")
        kept = dict(advisor.cookies)
        advisor.form("/deconnexion", {}, page="/app")
        replay = Client(self.base, "203.0.113.40")
        replay.cookies = kept
        after, _, _ = replay.request("GET", "/api/me")
        self.check("old cookie after sign-out", before == 200 and after == 401, f"/api/me {before} before, {after} after")

    def answered_call(self):
        call = {"callId": "c-" + uuid.uuid4().hex, "caller": self.number(), "outcome": "answered",
                "advisor": "conseiller.evry" + DEMO, "startedAt": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
                "durationSeconds": 120, "activity": "SWITCHBOARD"}
        status, _, body = self.webhook("/api/channels/phone/calls", call)
        conversation = json.loads(body).get("conversationId") if status == 200 else None
        seen = {}
        for account in ("conseiller.evry", "responsable.evry", "conseiller.tunis", "superviseur.tunis"):
            client = Client(self.base, "203.0.113.50")
            client.sign_in(account)
            seen[account] = client.request("GET", f"/api/conversations/{conversation}")[0]
        ok = seen["conseiller.evry"] == 200 and seen["responsable.evry"] == 200 and seen["conseiller.tunis"] == 404 and seen["superviseur.tunis"] == 404
        self.check("answered call seen by its site only", ok, f"call {status}; {seen}")

    def takeover(self):
        victim, second = self.number(), self.number()
        attacker = f"attaquant-{uuid.uuid4().hex[:8]}@example.test"
        status, _, body = self.sms(victim, "Bonjour, ma commande 608428726 n'est pas arrivée")
        victim_conversation = json.loads(body)["conversationId"]
        form = Client(self.base, "203.0.113.60")
        for phone in (victim, second):
            form.form("/contact", {"Form.Name": "Victime", "Form.Email": attacker, "Form.Phone": phone, "Form.Topic": "ECOMMERCE",
                                   "Form.Message": "Merci de mettre à jour mes coordonnées", "Form.SubmissionId": uuid.uuid4().hex, "magasin": ""})
        _, _, body = self.sms(second, "Où en est ma commande ?")
        attacker_conversation = json.loads(body)["conversationId"]
        admin = Client(self.base, "203.0.113.61")
        admin.sign_in("admin")
        view = json.loads(admin.request("GET", f"/api/conversations/{victim_conversation}")[2])
        identities = [i["value"] for i in view["customer"]["identities"]]
        mine = json.loads(admin.request("GET", f"/api/conversations/{attacker_conversation}")[2])
        ok = attacker_conversation != victim_conversation and attacker not in identities and second not in identities \
            and mine["customer"]["id"] != view["customer"]["id"]
        self.check("customer taken over through /contact", ok,
                   f"victim's identities {identities}; attacker's SMS in conversation {attacker_conversation} (victim's {victim_conversation})")

    def lock_out(self):
        stranger = Client(self.base, "198.51.100.7")
        for _ in range(6):
            stranger.sign_in("directeur.h001", "wrong-password-123")
        owner = Client(self.base, "198.51.100.8")
        status, headers, _ = owner.sign_in("directeur.h001")
        self.check("six wrong passwords from a stranger's address, then the owner from theirs", status == 302 and "connexion" not in headers.get("location", ""),
                   f"{status} -> {headers.get('location')}")

        def answers(account, address):
            """The status and the sign-in form's messages for a wrong password, then for one more once throttled."""
            client, seen = Client(self.base, address), []
            for attempt in range(7):
                status, _, html = client.sign_in(account, "wrong-password-123")
                if attempt in (0, 6):
                    summary = re.search(r'validation-summary-errors[^>]*>(.*?)</div>', html, re.S)
                    seen.append((status, re.findall(r"<li>([^<]+)</li>", summary.group(1) if summary else "")))
            return seen

        known, unknown = answers("directeur.h002", "198.51.100.9"), answers(f"personne-{uuid.uuid4().hex[:6]}", "198.51.100.10")
        self.check("known and unknown accounts answered alike, wrong and throttled", known == unknown and all(m for _, m in known), f"{known} / {unknown}")

    def cross_site_write(self):
        advisor = Client(self.base, "203.0.113.70")
        advisor.sign_in("conseiller.evry")
        status, _, _ = advisor.request("POST", "/api/conversations/1/notes", json.dumps({"text": "x"}),
                                       {"Content-Type": "application/json", "Origin": "https://evil.example", "Sec-Fetch-Site": "cross-site"})
        self.check("cookie API write from another site", status == 403, status)
        status, _, _ = advisor.request("POST", "/api/conversations/1/notes", "text=x",
                                       {"Content-Type": "text/plain", "Origin": f"{advisor.base.scheme}://{advisor.base.netloc}", "Sec-Fetch-Site": "same-origin"})
        self.check("cookie API write as text/plain", status == 415, status)
        _, headers, _ = advisor.request("GET", "/api/me")
        self.check("API answer not cached", "no-store" in headers.get("cache-control", ""), headers.get("cache-control"))


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--base", required=True)
    parser.add_argument("--secret", required=True)
    arguments = parser.parse_args()
    sys.exit(Probes(arguments.base, arguments.secret).run())
