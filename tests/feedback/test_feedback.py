"""Residents' feedback: given on an action's page or the general page, stored, forwarded
to the people responsible as they choose, processed in the admin; spam, floods,
oversized and hostile input refused with a clear message, and nothing stored for spam;
deleted after the plan's retention period."""

from __future__ import annotations

import datetime

import pytest
from bs4 import BeautifulSoup
from django.core import mail, signing
from django.utils import timezone, translation

from vahti.feedback import services
from vahti.feedback.models import Feedback
from vahti.notifications import services as reminders

pytestmark = pytest.mark.django_db
HOST = {"HTTP_HOST": "127.0.0.1"}


@pytest.fixture
def action(town):
    from tests.factories import make_action

    return make_action(
        town.plan, "126", name_fi="Pyöräily", contact_persons=[(town.mikko, "contact")]
    )


def token(seconds_ago: int = 10) -> str:
    return services.form_token(timezone.now() - datetime.timedelta(seconds=seconds_ago))


def send(client, url, **fields):
    data = {"message": "Pyörätiet pitäisi aurata aiemmin.", "token": token(), **fields}
    return client.post(url, data, **HOST)


def errors(response) -> str:
    soup = BeautifulSoup(response.content, "html.parser")
    return " ".join(e.get_text(" ", strip=True) for e in soup.select(".form-errors, .field__error"))


def test_the_action_page_has_the_form_and_feedback_is_stored(client, town, action):
    response = client.get("/actions/126/", **HOST)
    # No cookie: the page is the same for everyone and can be cached (vahti.core.origin).
    assert not response.cookies
    page = BeautifulSoup(response.content, "html.parser")
    form = page.select_one("#feedback form")
    assert form["action"] == "/actions/126/feedback/"
    assert not form.select_one("input[name=csrfmiddlewaretoken]")
    # The time stamp is put in when the page is sent, also when it comes from the cache.
    stamp = form.select_one("input[name=token]")["value"]
    assert client.get("/actions/126/", **HOST)["X-Vahti-Cache"] == "hit"
    again = BeautifulSoup(client.get("/actions/126/", **HOST).content, "html.parser")
    assert again.select_one("input[name=token]")["value"] != "vahti-form-token-filled-in-when-sent"
    services._check_token(stamp, timezone.now() + datetime.timedelta(seconds=10))
    assert form.select_one("textarea[name=message]")
    assert "se poistetaan 365 päivän kuluttua" in page.select_one("#feedback").get_text()
    answer = send(client, "/actions/126/feedback/", name="Asukas", email="asukas@example.invalid")
    assert answer.status_code == 302 and answer["Location"].endswith("?sent=1#feedback")
    (stored,) = Feedback.objects.all()
    assert (stored.action, stored.plan, stored.name, stored.email, stored.language) == (
        action, town.plan, "Asukas", "asukas@example.invalid", "fi",
    )  # fmt: skip
    thanks = client.get(answer["Location"], **HOST).content.decode()
    assert "Kiitos" in thanks or "Thank you" in thanks


def stamp_of(response) -> datetime.datetime:
    page = BeautifulSoup(response.content, "html.parser")
    value = page.select_one("#feedback input[name=token]")["value"]
    return datetime.datetime.fromtimestamp(signing.loads(value, salt=services.SALT), datetime.UTC)


@pytest.mark.parametrize("cdn_max_age", [0, 3600])
def test_a_cached_page_never_gives_an_old_time_stamp(client, town, action, settings, cdn_max_age):
    """Pages are kept for up to a day; the form's time stamp must still say when the
    form was shown, whether the page comes from the cache, a browser asks if its copy
    is still good (ETag), or a CDN is in front."""
    settings.CDN_MAX_AGE = cdn_max_age
    for path in ("/actions/126/", "/feedback/"):
        morning = client.get(path, **HOST)
        assert stamp_of(morning) == timezone.now()
        town.clock.shift(datetime.timedelta(hours=10))  # the same day in Helsinki
        evening = client.get(path, HTTP_IF_NONE_MATCH=morning["ETag"], **HOST)
        assert evening["X-Vahti-Cache"] == "hit"
        # Not "304 Not Modified", which would show the morning's copy and its stamp.
        assert evening.status_code == 200 and stamp_of(evening) == timezone.now()
        assert "s-maxage" not in evening["Cache-Control"]
        town.clock.shift(datetime.timedelta(hours=-10))


