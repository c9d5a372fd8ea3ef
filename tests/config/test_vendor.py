"""The front-end libraries in static/vendor/ are the ones package-lock.json pins, unchanged but for
the rewrites scripts/vendor-assets documents (`make test` installs node_modules/ first)."""

import importlib.machinery
import importlib.util
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _vendor_script():
    loader = importlib.machinery.SourceFileLoader("vendor_assets", str(ROOT / "scripts" / "vendor-assets"))
    spec = importlib.util.spec_from_loader("vendor_assets", loader)
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module


def test_vendored_versions_are_the_locked_ones():
    lock = json.loads((ROOT / "package-lock.json").read_text())["packages"]
    vendored = json.loads((ROOT / "static" / "vendor" / "VERSIONS.json").read_text())
    declared = json.loads((ROOT / "package.json").read_text())["dependencies"]
    assert set(vendored) <= set(declared) | {"three"}
    for package, entry in vendored.items():
        assert entry["version"] == lock[f"node_modules/{package}"]["version"], package


def test_vendored_files_are_what_the_script_makes_from_node_modules():
    script = _vendor_script()
    assert script.main(["--check"]) == 0


def test_vendored_modules_import_only_vendored_files():
    """A bare import left in a module would fail in the browser (no import map is served)."""
    script = _vendor_script()
    vendor = ROOT / "static" / "vendor"
    for path in vendor.rglob("*.js"):
        text = path.read_text()
        for name in ("three", "@photo-sphere-viewer/core"):
            assert f'from "{name}"' not in text and f"from '{name}'" not in text, (path, name)
    assert script.vendored(b'import{a}from"three";\n//# sourceMappingURL=x.map\n', {"three": "./t.js"}) == (
        b'import{a}from"./t.js";\n'
    )
