#!/usr/bin/env bash
# cairn side by side with taskwarrior (Debian's `taskwarrior` 2.6) on the same N tasks (default
# 10000), measured in the same run with hyperfine: import, load + count, and list everything.
#
#   benches/compare.sh [N]
#
# Installs taskwarrior and hyperfine with apt-get when missing (as root). Everything lives in a temp
# dir: TASKDATA/TASKRC for taskwarrior, --file for cairn; the real home is never touched.
# The items come from `cairn generate`, are exported to CSV (what `cairn import csv` reads) and
# converted to taskwarrior's JSON (what `task import` reads): the same titles, tags and states.
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-10000}"

need() {
  command -v "$1" >/dev/null 2>&1 && return
  if [ "$(id -u)" = 0 ]; then
    (apt-get update -qq && apt-get install -y -qq "$2") >/dev/null
  else
    echo "compare.sh: please install $2 (apt-get install $2)" >&2
    exit 1
  fi
}
need task taskwarrior
need hyperfine hyperfine
need python3 python3

cargo build --release --quiet
cairn="$PWD/target/release/cairn"
w="$(mktemp -d)"
trap 'rm -rf "$w"' EXIT
export HOME="$w/home" XDG_DATA_HOME="$w/data" XDG_CONFIG_HOME="$w/config" CAIRN_TODAY=2026-11-28
mkdir -p "$HOME" "$w/task"
export TASKDATA="$w/task" TASKRC="$w/taskrc"
printf 'data.location=%s\nconfirmation=off\nverbose=nothing\nnews.version=2.6.2\n' "$w/task" >"$TASKRC"

"$cairn" generate --items "$n" --seed 1 --file "$w/board.ron" >/dev/null
"$cairn" export --format csv --file "$w/board.ron" >"$w/items.csv"
"$cairn" generate --items 0 --seed 1 --file "$w/empty.ron" >/dev/null
python3 - "$w/items.csv" "$w/tasks.json" <<'PY'
import csv, json, sys, uuid
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8")))
def stamp(d):
    return (d or "2026-01-01").replace("-", "") + "T000000Z"
tasks = []
for r in rows:
    t = {
        "uuid": str(uuid.uuid5(uuid.NAMESPACE_URL, "cairn:" + r["Issue key"])),
        "description": r["Summary"],
        "project": "checkout",
        "entry": stamp(r.get("Created")),
        "status": "completed" if r["Status"] == "Done" else "pending",
    }
    if t["status"] == "completed":
        t["end"] = stamp(r.get("Resolved") or r.get("Updated"))
    tags = [x for x in r.get("Labels", "").replace(",", " ").split() if x]
    if tags:
        t["tags"] = tags
    tasks.append(t)
json.dump(tasks, open(sys.argv[2], "w"))
print(f"{len(tasks)} tasks, {sum(t['status'] == 'pending' for t in tasks)} pending")
PY
task import "$w/tasks.json" >/dev/null 2>&1
echo "cairn board: $(du -h "$w/board.ron" | cut -f1); taskwarrior data: $(du -sh "$w/task" | cut -f1)"

hf() { hyperfine -N --warmup 1 --runs "${RUNS:-10}" --style none --export-json "$w/$1.json" "${@:2}" >/dev/null; }
hf import \
  --prepare "cp $w/empty.ron $w/imported.ron" "$cairn import csv $w/items.csv --skip-bad --file $w/imported.ron" \
  --prepare "rm -rf $w/task2 && mkdir $w/task2" "env TASKDATA=$w/task2 task import $w/tasks.json"
hf count "$cairn check --file $w/board.ron" "task count"
hf list "$cairn export --format csv --file $w/board.ron" "task export"

python3 - "$w" "$n" <<'PY'
import json, sys
w, n = sys.argv[1], sys.argv[2]
print(f"\n{n} tasks, mean ms                   cairn   taskwarrior   cairn/taskwarrior")
for op, label in [("import", "import (csv / json)"), ("count", "load + count (check / count)"), ("list", "list all (export csv / export)")]:
    r = json.load(open(f"{w}/{op}.json"))["results"]
    c, t = r[0]["mean"] * 1000, r[1]["mean"] * 1000
    print(f"{label:34} {c:8.1f} {t:12.1f} {c / t:12.2f}")
PY
