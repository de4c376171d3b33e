"""Handing one email to the mail server, at most once.

A mail server may take an email and the worker be killed (or the connection cut)
before the server's answer arrives: the email may then have gone or not, and nobody on
this side can know which. Sending again would risk a duplicate, so the promise is *at
most once*:

1. the email is rendered and the connection opened; a failure here sent nothing, and
   the reminders stay waiting for a retry;
2. its reminders are claimed and marked "outcome unknown" with the email's Message-ID
   and the time, in a transaction of their own that commits *before* the hand-off (a
   second worker finds them claimed);
3. the email is handed over; when the server says it took it, they are marked sent.
   When it says no (a refused recipient, sender or message: an SMTP error reply), it
   took nothing, and they wait for a retry again. Anything else (a timeout, a lost
   connection, a killed process) leaves them "outcome unknown": not sent again
   automatically, and shown as such in the plan's reminder log, with the Message-ID to
   look for in the mail server's log.

A round sends many emails (thousands in a large plan), so the "sent" mark of one is
stored in the same transaction as the claim of the next (:class:`Sender`): one commit
per email, not two. Until then it is "outcome unknown", as a crash between its
hand-off and its mark would leave it anyway: a worker killed midway leaves only the
email it was handing over unknown, and never sends one twice. The round keeps one
connection to the mail server, checked (SMTP NOOP) before each claim and opened again
when the server has hung up meanwhile; after any failure the next email starts on a
new one.
"""

from __future__ import annotations

import logging
import smtplib
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMessage, get_connection, make_msgid
from django.db import connections, router, transaction

from vahti.notifications.models import Kind, Reminder

if TYPE_CHECKING:
    import datetime

    from vahti.plans.models import Plan

logger = logging.getLogger("vahti.reminders")

# Answers that mean the mail server took nothing: an SMTP error reply (to the sender,
# a recipient or the message itself), or a connection refused outright.
REFUSALS = (smtplib.SMTPResponseException, smtplib.SMTPRecipientsRefused, ConnectionRefusedError)

# "Service not available, closing transmission channel": a server that takes no more
# messages on this connection (Exim's default is 1,000), before it took this one.
SERVICE_CLOSING = 421


@dataclass
class Email:
    """One email: a recipient's pending reminders (rows, or what a round read of them:
    :class:`~vahti.notifications.reminders.Waiting`)."""

    plan: Plan
    recipient: str
    name: str
    address: str
    language: str
    digest: bool
    reminders: list[Reminder] = field(default_factory=list)

    @property
    def ids(self) -> list[int]:
        return [r.pk for r in self.reminders]


class NotSent(Exception):
    """The mail server did not take the email; it may be tried again."""


class OutcomeUnknown(Exception):
    """The hand-off began and ended without the mail server's answer."""


def new_message_id() -> str:
    # The site's own domain, not the machine's name (make_msgid's default asks DNS).
    return make_msgid("vahti", domain=urlsplit(settings.BASE_URL).hostname or "vahti.invalid")


def hand_over(
    email: Email, now: datetime.datetime, render: Callable[[Email], EmailMessage]
) -> bool:
    """Send ``email`` at most once; ``False`` when another worker has claimed all of its
    reminders. Raises :class:`NotSent` (retry later) or :class:`OutcomeUnknown`."""
    with Sender(now, render) as sender:
        return sender.hand_over(email)


