#!/usr/bin/env bash
# cairn side by side with the ratatui peer kanban-rs (`kanban-cli` on crates.io) on the same N cards,
# driven as a user would in one tmux harness at 120x40: the table of issue 18.
#
#   benches/peer.sh [N ...]        (default: 1000 10000 100000; RUNS=5 round-robin runs)
#
# Figures, medians of the runs: launch -> first screen with items (capture-pane polled until an item
# title shows), `j` -> screen changed, a change -> on disk (a key that changes the board; the files
# polled until their bytes differ from before: cairn's board or its edit journal `.<name>.journal`,
# the peer's JSON file), peak RSS (`/usr/bin/time -v`, the app quit with `q` after the change). The
# screen is compared with its attributes (the peer's cursor is a colour). The keys: `j` moves down in
# both; the change is `J` in cairn (the backlog item down a rank) and `L` in the peer (the card to the
# next column), which starts in its projects panel: `Enter` opens the board's tasks before `j`. The
# harness floor (a shell that prints a line, `cat` echoing a key) is measured the same way.
#
# The peer is installed when the script runs with `cargo install kanban-cli --root <temp dir>`
# (PEER_VERSION=x.y.z pins one; PEER_ROOT=<dir> reuses an earlier install there). Everything lives in
# a temp dir: HOME and the XDG dirs point into it, both apps get their board by path, nothing of the
# peer is kept; the real home is never touched. The cards come from `cairn generate` and
# `cairn export --format json`, written in the peer's JSON format: the same titles, points and
# columns (one board, cairn's four columns).
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000 100000)
runs="${RUNS:-5}"

for tool in tmux python3 /usr/bin/time; do
  command -v "$tool" >/dev/null 2>&1 || {
    echo "peer.sh: please install $tool (apt-get install ${tool##*/})" >&2
    exit 1
  }
done

cargo build --release --quiet
cairn="${CARGO_TARGET_DIR:-$PWD/target}/release/cairn"
w="$(mktemp -d)"
tmx() { tmux -L peerbench "$@"; }
trap 'tmx kill-server >/dev/null 2>&1 || true; rm -rf "$w"' EXIT

# Cargo and rustup stay where they are; everything else the apps see is the temp dir's.
export CARGO_HOME="${CARGO_HOME:-$HOME/.cargo}" RUSTUP_HOME="${RUSTUP_HOME:-$HOME/.rustup}"
peer="" peer_version="" why=""
if [ "${PEER:-}" = none ]; then
  why="PEER=none"
elif [ -n "${PEER_ROOT:-}" ] && [ -x "$PEER_ROOT/bin/kanban" ]; then
  peer="$PEER_ROOT/bin/kanban"
else
  root="${PEER_ROOT:-$w/peer}"
  echo "peer.sh: installing kanban-cli${PEER_VERSION:+ $PEER_VERSION} into $root (minutes)..." >&2
  if CARGO_TARGET_DIR="$w/peer-build" cargo install --quiet --locked kanban-cli \
    ${PEER_VERSION:+--version "$PEER_VERSION"} --root "$root" >"$w/install.log" 2>&1; then
    peer="$root/bin/kanban"
  else
    why="cargo install kanban-cli failed: $(tail -n 1 "$w/install.log")"
    echo "peer.sh: $why; measuring cairn alone" >&2
  fi
  rm -rf "$w/peer-build"
fi
export HOME="$w/home" XDG_DATA_HOME="$w/data" XDG_CONFIG_HOME="$w/config" XDG_STATE_HOME="$w/state" \
  XDG_CACHE_HOME="$w/cache" CAIRN_TODAY=2026-11-28
unset CAIRN_FILE KANBAN_FILE
mkdir -p "$HOME" "$XDG_DATA_HOME" "$XDG_CONFIG_HOME"
[ -z "$peer" ] || peer_version="$("$peer" --version | awk '{print $NF}')"

