"""Uploaded images, served by Vahti itself (``SERVE_MEDIA``) so that one process is all an
installation needs. Django's ``static.serve`` keeps requests inside MEDIA_ROOT and
answers ``If-Modified-Since``; image renditions get a new name whenever their image
changes, so browsers may keep them for a day. Documents' files are not served here:
Wagtail's ``/documents/`` serves them, after checking their collection's privacy."""

from __future__ import annotations

from django.http import Http404
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe
from django.views.static import serve

# Wagtail's folders for images and their renditions.
PUBLIC_FOLDERS = ("original_images/", "images/")


@require_safe
def media_file(request, path: str, document_root: str):
    if not path.startswith(PUBLIC_FOLDERS):
        raise Http404("Not a public file.")
    response = serve(request, path, document_root=document_root)
    patch_cache_control(response, public=True, max_age=24 * 3600)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response
