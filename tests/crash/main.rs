//! Crash test for the learner's saved progress: a child process runs the
//! app's real store code (tauri-plugin-store and the backup beside it) and
//! saves a stream of changes as fast as it can; the parent kills it with
//! SIGKILL at a random moment, then starts the store again the way the app
//! does. Every restart must load a whole record equal to one the child had
//! saved, and no older than the last one it acknowledged.
//!
//! `CRASH_KILLS` sets how many kills (default 200).

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use back_pain_course::course::learner::notice::Notice;
use back_pain_course::course::learner::record::{Consent, LessonProgress};
use back_pain_course::course::load::lesson::LessonId;
use back_pain_course::course::LearnerRecord;
use back_pain_course::store;
use tauri::test::{mock_builder, mock_context, noop_assets, MockRuntime};
use time::OffsetDateTime;

const CHILD_ENV: &str = "CRASH_TEST_CHILD_STORE";

/// The record after `step` changes: unique per step, and growing, so a torn
/// write is likely to be visible.
fn state(step: u64) -> LearnerRecord {
    let at = |s: u64| OffsetDateTime::from_unix_timestamp(1_700_000_000 + s as i64).unwrap();
    let mut record = LearnerRecord {
        consent: Some(Consent {
            disclaimer_version: "crash-test".into(),
            accepted_at: at(step),
        }),
        ..LearnerRecord::default()
    };
    for j in 0..(step % 24) {
        record.lessons.insert(
            LessonId::parse(&format!("lesson-{j}")).unwrap(),
            LessonProgress {
                started_at: at(j),
                completed_at: (j % 2 == 0).then(|| at(j + 1)),
            },
        );
    }
    record.last_lesson = Some(LessonId::parse(&format!("step-{step}")).unwrap());
    record
}

fn step_of(record: &LearnerRecord) -> Option<u64> {
    let seconds = record.consent.as_ref()?.accepted_at.unix_timestamp() - 1_700_000_000;
    u64::try_from(seconds).ok()
}

fn mock_app() -> tauri::App<MockRuntime> {
    mock_builder()
        .plugin(tauri_plugin_store::Builder::new().build())
        .build(mock_context(noop_assets()))
        .expect("mock app")
}

/// The writer: load as the app does, then save step after step, saying
/// "intent N" before each save and "ack N" once it returned.
fn child(store_path: &Path) -> ! {
    let app = mock_app();
    let opened = store::open(app.handle(), store_path.to_owned());
    let mut step = step_of(&opened.record).unwrap_or(0);
    let mut out = std::io::stdout().lock();
    loop {
        step += 1;
        writeln!(out, "intent {step}").unwrap();
        out.flush().unwrap();
        opened.store.save(&state(step)).expect("save");
        writeln!(out, "ack {step}").unwrap();
        out.flush().unwrap();
    }
}

/// A small deterministic generator, so a failing run can be repeated.
struct Lcg(u64);
impl Lcg {
    fn next(&mut self, bound: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % bound
    }
}

fn main() {
    if let Ok(path) = std::env::var(CHILD_ENV) {
        child(Path::new(&path));
    }
    let kills: u64 = std::env::var("CRASH_KILLS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(200);
    let seed = std::env::var("CRASH_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(0x5eed);
    let mut rng = Lcg(seed);
    let dir = tempfile::tempdir().unwrap();
    let store_path = dir.path().join("learner.json");
    let exe = std::env::current_exe().unwrap();
    let started = Instant::now();
    let (mut lost, mut corrupt, mut restored, mut acknowledged) = (0u64, 0u64, 0u64, 0u64);
    let mut failures = Vec::new();
    let mut known_step = 0u64;

    for kill in 1..=kills {
        let mut writer = Command::new(&exe)
            .env(CHILD_ENV, &store_path)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start writer");
        // Kill at a random moment: sometimes during start-up and recovery,
        // mostly in the middle of the stream of saves.
        std::thread::sleep(Duration::from_micros(rng.next(150_000)));
        writer.kill().expect("SIGKILL");
        let output = writer.wait_with_output().expect("writer output");
        let text = String::from_utf8_lossy(&output.stdout);
        let last = |word: &str| {
            text.lines()
                .filter_map(|l| l.strip_prefix(word)?.trim().parse::<u64>().ok())
                .max()
        };
        let last_ack = last("ack ");
        let last_intent = last("intent ");
        acknowledged += text.lines().filter(|l| l.starts_with("ack ")).count() as u64;

        // Start again exactly as the app does.
        let app = mock_app();
        let opened = store::open(app.handle(), store_path.clone());
        let loaded = step_of(&opened.record);
        for notice in &opened.notices {
            match notice {
                Notice::Restored { .. } => restored += 1,
                other => {
                    corrupt += 1;
                    failures.push(format!("kill {kill}: {other}"));
                }
            }
        }
        // A writer killed before its first save leaves what the last restart
        // loaded; one killed mid-save may leave the save it was making.
        let floor = last_ack.unwrap_or(known_step);
        let top = last_intent.unwrap_or(known_step).max(floor);
        match loaded {
            Some(step) if (floor..=top).contains(&step) => {
                if opened.record != state(step) {
                    corrupt += 1;
                    failures.push(format!(
                        "kill {kill}: loaded step {step} does not equal what was saved"
                    ));
                }
                known_step = step;
            }
            None if floor == 0 => {}
            other => {
                lost += 1;
                failures.push(format!(
                    "kill {kill}: loaded {other:?}, but step {floor} was acknowledged (last intent {last_intent:?})"
                ));
            }
        }
    }

    println!(
        "crash test: {kills} kills, {lost} lost, {corrupt} corrupt ({acknowledged} acknowledged saves; {restored} restarts restored from the backup; seed {seed}; {:.1} s)",
        started.elapsed().as_secs_f64()
    );
    if acknowledged == 0 {
        failures.push("the writer never acknowledged a save: nothing was tested".into());
    }
    if failures.is_empty() {
        println!("crash test: 1 passed, 0 failed");
    } else {
        for failure in failures.iter().take(20) {
            println!("  {failure}");
        }
        println!("crash test: 0 passed, 1 failed");
        std::process::exit(1);
    }
}
