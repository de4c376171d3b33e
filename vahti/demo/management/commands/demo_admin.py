import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

from vahti.demo.hosts import DEMO_HOST, demo_address
from vahti.demo.logins import DEMO_LOGINS, demo_login_ensure

DEMO_ADMIN = f"http://{DEMO_HOST}:8000/admin/"

USERNAME = "admin"


class Command(BaseCommand):
    help = (
        "Create the local demo administrator and, for the demo plans that are loaded, the "
        "logins of their plan admin and contact persons (once), and print them. The "
        "password is generated and kept in var/demo-admin-password, outside version control."
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
        self.stdout.write(f"Admin login: {DEMO_ADMIN}  user: {USERNAME}  password: {password}")
        for login in DEMO_LOGINS:
            if demo_login_ensure(login, password):
                self.stdout.write(
                    f"{login.who} ({demo_address(login.plan)}): {DEMO_ADMIN}  "
                    f"user: {login.username}  password: {password}"
                )
