"""The demo plans: each is read from its content modules by ``vahti.demo.loader``."""

from __future__ import annotations

from types import ModuleType

from vahti.demo import content, content_indicators, content_pages, northbay, northbay_actions


class DemoSource:
    """A plan's content, spread over several modules of pure data: ``PLAN``, the lists
    (``STATUSES``, ``PHASES``, ``IMPACTS``, ``SCHEDULES``, ``CATEGORY_TYPES``; None for
    the defaults ``plan_create`` gives), ``CATEGORIES``, ``ORGANIZATIONS``, ``PEOPLE``,
    ``ACTIONS``, the indicators (``DIMENSIONS``, ``SCENARIOS``, ``INDICATORS``,
    ``RELATIONS``, ``ACTION_LINKS``) and the content pages (``PAGES``)."""

    def __init__(self, *modules: ModuleType):
        self.modules = modules

    def __getattr__(self, name: str):
        for module in self.modules:
            if hasattr(module, name):
                return getattr(module, name)
        raise AttributeError(name)

    @property
    def identifier(self) -> str:
        return self.PLAN["identifier"]


# Helsinki first: the first plan is the one served at hosts no plan claims.
HELSINKI = DemoSource(content, content_indicators, content_pages)
NORTHBAY = DemoSource(northbay, northbay_actions)
DEMO_PLANS = (HELSINKI, NORTHBAY)
