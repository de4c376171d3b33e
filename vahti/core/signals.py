"""What the domain says when what the public site shows of it changes, for those above
it that keep a copy (the search index) to follow without the domain calling up to them.

Both are sent inside the transaction of the change, and Django runs their receivers
there, synchronously: a copy is written (or fails, and the change with it) in the same
transaction as the change itself.
"""

from __future__ import annotations

from django.dispatch import Signal

# The public version of ``instance`` (an action, an indicator, a content page) may have
# changed: it was published, unpublished, saved, moved or restricted. The sender is the
# model. An action's publication also says ``published`` (True, or False when
# unpublished) and ``revision`` (the revision published, if any).
public_version_changed = Signal()

# The languages of the plan ``instance`` changed: what is kept per language is stale.
plan_languages_changed = Signal()
