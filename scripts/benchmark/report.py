#!/usr/bin/env python3
"""Turns measure.py's JSON, the file sizes and the machine's description into
the results table (printed, and written as Markdown), the SVG chart in docs/,
and the figures section of docs/benchmarks.md (between its markers).

Standard library only. Usage: report.py --results FILE --app-bin .. --baseline-bin ..
  --app-deb .. --baseline-deb .. --markdown OUT --svg OUT --doc docs/benchmarks.md
"""

import argparse
import json
import os
import platform
import random
import re
import statistics
import subprocess
import tomllib

MB = 1_000_000
MIB = 1024 * 1024


def spread(samples):
    q1, _, q3 = statistics.quantiles(samples, n=4, method="inclusive")
    return statistics.median(samples), q1, q3, min(samples), max(samples)


def ratio_interval(a, b, rounds=4000, seed=7):
    """The 95% interval of median(a) / median(b), by resampling each set of
    runs with replacement: the machine is noisy, and one ratio of medians
    says nothing of how sure it is."""
    rng = random.Random(seed)
    ratios = sorted(
        statistics.median(rng.choices(a, k=len(a))) / statistics.median(rng.choices(b, k=len(b)))
        for _ in range(rounds))
    return ratios[int(0.025 * rounds)], ratios[int(0.975 * rounds) - 1]


def ratio_cell(a, b):
    low, high = ratio_interval(a, b)
    return f"{statistics.median(a) / statistics.median(b):.2f} ({low:.2f}–{high:.2f})"


def run(command):
    try:
        return subprocess.run(command, capture_output=True, text=True, check=False).stdout.strip()
    except OSError:
        return "?"


def machine():
    model = next((l.split(":", 1)[1].strip() for l in run(["lscpu"]).splitlines()
                  if l.startswith("Model name")), "?")
    with open("/proc/meminfo") as f:
        ram_kib = int(next(l for l in f if l.startswith("MemTotal")).split()[1])
    webkit = run(["dpkg-query", "-W", "-f=${Version}", "libwebkit2gtk-4.1-0"]) or "?"
    return [
        ("CPUs (`nproc`)", run(["nproc"])),
        ("CPU model (`lscpu`)", model),
        ("RAM", f"{ram_kib / 1024 / 1024:.1f} GiB"),
        ("kernel", platform.release()),
        ("WebKitGTK", f"libwebkit2gtk-4.1-0 {webkit}"),
        ("OS", run(["sh", "-c", ". /etc/os-release && echo \"$PRETTY_NAME\""])),
    ]


def verdict(ok):
    return "pass" if ok else "**miss**"


def fmt_spread(samples, scale=1.0, digits=0):
    med, q1, q3, lo, hi = (x / scale for x in spread(samples))
    f = f"{{:.{digits}f}}"
    return f"{f.format(med)} (IQR {f.format(q1)}–{f.format(q3)}; {f.format(lo)}–{f.format(hi)})"


