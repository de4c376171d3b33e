"""Three plans for the tests of leaks across plans: two marked plans, whose every
object's name and identifier carries MARKER (internal and draft ones included), and a
second plan with its own admin, organisation admin, viewer and contact person, who must
never see the marked plans' objects in the admin. The marked plan is served under a path
prefix of a host it shares with the second plan; the other two have hosts of their own.

Every marked text also holds the word SEARCH_WORD, so that searches can look for the
marked objects without echoing MARKER itself back in the page (a search box repeats its
query)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from wagtail.models import Revision

from tests.factories import (
    ActionStatusFactory,
    CategoryFactory,
    CategoryTypeFactory,
    ImpactFactory,
    OrganizationFactory,
    PersonFactory,
    PhaseFactory,
    PlanFactory,
    ScheduleFactory,
    make_action,
    make_indicator,
    task,
)
from vahti.access.models import Role
from vahti.access.services import api_token_create
from vahti.actions.models import ActionField, ActionFieldOption, ActionFieldValue
from vahti.actions.services import action_update
from vahti.content.services import plan_pages
from vahti.feedback.models import Feedback
from vahti.indicators.models import Dimension, DimensionCategory, Scenario
from vahti.plans.models import PlanDomain, PlanFooterLink
from vahti.reports.services import report_answer, report_open

MARKER = "qzleak"
SEARCH_WORD = "salaisuus"


def marked(what: str) -> str:
    return f"Qzleak {what} Salaisuus"


@dataclass
class LeakWorld:
    marked_plan: object
    other_plan: object
    # The marked plan's objects, by model.
    objects: dict = field(default_factory=dict)
    users: dict = field(default_factory=dict)
    page: object = None
    # The third plan's marked objects, by model.
    third_objects: dict = field(default_factory=dict)

    def add(self, obj):
        self.objects.setdefault(type(obj), []).append(obj)
        return obj


def build_leak_world() -> LeakWorld:
    """Three plans: the marked one under a path prefix of a shared host, the second
    (whose people walk the admin) at that host's root and on a host of its own, and a
    third, marked too, on a host of its own (its objects in ``third_objects``)."""
    users = get_user_model().objects
    # The test server's host serves the second plan (its public pages, a 404 included,
    # name it), as a site with a host name per plan would.
    world = LeakWorld(
        marked_plan=PlanFactory(
            identifier="qzleak-plan", name_fi=marked("kaupunki"), name_en="", order=2
        ),
        other_plan=PlanFactory(identifier="toinen", name_fi="Toinen kaupunki", name_en="", order=1),
    )
    # The plans' addresses (only installation admins see them).
    PlanDomain.objects.create(plan=world.other_plan, hostname="toinen.example")
    PlanDomain.objects.create(plan=world.other_plan, hostname="jaettu.example")
    PlanDomain.objects.create(
        plan=world.marked_plan, hostname="jaettu.example", path_prefix="qzleak"
    )
    third = PlanFactory(identifier="qzleak-kolmas", name_fi=marked("kolmas"), name_en="", order=3)
    PlanDomain.objects.create(plan=third, hostname="qzleak.example")
    mark_plan(world, world.marked_plan, "")
    world.page = plan_pages(world.marked_plan)
    objects = world.objects
    world.objects = {}
    mark_plan(world, third, "3")
    world.third_objects, world.objects = world.objects, objects

    # The second plan: its admin, an organisation admin, a viewer, and a contact person
    # of one of its actions.
    other = world.other_plan
    other_org = OrganizationFactory(plan=other, identifier="toinen-org", name_fi="Toinen osasto")
    for who, kind, organization in (
        ("other_plan_admin", Role.Kind.PLAN_ADMIN, None),
        ("other_organization_admin", Role.Kind.ORGANIZATION_ADMIN, other_org),
        ("other_viewer", Role.Kind.VIEWER, None),
    ):
        email = f"toinen.{who}@example.invalid"
        world.users[who] = users.create_user(email, email, "a-long-test-password")
        Role.objects.create(user=world.users[who], plan=other, kind=kind, organization=organization)
    contact = users.create_user(
        "toinen.yhteys@example.invalid", "toinen.yhteys@example.invalid", "a-long-test-password"
    )
    world.users["other_contact_person"] = contact
    other_person = PersonFactory(plan=other, user=contact, first_name="Tiina")
    make_action(
        other,
        "1",
        name_fi="Toisen kaupungin toimenpide",
        responsible_parties=[(other_org, "primary")],
        contact_persons=[(other_person, "contact")],
    )
    plan_pages(other)
    return world


def mark_plan(world: LeakWorld, plan, tag: str) -> None:
    """Give ``plan`` one marked object of every kind, internal and draft ones included;
    ``tag`` tells its logins from another marked plan's."""
    users = get_user_model().objects
    # The marked plan's people and logins.
    secret_user = users.create_user(
        f"qzleak.salaisuus{tag}@example.invalid",
        f"qzleak.salaisuus{tag}@example.invalid",
        "a-long-test-password",
        first_name="Qzleak",
        last_name="Salaisuus",
    )
    world.add(secret_user)
    world.add(Role.objects.create(user=secret_user, plan=plan, kind=Role.Kind.PLAN_ADMIN))
    organization = world.add(
        OrganizationFactory(plan=plan, identifier="qzleak-org", name_fi=marked("osasto"))
    )
    person = world.add(
        PersonFactory(
            plan=plan,
            first_name="Qzleak",
            last_name="Salaisuus",
            email=f"qzleak.henkilo{tag}@example.invalid",
            organization=organization,
            user=secret_user,
        )
    )
    status = world.add(
        ActionStatusFactory(plan=plan, identifier="qzleak-status", name_fi=marked("tila"))
    )
    category_type = world.add(
        CategoryTypeFactory(plan=plan, identifier="qzleak-type", name_fi=marked("teematyyppi"))
    )
    world.add(PhaseFactory(plan=plan, identifier="qzleak-phase", name_fi=marked("vaihe")))
    world.add(ImpactFactory(plan=plan, identifier="qzleak-impact", name_fi=marked("vaikutus")))
    world.add(ScheduleFactory(plan=plan, identifier="qzleak-sched", name_fi=marked("aikataulu")))
    PlanFooterLink.objects.create(
        plan=plan, label_fi=marked("alalinkki"), url="https://qzleak.example.invalid/"
    )
    category = world.add(
        CategoryFactory(
            type=category_type, plan=plan, identifier="qzleak-cat", name_fi=marked("teema")
        )
    )
    # An internal action with an unpublished draft, and a published one.
    internal = make_action(
        plan,
        "QZLEAK1",
        name_fi=marked("sisäinen toimenpide"),
        visibility="internal",
        internal_notes=marked("muistiinpano"),
        status=status,
        categories=[category],
        tasks=[task(marked("tehtävä"))],
        responsible_parties=[(organization, "primary")],
        contact_persons=[(person, "contact")],
    )
    action_update(internal, name_fi=marked("luonnos"), publish=False)
    world.add(internal)
    world.add(make_action(plan, "QZLEAK2", name_fi=marked("julkinen toimenpide")))
    # The plan's own fields (issue 24): a choice chosen by the internal action.
    field = world.add(
        ActionField.objects.create(
            plan=plan, identifier="qzleak-field", kind="choice", name_fi=marked("kenttä")
        )
    )
    option = ActionFieldOption.objects.create(
        field=field, identifier="qzleak-option", name_fi=marked("vaihtoehto")
    )
    ActionFieldValue.objects.create(action=internal, field=field, option=option)
    dimension = world.add(
        Dimension.objects.create(plan=plan, identifier="qzleak-dim", name_fi=marked("jaottelu"))
    )
    world.add(
        DimensionCategory.objects.create(
            plan=plan, dimension=dimension, identifier="qzleak-dimcat", name_fi=marked("osa")
        )
    )
    world.add(
        Scenario.objects.create(plan=plan, identifier="qzleak-scen", name_fi=marked("skenaario"))
    )
    world.add(
        make_indicator(
            plan,
            "qzleak-ind",
            name_fi=marked("sisäinen mittari"),
            visibility="internal",
            values=[(2020, 1)],
        )
    )
    world.add(api_token_create(plan, name=marked("avain"), user=secret_user)[0])
    report = world.add(
        report_open(
            plan,
            slug="qzleak",
            name_fi=marked("raportti"),
            period_start=datetime.date(2025, 1, 1),
            period_end=datetime.date(2025, 12, 31),
        )
    )
    report_answer(report, internal, commentary={"fi": marked("kommentti")})
    world.add(
        Feedback.objects.create(
            plan=plan, action=internal, message=marked("palaute"), language="fi"
        )
    )


def latest_revision_id(obj) -> int | None:
    revision = Revision.objects.for_instance(obj).order_by("-pk").first()
    return revision.pk if revision else None
