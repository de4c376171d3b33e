"""Two completed reports side by side: which public actions changed status, phase or
estimates between them, and which were added or removed. Read from the snapshots of
both (``vahti.reports.snapshots``), never from the live actions."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from vahti.reports.snapshots import ESTIMATES, Entry

# How a changed estimate is named in the comparison, with its unit.
ESTIMATE_LABELS = {
    "emission_reduction": (_("Estimated emission reduction"), _("t CO₂e/a")),
    "energy_savings": (_("Estimated energy savings"), _("MWh/a")),
    "renewable_production": (_("Estimated renewable production"), _("MWh/a")),
}


@dataclass
class Change:
    current: Entry
    earlier: Entry

    @property
    def status_changed(self) -> bool:
        return _identifier(self.current.status) != _identifier(self.earlier.status)

    @property
    def phase_changed(self) -> bool:
        return _identifier(self.current.phase) != _identifier(self.earlier.phase)

    @property
    def estimates_changed(self) -> bool:
        return self.current.estimates.values() != self.earlier.estimates.values()

    @property
    def estimate_changes(self) -> list[dict]:
        """Each estimate that differs: its label and unit, the earlier and current value."""
        changes = []
        for name in ESTIMATES:
            before = getattr(self.earlier.estimates, name)
            after = getattr(self.current.estimates, name)
            if before != after:
                label, unit = ESTIMATE_LABELS[name]
                changes.append({"label": label, "unit": unit, "before": before, "after": after})
        return changes


@dataclass
class Comparison:
    changed: list[Change]
    unchanged: int
    added: list[Entry]
    removed: list[Entry]


def _identifier(item) -> str:
    return item.identifier if item else ""


def compare(current: list[Entry], earlier: list[Entry]) -> Comparison:
    """The current report's actions against the earlier one's, matched by identifier;
    in the current report's order (removed ones in the earlier report's)."""
    before = {item.identifier: item for item in earlier}
    now = {item.identifier for item in current}
    changed, unchanged, added = [], 0, []
    for item in current:
        old = before.get(item.identifier)
        if old is None:
            added.append(item)
            continue
        change = Change(item, old)
        if change.status_changed or change.phase_changed or change.estimates_changed:
            changed.append(change)
        else:
            unchanged += 1
    removed = [item for item in earlier if item.identifier not in now]
    return Comparison(changed, unchanged, added, removed)