# The peer's format from the peer itself: a board with cairn's four columns and one card, made with its
# own CLI; the generated cards are copies of that card with cairn's titles, points, columns and dates.
if [ -n "$peer" ]; then
  "$peer" "$w/template.json" init --board Checkout >/dev/null
  board_id="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["data"]["boards"][0]["id"])' "$w/template.json")"
  for col in "To do" Doing Review Done; do
    "$peer" "$w/template.json" column create --board "$board_id" --name "$col" >/dev/null
  done
  col_id="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["data"]["columns"][-1]["id"])' "$w/template.json")"
  "$peer" "$w/template.json" card create --board "$board_id" --column "$col_id" --title template \
    --points 3 >/dev/null
fi

for n in "${sizes[@]}"; do
  "$cairn" generate --items "$n" --seed 1 --file "$w/cairn-$n.ron" >/dev/null
  "$cairn" export --format json --file "$w/cairn-$n.ron" >"$w/cairn-$n.json"
  [ -n "$peer" ] || continue
  python3 - "$w/template.json" "$w/cairn-$n.json" "$w/peer-$n.json" <<'CONVERT'
import copy, json, sys, uuid
env = json.load(open(sys.argv[1]))
items = json.load(open(sys.argv[2]))["items"]
data = env["data"]
names = ["To do", "Doing", "Review", "Done"]
cols = {c["name"]: c for c in data["columns"] if c["name"] in names}
data["columns"] = [cols[n] for n in names]  # only cairn's four, in its order
for k, c in enumerate(data["columns"]):
    c["position"] = k
template = data["cards"][0]
status = {"To do": "Todo", "Doing": "InProgress", "Review": "InProgress", "Done": "Done"}
cards, per_column = [], {n: 0 for n in names}
for it in items:
    col = it["status"] if it["status"] in cols else "To do"
    c = copy.deepcopy(template)
    c["id"] = str(uuid.uuid5(uuid.NAMESPACE_URL, f"cairn:{it['id']}"))
    c["column_id"] = cols[col]["id"]
    c["title"] = it["title"]
    c["description"] = it.get("description") or None
    c["points"] = it.get("points")
    c["card_number"] = it["id"]
    c["position"] = per_column[col]
    c["status"] = "Blocked" if it.get("blocked") else status[col]
    c["created_at"] = it["created"] + "T09:00:00Z"
    c["updated_at"] = it["updated"] + "T09:00:00Z"
    c["completed_at"] = it["done"] + "T17:00:00Z" if it.get("done") else None
    per_column[col] += 1
    cards.append(c)
data["cards"] = cards
for p in data.get("prefixes", []):  # the next card number is after cairn's
    p["card_counter"] = max(p.get("card_counter", 0), len(cards))
json.dump(env, open(sys.argv[3], "w"), indent=2)
CONVERT
done

python3 - "$w" "$cairn" "$peer" "$peer_version" "$why" "$runs" "${sizes[@]}" <<'PY'
import glob, json, os, re, shutil, statistics, subprocess, sys, time

w, cairn, peer, peer_version, why, runs = sys.argv[1:7]
runs, sizes = int(runs), [int(n) for n in sys.argv[7:]]
apps = ("cairn", "peer") if peer else ("cairn",)

def tmux(*args):
    return subprocess.run(["tmux", "-L", "peerbench", *args], capture_output=True, text=True).stdout

def screen():
    return tmux("capture-pane", "-p", "-e", "-t", "b")  # with attributes: the peer's cursor is a colour

def wait(pred, timeout):
    """Polls pred() until it is truthy; the milliseconds it took, or None on a timeout."""
    t0 = time.perf_counter()
    while time.perf_counter() - t0 < timeout:
        if pred():
            return (time.perf_counter() - t0) * 1000
        time.sleep(0.001)
    return None

def settle(quiet=0.3, timeout=60):
    """Waits until the screen has not changed for `quiet` seconds; returns it."""
    last, since, t0 = screen(), time.perf_counter(), time.perf_counter()
    while time.perf_counter() - t0 < timeout:
        time.sleep(0.02)
        now = screen()
        if now != last:
            last, since = now, time.perf_counter()
        elif time.perf_counter() - since >= quiet:
            break
    return last

