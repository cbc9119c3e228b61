//! Crash test for the learner's saved progress: a child process runs the
//! app's real store code (tauri-plugin-store and the backup beside it) and
//! saves a stream of changes as fast as it can; the parent kills it (SIGKILL,
//! or TerminateProcess on Windows), then starts the store again the way the
//! app does. Every restart must load a whole record equal to one the child
//! had saved, and no older than the last one it acknowledged.
//!
//! The schedule does not depend on how fast the machine is: every kill waits
//! until the writer has acknowledged a new save since it started, then comes
//! either after a random number of further saves and a random few
//! microseconds (mostly in the middle of a write), or, one time in four, while
//! the writer is held between its backup write and its store write, so the
//! restart must take the backup on every platform (Wine included).
//!
//! Every other save holds two years of weekly check-ins ("My weeks"), so
//! a record of that size is saved, killed and restored too.
//!
//! `CRASH_KILLS` sets how many kills (default 200), `CRASH_MIN_ACKS` how many
//! acknowledged saves the run must reach to count as a test (default 1,000),
//! `CRASH_SEED` the seed.

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use back_pain_course::course::learner::check_ins::{
    CheckIn, CheckIns, RatedActivity, WeekStart, QUESTION_SET,
};
use back_pain_course::course::learner::notice::Notice;
use back_pain_course::course::learner::record::{Consent, LessonProgress};
use back_pain_course::course::learner::record_file::{inspect_store, SavedRecord};
use back_pain_course::course::load::lesson::LessonId;
use back_pain_course::course::LearnerRecord;
use back_pain_course::store;
use tauri::test::{mock_builder, mock_context, noop_assets, MockRuntime};
use time::OffsetDateTime;

const CHILD_ENV: &str = "CRASH_TEST_CHILD_STORE";
/// How long a writer may take to show the line a kill waits for before the
/// run is called broken (Wine starts a process in well under a second).
const WRITER_PATIENCE: Duration = Duration::from_secs(120);

/// Two years of weekly check-ins (104 weeks, each with two activities, pain
/// and both prompts written), the last one unique to `step`: every other
/// save carries them, so the file grows and shrinks by about 30 KB between
/// saves and a torn write is all the likelier to show.
fn two_years_of_weeks(step: u64) -> CheckIns {
    let first = WeekStart::try_from("2024-12-02".to_owned()).unwrap();
    let mut check_ins = CheckIns {
        activities: vec![
            RatedActivity {
                id: "activity-1".into(),
                name: "Gardening".into(),
                in_plan: true,
            },
            RatedActivity {
                id: "activity-2".into(),
                name: "Walking to the shop".into(),
                in_plan: true,
            },
        ],
        ..CheckIns::default()
    };
    for n in 0..104u64 {
        let week = first.plus_weeks(n as i64);
        let last = n == 103;
        check_ins.weeks.insert(
            week,
            CheckIn {
                question_set: QUESTION_SET,
                activities: [
                    ("activity-1".to_owned(), (n % 11) as u8),
                    ("activity-2".to_owned(), ((n + 5) % 11) as u8),
                ]
                .into(),
                pain: Some(if last {
                    (step % 11) as u8
                } else {
                    (n % 7) as u8
                }),
                pleased: format!(
                    "Week {n}: walked to the shop and back{}",
                    if last {
                        format!(" (step {step})")
                    } else {
                        String::new()
                    }
                ),
                next: "Garden for twenty minutes on Saturday".into(),
                saved_at: OffsetDateTime::from_unix_timestamp(1_733_000_000 + n as i64 * 604_800)
                    .unwrap(),
            },
        );
    }
    check_ins
}

