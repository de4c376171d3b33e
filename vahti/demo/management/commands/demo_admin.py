import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

USERNAME = "admin"
CONTACT_USERNAME = "mikko.martikka"
DEMO_PLAN = "hnh2035"


class Command(BaseCommand):
    help = (
        "Create the local demo administrator and, when the demo plan is loaded, a login for "
        "the contact person of action 126 (once), and print both logins. The password is "
        "generated and kept in var/demo-admin-password, outside version control."
    )

    def handle(self, *args, **options):
        password_file = Path(settings.BASE_DIR) / "var" / "demo-admin-password"
        user_model = get_user_model()
        user = user_model.objects.filter(username=USERNAME).first()
        if user is None or not password_file.exists():
            password = secrets.token_urlsafe(12)
            if user is None:
                user = user_model.objects.create_superuser(
                    USERNAME, "admin@example.invalid", password
                )
            else:
                user.set_password(password)
                user.save(update_fields=["password"])
            password_file.parent.mkdir(parents=True, exist_ok=True)
            password_file.write_text(password + "\n", encoding="utf-8")
            password_file.chmod(0o600)
        password = password_file.read_text(encoding="utf-8").strip()
        self.stdout.write(
            f"Admin login: http://127.0.0.1:8000/admin/  user: {USERNAME}  password: {password}"
        )
        contact = self.contact_person_login(password)
        if contact:
            self.stdout.write(
                f"Contact person of action 126 (sees only their own actions): "
                f"user: {contact}  password: {password}"
            )

    def contact_person_login(self, password: str) -> str | None:
        """Mikko Martikka, contact person of action 126 in the demo plan, gets a login so
        that the editing side can be tried as a contact person sees it."""
        from vahti.orgs.models import Person

        person = Person.objects.filter(
            plan__identifier=DEMO_PLAN, first_name="Mikko", last_name="Martikka"
        ).first()
        if person is None:
            return None
        user_model = get_user_model()
        user = user_model.objects.filter(username=CONTACT_USERNAME).first()
        if user is None:
            user = user_model.objects.create_user(
                CONTACT_USERNAME,
                f"{CONTACT_USERNAME}@example.invalid",
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
        return CONTACT_USERNAME
