"""Receiving, processing and deleting residents' feedback.

Spam is kept out without third-party services: a field people do not see (a honeypot)
must stay empty, the form must have been open for a few seconds and not for days (a
signed timestamp), each address may send only so many a hour, and texts have limits.
The texts are checked first, so that a person always learns what to fix. A message sent
faster than a person writes, or without a valid time stamp, is refused saying so, with
the text kept in the form: a person may have been quick, and must not be thanked for a
message that was thrown away. Only a filled-in honeypot, which no person sees, is
answered as if it were received; nothing is stored. Feedback reaches the
action's contact persons (or the plan admins) as a reminder of its own kind, as they
choose to get reminders (:mod:`vahti.notifications`).
"""

from __future__ import annotations

import datetime
import hashlib
import logging

from django.core import signing
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from vahti.core import counters
from vahti.core.addresses import address_group
from vahti.feedback.models import MAX_MESSAGE, MAX_NAME, Feedback
from vahti.plans.models import Plan

logger = logging.getLogger("vahti.feedback")

PER_HOUR = 5  # messages from one address in an hour
MIN_SECONDS = 3  # a person takes at least this long to write
MAX_AGE = 60 * 60 * 24  # a form older than a day is sent again
MAX_LINKS = 3
SALT = "vahti.feedback.form"

TOO_FAST = gettext_lazy(
    "Your message was not sent: it came within %(seconds)d seconds of opening the form, "
    "as messages from automated programs do. Wait a moment and send it again; your text "
    "is kept below."
)
BAD_TOKEN = gettext_lazy(
    "Your message was not sent: the form's time stamp was missing or not valid. Send it "
    "again; your text is kept below."
)


def form_token(now: datetime.datetime | None = None) -> str:
    """The signed moment the form was shown."""
    stamp = int((now or timezone.now()).timestamp())
    return signing.dumps(stamp, salt=SALT)


class Throttled(Exception):
    """Too many messages from one address."""


def _check_token(token: str, now: datetime.datetime) -> None:
    """Raises ``ValidationError`` saying why the message was not sent."""
    try:
        stamp = signing.loads(token or "", salt=SALT)
    except signing.BadSignature:
        raise ValidationError({"__all__": str(BAD_TOKEN)}) from None
    age = now.timestamp() - stamp
    if age < MIN_SECONDS:
        raise ValidationError({"__all__": str(TOO_FAST % {"seconds": MIN_SECONDS})})
    if age > MAX_AGE:
        raise ValidationError(
            {"__all__": _("The form was open for over a day: write your message again.")}
        )


def _rate_key(address: str) -> str:
    group = address_group(address)
    return "feedback-rate:" + hashlib.sha256(group.encode()).hexdigest()[:32]


def cleaned(*, message: str, name: str = "", email: str = "") -> dict:
    """The texts, checked: a clear message naming each field that is wrong."""
    errors = {}
    message = (message or "").strip()
    name = " ".join((name or "").split())
    email = (email or "").strip()
    if not message:
        errors["message"] = _("Write your message.")
    elif len(message) > MAX_MESSAGE:
        errors["message"] = _("The message is %(length)d characters long; at most %(max)d fit.") % {
            "length": len(message),
            "max": MAX_MESSAGE,
        }
    elif message.lower().count("http://") + message.lower().count("https://") > MAX_LINKS:
        errors["message"] = _("At most %(max)d links fit in a message.") % {"max": MAX_LINKS}
    if len(name) > MAX_NAME:
        errors["name"] = _("At most %(max)d characters fit in the name.") % {"max": MAX_NAME}
    if email:
        try:
            validate_email(email)
        except ValidationError:
            errors["email"] = _("“%(email)s” is not an email address.") % {"email": email}
    if errors:
        raise ValidationError(errors)
    return {"message": message, "name": name, "email": email}


def feedback_submit(
    plan, *, action=None, message: str, name: str = "", email: str = "", language: str,
    address: str, token: str, honeypot: str = "", now: datetime.datetime | None = None,
) -> Feedback | None:  # fmt: skip
    """Store a resident's feedback; None when the honeypot was filled in (nothing is
    stored). Raises ``ValidationError`` naming the fields that are wrong, or saying why
    the message looks automated, or ``Throttled``."""
    now = now or timezone.now()
    if not plan.feedback_enabled:
        raise ValidationError({"__all__": _("This plan does not take feedback.")})
    if action is not None and action.plan_id != plan.pk:
        raise ValidationError({"__all__": _("The action belongs to another plan.")})
    texts = cleaned(message=message, name=name, email=email)
    if honeypot:
        logger.info("Feedback refused as spam (honeypot) from %s", address)
        return None
    try:
        _check_token(token, now)
    except ValidationError:
        logger.info("Feedback refused: its time stamp looks automated, from %s", address)
        raise
    if counters.count(_rate_key(address), 60 * 60) > PER_HOUR:
        raise Throttled
    with transaction.atomic():
        return Feedback.objects.create(plan=plan, action=action, language=language, **texts)


@transaction.atomic
def feedback_mark(feedback: Feedback, *, processed: bool, user) -> None:
    if processed and feedback.processed_at is None:
        feedback.processed_at, feedback.processed_by = timezone.now(), user
    elif not processed:
        feedback.processed_at, feedback.processed_by = None, None
    feedback.save(update_fields=["processed_at", "processed_by"])


def feedback_purge(now: datetime.datetime | None = None) -> int:
    """Delete every plan's feedback older than the plan keeps it; how many went."""
    now = now or timezone.now()
    deleted = 0
    for plan_id, days in Plan.objects.values_list("pk", "feedback_retention_days"):
        deleted += Feedback.objects.filter(
            plan_id=plan_id, created_at__lt=now - datetime.timedelta(days=days)
        ).delete()[0]
    return deleted
