"""Setting up a plan: the plan with its default lists in one step, its host names, and
the roles of its first people (vahti.plans.setup, vahti.access.roles)."""

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import ModelLogEntry

from tests.conftest import make_user
from tests.factories import OrganizationFactory, PlanFactory
from vahti.access.models import Role
from vahti.access.roles import (
    NOT_AN_EMAIL_MESSAGE,
    ORGANIZATION_NEEDED_MESSAGE,
    ORGANIZATION_OF_OTHER_PLAN_MESSAGE,
    UNKNOWN_ROLE_MESSAGE,
    role_grant,
)
from vahti.access.services import LOGIN_USED_ELSEWHERE_MESSAGE
from vahti.plans.models import (
    ActionImpact,
    ActionImplementationPhase,
    ActionSchedule,
    ActionStatus,
    CategoryType,
    Plan,
    PlanDomain,
)
from vahti.plans.setup import (
    HOST_TAKEN_MESSAGE,
    IDENTIFIER_TAKEN_MESSAGE,
    NOT_A_HOST_MESSAGE,
    PRIMARY_ALSO_OTHER_MESSAGE,
    UNKNOWN_LANGUAGE_MESSAGE,
    plan_create,
    plan_host_add,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def messages(error: ValidationError, field: str) -> list[str]:
    return error.value.message_dict[field]


def create_espoo(**changes):
    arguments = {
        "identifier": "espoo2030",
        "name": "Carbon-neutral Espoo 2030",
        "primary_language": "en",
        "other_languages": ["fi", "sv"],
        "time_zone": "Europe/Helsinki",
        "hosts": ["Ilmasto.Espoo.example"],
        **changes,
    }
    return plan_create(**arguments)


def test_a_new_plan_starts_with_lists_in_its_languages():
    admin = make_user("installer", is_superuser=True)
    plan = create_espoo(user=admin)

    plan = Plan.objects.get(identifier="espoo2030")
    assert plan.name_en == "Carbon-neutral Espoo 2030"
    assert plan.languages == ["en", "fi", "sv"]
    statuses = ActionStatus.objects.filter(plan=plan).order_by("order")
    assert [(s.name_fi, s.name_sv, s.name_en) for s in statuses][:3] == [
        ("Ei aloitettu", "Inte påbörjad", "Not started"),
        ("Ajallaan", "Enligt tidsplan", "On time"),
        ("Myöhässä", "Försenad", "Late"),
    ]
    assert [(s.identifier, s.color, s.sentiment, s.is_completed) for s in statuses][2:4] == [
        ("late", "#b3261e", "negative", False),
        ("completed", "#0b5394", "positive", True),
    ]
    assert ActionImplementationPhase.objects.filter(plan=plan).count() == 5
    impacts = ActionImpact.objects.filter(plan=plan).order_by("order")
    assert [i.identifier for i in impacts] == [
        "not_estimated",
        "small",
        "moderate",
        "significant",
        "very_significant",
    ]
    schedules = list(ActionSchedule.objects.filter(plan=plan).order_by("order"))
    assert len(schedules) == 3
    assert all(s.begins_at < s.ends_at for s in schedules)
    theme = CategoryType.objects.get(plan=plan)
    assert (theme.name_fi, theme.name_sv, theme.name_en, theme.is_primary) == (
        "Teema",
        "Tema",
        "Theme",
        True,
    )
    assert list(plan.domains.values_list("hostname", flat=True)) == ["ilmasto.espoo.example"]
    entry = ModelLogEntry.objects.get(action="vahti.plan.create")
    assert entry.object_id == str(plan.pk)
    assert entry.user == admin


def test_a_new_plan_comes_after_the_existing_ones():
    """The first plan stays the one served at hosts no plan claims."""
    first = PlanFactory(identifier="hnh2035")
    plan = create_espoo(hosts=[])
    assert list(Plan.objects.all()) == [first, plan]


def test_every_bad_argument_is_named_and_nothing_is_saved():
    PlanFactory(identifier="espoo2030")
    other = PlanFactory(identifier="vantaa")
    PlanDomain.objects.create(plan=other, hostname="ilmasto.espoo.example")

    with pytest.raises(ValidationError) as error:
        create_espoo(
            primary_language="de",
            other_languages=["fi", "xx"],
            time_zone="Mars/Olympus",
            hosts=["ilmasto.espoo.example", "https://espoo.example/"],
        )

    assert messages(error, "identifier") == [IDENTIFIER_TAKEN_MESSAGE % {"value": "espoo2030"}]
    assert messages(error, "primary_language") == [
        UNKNOWN_LANGUAGE_MESSAGE % {"value": "de", "known": "fi, sv, en"}
    ]
    assert messages(error, "other_languages") == [
        UNKNOWN_LANGUAGE_MESSAGE % {"value": "xx", "known": "fi, sv, en"}
    ]
    assert "Mars/Olympus" in messages(error, "time_zone")[0]
    assert messages(error, "hosts") == [
        HOST_TAKEN_MESSAGE % {"value": "ilmasto.espoo.example", "plan": "vantaa"},
        NOT_A_HOST_MESSAGE % {"value": "https://espoo.example/"},
    ]
    assert Plan.objects.count() == 2
    assert not ActionStatus.objects.exists()


def test_the_primary_language_is_not_an_other_language_too():
    with pytest.raises(ValidationError) as error:
        create_espoo(other_languages=["en", "fi"])
    assert messages(error, "other_languages") == [PRIMARY_ALSO_OTHER_MESSAGE % {"value": "en"}]
    assert not Plan.objects.exists()


def test_a_host_is_added_once_and_not_taken_from_another_plan():
    plan = create_espoo(hosts=[])
    other = PlanFactory(identifier="vantaa")
    PlanDomain.objects.create(plan=other, hostname="ilmasto.vantaa.example")

    assert plan_host_add(plan, "Ilmasto.Espoo.example.") is True
    assert plan_host_add(plan, "ilmasto.espoo.example") is False
    with pytest.raises(ValidationError) as error:
        plan_host_add(plan, "ilmasto.vantaa.example")
    assert messages(error, "hostname") == [
        HOST_TAKEN_MESSAGE % {"value": "ilmasto.vantaa.example", "plan": "vantaa"}
    ]
    assert list(plan.domains.values_list("hostname", flat=True)) == ["ilmasto.espoo.example"]
    assert ModelLogEntry.objects.filter(action="vahti.plan.host_add").count() == 1


def test_a_host_serves_several_plans_under_path_prefixes():
    plan = create_espoo(hosts=[])
    other = plan_create("vantaa", name="Vantaa", primary_language="fi")
    assert plan_host_add(plan, "Ilmasto.example", path_prefix="/Espoo/")
    assert not plan_host_add(plan, "ilmasto.example", path_prefix="espoo")  # idempotent
    assert plan_host_add(other, "ilmasto.example", path_prefix="vantaa")
    assert plan_host_add(other, "ilmasto.example")  # the root too
    assert sorted(
        PlanDomain.objects.values_list("hostname", "path_prefix", "plan__identifier")
    ) == [
        ("ilmasto.example", "", "vantaa"),
        ("ilmasto.example", "espoo", "espoo2030"),
        ("ilmasto.example", "vantaa", "vantaa"),
    ]
    with pytest.raises(ValidationError) as error:
        plan_host_add(other, "ilmasto.example", path_prefix="espoo")
    assert messages(error, "hostname") == [
        "The address “ilmasto.example/espoo/” already serves the plan “espoo2030”."
    ]


@pytest.mark.parametrize(
    ("prefix", "message"),
    [
        ("actions", "“actions” cannot be a path prefix: the site already uses /actions/"),
        ("admin", "“admin” cannot be a path prefix: the site already uses /admin/"),
        ("sv", "“sv” cannot be a path prefix: the site already uses /sv/"),
        ("a/b", "“a/b” is not a path prefix: use lower-case letters, digits and hyphens"),
        ("ä", "“ä” is not a path prefix"),
    ],
)
def test_a_reserved_or_malformed_path_prefix_is_refused(prefix, message):
    plan = create_espoo(hosts=[])
    with pytest.raises(ValidationError) as error:
        plan_host_add(plan, "ilmasto.example", path_prefix=prefix)
    [text] = messages(error, "path_prefix")
    assert text.startswith(message)
    assert not PlanDomain.objects.exists()


def test_a_role_creates_the_login_and_invites_it(mailoutbox, django_capture_on_commit_callbacks):
    plan = create_espoo(hosts=[])
    with django_capture_on_commit_callbacks(execute=True):
        role, created = role_grant(plan, " Aino.Admin@Espoo.example ", "plan_admin")

    assert created
    assert (role.plan, role.kind, role.user.email) == (
        plan,
        "plan_admin",
        "aino.admin@espoo.example",
    )
    assert not role.user.has_usable_password()
    assert [message.to for message in mailoutbox] == [["aino.admin@espoo.example"]]
    assert "/admin/password_reset/" in mailoutbox[0].body

    with django_capture_on_commit_callbacks(execute=True):
        again, created = role_grant(plan, "aino.admin@espoo.example", "plan_admin")
    assert (again, created) == (role, False)
    assert len(mailoutbox) == 1
    assert Role.objects.count() == 1


def test_a_login_of_another_plan_or_a_superuser_is_not_taken_over(mailoutbox):
    plan = create_espoo(hosts=[])
    elsewhere = make_user("vantaa_admin", "admin@vantaa.example")
    Role.objects.create(user=elsewhere, plan=PlanFactory(identifier="vantaa"), kind="plan_admin")
    make_user("root", "root@example.invalid", is_superuser=True)

    for email in ("admin@vantaa.example", "ROOT@example.invalid"):
        with pytest.raises(ValidationError) as error:
            role_grant(plan, email, "viewer")
        assert messages(error, "email") == [str(LOGIN_USED_ELSEWHERE_MESSAGE)]
    assert not Role.objects.filter(plan=plan).exists()
    assert mailoutbox == []


def test_a_bad_role_names_what_is_wrong():
    plan = create_espoo(hosts=[])
    foreign = OrganizationFactory(plan=PlanFactory(identifier="vantaa"), name_en="Vantaa")
    with pytest.raises(ValidationError) as error:
        role_grant(plan, "not-an-address", "owner")
    assert messages(error, "email") == [NOT_AN_EMAIL_MESSAGE % {"value": "not-an-address"}]
    assert messages(error, "kind") == [
        UNKNOWN_ROLE_MESSAGE % {"value": "owner", "known": "plan_admin, organization_admin, viewer"}
    ]
    with pytest.raises(ValidationError) as error:
        role_grant(plan, "a@espoo.example", "organization_admin")
    assert messages(error, "organization") == [str(ORGANIZATION_NEEDED_MESSAGE)]
    with pytest.raises(ValidationError) as error:
        role_grant(plan, "a@espoo.example", "organization_admin", foreign)
    assert messages(error, "organization") == [
        ORGANIZATION_OF_OTHER_PLAN_MESSAGE % {"value": foreign}
    ]
    assert not Role.objects.exists()
