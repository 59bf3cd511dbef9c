"""The layers of the package import one way only.

``normalize`` ← ``schemas`` ← ``render`` ← ``archive`` ← ``flows`` ← ``cli``:
a module may import its own layer and the layers before it, never a later
one (``gazette/__init__.py``, the version, is below them all). Prefect is
imported in ``flows`` only (``cli`` imports it inside the commands that run
flows), so the library runs without it.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "gazette"
LAYERS = ["gazette.normalize", "gazette.schemas", "gazette.render", "gazette.archive", "gazette.flows", "gazette.cli"]


def _module(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path, module: str | None = None) -> list[str]:
    """Absolute names of the modules a file imports (relative imports resolved)."""
    module = module or _module(path)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = package.split(".")
            if node.level:
                base = base[: len(base) - node.level + 1]
                name = ".".join(base + ([node.module] if node.module else []))
            else:
                name = node.module or ""
            found.append(name)
    return found


def _layer(module: str) -> int | None:
    for number, layer in enumerate(LAYERS):
        if module == layer or module.startswith(layer + "."):
            return number
    return -1 if module == "gazette" else None


FILES = sorted(PACKAGE.rglob("*.py"))


def _later_layers(path: Path, module: str) -> list[str]:
    """What ``module`` (the file at ``path``) imports from layers after its own."""
    own = _layer(module)
    if own is None:
        return []
    return [name for name in _imports(path, module) if (layer := _layer(name)) is not None and layer > own]


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_a_module_imports_only_its_own_and_earlier_layers(path):
    assert _later_layers(path, _module(path)) == []


def test_prefect_is_imported_by_the_flows_and_the_command_line_only():
    users = {_module(path) for path in FILES if any(name.split(".")[0] in ("prefect", "prefect_dask")
                                                     for name in _imports(path))}
    assert users <= {"gazette.flows.process", "gazette.cli"}, users


def test_the_check_sees_a_wrong_import(tmp_path):
    """A scratch module of ``normalize`` importing the archive, or the XML
    writer by a relative import, is caught; its own layer is not."""
    scratch = tmp_path / "scratch.py"
    scratch.write_text("from gazette.archive import archive_file\nfrom ..model import Line\n", "utf-8")
    assert _later_layers(scratch, "gazette.normalize.tables.scratch") == ["gazette.archive"]
    scratch.write_text("from ...schemas import writer\n", "utf-8")
    assert _later_layers(scratch, "gazette.normalize.tables.scratch") == ["gazette.schemas"]