def test_feedback_is_forwarded_to_the_contact_persons_and_in_general_to_the_plan_admins(
    client,
    town,
    action,
):
    send(
        client, "/actions/126/feedback/", message="<b>Hienoa</b> työtä!", email="a@example.invalid"
    )
    send(client, "/feedback/", message="Koko ohjelmasta: kiitos.")
    reminders.run(plans=[town.plan])
    sent = {m.to[0]: m for m in mail.outbox if "Hienoa" in m.body or "Koko ohjelmasta" in m.body}
    assert set(sent) == {"mikko@example.invalid", "paula@example.invalid"}
    mikko = sent["mikko@example.invalid"]
    assert "<b>Hienoa</b> työtä!" in mikko.body  # as written, in the text part
    html = mikko.alternatives[0][0]
    assert "&lt;b&gt;Hienoa&lt;/b&gt;" in html and "<b>Hienoa</b>" not in html
    assert 'href="mailto:a@example.invalid"' in html
    assert "/admin/feedback/" in mikko.body
    assert "Koko ohjelmasta" in sent["paula@example.invalid"].body
    before = len(mail.outbox)
    reminders.run(plans=[town.plan])
    assert len(mail.outbox) == before  # forwarded once


def test_a_filled_in_trap_is_thanked_and_nothing_is_stored(client, town, action):
    """No person sees the trap field: only a program fills it in."""
    trapped = send(client, "/actions/126/feedback/", website="http://spam.invalid")
    assert trapped.status_code == 302 and "sent=1" in trapped["Location"]
    assert not Feedback.objects.exists()


def not_sent(answer, reason) -> None:
    """Refused saying so and why, in Finnish, with the text kept and a new time stamp."""
    assert answer.status_code == 400
    with translation.override("fi"):
        assert str(reason) in errors(answer)
    assert "Kiitos" not in errors(answer) and "sent=1" not in answer.get("Location", "")
    page = BeautifulSoup(answer.content, "html.parser")
    assert page.select_one("textarea[name=message]").get_text().strip() == "Kirjoitin nopeasti."
    services._check_token(page.select_one("input[name=token]")["value"], timezone.now() + WAIT)


WAIT = datetime.timedelta(seconds=services.MIN_SECONDS)


def test_a_message_sent_too_fast_is_not_sent_and_the_sender_is_told_why(client, town, action):
    too_fast = send(client, "/actions/126/feedback/", message="Kirjoitin nopeasti.",
                    token=token(seconds_ago=0))  # fmt: skip
    not_sent(too_fast, services.TOO_FAST % {"seconds": 3})
    for forged in ("123", ""):
        answer = send(client, "/feedback/", message="Kirjoitin nopeasti.", token=forged)
        not_sent(answer, services.BAD_TOKEN)
    assert not Feedback.objects.exists()


def test_an_empty_message_sent_at_once_is_asked_for_not_thanked(client, town, action):
    for path in ("/actions/126/feedback/", "/feedback/"):
        answer = send(client, path, message="", token=token(seconds_ago=0))
        assert answer.status_code == 400
        assert "Kirjoita viestisi." in errors(answer)
        assert "Kiitos" not in answer.content.decode()
    assert not Feedback.objects.exists()


def test_too_many_messages_from_one_address_are_refused_kindly(client, town, action, settings):
    answers = [send(client, "/feedback/", message=f"Viesti {n}") for n in range(6)]
    assert [a.status_code for a in answers] == [302] * 5 + [429]
    assert "several messages within the hour" in errors(answers[-1]) or (
        "useita viestejä" in errors(answers[-1])
    )
    assert Feedback.objects.count() == 5
    # What was written is not lost: it is still in the form.
    assert "Viesti 5" in answers[-1].content.decode()


