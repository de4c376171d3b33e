"""The admin's Content-Security-Policy refuses inline scripts (vahti.editing.middleware).
Wagtail starts its choosers with one written after each widget; here they carry their
constructor and options in data attributes instead, and editing/csp-init.js starts them
(the date pickers and inline panels do the same through their templates in
vahti/editing/templates/wagtailadmin/)."""

from __future__ import annotations

import json

from django.utils.html import format_html
from wagtail.admin.widgets.chooser import BaseChooser

_wagtail_render = BaseChooser.render


def _render_without_inline_script(self, name, value, attrs=None, renderer=None):
    if type(self).render_js_init is not BaseChooser.render_js_init:
        return _wagtail_render(self, name, value, attrs, renderer)  # started some other way
    try:
        id_ = attrs["id"]
    except (KeyError, TypeError) as error:
        raise TypeError("BaseChooser cannot be rendered without an 'id' attribute") from error
    value_data = self.get_value_data(value)
    return format_html(
        '{}<span hidden data-vahti-init="Chooser" data-vahti-constructor="{}" '
        'data-vahti-id="{}" data-vahti-options="{}"></span>',
        self.render_html(name, value_data, attrs),
        self.js_constructor,
        id_,
        json.dumps(self.get_js_init_options(id_, name, value_data)),
    )


def start_choosers_without_inline_scripts() -> None:
    BaseChooser.render = _render_without_inline_script