def tables(data, sizes, profile):
    app, base = data["runs"]["app"], data["runs"]["baseline"]
    # Older results files have no plain-page runs.
    plain = data["runs"].get("plain") or base
    a_start = [r["start_ms"] for r in app]
    b_start = [r["start_ms"] for r in base]
    p_start = [r["start_ms"] for r in plain]
    a_pss = [r["pss_kib"] for r in app]
    b_pss = [r["pss_kib"] for r in base]
    p_pss = [r["pss_kib"] for r in plain]
    start_ratio = statistics.median(a_start) / statistics.median(b_start)
    pss_ratio = statistics.median(a_pss) / statistics.median(b_pss)
    pss_plain_ratio = statistics.median(a_pss) / statistics.median(p_pss)
    bin_ratio = sizes["app_bin"] / sizes["baseline_bin"]
    deb_ratio = sizes["app_deb"] / sizes["baseline_deb"]
    stripped = "stripped" in sizes["app_bin_file"] and "not stripped" not in sizes["app_bin_file"]
    lto = profile.get("lto") in (True, "fat", "thin")
    rss = lambda runs: [r.get("rss_kib", 0) for r in runs]
    column = lambda key, runs: [r[key] for r in runs]
    out = [
        f"{len(app)} runs each after {data['warmup']} warm-up run(s) each, in turn; "
        f"median (IQR; min–max); ratios of medians with their 95% interval (resampled). "
        f"Idle PSS read {data['settle_s']:g} s after the first screen. "
        "Baseline: a bare window with a static page and the app's stylesheet; "
        "plain: the same window with a plain page and no stylesheet.",
        "",
        "| measure | app | baseline | plain | app / baseline | app / plain | target | result |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
        f"| start to first screen with data, ms | {fmt_spread(a_start)} | {fmt_spread(b_start)} "
        f"| {fmt_spread(p_start)} | {ratio_cell(a_start, b_start)} | {ratio_cell(a_start, p_start)} "
        f"| ≤ 1.05 × baseline | {verdict(start_ratio <= 1.05)} |",
        f"| … of which in the page (navigation start → first screen), ms | {fmt_spread(column('page_ms', app))} "
        f"| {fmt_spread(column('page_ms', base))} | {fmt_spread(column('page_ms', plain))} | | | | |",
        f"| … … loading the page and its scripts (navigation start → scripts run), ms "
        f"| {fmt_spread(column('script_ms', app))} | {fmt_spread(column('script_ms', base))} "
        f"| {fmt_spread(column('script_ms', plain))} | | | | |",
        f"| idle PSS (app + WebKit processes), MiB | {fmt_spread(a_pss, 1024, 1)} | {fmt_spread(b_pss, 1024, 1)} "
        f"| {fmt_spread(p_pss, 1024, 1)} | {ratio_cell(a_pss, b_pss)} | {ratio_cell(a_pss, p_pss)} "
        f"| ≤ 1.05 × plain | {verdict(pss_plain_ratio <= 1.05)} |",
        f"| idle RSS (same processes; not split with other programs), MiB "
        f"| {fmt_spread(rss(app), 1024, 1)} | {fmt_spread(rss(base), 1024, 1)} | {fmt_spread(rss(plain), 1024, 1)} "
        f"| {ratio_cell(rss(app), rss(base))} | {ratio_cell(rss(app), rss(plain))} | | |",
        f"| binary size, MiB | {sizes['app_bin'] / MIB:.2f} | {sizes['baseline_bin'] / MIB:.2f} | "
        f"| {bin_ratio:.2f} | | stripped, LTO | {verdict(stripped and lto)} |",
        f"| `.deb` size, MB | {sizes['app_deb'] / MB:.2f} | {sizes['baseline_deb'] / MB:.2f} | "
        f"| {deb_ratio:.2f} | | ≤ 3 MB | {verdict(sizes['app_deb'] <= 3 * MB)} |",
        "",
        f"Earlier targets, still met or not: start ≤ 1.15 × baseline: {verdict(start_ratio <= 1.15)}; "
        f"idle PSS ≤ 1.10 × baseline ({pss_ratio:.2f}): {verdict(pss_ratio <= 1.10)}.",
        "",
    ]
    middle = sorted(app, key=lambda r: r["start_ms"])[len(app) // 2]
    out += [
        "The app's page, in its median run, on the page's clock (ms from navigation start; "
        "`name@start+duration` for each command call, then the first screen in the DOM and "
        "the frame that painted it):",
        "",
        f"`{middle.get('steps', '')}`",
        "",
    ]
    t = data["timings"]
    rows = [
        ("open longest lesson: click → next frame painted", "open_lesson_click_to_paint", "p95 ≤ 16 ms",
         lambda f: f["p95"] <= 16),
        ("… click → new screen in the DOM", "open_lesson_click_to_dom", "", None),
        ("… click → style and layout done", "open_lesson_click_to_layout", "p95 ≤ 8 ms",
         lambda f: f["p95"] <= 8),
        ("… click → next frame begins (rAF)", "open_lesson_click_to_frame", "", None),
        ("… frames the lesson waited after the first one after the click (0: painted in it)",
         "open_lesson_frames_late", "p95 = 0 (≥ 95% in that frame)", lambda f: f["p95"] == 0),
        ("`open_lesson` command round trip alone", "open_lesson_round_trip", "", None),
        ("open Starting to move (six movement pictures): click → next frame painted",
         "open_movements_click_to_paint", "", None),
        ("… frames it waited after the first one after the click (0: painted in it)",
         "open_movements_frames_late", "p95 = 0 (≥ 95% in that frame)", lambda f: f["p95"] == 0),
        ("Move with me, a new step (Space from the first step, or Next movement): key → next frame painted",
         "move_step_new_to_paint", "", None),
        ("… frames it waited after the first one after the key (0: painted in it)",
         "move_step_new_frames_late", "p95 = 0 (≥ 95% in that frame)", lambda f: f["p95"] == 0),
        ("Move with me, Space counts one: key → next frame painted", "move_step_count_to_paint", "", None),
        ("… frames it waited after the first one after the key (0: painted in it)",
         "move_step_count_frames_late", "p95 = 0 (≥ 95% in that frame)", lambda f: f["p95"] == 0),
        ("open My weeks with two years of weekly check-ins: click → next frame painted",
         "open_my_weeks_click_to_paint", "", None),
        ("… frames it waited after the first one after the click (0: painted in it)",
         "open_my_weeks_frames_late", "p95 = 0 (≥ 95% in that frame)", lambda f: f["p95"] == 0),
        ("frame interval with nothing to draw", "frame_interval", "", None),
        ("store write with fsync (real save path; the record then holds two years of check-ins)", "store_write_fsync", "p99 ≤ 20 ms",
         lambda f: f["p99"] <= 20),
    ]
    out += [
        f"In-app timings (one run, `BACK_PAIN_COURSE_BENCH=timings`; lesson `{t.get('lesson', '?')}`), ms:",
        "",
        "| figure | n | p50 | p95 | p99 | max | target | result |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for label, key, target, check in rows:
        f = t.get(key)
        if f is None:
            continue
        result = verdict(check(f)) if check else ""
        out.append(f"| {label} | {f['n']} | {f['p50']:.2f} | {f['p95']:.2f} | {f['p99']:.2f} "
                   f"| {f['max']:.2f} | {target} | {result} |")
    out += ["", "Idle PSS by process (median over runs), MiB:", "",
            "| process | app | baseline | plain |", "| --- | --- | --- | --- |"]
    names = []
    for r in app + base + plain:
        names += [n for n, _ in r["processes"] if n not in names]
    for name in names:
        def med(runs):
            vals = [sum(k for n, k in r["processes"] if n == name) for r in runs]
            return f"{statistics.median(vals) / 1024:.1f}"
        out.append(f"| {name} | {med(app)} | {med(base)} | {med(plain)} |")
    return out


def bar_panel(x, title, unit, series, scale):
    """One panel: a bar per subject at its median, a line from min to max,
    and a dot per run."""
    width, height, top, left = 300, 220, 40, 50
    peak = max(max(v) for _, v, _ in series) / scale * 1.1
    y = lambda v: top + height - (v / scale) / peak * height
    parts = [f'<text x="{x + left + width / 2}" y="20" text-anchor="middle" font-weight="bold">{title}</text>',
             f'<line x1="{x + left}" y1="{top + height}" x2="{x + left + width}" y2="{top + height}" stroke="#333"/>']
    for tick in range(5):
        v = peak * tick / 4
        ty = top + height - height * tick / 4
        parts.append(f'<text x="{x + left - 6}" y="{ty + 4}" text-anchor="end" font-size="11">{v:.0f}</text>')
        parts.append(f'<line x1="{x + left}" y1="{ty}" x2="{x + left + width}" y2="{ty}" stroke="#ddd"/>')
    parts.append(f'<text x="{x + 14}" y="{top + height / 2}" font-size="11" '
                 f'transform="rotate(-90 {x + 14} {top + height / 2})" text-anchor="middle">{unit}</text>')
    for i, (name, values, colour) in enumerate(series):
        cx = x + left + width * (i + 0.5) / len(series)
        med = statistics.median(values)
        parts.append(f'<rect x="{cx - 28}" y="{y(med):.1f}" width="56" height="{top + height - y(med):.1f}" '
                     f'fill="{colour}" opacity="0.8"/>')
        parts.append(f'<line x1="{cx}" y1="{y(max(values)):.1f}" x2="{cx}" y2="{y(min(values)):.1f}" '
                     f'stroke="#000" stroke-width="2"/>')
        for v in values:
            parts.append(f'<circle cx="{cx + 34}" cy="{y(v):.1f}" r="2.5" fill="#000" opacity="0.6"/>')
        parts.append(f'<text x="{cx}" y="{top + height + 18}" text-anchor="middle">{name}</text>')
        parts.append(f'<text x="{cx - 12}" y="{y(med) + 18:.1f}" text-anchor="end" fill="#fff" '
                     f'font-weight="bold">{med / scale:.0f}</text>')
    return parts


def chart(data):
    app, base = data["runs"]["app"], data["runs"]["baseline"]
    plain = data["runs"].get("plain") or base
    parts = ['<svg xmlns="http://www.w3.org/2000/svg" width="760" height="300" '
             'font-family="DejaVu Sans, sans-serif" font-size="13">',
             '<rect width="100%" height="100%" fill="#fff"/>']
    parts += bar_panel(0, "Start to first screen", "ms", [
        ("app", [r["start_ms"] for r in app], "#2b6cb0"),
        ("baseline", [r["start_ms"] for r in base], "#a0aec0"),
        ("plain", [r["start_ms"] for r in plain], "#cbd5e0")], 1)
    parts += bar_panel(380, "Idle memory (PSS)", "MiB", [
        ("app", [r["pss_kib"] for r in app], "#2b6cb0"),
        ("baseline", [r["pss_kib"] for r in base], "#a0aec0"),
        ("plain", [r["pss_kib"] for r in plain], "#cbd5e0")], 1024)
    parts.append('<text x="380" y="295" text-anchor="middle" font-size="11">'
                 'bar: median; line: min–max; dots: each run</text>')
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def main():
    p = argparse.ArgumentParser()
    for name in ["results", "app-bin", "baseline-bin", "app-deb", "baseline-deb", "markdown", "svg", "doc"]:
        p.add_argument("--" + name, required=True)
    args = p.parse_args()
    with open(args.results) as f:
        data = json.load(f)
    with open("Cargo.toml", "rb") as f:
        profile = tomllib.load(f).get("profile", {}).get("release", {})
    sizes = {
        "app_bin": os.path.getsize(args.app_bin),
        "baseline_bin": os.path.getsize(args.baseline_bin),
        "app_deb": os.path.getsize(args.app_deb),
        "baseline_deb": os.path.getsize(args.baseline_deb),
        "app_bin_file": run(["file", "-b", args.app_bin]),
    }
    lines = tables(data, sizes, profile)
    lines += ["", "Machine:", "", "| | |", "| --- | --- |"]
    lines += [f"| {k} | {v} |" for k, v in machine()]
    lines += ["", f"Release profile: `{json.dumps(profile)}`; app binary: {sizes['app_bin_file']}", ""]
    text = "\n".join(lines)
    print(text)
    with open(args.markdown, "w") as f:
        f.write(text)
    with open(args.svg, "w") as f:
        f.write(chart(data))
    # docs/benchmarks.md keeps its prose; only the figures between the
    # markers are replaced, so a rerun updates the page in place.
    with open(args.doc) as f:
        doc = f.read()
    new, count = re.subn(r"(<!-- figures:start -->\n).*?(<!-- figures:end -->)",
                         lambda m: m[1] + text + "\n" + m[2], doc, flags=re.S)
    if count != 1:
        raise SystemExit(f"report: no figures markers in {args.doc}")
    with open(args.doc, "w") as f:
        f.write(new)


if __name__ == "__main__":
    main()
