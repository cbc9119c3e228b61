#!/usr/bin/env python3
"""Runs the course app and the two bare Tauri baselines (the page with the
app's stylesheet, and a plain page with none) in turn under Xvfb and
measures, per run: start to first screen painted with its data (spawn to the
`bench ready` line), and idle memory (PSS of the process and every process it
started, after a settle time). Then one `timings` run of the app for its
in-app figures. Writes everything, raw samples included, as JSON.

Standard library only. Usage: measure.py --app BIN --baseline BIN --out FILE
"""

import argparse
import json
import os
import re
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import time

READY = "bench ready"
# The same for both: software rendering under Xvfb (a blank window without
# it) and no accessibility bus (start-up would wait for one).
SHARED_ENV = {"WEBKIT_DISABLE_COMPOSITING_MODE": "1", "NO_AT_BRIDGE": "1"}


def start_xvfb():
    """A display of its own for one run, ready when it prints its number."""
    read, write = os.pipe()
    xvfb = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "1280x1024x24", "-nolisten", "tcp"],
        pass_fds=(write,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    os.close(write)
    with os.fdopen(read) as pipe:
        number = pipe.readline().strip()
    if not number.isdigit():
        xvfb.kill()
        sys.exit(f"measure: Xvfb gave no display number ({number!r})")
    return xvfb, ":" + number


def children_of():
    """ppid -> [pid] for every process now running."""
    tree = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                stat = f.read()
        except OSError:
            continue
        # The command name may hold spaces and brackets; the ppid follows the last ')'.
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        tree.setdefault(ppid, []).append(int(entry))
    return tree


def descendants(pid):
    tree, found, todo = children_of(), [], [pid]
    while todo:
        p = todo.pop()
        found.append(p)
        todo.extend(tree.get(p, []))
    return found


def memory_kib(pid, field):
    """`Pss`: proportional set size, shared pages split between their users,
    so the sum over processes counts each page once (but it falls when other
    programs map the same libraries). `Rss`: every resident page, shared or
    not; it does not depend on what else runs."""
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            for line in f:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def process_name(pid):
    try:
        with open(f"/proc/{pid}/comm") as f:
            return f.read().strip()
    except OSError:
        return "?"


def read_lines_until(proc, done, timeout):
    """Lines from the app's stdout until `done(line)`; None on timeout or exit."""
    deadline = time.monotonic() + timeout
    lines, buffer = [], b""
    fd = proc.stdout.fileno()
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], max(0.0, deadline - time.monotonic()))
        if not ready:
            break
        chunk = os.read(fd, 65536)
        if not chunk:
            break
        buffer += chunk
        while b"\n" in buffer:
            raw, buffer = buffer.split(b"\n", 1)
            line = raw.decode(errors="replace")
            lines.append(line)
            if done(line):
                return lines
    return None


def launch(binary, mode, work, extra_env=None):
    """Fresh data folders under `work` (on disk, so fsync is real), a display
    of its own, and the documented variable set to `mode`."""
    home = tempfile.mkdtemp(prefix="run-", dir=work)
    xvfb, display = start_xvfb()
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "LANG": os.environ.get("LANG", "C.UTF-8"),
        "DISPLAY": display,
        "HOME": home,
        "XDG_DATA_HOME": os.path.join(home, "data"),
        "XDG_CONFIG_HOME": os.path.join(home, "config"),
        "XDG_CACHE_HOME": os.path.join(home, "cache"),
        "XDG_RUNTIME_DIR": os.path.join(home, "runtime"),
        "BACK_PAIN_COURSE_BENCH": mode,
        **SHARED_ENV,
        **(extra_env or {}),
    }
    os.makedirs(env["XDG_RUNTIME_DIR"], mode=0o700)
    start = time.monotonic()
    proc = subprocess.Popen([binary], env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                            start_new_session=True)
    return proc, xvfb, home, start


def stop(proc, xvfb, home):
    pids = descendants(proc.pid)
    for pid in reversed(pids):
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    proc.wait()
    xvfb.terminate()
    xvfb.wait()
    shutil.rmtree(home, ignore_errors=True)


def one_run(subject, settle, work):
    binary, extra_env = subject
    proc, xvfb, home, start = launch(binary, "ready", work, extra_env)
    try:
        lines = read_lines_until(proc, lambda l: l.startswith(READY), timeout=60)
        if lines is None:
            sys.exit(f"measure: {binary} never reported ready")
        start_ms = (time.monotonic() - start) * 1000
        time.sleep(settle)
        pids = descendants(proc.pid)
        processes = [("main process" if p == proc.pid else process_name(p), memory_kib(p, "Pss"))
                     for p in pids]
        fields = dict(f.split("=", 1) for f in lines[-1].split()[2:])
        return {
            "start_ms": start_ms,
            "screen": fields.get("screen", "?"),
            # From the page's navigation start; the rest of start_ms is the
            # process, GTK and WebKit getting that far.
            "page_ms": float(fields.get("page_ms", "nan")),
            "script_ms": float(fields.get("script_ms", "nan")),
            "steps": fields.get("steps", ""),
            "pss_kib": sum(k for _, k in processes),
            "rss_kib": sum(memory_kib(p, "Rss") for p in pids),
            "processes": processes,
        }
    finally:
        stop(proc, xvfb, home)


LINE = re.compile(r"bench (\S+) n=(\d+) p50=(\S+) p95=(\S+) p99=(\S+) max=(\S+) ms")


def timings_run(binary, work):
    proc, xvfb, home, _ = launch(binary, "timings", work)
    try:
        lines = read_lines_until(proc, lambda l: l == "bench done", timeout=300)
        if lines is None:
            sys.exit("measure: the timings run did not finish")
        figures = {}
        for line in lines:
            if line.startswith("bench lesson="):
                figures["lesson"] = line.split("=", 1)[1]
            m = LINE.match(line)
            if m:
                figures[m[1]] = dict(zip(["n", "p50", "p95", "p99", "max"],
                                         [int(m[2])] + [float(x) for x in m.groups()[2:]]))
        return figures
    finally:
        stop(proc, xvfb, home)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--app", required=True)
    parser.add_argument("--baseline", required=True)
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--warmup", type=int, default=1)
    parser.add_argument("--settle", type=float, default=3.0)
    parser.add_argument("--work", required=True)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    os.makedirs(args.work, exist_ok=True)
    subjects = {
        "app": (args.app, {}),
        "baseline": (args.baseline, {}),
        # The same binary showing a plain page with no stylesheet.
        "plain": (args.baseline, {"BENCH_BASELINE_PAGE": "plain"}),
    }
    runs = {name: [] for name in subjects}
    names = list(subjects)
    for i in range(args.warmup + args.runs):
        # Rotate which goes first in each round, so none always runs on a
        # machine another has just warmed (or left busy).
        order = names[i % len(names):] + names[:i % len(names)]
        for name in order:
            result = one_run(subjects[name], args.settle, args.work)
            counted = i >= args.warmup
            print(f"  {'run' if counted else 'warm-up'} {i - args.warmup + 1 if counted else i + 1}"
                  f" {name:8} start {result['start_ms']:7.1f} ms (page {result['page_ms']:5.0f})  PSS {result['pss_kib'] / 1024:6.1f} MiB"
                  f"  ({result['screen']})", flush=True)
            if counted:
                runs[name].append(result)
    print("  timings run (app)", flush=True)
    timings = timings_run(args.app, args.work)
    with open(args.out, "w") as f:
        json.dump({"runs": runs, "timings": timings, "settle_s": args.settle,
                   "warmup": args.warmup}, f, indent=1)


if __name__ == "__main__":
    main()