/// The record after `step` changes: unique per step, and growing, so a torn
/// write is likely to be visible; every other step also holds two years of
/// weekly check-ins.
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
    if step % 2 == 1 {
        record.check_ins = two_years_of_weeks(step);
    }
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
/// "intent N" before each save and "ack N" once it returned. After the
/// parent writes "hold" on its standard input, the next save stops between
/// its backup write and its store write and says "held N".
fn child(store_path: &Path) -> ! {
    static HOLD: AtomicBool = AtomicBool::new(false);
    std::thread::spawn(|| {
        for line in std::io::stdin().lock().lines() {
            if line.is_ok_and(|l| l.trim() == "hold") {
                HOLD.store(true, Ordering::SeqCst);
            }
        }
        // The parent is gone: a held writer must not wait forever.
        std::process::exit(0);
    });
    let app = mock_app();
    let opened = store::open(app.handle(), store_path.to_owned());
    let mut step = step_of(&opened.record).unwrap_or(0);
    let mut out = std::io::stdout().lock();
    loop {
        step += 1;
        writeln!(out, "intent {step}").unwrap();
        out.flush().unwrap();
        opened
            .store
            .save_observed(&state(step), || {
                if HOLD.load(Ordering::SeqCst) {
                    writeln!(out, "held {step}").unwrap();
                    out.flush().unwrap();
                    loop {
                        std::thread::sleep(Duration::from_secs(3600));
                    }
                }
            })
            .expect("save");
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

fn setting(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// When a kill comes, once the writer has acknowledged a save of its own.
#[derive(Clone, Copy)]
enum Moment {
    /// After this many more acknowledged saves and this many microseconds.
    Random { saves: u64, micros: u64 },
    /// While the writer is held between the backup write and the store write.
    BetweenWrites,
}

/// One writer process and the lines it has printed so far.
struct Writer {
    process: Child,
    input: ChildStdin,
    lines: Receiver<String>,
    seen: Vec<String>,
}

impl Writer {
    fn start(exe: &Path, store_path: &Path) -> Writer {
        let mut process = Command::new(exe)
            .env(CHILD_ENV, store_path)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start writer");
        let input = process.stdin.take().expect("writer stdin");
        let output = BufReader::new(process.stdout.take().expect("writer stdout"));
        let (send, lines) = mpsc::channel();
        std::thread::spawn(move || {
            for line in output.lines().map_while(Result::ok) {
                if send.send(line).is_err() {
                    break;
                }
            }
        });
        Writer {
            process,
            input,
            lines,
            seen: Vec::new(),
        }
    }

    /// Waits for `count` more lines starting with `word`; false if the
    /// writer fell silent or ended first.
    fn wait_for(&mut self, word: &str, count: u64) -> bool {
        let deadline = Instant::now() + WRITER_PATIENCE;
        let mut left = count;
        while left > 0 {
            let wait = deadline.saturating_duration_since(Instant::now());
            match self.lines.recv_timeout(wait) {
                Ok(line) => {
                    if line.starts_with(word) {
                        left -= 1;
                    }
                    self.seen.push(line);
                }
                Err(RecvTimeoutError::Timeout | RecvTimeoutError::Disconnected) => return false,
            }
        }
        true
    }

    /// Kills the writer and returns every line it printed.
    fn kill(mut self) -> Vec<String> {
        self.process.kill().expect("kill the writer");
        self.process.wait().expect("writer exit");
        // The reader thread ends at end of file, once the process is gone.
        while let Ok(line) = self.lines.recv_timeout(WRITER_PATIENCE) {
            self.seen.push(line);
        }
        self.seen
    }
}

/// The highest N of the lines "`word` N".
fn last(lines: &[String], word: &str) -> Option<u64> {
    lines
        .iter()
        .filter_map(|l| l.strip_prefix(word)?.trim().parse::<u64>().ok())
        .max()
}

fn main() {
    if let Ok(path) = std::env::var(CHILD_ENV) {
        child(Path::new(&path));
    }
    let kills = setting("CRASH_KILLS", 200);
    // 1,000 for the default 200 kills; a shorter run asks five a kill.
    let min_acks = setting("CRASH_MIN_ACKS", 1_000.min(5 * kills));
    let seed = setting("CRASH_SEED", 0x5eed);
    let mut rng = Lcg(seed);
    let dir = tempfile::tempdir().unwrap();
    let store_path = dir.path().join("learner.json");
    let exe = std::env::current_exe().unwrap();
    let started = Instant::now();
    let (mut lost, mut corrupt, mut acknowledged) = (0u64, 0u64, 0u64);
    let (mut restored, mut torn, mut held) = (0u64, 0u64, 0u64);
    let mut failures = Vec::new();
    let mut known_step = 0u64;

    for kill in 1..=kills {
        let moment = if rng.next(4) == 0 {
            Moment::BetweenWrites
        } else {
            Moment::Random {
                saves: rng.next(24),
                micros: rng.next(2_000),
            }
        };
        let mut writer = Writer::start(&exe, &store_path);
        // Every kill first waits for a save of this writer's own, so a slow
        // start (Wine's) is never mistaken for a test.
        let mut ready = writer.wait_for("ack ", 1);
        if ready {
            ready = match moment {
                Moment::Random { saves, micros } => {
                    let ok = writer.wait_for("ack ", saves);
                    std::thread::sleep(Duration::from_micros(micros));
                    ok
                }
                Moment::BetweenWrites => {
                    writeln!(writer.input, "hold").expect("ask the writer to hold");
                    writer.input.flush().expect("ask the writer to hold");
                    writer.wait_for("held ", 1)
                }
            };
        }
        let lines = writer.kill();
        if !ready {
            failures.push(format!(
                "kill {kill}: the writer did not reach the moment to kill within {} s",
                WRITER_PATIENCE.as_secs()
            ));
            break;
        }
        let last_ack = last(&lines, "ack ");
        let last_intent = last(&lines, "intent ");
        let held_step = last(&lines, "held ");
        acknowledged += lines.iter().filter(|l| l.starts_with("ack ")).count() as u64;

        // What the store file itself holds, before the restart repairs it.
        let in_store = match inspect_store(&store_path) {
            SavedRecord::Valid { record, .. } => step_of(&record),
            _ => None,
        };
        // Start again exactly as the app does.
        let app = mock_app();
        let opened = store::open(app.handle(), store_path.clone());
        let loaded = step_of(&opened.record);
        for notice in &opened.notices {
            match notice {
                Notice::Restored { .. } => torn += 1,
                other => {
                    corrupt += 1;
                    failures.push(format!("kill {kill}: {other}"));
                }
            }
        }
        let from_backup = loaded.is_some() && loaded != in_store;
        restored += u64::from(from_backup);
        if let Some(step) = held_step {
            held += 1;
            if !(from_backup && loaded == Some(step)) {
                failures.push(format!(
                    "kill {kill}: stopped between the backup and the store write of step {step}, \
                     but the restart loaded {loaded:?} (the store file held {in_store:?})"
                ));
            }
        }
        // A writer killed mid-save may leave the save it was making.
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
            other => {
                lost += 1;
                failures.push(format!(
                    "kill {kill}: loaded {other:?}, but step {floor} was acknowledged (last intent {last_intent:?})"
                ));
            }
        }
    }

    println!(
        "crash test: {kills} kills, {lost} lost, {corrupt} corrupt ({acknowledged} acknowledged saves; \
         {restored} restarts restored from the backup, {held} of them stopped between the two writes \
         and {torn} after a torn store file; seed {seed}; {:.1} s)",
        started.elapsed().as_secs_f64()
    );
    if acknowledged < min_acks {
        failures.push(format!(
            "only {acknowledged} saves were acknowledged, fewer than the {min_acks} a run must reach (CRASH_MIN_ACKS)"
        ));
    }
    if restored == 0 {
        failures.push("no restart was restored from the backup: that path was not tested".into());
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
