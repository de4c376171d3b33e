"""Wagtail's previews of the domain's objects, drawn by the face that shows them.

A model's preview is the public page of the object, which the domain does not assemble:
the public site registers, for each model it shows, the template and a function giving
that page's context (``register``); :class:`RegisteredPreviewMixin` asks here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from wagtail.models import PreviewableMixin


@dataclass(frozen=True)
class Preview:
    template: str
    context: Callable[[object], dict]


_previews: dict[type, Preview] = {}


def register(model: type, template: str, context: Callable[[object], dict]) -> None:
    """Preview ``model``'s objects with ``template`` and ``context(obj)``."""
    _previews[model] = Preview(template, context)


def preview_of(model: type) -> Preview:
    try:
        return _previews[model]
    except KeyError:
        raise LookupError(f"No preview is registered for {model.__name__}.") from None


class RegisteredPreviewMixin(PreviewableMixin):
    """Wagtail's preview, as registered for the model (see :func:`register`)."""

    def get_preview_template(self, request, mode_name):
        return preview_of(type(self)).template

    def get_preview_context(self, request, mode_name):
        return preview_of(type(self)).context(self)
