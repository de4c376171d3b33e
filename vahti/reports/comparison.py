"""Two completed reports side by side: which public actions changed status, phase or
estimates between them, and which were added or removed. Read from the snapshots of
both (``vahti.reports.snapshots``), never from the live actions."""

from __future__ import annotations

from dataclasses import dataclass

from vahti.reports.snapshots import Entry


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
