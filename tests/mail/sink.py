#!/usr/bin/env python3
"""A real SMTP server on loopback for the tests (Debian python3-aiosmtpd).

Every message it accepts is written to DIR/<seq>.json: the envelope
sender and recipients, and the message as received. A recipient whose
local part starts with "refuse" is refused with 550 (a relay that refuses
a recipient). With --tls-cert/--tls-key it offers STARTTLS and, with
--auth USER:PASSWORD, requires a login over TLS before it takes mail.

  sink.py --port N --dir DIR [--pidfile F] [--tls-cert C --tls-key K]
          [--auth USER:PASSWORD]
"""
import argparse
import asyncio
import json
import os
import signal
import ssl
import sys
import time

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


class Handler:
    def __init__(self, directory):
        self.dir = directory
        self.seq = len([f for f in os.listdir(directory) if f.endswith('.json')])

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        local = address.split('@', 1)[0].lower()
        if local.startswith('refuse'):
            return '550 5.1.1 No such mailbox here'
        envelope.rcpt_tos.append(address)
        return '250 OK'

    async def handle_DATA(self, server, session, envelope):
        self.seq += 1
        rec = {
            'seq': self.seq,
            'mail_from': envelope.mail_from,
            'rcpt_tos': envelope.rcpt_tos,
            'data': envelope.original_content.decode('utf-8', 'replace'),
            'tls': session.ssl is not None,
            'auth': getattr(session, 'tn_login', None),
            'received_at': time.time(),
        }
        path = os.path.join(self.dir, '%06d.json' % self.seq)
        with open(path + '.tmp', 'w') as f:
            json.dump(rec, f)
        os.rename(path + '.tmp', path)
        return '250 Message accepted'


def main():
    p = argparse.ArgumentParser()
    p.add_argument('--port', type=int, required=True)
    p.add_argument('--dir', required=True)
    p.add_argument('--pidfile')
    p.add_argument('--tls-cert')
    p.add_argument('--tls-key')
    p.add_argument('--auth')
    a = p.parse_args()
    os.makedirs(a.dir, exist_ok=True)
    kw = {}
    if a.tls_cert:
        ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        ctx.load_cert_chain(a.tls_cert, a.tls_key)
        kw['tls_context'] = ctx
        kw['require_starttls'] = True
    if a.auth:
        user, pw = a.auth.split(':', 1)

        def check(server, session, envelope, mechanism, auth_data):
            ok = (isinstance(auth_data, LoginPassword) and
                  auth_data.login.decode() == user and
                  auth_data.password.decode() == pw)
            if ok:
                session.tn_login = user
            return AuthResult(success=ok, handled=False)
        kw['authenticator'] = check
        kw['auth_required'] = True
        kw['auth_require_tls'] = True
    ctl = Controller(Handler(a.dir), hostname='127.0.0.1', port=a.port,
                     server_hostname='localhost', **kw)
    ctl.start()
    if a.pidfile:
        with open(a.pidfile, 'w') as f:
            f.write(str(os.getpid()))
    stop = asyncio.Event()
    loop = asyncio.new_event_loop()
    for s in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(s, stop.set)
    loop.run_until_complete(stop.wait())
    ctl.stop()
    return 0


if __name__ == '__main__':
    sys.exit(main())
