from django.core.management.base import BaseCommand

from vahti.demo.loader import load_demo


class Command(BaseCommand):
    help = "Load the demo plan “Hiilineutraali Helsinki 2035”. Running it again changes nothing."

    def handle(self, *args, **options):
        report = load_demo()
        self.stdout.write(str(report))