def watched(a):
    """The files a change may reach first: the app's own, and for cairn whatever journal sits beside
    the board (`.board.ron.journal` or another spelling of it)."""
    return a["files"] + sorted(set(glob.glob(a["journals"])) - set(a["files"])) if a.get("journals") \
        else a["files"]

def read(p):
    try:
        with open(p, "rb") as f:
            return f.read() or None  # an empty journal holds no change
    except FileNotFoundError:
        return None

def stat(p):
    try:
        s = os.stat(p)
        return (s.st_ino, s.st_size, s.st_mtime_ns)
    except FileNotFoundError:
        return None

def changed_on_disk(a, press, timeout):
    """Milliseconds from `press()` (after the bytes before are read) until one of the watched files
    holds other bytes (stat first, bytes when the stat moved, and every 50 ms in any case)."""
    before = {p: read(p) for p in watched(a)}
    stats = {p: stat(p) for p in before}
    press()
    t0 = last_read = time.perf_counter()
    while time.perf_counter() - t0 < timeout:
        now = time.perf_counter()
        paths = watched(a)
        moved = [p for p in paths if stat(p) != stats.get(p)]
        look = moved or (paths if now - last_read > 0.05 else [])
        for p in look:
            stats[p] = stat(p)
            if read(p) != before.get(p):
                return (time.perf_counter() - t0) * 1000
        if look:
            last_read = now
        time.sleep(0.0005)
    return None

def start(cmd, rss_file):
    tmux("kill-server")
    tmux("new-session", "-d", "-s", "b", "-x", "120", "-y", "40",
         "/usr/bin/time -v -o %s %s" % (rss_file, cmd))

