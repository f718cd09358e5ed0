#!/usr/bin/python3
"""A real SMTP server for the test run (Debian's python3-aiosmtpd) that delivers every message it accepts
into the recipient's Maildir, ROOT/<domain>/<local>/Maildir, which is where the test Dovecot reads it.

Usage: maildir-smtp.py --port PORT --root DIR --password SECRET --pidfile FILE
Listens on 127.0.0.1 only. AUTH PLAIN/LOGIN is offered without TLS (loopback) and accepts any user with
SECRET; sending without AUTH is accepted too, as a relay inside a private network would.

Two kinds of recipient make the server misbehave after delivering, for the tests of a broken connection:
"hangup.*" answers 250 and then closes the connection (as a server does at its idle timeout or its limit of
messages per connection); "lost.*" closes it without answering, so the client cannot know the message arrived.
"""
import argparse
import asyncio
import os
import signal
import socket
import time
import uuid

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


class MaildirDelivery:
    def __init__(self, root):
        self.root = root

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        local, _, domain = address.rpartition("@")
        if not local or not domain or "/" in address or address.startswith("."):
            return "550 5.1.3 Bad recipient address syntax"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        content = envelope.original_content or envelope.content
        # Like a delivery agent: the envelope sender becomes Return-Path, lines end in LF on disk.
        data = b"Return-Path: <" + (envelope.mail_from or "").encode() + b">\n" + content.replace(b"\r\n", b"\n")
        for recipient in envelope.rcpt_tos:
            local, _, domain = recipient.lower().rpartition("@")
            box = os.path.join(self.root, domain, local, "Maildir")
            for sub in ("tmp", "new", "cur"):
                os.makedirs(os.path.join(box, sub), exist_ok=True)
            name = f"{time.time_ns()}.{uuid.uuid4().hex}.{socket.gethostname()}"
            with open(os.path.join(box, "tmp", name), "wb") as file:
                file.write(data)
            os.rename(os.path.join(box, "tmp", name), os.path.join(box, "new", name))
        locals_ = [r.rpartition("@")[0].lower() for r in envelope.rcpt_tos]
        if any(local.startswith("lost.") for local in locals_):
            server.transport.abort()
        elif any(local.startswith("hangup.") for local in locals_):
            asyncio.get_running_loop().call_soon(server.transport.close)
        return "250 2.0.0 Delivered"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--root", required=True)
    parser.add_argument("--password", required=True)
    parser.add_argument("--pidfile", required=True)
    args = parser.parse_args()

    def authenticate(server, session, envelope, mechanism, auth_data):
        ok = isinstance(auth_data, LoginPassword) and auth_data.password == args.password.encode()
        return AuthResult(success=ok)

    controller = Controller(
        MaildirDelivery(args.root),
        hostname="127.0.0.1",
        port=args.port,
        authenticator=authenticate,
        auth_require_tls=False,
        auth_required=False,
        enable_SMTPUTF8=True,
        data_size_limit=64 * 1024 * 1024,
    )
    controller.start()
    with open(args.pidfile, "w") as file:
        file.write(str(os.getpid()))
    signal.sigwait({signal.SIGTERM, signal.SIGINT})
    controller.stop()


if __name__ == "__main__":
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM, signal.SIGINT})
    main()
