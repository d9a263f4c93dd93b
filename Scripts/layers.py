#!/usr/bin/env python3
"""The folders of Sources/BlauweKnop as layers: which folder uses which, and whether that graph
has a cycle. A folder uses another when one of its files names a type declared at the top level
of the other (comments and string literals left out).

  Scripts/layers.py            prints each folder's uses, bottom to top; exit 1 on a cycle
  Scripts/layers.py --graph    also prints the file and name behind every use
"""
import os
import re
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Sources", "BlauweKnop")
DECLARATION = re.compile(r"^(?:@\w+(?:\([^)]*\))?\s+)*(?:(?:public|internal|fileprivate|private|package|final|indirect|nonisolated)\s+)*"
                         r"(?:struct|enum|class|actor|protocol|typealias)\s+(\w+)", re.M)
IDENTIFIER = re.compile(r"\b[A-Z]\w*\b")


def code_only(text):
    """The text without comments and string literals (multi-line ones included)."""
    text = re.sub(r'"""(?:.|\n)*?"""', '""', text)
    text = re.sub(r"/\*(?:.|\n)*?\*/", " ", text)
    text = re.sub(r"//[^\n]*", " ", text)
    text = re.sub(r'#?"(?:[^"\\\n]|\\.)*"#?', '""', text)
    return text


def read_sources():
    files = {}
    for folder in sorted(os.listdir(ROOT)):
        path = os.path.join(ROOT, folder)
        if not os.path.isdir(path):
            continue
        for name in sorted(os.listdir(path)):
            if name.endswith(".swift"):
                with open(os.path.join(path, name), encoding="utf-8") as handle:
                    files[(folder, name)] = code_only(handle.read())
    return files


def graph(files):
    declared = {}
    for (folder, _), text in files.items():
        for name in DECLARATION.findall(text):
            declared.setdefault(name, folder)
    uses = {folder: {} for folder, _ in files}
    for (folder, name), text in files.items():
        for identifier in set(IDENTIFIER.findall(text)):
            owner = declared.get(identifier)
            if owner and owner != folder:
                uses[folder].setdefault(owner, []).append(f"{name}: {identifier}")
    return uses


def cycle(uses):
    """One cycle of the graph as a list of folders, or None."""
    state = {}
    stack = []

    def visit(folder):
        state[folder] = "open"
        stack.append(folder)
        for other in sorted(uses.get(folder, {})):
            if state.get(other) == "open":
                return stack[stack.index(other):] + [other]
            if other not in state:
                found = visit(other)
                if found:
                    return found
        state[folder] = "done"
        stack.pop()
        return None

    for folder in sorted(uses):
        if folder not in state:
            found = visit(folder)
            if found:
                return found
    return None


def layers(uses):
    """The folders bottom to top: each after everything it uses."""
    order, placed = [], set()
    while len(placed) < len(uses):
        ready = sorted(f for f in uses if f not in placed and set(uses[f]) <= placed)
        if not ready:
            break
        order += ready
        placed |= set(ready)
    return order


def main():
    uses = graph(read_sources())
    found = cycle(uses)
    detail = "--graph" in sys.argv
    if found:
        print("layers: the folders of Sources/BlauweKnop use each other in a cycle: " + " -> ".join(found))
        for left, right in zip(found, found[1:]):
            print(f"  {left} uses {right}: " + ", ".join(sorted(uses[left][right])[:6]))
        sys.exit(1)
    bottom = [f for f in ("Support",) if uses.get(f)]
    if bottom:
        print("layers: Support is the bottom layer and uses nothing, but uses " + ", ".join(sorted(uses["Support"])))
        for other in sorted(uses["Support"]):
            print(f"  Support uses {other}: " + ", ".join(sorted(uses["Support"][other])[:6]))
        sys.exit(1)
    for folder in layers(uses):
        line = f"{folder}: " + (", ".join(sorted(uses[folder])) or "nothing")
        print(line)
        if detail:
            for other in sorted(uses[folder]):
                print(f"    {other}: " + ", ".join(sorted(uses[folder][other])))


main()
