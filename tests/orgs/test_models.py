"""The organisation tree and its people: names as shown, identifiers and emails unique
within a plan, and nothing that points into another plan, refused by validation and by
the database itself."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from tests.conftest import make_user
from tests.factories import OrganizationFactory, PersonFactory
from vahti.core.db import SAME_PLAN_ERROR_PREFIX
from vahti.orgs.models import Organization, Person

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def test_an_organisation_is_shown_by_its_name_and_shortly_by_its_abbreviation(plan):
    elo = OrganizationFactory(plan=plan, name_fi="Elinkeino-osasto", abbreviation_fi="Elo")
    kymp = OrganizationFactory(plan=plan, name_fi="Kaupunkiympäristö")
    assert (str(elo), elo.short_name) == ("Elinkeino-osasto", "Elo")
    assert (str(kymp), kymp.short_name) == ("Kaupunkiympäristö", "Kaupunkiympäristö")


def test_organisation_cannot_be_inside_itself(plan):
    root = OrganizationFactory(plan=plan)
    child = OrganizationFactory(plan=plan, parent=root)
    root.parent = child
    with pytest.raises(ValidationError) as caught:
        root.full_clean()
    assert caught.value.message_dict["parent"] == ["An organisation cannot be inside itself."]


def test_an_organisation_identifier_is_unique_within_its_plan_only(plan, other_plan):
    OrganizationFactory(plan=plan, identifier="kymp")
    OrganizationFactory(plan=other_plan, identifier="kymp")  # another plan's: fine
    twin = OrganizationFactory.build(plan=plan, identifier="kymp", name_fi="Toinen")
    with pytest.raises(ValidationError) as caught:
        twin.full_clean()
    assert caught.value.messages == ["The plan already has an organisation with this identifier."]
    with pytest.raises(IntegrityError), transaction.atomic():
        twin.save()
    assert Organization.objects.filter(identifier="kymp").count() == 2


def test_a_parent_organisation_of_another_plan_is_refused_by_validation(plan, other_plan):
    foreign = OrganizationFactory(plan=other_plan, name_fi="Vieras")
    unit = OrganizationFactory.build(plan=plan, parent=foreign, name_fi="Osasto")
    with pytest.raises(ValidationError) as caught:
        unit.full_clean()
    assert caught.value.message_dict["parent"] == [
        "“Vieras” belongs to the plan “Toinen suunnitelma”, not to “Hiilineutraali Helsinki 2035”."
    ]


def test_the_database_refuses_a_parent_or_organisation_of_another_plan(plan, other_plan, person):
    unit = OrganizationFactory(plan=plan)
    foreign = OrganizationFactory(plan=other_plan)
    with pytest.raises(IntegrityError, match=SAME_PLAN_ERROR_PREFIX), transaction.atomic():
        Organization.objects.filter(pk=unit.pk).update(parent=foreign)
    with pytest.raises(IntegrityError, match=SAME_PLAN_ERROR_PREFIX), transaction.atomic():
        Person.objects.filter(pk=person.pk).update(organization=foreign)
    unit.refresh_from_db()
    person.refresh_from_db()
    assert unit.parent is None and person.organization.plan == plan


def test_a_persons_organisation_of_another_plan_is_refused_by_validation(plan, other_plan):
    foreign = OrganizationFactory(plan=other_plan, name_fi="Vieras")
    someone = PersonFactory.build(plan=plan, organization=foreign)
    with pytest.raises(ValidationError) as caught:
        someone.full_clean()
    assert list(caught.value.message_dict) == ["organization"]


def test_a_person_is_shown_by_full_name_and_initials(plan):
    mikko = PersonFactory(plan=plan, first_name="Mikko", last_name="Martikka")
    assert (str(mikko), mikko.full_name, mikko.initials) == (
        "Mikko Martikka",
        "Mikko Martikka",
        "MM",
    )


def test_a_person_without_an_identifier_gets_one_from_the_name_free_in_the_plan(plan, other_plan):
    first = PersonFactory(plan=plan, first_name="Mikko", last_name="Martikka")
    second = PersonFactory(plan=plan, first_name="Mikko", last_name="Martikka")
    elsewhere = PersonFactory(plan=other_plan, first_name="Mikko", last_name="Martikka")
    given = PersonFactory(plan=plan, first_name="Mikko", last_name="Martikka", identifier="mm")
    assert [first.identifier, second.identifier] == ["mikko-martikka", "mikko-martikka-2"]
    assert elsewhere.identifier == "mikko-martikka"
    assert given.identifier == "mm"
    second.save()  # saving again keeps it
    assert Person.objects.get(pk=second.pk).identifier == "mikko-martikka-2"


def test_an_email_names_one_person_in_a_plan_whatever_its_case(plan, other_plan):
    PersonFactory(plan=plan, email="Mikko.Martikka@hel.fi")
    PersonFactory(plan=other_plan, email="mikko.martikka@hel.fi")  # another plan's: fine
    PersonFactory(plan=plan, email="")
    PersonFactory(plan=plan, email="")  # no email twice: fine
    twin = PersonFactory.build(plan=plan, email="mikko.martikka@HEL.fi", identifier="twin")
    with pytest.raises(ValidationError) as caught:
        twin.full_clean()
    assert caught.value.messages == ["The plan already has a person with this email address."]
    with pytest.raises(IntegrityError), transaction.atomic():
        twin.save()
    assert Person.objects.filter(plan=plan).count() == 3


def test_a_user_account_is_one_person_per_plan(plan, other_plan):
    user = make_user("mikko")
    PersonFactory(plan=plan, user=user)
    PersonFactory(plan=other_plan, user=user)  # the same person in another plan: fine
    twin = PersonFactory.build(plan=plan, user=user, identifier="twin")
    with pytest.raises(ValidationError) as caught:
        twin.full_clean()
    assert caught.value.messages == ["This user account is already a person in the plan."]
