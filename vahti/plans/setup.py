"""Setting up a new plan in an installation that hosts several: the plan with the lists
it needs to be usable at once, and the host names that serve it. Used by the
``plan_create`` and ``plan_host_add`` commands (and the admin's form for installation
admins)."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from vahti.core.i18n import column_name, language_codes
from vahti.core.services import upsert
from vahti.core.validators import validate_time_zone
from vahti.plans import defaults
from vahti.plans.models import (
    ActionImpact,
    ActionImplementationPhase,
    ActionSchedule,
    ActionStatus,
    CategoryType,
    Plan,
    PlanDomain,
    identifier_validator,
    normalise_hostname,
)
from vahti.plans.prefixes import normalise_prefix, validate_path_prefix

IDENTIFIER_TAKEN_MESSAGE = _("The identifier “%(value)s” is already used by another plan.")
NAME_REQUIRED_MESSAGE = _("Give the plan a name.")
UNKNOWN_LANGUAGE_MESSAGE = _(
    "“%(value)s” is not a language of this installation. Known: %(known)s."
)
PRIMARY_ALSO_OTHER_MESSAGE = _("The primary language “%(value)s” cannot also be an other language.")
HOST_TAKEN_MESSAGE = _("The host name “%(value)s” already serves the plan “%(plan)s”.")
NOT_A_HOST_MESSAGE = _(
    "“%(value)s” is not a host name: give the name alone, such as ilmastovahti.hel.fi, "
    "without a scheme, port or path."
)
PREFIX_TAKEN_MESSAGE = _("The address “%(value)s” already serves the plan “%(plan)s”.")


def _error(message, **params) -> ValidationError:
    return ValidationError(message % params if params else message)


def _language_errors(primary_language: str, other_languages: list[str]) -> dict:
    known = language_codes()
    errors: dict[str, list] = {}
    for name, codes in (
        ("primary_language", [primary_language]),
        ("other_languages", other_languages),
    ):
        for code in codes:
            if code not in known:
                errors.setdefault(name, []).append(
                    _error(UNKNOWN_LANGUAGE_MESSAGE, value=code, known=", ".join(known))
                )
    if primary_language in other_languages:
        errors.setdefault("other_languages", []).append(
            _error(PRIMARY_ALSO_OTHER_MESSAGE, value=primary_language)
        )
    return errors


def _host_error(host: str, plan: Plan | None, path_prefix: str = "") -> ValidationError | None:
    """Why ``host`` (under ``path_prefix``) cannot serve ``plan`` (a new plan when None),
    or None."""
    domain = PlanDomain(hostname=host)
    try:
        domain.clean()
    except ValidationError:
        return _error(NOT_A_HOST_MESSAGE, value=host)
    taken = PlanDomain.objects.filter(hostname__iexact=domain.hostname, path_prefix=path_prefix)
    taken = taken.select_related("plan").first()
    if taken is not None and (plan is None or taken.plan_id != plan.pk):
        if path_prefix:
            return _error(
                PREFIX_TAKEN_MESSAGE,
                value=f"{domain.hostname}/{path_prefix}/",
                plan=taken.plan.identifier,
            )
        return _error(HOST_TAKEN_MESSAGE, value=domain.hostname, plan=taken.plan.identifier)
    return None


def _texts(name: str, translations: dict) -> dict:
    return {column_name(name, code): translations.get(code, "") for code in language_codes()}


def _lists(plan: Plan, today: datetime.date) -> None:
    """The default lists, through the same upsert as the importer and the demo loader."""
    for model, items, extra in (
        (ActionStatus, defaults.STATUSES, ("is_completed", "color", "sentiment")),
        (ActionImplementationPhase, defaults.PHASES, ("color",)),
        (ActionImpact, defaults.IMPACTS, ("is_estimate",)),
        (ActionSchedule, defaults.schedules(today), ("begins_at", "ends_at")),
        (CategoryType, defaults.CATEGORY_TYPES, ("is_primary",)),
    ):
        for order, item in enumerate(items):
            values = {**_texts("name", item["name"]), "order": order}
            values.update({name: item[name] for name in extra})
            upsert(model, {"plan": plan, "identifier": item["identifier"]}, values)


def _create_errors(
    identifier: str, name: str, primary_language: str, other_languages: list[str],
    time_zone: str, hosts: list[str],
) -> dict[str, list]:  # fmt: skip
    """What is wrong with the arguments of a new plan, by argument."""
    errors: dict[str, list] = {}
    try:
        identifier_validator(identifier)
    except ValidationError as error:
        errors["identifier"] = error.error_list
    else:
        if Plan.objects.filter(identifier__iexact=identifier).exists():
            errors["identifier"] = [_error(IDENTIFIER_TAKEN_MESSAGE, value=identifier)]
    if not name:
        errors["name"] = [ValidationError(NAME_REQUIRED_MESSAGE)]
    errors.update(_language_errors(primary_language, other_languages))
    try:
        validate_time_zone(time_zone)
    except ValidationError as error:
        errors["time_zone"] = error.error_list
    host_errors = [error for error in (_host_error(host, None) for host in hosts) if error]
    if host_errors:
        errors["hosts"] = host_errors
    return errors


@transaction.atomic
def plan_create(
    identifier: str,
    name: str,
    primary_language: str = settings.LANGUAGE_CODE,
    other_languages: list[str] | tuple[str, ...] = (),
    time_zone: str = "Europe/Helsinki",
    hosts: list[str] | tuple[str, ...] = (),
    user=None,
) -> Plan:
    """A new plan, usable at once: its default lists in its languages and its host names.
    A ``ValidationError`` naming every bad argument, and nothing saved."""
    identifier = identifier.strip()
    name = " ".join(name.split())
    other_languages = list(dict.fromkeys(code.strip() for code in other_languages if code.strip()))
    hosts = list(dict.fromkeys(normalise_hostname(host) for host in hosts if host.strip()))
    errors = _create_errors(identifier, name, primary_language, other_languages, time_zone, hosts)
    if errors:
        raise ValidationError(errors)
    # After the existing plans: the first plan stays the one served at unknown hosts.
    last = Plan.objects.aggregate(last=Max("order"))["last"]
    plan = Plan(
        identifier=identifier,
        primary_language=primary_language,
        other_languages=other_languages,
        time_zone=time_zone,
        order=0 if last is None else last + 1,
        **{column_name("name", primary_language): name},
    )
    plan.full_clean()
    plan.save()
    _lists(plan, timezone.now().astimezone(plan.tzinfo).date())
    for host in hosts:
        PlanDomain.objects.create(plan=plan, hostname=host)
    log(
        plan,
        "vahti.plan.create",
        user=user,
        data={
            "identifier": identifier,
            "name": name,
            "primary_language": primary_language,
            "other_languages": other_languages,
            "time_zone": time_zone,
            "hosts": hosts,
        },
    )
    return plan


@transaction.atomic
def plan_host_add(plan: Plan, host: str, path_prefix: str | None = None, *, user=None) -> bool:
    """Serve ``plan`` at ``host`` too, at its root or under ``path_prefix``
    (``/<prefix>/``). Returns False when it already is; a ``ValidationError`` when the
    host is not a host name, the prefix is not a usable one, or the address serves
    another plan."""
    prefix = normalise_prefix(path_prefix)
    try:
        validate_path_prefix(prefix)
    except ValidationError as error:
        raise ValidationError({"path_prefix": error}) from None
    error = _host_error(host, plan, prefix)
    if error is not None:
        raise ValidationError({"hostname": error})
    hostname = normalise_hostname(host)
    if PlanDomain.objects.filter(plan=plan, hostname=hostname, path_prefix=prefix).exists():
        return False
    domain = PlanDomain.objects.create(plan=plan, hostname=hostname, path_prefix=prefix)
    log(
        plan,
        "vahti.plan.host_add",
        user=user,
        data={"hostname": domain.hostname, "path_prefix": domain.path_prefix},
    )
    return True


@transaction.atomic
def plan_host_remove(domain: PlanDomain, *, user=None) -> None:
    """Stop serving the domain's plan at its address."""
    plan = domain.plan
    data = {"hostname": domain.hostname, "path_prefix": domain.path_prefix}
    domain.delete()
    log(plan, "vahti.plan.host_remove", user=user, data=data)


def plan_differences(
    plan: Plan,
    *,
    name: str,
    primary_language: str,
    other_languages: list[str] | tuple[str, ...],
    time_zone: str,
    hosts: list[str] | tuple[str, ...] = (),
) -> list[str]:
    """The arguments of ``plan_create`` in which the existing ``plan`` differs from these
    (hosts it lacks count; hosts it has beyond these do not): empty when creating it
    again would change nothing."""
    served = set(plan.domains.values_list("hostname", flat=True))
    differ = {
        "name": " ".join(name.split()) != getattr(plan, column_name("name", primary_language)),
        "primary_language": primary_language != plan.primary_language,
        "other_languages": list(other_languages) != list(plan.other_languages),
        "time_zone": time_zone != plan.time_zone,
        "hosts": not {normalise_hostname(host) for host in hosts} <= served,
    }
    return [argument for argument, differs in differ.items() if differs]
