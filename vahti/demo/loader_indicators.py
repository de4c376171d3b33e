"""The indicators of a demo plan: dimensions, scenarios, indicators with their goals and
links, and their values, through the indicator services (a part of ``DemoLoader``)."""

from __future__ import annotations

from vahti.actions.models import Action
from vahti.indicators import periods
from vahti.indicators.models import Dimension, DimensionCategory, Scenario
from vahti.indicators.services import indicator_upsert, indicator_values_save
from vahti.indicators.value_rows import ValueRow
from vahti.plans.models import Plan


class IndicatorLoading:
    """Needs ``self.source``, ``self.texts``, ``self.date``, ``self._upsert`` and
    ``self.report`` from ``DemoLoader``."""

    def _indicators(self, plan: Plan, refs: dict) -> None:
        source = self.source
        parts = {}
        for order, item in enumerate(source.DIMENSIONS):
            dimension = self._upsert(
                "dimensions",
                Dimension,
                {"plan": plan, "identifier": item["identifier"]},
                {**self.texts("name", item["name"]), "order": order},
            )
            for position, part in enumerate(item["categories"]):
                parts[(item["identifier"], part["identifier"])] = self._upsert(
                    "dimension categories",
                    DimensionCategory,
                    {"dimension": dimension, "identifier": part["identifier"]},
                    {"plan": plan, **self.texts("name", part["name"]), "order": position},
                )
        scenarios = {}
        for order, item in enumerate(source.SCENARIOS):
            scenarios[item["identifier"]] = self._upsert(
                "scenarios",
                Scenario,
                {"plan": plan, "identifier": item["identifier"]},
                {**self.texts("name", item["name"]), "order": order},
            )
        actions = {a.identifier: a for a in Action.objects.filter(plan=plan)}
        links: dict[str, list] = {}
        for action, indicator, effect, progress in source.ACTION_LINKS:
            links.setdefault(indicator, []).append((actions[action], effect, progress))
        # First every indicator with its own children, then the links between them.
        indicators = {}
        for item in source.INDICATORS:
            indicators[item["identifier"]] = self._indicator(
                plan, item, refs, scenarios, links.get(item["identifier"], []), effects=None
            )
        effects: dict[str, list] = {}
        for cause, effect, how, confidence in source.RELATIONS:
            effects.setdefault(cause, []).append((indicators[effect], how, confidence))
        for item in source.INDICATORS:
            self._indicator(
                plan,
                item,
                refs,
                scenarios,
                links.get(item["identifier"], []),
                effects=effects.get(item["identifier"], []),
            )
            self._values(indicators[item["identifier"]], item, parts)

    def _indicator(self, plan, item, refs, scenarios, action_links, effects):
        resolution = item["resolution"]
        goals = [
            (periods.parse_period(period, resolution), value, *(scenarios[s] for s in rest))
            for period, value, *rest in item["goals"]
        ]
        data = {
            **self.texts("name", item["name"]),
            **self.texts("description", item.get("description")),
            **self.texts("unit", item["unit"]),
            **self.texts("quantity", item.get("quantity")),
            **self.texts("data_source", item.get("data_source")),
            "level": item["level"],
            "time_resolution": resolution,
            "desired_direction": item.get("desired_direction", ""),
            "minimum_value": item.get("minimum_value"),
            "maximum_value": item.get("maximum_value"),
            "decimals": item.get("decimals", 1),
            "organization": refs["organizations"].get(item.get("organization")),
            "licence": item.get("licence", ""),
            "updated_values_due_at": self.date(item.get("updated_values_due_at")),
            "categories": [refs["categories"][c] for c in item.get("categories", [])],
            "contact_persons": [refs["people"][p] for p in item.get("contact_persons", [])],
            "goals": goals,
            "action_links": action_links,
        }
        existing = plan.indicators.filter(identifier=item["identifier"]).first()
        if effects is None:
            # First pass: keep the links to other indicators the indicator has.
            data["effect_links"] = (
                [(r.effect_indicator, r.effect, r.confidence) for r in existing.effect_links.all()]
                if existing
                else []
            )
        else:
            data["effect_links"] = effects
        indicator, changed = indicator_upsert(plan, item["identifier"], **data)
        if effects is None or changed:
            self.report.count("indicators", changed, created=existing is None)
        return indicator

    def _values(self, indicator, item, parts) -> None:
        resolution = indicator.time_resolution
        rows = [ValueRow(periods.parse_period(p, resolution), float(v)) for p, v in item["values"]]
        rows += [
            ValueRow(periods.parse_period(p, resolution), float(v), parts[(dimension, part)])
            for p, dimension, part, v in item.get("breakdown", [])
        ]
        saved = indicator_values_save(indicator, rows, replace=True)
        changed = bool(saved.created or saved.updated or saved.deleted)
        first = saved.created and not (saved.updated or saved.deleted or saved.unchanged)
        self.report.count("indicator value sets", changed, created=bool(first))
