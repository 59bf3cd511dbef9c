"""Write the XML and repair log of every bundled sample into a folder.

Run it before and after a change and compare the folders (``diff -r``) to see
exactly what the change does to the output; a refactoring must leave them
byte-identical.

    .venv/bin/python bench/dump_outputs.py OUT [FILE...]

Without files it takes every file of ``samples/``. It runs the code of the
tree it sits in, not the installed package: run from a worktree of an older
version (``git worktree add``), it dumps that version's output.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # this tree's code (a worktree of an older version), not the installed one

from gazette.normalize import SourceError, read_source  # noqa: E402
from gazette.render import render  # noqa: E402

SAMPLES = ROOT / "samples"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("files", nargs="*", type=Path)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    for path in args.files or sorted(SAMPLES.iterdir()):
        try:
            rendering = render(read_source(path))
        except SourceError as error:
            (args.out / f"{path.name}.error").write_text(f"{error}\n", "utf-8")
            continue
        (args.out / f"{path.name}.xml").write_bytes(rendering.xml)
        log = "".join(json.dumps(r.to_json(), ensure_ascii=False) + "\n" for r in rendering.doc.repairs)
        (args.out / f"{path.name}.repairs.jsonl").write_text(log, "utf-8")
    print(f"{args.out}: {len(list(args.out.iterdir()))} files", file=sys.stderr)


if __name__ == "__main__":
    main()