class Sender:
    """Hands over a round's emails one by one, as :func:`hand_over` does; the "sent"
    mark of each is stored with the claim of the next, the last one's on
    :meth:`finish` (on leaving the ``with`` block)."""

    def __init__(self, now: datetime.datetime, render: Callable[[Email], EmailMessage]):
        self.now, self.render = now, render
        self.delivered: list[tuple[uuid.UUID, bool]] = []  # (batch, has feedback)
        # One connection to the mail server for the round, opened at its first email
        # (not a new one, with its greeting and log-in, per email); dropped after any
        # failure, so that the next email starts on a fresh one.
        self.connection = None

    def __enter__(self) -> Sender:
        return self

    def __exit__(self, *exc) -> None:
        self.finish()

    def finish(self) -> None:
        # The last email's "sent" first: a slow good-bye from the server must not keep
        # it "outcome unknown" meanwhile.
        try:
            if self.delivered:
                with transaction.atomic():
                    self._mark_sent()
                self.delivered = []
        finally:
            self._disconnect()

    def _connect(self):
        """The round's connection, open and answering (a mail server may have closed
        it since the last email: then a new one)."""
        if self.connection is not None and not _answers(self.connection):
            self._disconnect()
        if self.connection is None:
            connection = get_connection()
            connection.open()
            self.connection = connection
        return self.connection

    def _disconnect(self) -> None:
        connection, self.connection = self.connection, None
        if connection is not None:
            try:
                connection.close()
            except Exception:  # the outcome is recorded already
                logger.warning("Closing the connection to the mail server failed", exc_info=True)

    def _mark_sent(self) -> None:
        """The delivered emails' reminders are sent (inside the caller's transaction)."""
        if not self.delivered:
            return
        batches = [batch for batch, _feedback in self.delivered]
        _update(
            "batch", batches, Reminder.State.UNKNOWN,
            state=Reminder.State.SENT, sent_at=self.now, last_error="",
        )  # fmt: skip
        if forwarded := [batch for batch, feedback in self.delivered if feedback]:
            # The resident's words live in the feedback, deleted on schedule; the log
            # keeps that it was forwarded, not what it said.
            Reminder.objects.filter(batch__in=forwarded, kind=Kind.FEEDBACK).update(details={})

    def hand_over(self, email: Email) -> bool:
        try:
            message = self.render(email)
            connection = self._connect()
        except Exception as error:  # nothing was handed over
            self._disconnect()
            raise NotSent(str(error)) from error
        try:
            return self._claim_and_send(email, message, connection)
        except BaseException:
            self._disconnect()  # in whatever state the failure left it
            raise

    def _send(self, connection, message) -> int:
        try:
            return connection.send_messages([message])
        except smtplib.SMTPResponseException as error:
            if error.smtp_code != SERVICE_CLOSING:
                raise
        # The server closes the connection before taking the message (too many on it, or
        # shutting down): nothing was taken, so once more over a new one.
        self._disconnect()
        return self._connect().send_messages([message])

    def _claim(self, email: Email) -> tuple[uuid.UUID, str, int]:
        """Claims the email's waiting reminders, storing the previous emails' "sent"."""
        batch, message_id = uuid.uuid4(), new_message_id()
        with transaction.atomic():
            self._mark_sent()
            claimed = _update(
                "id", email.ids, Reminder.State.PENDING,
                state=Reminder.State.UNKNOWN, batch=batch, message_id=message_id,
                handed_at=self.now,
            )  # fmt: skip
        self.delivered = []
        return batch, message_id, claimed

    def _claim_and_send(self, email, message, connection) -> bool:
        batch, message_id, claimed = self._claim(email)
        if not claimed:
            return False  # another worker has them
        if claimed != len(email.ids):
            got = set(Reminder.objects.filter(batch=batch).values_list("pk", flat=True))
            email.reminders = [r for r in email.reminders if r.pk in got]
            try:
                message = self.render(email)
            except Exception as error:
                _release(batch)
                raise NotSent(str(error)) from error
        message.extra_headers["Message-ID"] = message_id
        try:
            taken = self._send(connection, message)
        except REFUSALS as error:
            _release(batch)
            raise NotSent(str(error)) from error
        except Exception as error:
            Reminder.objects.filter(batch=batch, state=Reminder.State.UNKNOWN).update(
                last_error=str(error)[:2000]
            )
            logger.error(
                "The hand-off of the email %s to %s was cut off before the mail server "
                "answered (%s): it may or may not have arrived, and it is not sent again.",
                message_id, email.address, error,
            )  # fmt: skip
            raise OutcomeUnknown(str(error)) from error
        if not taken:
            _release(batch)
            raise NotSent("The mail server took no message.")
        self.delivered.append((batch, any(r.kind == Kind.FEEDBACK for r in email.reminders)))
        return True


def _update(key: str, keys: list, in_state: str, /, **values) -> int:
    """``Reminder.objects.filter(<key>__in=keys, state=in_state).update(**values)`` as one
    plain statement: a round runs two for each of its thousands of emails, and building
    them through the ORM cost more than the database's work. Returns the rows changed."""
    connection = connections[router.db_for_write(Reminder)]
    opts, quote = Reminder._meta, connection.ops.quote_name
    fields = [opts.get_field(name) for name in values]
    key_field = opts.get_field(key)
    assignments = ", ".join(f"{quote(f.column)} = %s" for f in fields)
    marks = ", ".join(["%s"] * len(keys))
    # Names from the model, every value a parameter.
    sql = (
        f"UPDATE {quote(opts.db_table)} SET {assignments} "  # noqa: S608
        f"WHERE {quote(key_field.column)} IN ({marks}) AND {quote('state')} = %s"
    )
    prepared = zip(fields, values.values(), strict=True)
    params = [f.get_db_prep_save(value, connection) for f, value in prepared]
    params += [key_field.get_db_prep_value(k, connection, prepared=False) for k in keys]
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, str(in_state)])
        return cursor.rowcount


def _answers(connection) -> bool:
    """Whether an open SMTP connection still answers (other backends always do)."""
    smtp = getattr(connection, "connection", None)
    if smtp is None or not hasattr(smtp, "noop"):
        return True
    try:
        return smtp.noop()[0] == 250
    except Exception:
        return False


def _release(batch: uuid.UUID) -> None:
    """The server refused: nothing went, so the reminders wait again."""
    Reminder.objects.filter(batch=batch, state=Reminder.State.UNKNOWN).update(
        state=Reminder.State.PENDING, batch=None, message_id="", handed_at=None
    )
