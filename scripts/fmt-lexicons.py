#!/usr/bin/env python3
"""Sort the entries of every block in lexicon files, as `cargo test` (lexicon hygiene) expects.

A block is a run of entry lines between blank lines, comment lines and `#!` directives. Entries are
sorted by their term without marks (`! * + ~ <n>`), lowercased, then by the raw line. Comments and
directives stay where they are. Usage: scripts/fmt-lexicons.py [FILE...]  (default: lexicons/*/*.txt)
"""
import glob
import sys
import unicodedata


def key(line: str):
    body = line.split(" #", 1)[0].strip()
    term = body.lstrip("!").replace("<n>", "").strip(" *+~")
    return (term.lower(), body)


def fmt(path: str) -> bool:
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    out, block = [], []

    def flush():
        block.sort(key=key)
        out.extend(block)
        block.clear()

    for line in lines:
        s = line.strip()
        if not s or s.startswith("#"):
            flush()
            out.append(line)
        else:
            block.append(unicodedata.normalize("NFC", line))
    flush()
    new = "\n".join(out)
    changed = new != "\n".join(lines)
    if changed:
        with open(path, "w", encoding="utf-8") as f:
            f.write(new)
    return changed


if __name__ == "__main__":
    files = sys.argv[1:] or sorted(glob.glob("lexicons/*/*.txt"))
    for p in files:
        if fmt(p):
            print(f"sorted {p}")
