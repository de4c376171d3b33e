"""Create .venv with pip, also on Debian's python3 without the python3-venv package.

Debian removes ensurepip from its Python, so ``python3 -m venv`` fails there. We then make
the environment without pip and install pip from its wheel on PyPI, checked against the
hash below (a registry download at install time, like every other dependency).
"""

import hashlib
import subprocess
import sys
import tempfile
import urllib.request
from pathlib import Path

PIP_WHEEL_URL = (
    "https://files.pythonhosted.org/packages/44/3c/"
    "d717024885424591d5376220b5e836c2d5293ce2011523c9de23ff7bf068/pip-25.3-py3-none-any.whl"
)
PIP_WHEEL_SHA256 = "9655943313a94722b7774661c21049070f6bbb0a1516bf02f7c8d5d9201514cd"


def main(target: str) -> int:
    if sys.version_info[:2] != (3, 11):
        print(
            f"Vahti needs Python 3.11; {sys.executable} is {sys.version.split()[0]}.",
            file=sys.stderr,
        )
        return 1
    venv = Path(target)
    if subprocess.call([sys.executable, "-m", "venv", str(venv)], stderr=subprocess.DEVNULL) == 0:
        return 0
    print(
        "python3 -m venv has no pip here (Debian without python3-venv); "
        "bootstrapping pip from PyPI."
    )
    subprocess.check_call([sys.executable, "-m", "venv", "--clear", "--without-pip", str(venv)])
    with tempfile.TemporaryDirectory() as tmp:
        wheel = Path(tmp) / PIP_WHEEL_URL.rsplit("/", 1)[1]
        with urllib.request.urlopen(PIP_WHEEL_URL, timeout=120) as response:
            data = response.read()
        if hashlib.sha256(data).hexdigest() != PIP_WHEEL_SHA256:
            print("The downloaded pip wheel does not match its expected hash.", file=sys.stderr)
            return 1
        wheel.write_bytes(data)
        python = venv / "bin" / "python"
        subprocess.check_call(
            [str(python), str(wheel / "pip"), "install", "--no-index", str(wheel)]
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else ".venv"))
