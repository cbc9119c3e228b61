//! Benchmark hooks for `scripts/bench`, inert unless `BACK_PAIN_COURSE_BENCH`
//! is set. `ready`: the page reports when its first screen is painted with
//! its data, and one line goes to stdout for the script to time. `timings`:
//! the page also times opening the longest lesson, then this module times
//! store writes through the app's real save path, prints the figures and
//! quits. A learner never sets the variable, so none of this ever runs.

use std::collections::BTreeMap;
use std::io::Write;
use std::time::Instant;

use serde::Deserialize;
use tauri::{AppHandle, Runtime, State, WebviewWindowBuilder};

use crate::error::Error;
use crate::state::AppState;

pub const ENV: &str = "BACK_PAIN_COURSE_BENCH";

/// Store writes to time: enough for a p99 that is not just the maximum.
const STORE_WRITES: usize = 100;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Ready,
    Timings,
}

impl Mode {
    pub fn parse(value: Option<&str>) -> Option<Mode> {
        match value {
            Some("ready") => Some(Mode::Ready),
            Some("timings") => Some(Mode::Timings),
            _ => None,
        }
    }

    fn from_env() -> Option<Mode> {
        Mode::parse(std::env::var(ENV).ok().as_deref())
    }

    fn name(self) -> &'static str {
        match self {
            Mode::Ready => "ready",
            Mode::Timings => "timings",
        }
    }
}

/// Tells the page it is being benchmarked. The page cannot read the
/// environment itself, and this needs no extra permission.
pub fn mark_window<'a, R: Runtime, M: tauri::Manager<R>>(
    builder: WebviewWindowBuilder<'a, R, M>,
) -> WebviewWindowBuilder<'a, R, M> {
    match Mode::from_env() {
        Some(mode) => builder.initialization_script(format!(
            "window.__BACK_PAIN_COURSE_BENCH__ = {:?};",
            mode.name()
        )),
        None => builder,
    }
}

/// What the page measured, in milliseconds.
#[derive(Debug, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Report {
    Ready {
        screen: String,
        /// From the page's navigation start (`performance.now()`), so the
        /// script can tell the page's share of start-up from the process's.
        page_ms: f64,
        /// When the page's scripts began to run (all modules fetched and
        /// parsed), on the same clock.
        script_ms: f64,
        /// The page's start-up steps, for reading, not parsing.
        steps: String,
    },
    Timings {
        lesson: String,
        /// Named series of samples, e.g. `open_lesson_click_to_paint`.
        series: BTreeMap<String, Vec<f64>>,
    },
}

#[tauri::command]
pub fn bench_report<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    report: Report,
) -> Result<(), Error> {
    // Outside a benchmark run the command does nothing at all.
    if Mode::from_env().is_none() {
        return Ok(());
    }
    match report {
        Report::Ready {
            screen,
            page_ms,
            script_ms,
            steps,
        } => say(&format!(
            "bench ready screen={screen} page_ms={page_ms:.0} script_ms={script_ms:.0} steps={steps}"
        )),
        Report::Timings { lesson, series } => {
            say(&format!("bench lesson={lesson}"));
            for (name, samples) in &series {
                say(&summary(name, samples));
            }
            say(&summary("store_write_fsync", &time_store_writes(&state)?));
            say("bench done");
            app.exit(0);
        }
    }
    Ok(())
}

/// Saves the record `STORE_WRITES` times through the same path every change
/// takes (`AppState::change`: backup written atomically with fsync, then the
/// plugin's file), flipping the text size so each save has something new,
/// and ends on the learner's own setting.
fn time_store_writes(state: &AppState) -> Result<Vec<f64>, Error> {
    let original = state.read(|_, record| Ok(record.preferences.text_size))?;
    let other = if original == 0 { 1 } else { 0 };
    let mut times = Vec::with_capacity(STORE_WRITES);
    for i in 0..STORE_WRITES {
        let step = if i % 2 == 0 { other } else { original };
        let start = Instant::now();
        let changed = state.change(
            |_, record| record.set_text_size(step).map_err(Error::from),
            |_, _, ()| (),
        )?;
        times.push(start.elapsed().as_secs_f64() * 1000.0);
        if let Some(err) = changed.save_error {
            return Err(err);
        }
    }
    Ok(times)
}

fn say(line: &str) {
    let mut out = std::io::stdout().lock();
    // The script reads lines as they come; a buffered line would skew the
    // start-up time it measures.
    let _ = writeln!(out, "{line}");
    let _ = out.flush();
}

/// `name n=.. p50=.. p95=.. p99=.. max=.. ms`, for the script to parse.
pub fn summary(name: &str, samples: &[f64]) -> String {
    let mut sorted = samples.to_vec();
    sorted.sort_by(f64::total_cmp);
    let p = |q| percentile(&sorted, q).unwrap_or(f64::NAN);
    format!(
        "bench {name} n={} p50={:.2} p95={:.2} p99={:.2} max={:.2} ms",
        sorted.len(),
        p(50.0),
        p(95.0),
        p(99.0),
        p(100.0)
    )
}

/// Nearest-rank percentile of sorted samples: always one of the samples, so
/// a p99 of 100 samples is the 99th slowest, not an interpolation.
pub fn percentile(sorted: &[f64], q: f64) -> Option<f64> {
    if sorted.is_empty() {
        return None;
    }
    let rank = ((q / 100.0) * sorted.len() as f64).ceil() as usize;
    Some(sorted[rank.clamp(1, sorted.len()) - 1])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_two_documented_values_turn_it_on() {
        assert_eq!(Mode::parse(Some("ready")), Some(Mode::Ready));
        assert_eq!(Mode::parse(Some("timings")), Some(Mode::Timings));
        assert_eq!(Mode::parse(Some("")), None);
        assert_eq!(Mode::parse(Some("1")), None);
        assert_eq!(Mode::parse(None), None);
    }

    #[test]
    fn percentiles_are_nearest_rank() {
        let samples: Vec<f64> = (1..=100).map(f64::from).collect();
        assert_eq!(percentile(&samples, 50.0), Some(50.0));
        assert_eq!(percentile(&samples, 95.0), Some(95.0));
        assert_eq!(percentile(&samples, 99.0), Some(99.0));
        assert_eq!(percentile(&samples, 100.0), Some(100.0));
        assert_eq!(percentile(&samples, 0.0), Some(1.0));
        assert_eq!(percentile(&[7.0], 99.0), Some(7.0));
        assert_eq!(percentile(&[], 50.0), None);
    }

    #[test]
    fn the_summary_sorts_before_taking_percentiles() {
        let line = summary("x", &[3.0, 1.0, 2.0, 4.0]);
        assert_eq!(line, "bench x n=4 p50=2.00 p95=4.00 p99=4.00 max=4.00 ms");
    }
}
