"""The hosting commands: plan_create, plan_host_add and role_grant, idempotent, with
errors that name the bad argument."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from tests.conftest import make_user
from tests.factories import OrganizationFactory, PlanFactory
from vahti.access.models import Role
from vahti.plans.models import ActionStatus, Plan, PlanDomain

pytestmark = pytest.mark.django_db


def run(*args) -> str:
    out = StringIO()
    call_command(*args, stdout=out, stderr=StringIO())
    return out.getvalue()


def create_city(*extra) -> str:
    return run(
        "plan_create",
        "city",
        "--name",
        "Climate-neutral City 2035",
        "--language",
        "en",
        "--languages",
        "fi,sv",
        "--host",
        "climate.city.example",
        *extra,
    )


def test_plan_create_twice_creates_once_and_says_so():
    assert "Created the plan “city” (en, fi, sv; climate.city.example)" in create_city()
    statuses = ActionStatus.objects.filter(plan__identifier="city").count()

    assert "already exists as given; nothing changed" in create_city()
    assert Plan.objects.count() == 1
    assert ActionStatus.objects.filter(plan__identifier="city").count() == statuses == 5
    assert PlanDomain.objects.count() == 1


def test_plan_create_refuses_to_change_an_existing_plan():
    create_city()
    with pytest.raises(CommandError) as error:
        run("plan_create", "city", "--name", "Another name", "--language", "fi")
    assert "already exists with other settings (--name, --language, --languages)" in str(
        error.value
    )
    assert Plan.objects.get().name_en == "Climate-neutral City 2035"


def test_plan_create_names_each_bad_argument():
    other = PlanFactory(identifier="other")
    PlanDomain.objects.create(plan=other, hostname="taken.example")
    with pytest.raises(CommandError) as error:
        run(
            "plan_create",
            "Bad Id",
            "--name",
            " ",
            "--language",
            "de",
            "--time-zone",
            "Nowhere/City",
            "--host",
            "taken.example",
        )
    lines = str(error.value).splitlines()
    assert [line.split(":")[0] for line in lines] == [
        "IDENTIFIER",
        "--name",
        "--language",
        "--time-zone",
        "--host",
    ]
    assert "“de” is not a language of this installation" in str(error.value)
    assert "“taken.example” already serves the plan “other”" in str(error.value)
    assert Plan.objects.count() == 1


def test_plan_create_exits_with_an_error_code(capsys):
    """From the shell, a bad argument is exit status 1 with the message on stderr."""
    from django.core.management import ManagementUtility

    utility = ManagementUtility(
        ["manage.py", "plan_create", "x", "--name", "X", "--language", "de"]
    )
    with pytest.raises(SystemExit) as exit_:
        utility.execute()
    assert exit_.value.code == 1
    assert "--language: “de” is not a language of this installation" in capsys.readouterr().err


def test_plan_host_add_is_idempotent_and_takes_a_path_prefix():
    create_city()
    assert "city.example now serves “city”" in run("plan_host_add", "city", "City.Example")
    assert "city.example already serves “city”; nothing changed" in run(
        "plan_host_add", "city", "city.example"
    )
    assert PlanDomain.objects.filter(plan__identifier="city").count() == 2
    assert "shared.example/city/ now serves “city”" in run(
        "plan_host_add", "city", "shared.example", "--path", "city"
    )
    assert "shared.example/city/ already serves “city”; nothing changed" in run(
        "plan_host_add", "city", "shared.example", "--path", "/city/"
    )
    with pytest.raises(CommandError, match="--path: “search” cannot be a path prefix"):
        run("plan_host_add", "city", "shared.example", "--path", "search")
    with pytest.raises(CommandError, match="PLAN: there is no plan “nope”"):
        run("plan_host_add", "nope", "x.example")
    with pytest.raises(CommandError, match=r"HOST: “x\.example:8000” is not a host name"):
        run("plan_host_add", "city", "x.example:8000")


def test_role_grant_invites_in_the_plans_language(mailoutbox, django_capture_on_commit_callbacks):
    run("plan_create", "turku", "--name", "Hiilineutraali Turku", "--language", "fi")
    with django_capture_on_commit_callbacks(execute=True):
        out = run("role_grant", "turku", "Aino@Turku.example", "plan_admin")
    assert "aino@turku.example is now plan_admin of “turku”" in out
    [mail] = mailoutbox
    assert mail.to == ["aino@turku.example"]
    assert mail.subject == "Sinut on kutsuttu: Hiilineutraali Turku"
    assert "rooli ”suunnitelman pääkäyttäjä”" in mail.body
    assert "/admin/password_reset/" in mail.body

    with django_capture_on_commit_callbacks(execute=True):
        out = run("role_grant", "turku", "aino@turku.example", "plan_admin")
    assert "already is plan_admin of “turku”; nothing changed" in out
    assert len(mailoutbox) == 1
    assert Role.objects.count() == 1


def test_role_grant_errors_name_the_argument(mailoutbox):
    create_city()
    OrganizationFactory(plan=Plan.objects.get(identifier="city"), identifier="env")
    elsewhere = make_user("other_admin", "admin@other.example")
    Role.objects.create(user=elsewhere, plan=PlanFactory(identifier="other"), kind="plan_admin")

    with pytest.raises(CommandError, match="ROLE: “owner” is not a role"):
        run("role_grant", "city", "a@city.example", "owner")
    with pytest.raises(CommandError, match="--organization: the plan “city” has no organisation"):
        run("role_grant", "city", "a@city.example", "organization_admin", "--organization", "x")
    with pytest.raises(CommandError, match="EMAIL: This email address is already the login"):
        run("role_grant", "city", "admin@other.example", "viewer")
    out = run("role_grant", "city", "b@city.example", "organization_admin", "--organization", "env")
    assert "b@city.example is now organization_admin of “city”" in out
    assert Role.objects.filter(plan__identifier="city").count() == 1


def test_an_english_first_plan_is_served_on_its_host(client, settings):
    settings.ALLOWED_HOSTS = ["climate.city.example", "testserver"]
    PlanFactory(identifier="hnh2035", name_fi="Hiilineutraali Helsinki")
    create_city()

    response = client.get("/", HTTP_HOST="climate.city.example")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="en"' in html
    assert "Climate-neutral City 2035" in html
    finnish = client.get("/fi/", HTTP_HOST="climate.city.example")
    assert finnish.status_code == 200
    assert '<html lang="fi"' in finnish.content.decode()
    # The first plan still answers elsewhere.
    assert "Hiilineutraali Helsinki" in client.get("/").content.decode()


def test_a_host_that_allowed_hosts_refuses_is_pointed_out(settings):
    settings.ALLOWED_HOSTS = [".city.example"]
    err = StringIO()
    call_command(
        "plan_create",
        "town",
        "--name",
        "Town",
        "--host",
        "climate.city.example",
        "--host",
        "town.example",
        stdout=StringIO(),
        stderr=err,
    )
    assert err.getvalue().splitlines() == [
        "Add town.example to ALLOWED_HOSTS: until then its requests are refused."
    ]
    err = StringIO()
    call_command("plan_host_add", "town", "www.town.example", stdout=StringIO(), stderr=err)
    assert "Add www.town.example to ALLOWED_HOSTS" in err.getvalue()
