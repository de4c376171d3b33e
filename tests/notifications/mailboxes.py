"""Email backends for the reminder tests."""

from __future__ import annotations

import json
import os
import time

from django.core.mail.backends.base import BaseEmailBackend


class Refusing(BaseEmailBackend):
    """A mail server that refuses everything."""

    def send_messages(self, messages):
        raise ConnectionRefusedError("mail server said no")


class Appending(BaseEmailBackend):
    """Appends each message as a line of JSON to the file ``VAHTI_TEST_MAILBOX`` names
    (one write each, so processes sending at once do not mix their lines). With
    ``VAHTI_TEST_DIE_AT=n`` the process dies on its n-th message, before handing it
    over: a worker killed halfway."""

    sent = 0

    def send_messages(self, messages):
        for message in messages:
            Appending.sent += 1
            if Appending.sent == int(os.environ.get("VAHTI_TEST_DIE_AT", "0") or 0):
                os._exit(9)
            time.sleep(float(os.environ.get("VAHTI_TEST_SEND_SECONDS", "0") or 0))
            line = json.dumps({"to": message.to, "subject": message.subject, "body": message.body})
            descriptor = os.open(
                os.environ["VAHTI_TEST_MAILBOX"], os.O_WRONLY | os.O_APPEND | os.O_CREAT
            )
            try:
                os.write(descriptor, (line + "\n").encode())
            finally:
                os.close(descriptor)
        return len(messages)
