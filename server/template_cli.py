"""``samenspel template …``: check a template file, write a shipped one, print the JSON Schema."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from boards import template_file
from boards.templates import TEMPLATES


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("template", help="template files: check one, export a shipped one, the schema")
    what = parser.add_subparsers(dest="template_command", required=True)
    check = what.add_parser("check", help="validate a template file (exit 0: good, 1: not)")
    check.add_argument("file", type=Path)
    export = what.add_parser("export", help="write a shipped template as a file")
    export.add_argument("template", choices=sorted(TEMPLATES))
    what.add_parser("schema", help="print the template file's JSON Schema (docs/template.schema.json)")


def run(args: argparse.Namespace) -> int:
    if args.template_command == "export":
        sys.stdout.buffer.write(template_file.dump(TEMPLATES[args.template]))
        return 0
    if args.template_command == "schema":
        print(json.dumps(template_file.schema(), indent=2, ensure_ascii=False))
        return 0
    try:
        data = args.file.read_bytes()
    except OSError as exc:
        print(f"{args.file}: cannot read: {exc.strerror}", file=sys.stderr)
        return 1
    try:
        template = template_file.load(data)
    except template_file.TemplateFileError as exc:
        for problem in exc.problems:
            print(f"{args.file}: {problem.text()}", file=sys.stderr)
        print(f"{args.file}: not a valid template file ({len(exc.problems)} problem(s))", file=sys.stderr)
        return 1
    print(f"{args.file}: a valid template file: {template.title.nl!r}, {len(template.steps)} blocks, "
          f"{len(template.sections)} activities")
    return 0
