#!/usr/bin/env python3
"""Idle memory with WebKit compositing off for every subject, and with nothing
set (what a learner's desktop runs: WebKit composites the bare window, and
the app turns compositing off for its own page, src-tauri/src/engine.rs),
for the app and the two bare-window baselines, each
under its own Xvfb with fresh folders: the PSS of each process after a
settle time, and the medians and ratios. Needs no benchmark build (it waits
a fixed time rather than for the `bench ready` line), so any build of the
app and of benches/baseline will do: the web process's memory does not
depend on the Rust profile (measured: 186.5 MiB release, 186.7 debug).

Usage: memory_modes.py APP_BINARY BASELINE_BINARY [RUNS] [SETTLE_SECONDS]
"""

import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import measure  # noqa: E402  (its Xvfb and /proc helpers)


def run(binary, composited, extra_env, settle, work):
    home = tempfile.mkdtemp(prefix="run-", dir=work)
    xvfb, display = measure.start_xvfb()
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LANG": "C.UTF-8", "DISPLAY": display,
           "HOME": home, "XDG_DATA_HOME": home + "/data", "XDG_CONFIG_HOME": home + "/config",
           "XDG_CACHE_HOME": home + "/cache", "XDG_RUNTIME_DIR": home + "/runtime",
           "NO_AT_BRIDGE": "1", **extra_env}
    if not composited:
        env["WEBKIT_DISABLE_COMPOSITING_MODE"] = "1"
    os.makedirs(env["XDG_RUNTIME_DIR"], mode=0o700)
    proc = subprocess.Popen([binary], env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        time.sleep(settle)
        pids = measure.descendants(proc.pid)
        return [("main" if p == proc.pid else measure.process_name(p), measure.memory_kib(p, "Pss"))
                for p in pids]
    finally:
        for pid in reversed(measure.descendants(proc.pid)):
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        proc.wait()
        xvfb.terminate()
        xvfb.wait()
        shutil.rmtree(home, ignore_errors=True)


def main():
    app, baseline = sys.argv[1], sys.argv[2]
    runs = int(sys.argv[3]) if len(sys.argv) > 3 else 5
    settle = float(sys.argv[4]) if len(sys.argv) > 4 else 8.0
    work = tempfile.mkdtemp(prefix="memory-modes-")
    subjects = {"app": (app, {}), "baseline": (baseline, {}),
                "plain": (baseline, {"BENCH_BASELINE_PAGE": "plain"})}
    totals, web = {}, {}
    for i in range(runs):
        for composited in (False, True):
            for name, (binary, extra) in subjects.items():
                processes = run(binary, composited, extra, settle, work)
                key = (name, composited)
                totals.setdefault(key, []).append(sum(k for _, k in processes) / 1024)
                web.setdefault(key, []).append(
                    sum(k for n, k in processes if n.startswith("WebKitWebProc")) / 1024)
                print(f"  run {i + 1} {name:8} {'nothing set' if composited else 'off for all'}"
                      f" PSS {totals[key][-1]:6.1f} MiB (web process {web[key][-1]:6.1f})", flush=True)
    shutil.rmtree(work, ignore_errors=True)
    print("\n| compositing | app | baseline (app's stylesheet) | plain | app / baseline | app / plain | web process: app, baseline |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for composited in (False, True):
        med = {n: statistics.median(totals[(n, composited)]) for n in subjects}
        spread = {n: max(totals[(n, composited)]) - min(totals[(n, composited)]) for n in subjects}
        w = {n: statistics.median(web[(n, composited)]) for n in subjects}
        print(f"| {'nothing set (WebKit default)' if composited else 'off for all'} | {med['app']:.1f} ± {spread['app'] / 2:.1f}"
              f" | {med['baseline']:.1f} ± {spread['baseline'] / 2:.1f} | {med['plain']:.1f} ± {spread['plain'] / 2:.1f}"
              f" | {med['app'] / med['baseline']:.3f} | {med['app'] / med['plain']:.3f}"
              f" | {w['app']:.1f}, {w['baseline']:.1f} |")


if __name__ == "__main__":
    main()
