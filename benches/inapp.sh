#!/usr/bin/env bash
# Per-key times in the real app (issue 18): the release binary in tmux at 120x40 on generated boards
# (10k, 100k, and the pathological 100k with 5,000 sprint cards and 20,000 notes), each key pressed
# 75 times 40 ms apart (a person's pace: the caches cool between keys), timed by cairn itself from
# the event's arrival in the event loop to the end of the write of the frame that shows it
# (`CAIRN_KEY_TIMES`, src/tui/keytimes.rs). Prints p50 / p99 per key and board, in ms, and the
# start-up of each run (from main to the first frame written): median / worst.
#
#   benches/inapp.sh [10k 100k pathological]
#
# Everything lives in a temp dir (HOME and the XDG dirs too); the real home is never touched.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v tmux >/dev/null || { echo "inapp.sh: please install tmux" >&2; exit 1; }
cargo build --release --quiet
cairn="${CARGO_TARGET_DIR:-$PWD/target}/release/cairn"
w="$(mktemp -d)"
trap 'tmux -L inapp kill-server >/dev/null 2>&1 || true; rm -rf "$w"' EXIT
mkdir -p "$w/home" "$w/data" "$w/config"
boards=("$@")
[ ${#boards[@]} -gt 0 ] || boards=(10k 100k pathological)
for b in "${boards[@]}"; do
  case "$b" in
    10k) "$cairn" generate --items 10000 --seed 1 --file "$w/$b.ron" >/dev/null ;;
    100k) "$cairn" generate --items 100000 --seed 1 --file "$w/$b.ron" >/dev/null ;;
    pathological) "$cairn" generate --items 100000 --sprint-cards 5000 --notes 20000 --seed 1 \
      --file "$w/$b.ron" >/dev/null ;;
    *) echo "inapp.sh: unknown board $b (10k, 100k, pathological)" >&2; exit 2 ;;
  esac
done
python3 - "$cairn" "$w" "${boards[@]}" <<'PY'
import os, shutil, subprocess, sys, time
cairn, w, boards = sys.argv[1], sys.argv[2], sys.argv[3:]
env = dict(os.environ, HOME=f"{w}/home", XDG_DATA_HOME=f"{w}/data",
           XDG_CONFIG_HOME=f"{w}/config", CAIRN_TODAY="2026-12-01", CAIRN_SAMPLE="1")
def tmux(*a):
    return subprocess.run(["tmux", "-L", "inapp", *a], env=env, capture_output=True, text=True).stdout
# (label, keys to get there, keys pressed in turn, the keys timed)
cases = [
    ("backlog j", [], ["j"], {"j"}),
    ("backlog J (a change)", [], ["J"], {"J"}),
    ("backlog G / g", [], ["G", "g"], {"G", "g"}),
    ("sprint board j", ["2"], ["j"], {"j"}),
    ("sprint board l", ["2"], ["l", "h"], {"l", "h"}),
    ("timeline, switched to after a change", [], ["J", "3", "1"], {"3"}),
    ("stakeholders j", ["4"], ["j"], {"j"}),
]
def pct(xs, p):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, round((len(xs) - 1) * p))] / 1000
rows = {}
starts = {}
for b in boards:
    for label, setup, keys, timed in cases:
        log = f"{w}/times.txt"
        if os.path.exists(log):
            os.remove(log)
        # Each case starts where a first start does: cairn reopens where the last run left it.
        shutil.rmtree(f"{w}/data/cairn/views", ignore_errors=True)
        cmd = f"env CAIRN_KEY_TIMES={log} {cairn} --file {w}/{b}.ron"
        # A new session right after kill-server can meet the old server on its way out and be
        # lost with it: wait for the old one to go, and start again if the pane never shows.
        for attempt in range(3):
            tmux("kill-server")
            while subprocess.run(["tmux", "-L", "inapp", "list-sessions"], env=env,
                                 capture_output=True).returncode == 0:
                time.sleep(0.05)
            tmux("-f", "/dev/null", "new-session", "-d", "-s", "a", "-x", "120", "-y", "40", cmd)
            start = time.time()
            while "items" not in tmux("capture-pane", "-p", "-t", "a") and time.time() - start < 30:
                time.sleep(0.05)
            if "items" in tmux("capture-pane", "-p", "-t", "a"):
                break
        else:
            sys.exit(f"{b}: cairn did not show its items")
        for k in setup:
            tmux("send-keys", "-t", "a", k)
            time.sleep(0.3)
        time.sleep(0.5)
        presses = 0
        while presses < 75:
            for k in keys:
                tmux("send-keys", "-t", "a", k)
                time.sleep(0.04)
                presses += k in timed
        time.sleep(0.5)
        tmux("send-keys", "-t", "a", "q")
        start = time.time()
        while not os.path.exists(log) and time.time() - start < 30:
            time.sleep(0.05)
        # The next run starts once this cairn has ended (its last save written, its memory given
        # back): the server goes with its last session.
        while subprocess.run(["tmux", "-L", "inapp", "has-session", "-t", "a"], env=env,
                             capture_output=True).returncode == 0 and time.time() - start < 30:
            time.sleep(0.05)
        time.sleep(0.2)
        lines = [l.split() for l in open(log).read().splitlines()]
        starts.setdefault(b, []).extend(int(t) for k, t in lines if k == "start")
        us = [int(t) for k, t in lines if k in timed]
        # The setup keys' own frames are not counted.
        us = us[-75:]
        rows.setdefault(label, {})[b] = f"{pct(us, .5):.2f} / {pct(us, .99):.2f}"
tmux("kill-server")
print("| in the real app, p50 / p99 (ms) | " + " | ".join(boards) + " |")
print("| --- |" + " --- |" * len(boards))
for label, by in rows.items():
    print(f"| {label} | " + " | ".join(by.get(b, "") for b in boards) + " |")
# One start per case above: from main to the first frame written, median and worst of the runs.
print("| start → first frame, median / worst of " + str(len(cases)) + " runs | "
      + " | ".join(f"{pct(starts.get(b, [0]), .5):.1f} / {max(starts.get(b, [0])) / 1000:.1f}" for b in boards) + " |")
PY
