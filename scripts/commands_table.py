#!/usr/bin/env python3
"""Regenerates the README's table of commands from src/app/command.rs (a unit test checks the two agree)."""
import re
import pathlib

root = pathlib.Path(__file__).resolve().parent.parent
src = (root / "src/app/command.rs").read_text()
body = src[src.index("commands! {"):]
rows = re.findall(r'^\s*(\w+) = "(\w+)",\s*"([^"]*)",\s*\[(.*?)\];', body, re.S | re.M)
names = {
    "Global": "global", "List": "lists", "Backlog": "backlog", "Sprint": "sprint",
    "Timeline": "timeline", "Stakeholders": "stakeholders", "Form": "form", "Filter": "filter",
    "Palette": "palette", "Picker": "picker", "Help": "help", "Confirm": "confirm", "Rank": "rank",
    "CloseSprint": "close_sprint", "Standup": "standup", "Conflicts": "conflicts",
}
lines = ["| command | does | default keys by context |", "| --- | --- | --- |"]
for _variant, name, about, defaults in rows:
    pairs = re.findall(r'(\w+)\s+"([^"]*)"', defaults)
    keys = "; ".join(
        names[c] + ": " + (" ".join("`" + k + "`" for k in ks.split()) if ks.strip() else "—")
        for c, ks in pairs
    )
    escaped = about.replace("|", "\\|")
    lines.append(f"| `{name}` | {escaped} | {keys} |")
readme = (root / "README.md").read_text()
start = readme.index("| command | does | default keys by context |")
end = readme.index("\n\n", start)
(root / "README.md").write_text(readme[:start] + "\n".join(lines) + readme[end:])