@pytest.mark.parametrize(
    ("fields", "words"),
    [
        ({"message": ""}, ["Write your message.", "Kirjoita viestisi."]),
        ({"message": "x" * 4001}, ["4001 characters long; at most 4000", "4001 merkkiä"]),
        ({"email": "not-an-address"}, ["“not-an-address” is not an email address",
                                       "”not-an-address” ei ole sähköpostiosoite"]),
        ({"name": "N" * 101}, ["At most 100 characters fit in the name",
                               "Nimeen mahtuu enintään 100 merkkiä"]),
        ({"message": "https://a.invalid https://b.invalid http://c.invalid https://d.invalid"},
         ["At most 3 links", "enintään 3 linkkiä"]),
        ({"token": "two days old"}, ["open for over a day", "yli vuorokauden"]),
    ],
)  # fmt: skip
def test_bad_input_is_named_and_nothing_is_stored(client, town, action, fields, words):
    if fields.get("token") == "two days old":
        fields = {"token": token(seconds_ago=2 * 86400)}
    answer = send(client, "/actions/126/feedback/", **fields)
    assert answer.status_code == 400
    text = errors(answer)
    assert any(word in text for word in words), text
    assert not Feedback.objects.exists()
    # The form is shown again with a fresh token, the answer's problems marked.
    assert BeautifulSoup(answer.content, "html.parser").select_one("input[name=token]")["value"]


def test_hostile_text_is_kept_as_text_and_shown_escaped(client, town, action):
    hostile = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    assert (
        send(client, "/actions/126/feedback/", message=hostile, name=hostile[:100]).status_code
        == 302
    )
    assert Feedback.objects.get().message == hostile
    client.force_login(town.plan_admin)
    page = client.get("/admin/feedback/").content.decode()
    assert "<script>alert" not in page and "&lt;script&gt;alert" in page
    assert "<img src=x" not in page
    nul = client.post("/feedback/", {"message": "a\x00b", "token": token()}, **HOST)
    assert nul.status_code == 400


def test_processed_in_the_admin_by_those_who_may(client, town, action):
    from tests.factories import make_action

    make_action(town.plan, "127", contact_persons=[(town.liisa, "contact")])
    send(client, "/actions/126/feedback/", message="Toimenpiteestä 126")
    send(client, "/actions/127/feedback/", message="Toimenpiteestä 127")
    send(client, "/feedback/", message="Yleisesti")
    client.force_login(town.mikko.user)
    page = client.get("/admin/feedback/").content.decode()
    assert "Toimenpiteestä 126" in page
    assert "Toimenpiteestä 127" not in page and "Yleisesti" not in page
    mine = Feedback.objects.get(action=action)
    answer = client.post("/admin/feedback/", {"feedback": mine.pk, "processed": "1"})
    assert answer.status_code == 302
    mine.refresh_from_db()
    assert mine.processed_at and mine.processed_by == town.mikko.user
    assert "Toimenpiteestä 126" not in client.get("/admin/feedback/").content.decode()
    assert "Toimenpiteestä 126" in client.get("/admin/feedback/?state=processed").content.decode()
    theirs = Feedback.objects.get(action__identifier="127")
    assert (
        client.post("/admin/feedback/", {"feedback": theirs.pk, "processed": "1"}).status_code
        == 404
    )
    theirs.refresh_from_db()
    assert theirs.processed_at is None
    client.force_login(town.plan_admin)
    page = client.get("/admin/feedback/").content.decode()
    assert "Toimenpiteestä 127" in page and "Yleisesti" in page
    # An organisation admin sees that about their organisations' actions: none of these.
    client.force_login(town.division_admin)
    page = client.get("/admin/feedback/").content.decode()
    assert "Toimenpiteestä" not in page and "Yleisesti" not in page


def test_an_organisation_admin_sees_feedback_on_their_organisations_actions(client, town):
    from tests.factories import make_action

    make_action(town.plan, "5", responsible_parties=[(town.unit, "primary")])
    send(client, "/actions/5/feedback/", message="Yksikön toimenpiteestä")
    reminders.run(plans=[town.plan])
    (forwarded,) = [m for m in mail.outbox if "Yksikön toimenpiteestä" in m.body]
    assert forwarded.to == ["olli@example.invalid"]  # no contact persons: the division's admin
    client.force_login(town.division_admin)
    assert "Yksikön toimenpiteestä" in client.get("/admin/feedback/").content.decode()


