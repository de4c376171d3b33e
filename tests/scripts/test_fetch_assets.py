"""scripts/fetch_assets.py unpacks npm tarballs: a member may only land inside its own
package folder, never in a sibling whose name merely begins the same way."""

import importlib.util
import io
import tarfile
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "fetch_assets.py"


@pytest.fixture(scope="module")
def fetch_assets():
    spec = importlib.util.spec_from_file_location("fetch_assets", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def tarball(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return buffer.getvalue()


def test_a_package_unpacks_into_its_folder(fetch_assets, tmp_path):
    destination = tmp_path / "node_modules" / "chart.js"
    fetch_assets.unpack(
        tarball({"package/package.json": b"{}", "package/dist/chart.umd.js": b"x"}), destination
    )
    assert (destination / "dist" / "chart.umd.js").read_bytes() == b"x"


@pytest.mark.parametrize(
    "name",
    [
        "package/../chart.js-evil/index.js",  # a sibling that begins like the package
        "package/../../../outside.js",
        "package/../chart.js/../chart.jsx/a.js",
    ],
)
def test_a_member_outside_the_package_is_refused(fetch_assets, tmp_path, name):
    modules = tmp_path / "node_modules"
    destination = modules / "chart.js"
    with pytest.raises(SystemExit, match="outside the package"):
        fetch_assets.unpack(tarball({"package/ok.js": b"ok", name: b"evil"}), destination)
    written = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_file())
    assert written == []  # not even the package's good member