def descendants(pid):
    """The processes under `pid` (the pane's shell, /usr/bin/time, the app)."""
    kids = {}
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                ppid = int(open(f"/proc/{d}/stat").read().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            kids.setdefault(ppid, []).append(int(d))
    out, todo = [], [pid]
    while todo:
        for c in kids.get(todo.pop(), []):
            out.append(c)
            todo.append(c)
    return out

def stop(quit_keys, rss_file):
    """Quits the app with its keys (SIGTERM to it if it has not gone after 60 s: /usr/bin/time still
    reports); its peak RSS in MiB."""
    done = lambda: os.path.exists(rss_file) and "Maximum resident" in open(rss_file).read()
    pane = tmux("list-panes", "-t", "b", "-F", "#{pane_pid}").split()
    for k in quit_keys:
        tmux("send-keys", "-t", "b", k)
        time.sleep(0.2)
    if wait(done, 60) is None and pane:
        for p in descendants(int(pane[0])):
            try:
                if open(f"/proc/{p}/comm").read().strip() not in ("sh", "bash", "time"):
                    os.kill(p, 15)
            except OSError:
                pass
        wait(done, 10)
    tmux("kill-server")
    try:
        m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", open(rss_file).read())
        return int(m.group(1)) / 1024 if m else None
    except FileNotFoundError:
        return None

prefixes = {}
def titles(n):
    """Prefixes of the item titles: any of them on screen means the items are drawn."""
    if n not in prefixes:
        items = json.load(open(f"{w}/cairn-{n}.json"))["items"]
        prefixes[n] = sorted({i["title"][:16] for i in items[:2000]})
    return prefixes[n]

def shows_any(words):
    s = screen()
    return any(p in s for p in words)

# What each app is, how it starts, which key changes the board and which files it writes.
def cairn_app(n, d):
    board = f"{d}/board.ron"
    shutil.copy(f"{w}/cairn-{n}.ron", board)
    return dict(cmd=f"{cairn} --file {board}", change="J", quit=["q"],
                files=[board], journals=f"{d}/.board*journal*")

def peer_app(n, d):
    board = f"{d}/board.json"
    shutil.copy(f"{w}/peer-{n}.json", board)
    return dict(cmd=f"{peer} {board}", change=PEER_CHANGE, quit=PEER_QUIT, files=[board],
                enter=PEER_ENTER)

PEER_ENTER = ["Enter"]  # from the projects panel (where it starts) to the board's tasks
PEER_CHANGE = "L"       # move the card to the next column
PEER_QUIT = ["q"]

def measure(app, n, run):
    d = f"{w}/run-{app}-{n}-{run}"
    os.makedirs(d)
    a = (cairn_app if app == "cairn" else peer_app)(n, d)
    rss_file = f"{d}/time.txt"
    words = titles(n)
    t0 = time.perf_counter()
    start(a["cmd"], rss_file)
    shown = wait(lambda: shows_any(words), 120)
    launch = None if shown is None else (time.perf_counter() - t0) * 1000
    for k in a.get("enter", []):
        tmux("send-keys", "-t", "b", k)
    before_screen = settle()
    keys = []
    for _ in range(5):
        tmux("send-keys", "-t", "b", "j")
        dt = wait(lambda: screen() != before_screen, 10)
        if dt is not None:
            keys.append(dt)
        before_screen = settle(0.15)
    disk = changed_on_disk(a, lambda: tmux("send-keys", "-t", "b", a["change"]), 30)
    settle(1.0)
    rss = stop(a["quit"], rss_file)
    return dict(launch=launch, key=statistics.median(keys) if keys else None, disk=disk, rss=rss)

def floor(run):
    rss_file = f"{w}/floor-{run}.txt"
    t0 = time.perf_counter()
    start("sh -c 'echo harness-ready; exec cat'", rss_file)
    wait(lambda: "harness-ready" in screen(), 10)
    launch = (time.perf_counter() - t0) * 1000
    before = settle(0.1)
    tmux("send-keys", "-t", "b", "j")
    key = wait(lambda: screen() != before, 5)
    tmux("kill-server")
    return launch, key

results = {}
floors = []
for run in range(runs):
    floors.append(floor(run))
    for n in sizes:
        for app in apps:
            r = measure(app, n, run)
            results.setdefault((app, n), []).append(r)
            print(f"run {run + 1}/{runs} {app:5} {n:>6}: " + ", ".join(
                f"{k} {'-' if v is None else f'{v:.1f}'}" for k, v in r.items()), file=sys.stderr)

def med(app, n, k):
    xs = [r[k] for r in results.get((app, n), []) if r[k] is not None]
    return statistics.median(xs) if xs else None

def fmt(x, bold=False):
    if x is None:
        return "—"
    s = f"{x:,.0f}" if x >= 100 else f"{x:.1f}" if x >= 1 else f"{x:.2f}"
    return s

def k(n):
    return f"{n // 1000}k" if n >= 1000 and n % 1000 == 0 else str(n)

fl = [f for f, _ in floors]
fk = [f for _, f in floors if f is not None]
who = f"the peer kanban-rs {peer_version}" if peer else f"no peer ({why})"
print(f"\ncairn side by side with {who} in one tmux harness at 120×40, {runs} round-robin runs, "
      f"medians (harness floor: launch {statistics.median(fl):.0f} ms, "
      f"a key ≈ {statistics.median(fk) if fk else float('nan'):.1f} ms):\n")
head = " | ".join(f"cairn {k(n)} | peer {k(n)}" for n in sizes)
print(f"| figure | {head} |")
print("|" + " --- |" * (1 + 2 * len(sizes)))
for label, key in [("launch → first screen with items (ms)", "launch"),
                   ("`j` → screen changed (ms)", "key"),
                   ("a change → on disk (ms)", "disk"),
                   ("peak RSS (MiB)", "rss")]:
    cells = " | ".join(f"{fmt(med('cairn', n, key))} | {fmt(med('peer', n, key))}" for n in sizes)
    print(f"| {label} | {cells} |")
PY
