#!/usr/bin/env python3
"""Adds the licence header to source files that lack it and puts Java imports in the house order
(java | javax | jakarta | others | org.springframework | dev.hmr | static), one blank line between groups.
Run from the repository root before `mvn spring-javaformat:apply`; it is idempotent."""
import pathlib
import re
import subprocess

ROOT = pathlib.Path(__file__).resolve().parents[2]
HEADER = (ROOT / "src/checkstyle/header.txt").read_text()
JS_HEADER = HEADER.replace("/*\n", "/*\n * Part of hmr-spring-boot. It follows Vite's client (MIT, see NOTICE).\n *\n", 1)
GROUPS = [("java.",), ("javax.",), ("jakarta.",), None, ("org.springframework.",), ("dev.hmr.",)]


def group_of(name):
    for index, prefixes in enumerate(GROUPS):
        if prefixes and name.startswith(prefixes):
            return index
    return GROUPS.index(None)


def sort_imports(text):
    lines = text.split("\n")
    starts = [i for i, line in enumerate(lines) if line.startswith("import ")]
    if not starts:
        return text
    first, last = starts[0], starts[-1]
    block = lines[first:last + 1]
    if any(line.strip() and not line.startswith("import ") for line in block):
        return text  # something other than imports in between: leave it to a person
    imports = sorted(set(line for line in block if line.strip()))
    regular = [line for line in imports if not line.startswith("import static ")]
    static = [line for line in imports if line.startswith("import static ")]
    out = []
    for index in range(len(GROUPS)):
        members = sorted((line for line in regular if group_of(line[7:]) == index), key=lambda l: l[7:].rstrip(";"))
        if members:
            if out:
                out.append("")
            out.extend(members)
    if static:
        if out:
            out.append("")
        out.extend(sorted(static, key=lambda l: l[14:].rstrip(";")))
    return "\n".join(lines[:first] + out + lines[last + 1:])


def tracked(pattern):
    result = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard", pattern],
                            cwd=ROOT, capture_output=True, text=True, check=True)
    return [ROOT / name for name in result.stdout.split()]


for path in tracked("*.java"):
    if "/src/it/" in str(path):
        continue  # fixtures written as a user would, compared with the README
    text = path.read_text()
    if not text.startswith("/*\n * Copyright"):
        text = HEADER + "\n" + text
    text = sort_imports(text)
    path.write_text(text)

for path in tracked("hmr-spring-boot-*/src/main/resources/dev/hmr/client/*"):
    if path.suffix in (".mjs", ".ts") and not path.read_text().startswith("/*\n * Part of hmr-spring-boot"):
        path.write_text(JS_HEADER + "\n" + path.read_text())
