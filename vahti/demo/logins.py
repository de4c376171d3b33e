"""The demo's logins besides the administrator: people of the demo plans who log in with
the demo password, so that the editing side can be tried as each of them sees it."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth import get_user_model

from vahti.access.models import Role
from vahti.access.roles import role_grant
from vahti.orgs.models import Person


@dataclass(frozen=True)
class DemoLogin:
    username: str
    plan: str
    person: str  # the person's identifier in the plan
    role: str | None  # a Role.Kind, or None for a contact person (no role needed)
    who: str  # how ``demo_admin`` introduces the login

    @property
    def email(self) -> str:
        return f"{self.username}@example.invalid"


DEMO_LOGINS = (
    DemoLogin(
        "mikko.martikka",
        "hnh2035",
        "mikko-martikka",
        None,
        "Contact person of action 126 (sees only their own actions)",
    ),
    DemoLogin(
        "olivia.grant",
        "northbay2040",
        "olivia-grant",
        Role.Kind.PLAN_ADMIN,
        "Plan admin of the Northbay demo plan (sees only that plan)",
    ),
    DemoLogin(
        "samuel.okafor",
        "northbay2040",
        "samuel-okafor",
        None,
        "Contact person in the Northbay demo plan (sees only their own actions)",
    ),
)


def demo_login_ensure(login: DemoLogin, password: str) -> bool:
    """Give the person of ``login`` an account with ``password`` (and its role); False
    when their plan is not loaded. Running it again changes nothing."""
    person = (
        Person.objects.filter(plan__identifier=login.plan, identifier=login.person)
        .select_related("plan")
        .first()
    )
    if person is None:
        return False
    users = get_user_model()._default_manager
    user = users.filter(username=login.username).first()
    if user is None:
        user = users.create_user(
            login.username,
            login.email,
            password,
            first_name=person.first_name,
            last_name=person.last_name,
        )
    elif not user.check_password(password):
        user.set_password(password)
        user.save(update_fields=["password"])
    if person.user_id != user.pk:
        person.user = user
        person.save(update_fields=["user", "updated_at"])
    if login.role:
        # The account has a password already, so no invitation is sent.
        role_grant(person.plan, user.email, login.role)
    return True
