"""Install the front-end libraries that ``package-lock.json`` pins, without Node.js.

Each package of the lock file is downloaded from the npm registry, checked against the
lock file's integrity hash (sha512) and unpacked into ``<target>/node_modules/<name>``,
as ``npm ci`` would do; a machine with npm may run ``npm ci`` instead. Nothing of a
library is kept in the repository: only ``package.json`` and its lock file.

    python scripts/fetch_assets.py var/assets
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import shutil
import sys
import tarfile
import urllib.request
from pathlib import Path

REGISTRY = "https://registry.npmjs.org"
ROOT = Path(__file__).resolve().parent.parent


def tarball_url(name: str, version: str, entry: dict) -> str:
    # npm writes "resolved" unless told not to; the registry's own layout otherwise.
    if entry.get("resolved"):
        return entry["resolved"]
    basename = name.rsplit("/", 1)[-1]
    return f"{REGISTRY}/{name}/-/{basename}-{version}.tgz"


def check_integrity(data: bytes, integrity: str, name: str) -> None:
    algorithm, _sep, expected = integrity.partition("-")
    if algorithm not in {"sha512", "sha384", "sha256"}:
        raise SystemExit(f"{name}: unsupported integrity algorithm {algorithm!r}")
    actual = base64.b64encode(hashlib.new(algorithm, data).digest()).decode()
    if actual != expected:
        raise SystemExit(f"{name}: the download does not match the lock file's integrity hash")


def unpack(data: bytes, destination: Path) -> None:
    """Unpack an npm tarball (everything under its ``package/`` folder), refusing any
    member that would land outside ``destination``."""
    if destination.exists():
        shutil.rmtree(destination)
    destination.mkdir(parents=True)
    root = destination.resolve()
    with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as archive:
        members = []
        for member in archive.getmembers():
            if not (member.isfile() or member.isdir()):
                continue
            relative = Path(*Path(member.name).parts[1:])  # drop "package/"
            target = (destination / relative).resolve()
            # A path comparison, not a text one: "chart.js-evil" begins with "chart.js".
            if not target.is_relative_to(root):
                raise SystemExit(f"refusing {member.name}: outside the package")
            members.append((member, target))
        # Only a package whose every member was checked is written.
        for member, target in members:
            if member.isdir():
                target.mkdir(parents=True, exist_ok=True)
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            source = archive.extractfile(member)
            target.write_bytes(source.read())


def main(target: str) -> int:
    lock = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))
    modules = Path(target) / "node_modules"
    for path, entry in lock["packages"].items():
        if not path.startswith("node_modules/") or entry.get("dev"):
            continue
        name = path.removeprefix("node_modules/")
        version, integrity = entry["version"], entry["integrity"]
        destination = modules / name
        stamp = destination / ".vahti-integrity"
        if stamp.exists() and stamp.read_text() == integrity:
            continue
        url = tarball_url(name, version, entry)
        print(f"fetching {name}@{version}")
        with urllib.request.urlopen(url, timeout=120) as response:
            data = response.read()
        check_integrity(data, integrity, name)
        unpack(data, destination)
        stamp.write_text(integrity)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "var/assets"))