def test_forwarded_feedback_keeps_no_copy_of_the_words(client, town, action):
    from vahti.notifications.models import Reminder

    send(client, "/actions/126/feedback/", message="Henkilökohtainen asia")
    reminders.run(plans=[town.plan])
    assert Reminder.objects.get(kind="feedback").details == {}


def test_old_feedback_is_deleted_after_the_plans_retention_period(client, town, action):
    town.plan.feedback_retention_days = 30
    town.plan.save()
    send(client, "/actions/126/feedback/", message="Vanha")
    town.clock.shift(datetime.timedelta(days=20))
    send(client, "/actions/126/feedback/", message="Uudempi", HTTP_X_FORWARDED_FOR="x")
    town.clock.shift(datetime.timedelta(days=11))
    outcome = reminders.run(plans=[town.plan])
    assert outcome.feedback_deleted == 1
    assert list(Feedback.objects.values_list("message", flat=True)) == ["Uudempi"]


def test_a_plan_that_takes_no_feedback_shows_no_form(client, town, action):
    town.plan.feedback_enabled = False
    town.plan.save()
    assert 'id="feedback"' not in client.get("/actions/126/", **HOST).content.decode()
    assert send(client, "/actions/126/feedback/").status_code == 404
    assert not Feedback.objects.exists()


def test_a_plan_admin_sets_whether_and_how_long_feedback_is_kept(client, town):
    from wagtail.models import ModelLogEntry

    client.force_login(town.plan_admin)
    prefix = f"plan{town.plan.pk}"
    page = client.get("/admin/feedback/").content.decode()
    assert f'name="{prefix}-feedback_retention_days"' in page
    bad = client.post("/admin/feedback/", {"settings": town.plan.pk,
                                           f"{prefix}-feedback_retention_days": "0"})  # fmt: skip
    assert bad.status_code == 200
    town.plan.refresh_from_db()
    assert town.plan.feedback_retention_days == 365
    keep_90 = {"settings": town.plan.pk, f"{prefix}-feedback_retention_days": "90"}
    answer = client.post("/admin/feedback/", keep_90)
    assert answer.status_code == 302
    town.plan.refresh_from_db()
    assert (town.plan.feedback_enabled, town.plan.feedback_retention_days) == (False, 90)
    assert ModelLogEntry.objects.filter(action="vahti.plan.settings").exists()
    # A contact person cannot.
    from tests.factories import make_action

    make_action(town.plan, "1", contact_persons=[(town.mikko, "contact")])
    client.force_login(town.mikko.user)
    keep_5 = {"settings": town.plan.pk, f"{prefix}-feedback_retention_days": "5"}
    assert client.post("/admin/feedback/", keep_5).status_code == 404
    town.plan.refresh_from_db()
    assert town.plan.feedback_retention_days == 90


@pytest.mark.parametrize(
    ("headers", "refused"),
    [
        ({"HTTP_SEC_FETCH_SITE": "cross-site"}, True),
        ({"HTTP_SEC_FETCH_SITE": "same-site"}, True),
        ({"HTTP_SEC_FETCH_SITE": "same-origin"}, False),
        ({"HTTP_ORIGIN": "https://evil.example"}, True),
        ({"HTTP_ORIGIN": "null"}, True),
        ({"HTTP_ORIGIN": "http://127.0.0.1"}, False),
        ({"HTTP_REFERER": "https://evil.example/page"}, True),
        ({"HTTP_REFERER": "http://127.0.0.1/actions/126/"}, False),
        ({}, False),
    ],
)
def test_feedback_posted_from_another_site_is_refused_and_not_stored(
    client, town, action, headers, refused
):
    answer = client.post(
        "/actions/126/feedback/",
        {"message": "Väärennetty viesti.", "token": token()},
        **HOST,
        **headers,
    )
    if refused:
        assert answer.status_code == 403
        assert "another site" in answer.content.decode() or "toiselta" in answer.content.decode()
        assert not Feedback.objects.exists()
    else:
        assert answer.status_code == 302
        assert Feedback.objects.count() == 1
