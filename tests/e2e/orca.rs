//! What Orca, the Linux screen reader, says on the keyboard journey: the
//! real app with the accessibility bus on, Orca 43 (Debian 12) reading it,
//! real key presses from `xdotool`, and Orca's speech written by
//! speech-dispatcher to a text file instead of a sound card. The transcript,
//! one utterance a line and a `### …` line before each step, is kept at
//! `target/tmp/orca/journey.txt` for a person to read; with `ORCA_DEBUG=1`,
//! Orca's own debug log goes beside it.
//!
//! Orca runs once per user: it will not start while another Orca of the
//! same user runs, so this test waits for that one to end first.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::harness::{App, Focus, Harness, WAIT};
use crate::LESSONS;

const COURSE: &str = "Persistent Back Pain Mini Course";
/// Orca has finished a step once it has said nothing for this long.
const QUIET: Duration = Duration::from_millis(300);
/// How long Orca may take to say anything at all after a key.
const FIRST_WORD: Duration = Duration::from_secs(5);

/// Orca and the speech-dispatcher it speaks through, stopped (by their
/// pids) when dropped, also when a check fails.
struct Orca {
    speech: Child,
    orca: Option<Child>,
    transcript: PathBuf,
    display: String,
}

impl Orca {
    /// Starts speech-dispatcher, with one "voice" that appends each
    /// utterance to the transcript, and Orca, both in the harness's D-Bus
    /// session and folders; returns once Orca has said it is on.
    async fn start(harness: &Harness) -> Orca {
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("orca");
        std::fs::create_dir_all(&dir).unwrap();
        let transcript = dir.join("journey.txt");
        assert!(
            transcript.to_str().is_some_and(|p| p
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "/._-".contains(c))),
            "the transcript's path goes into a shell command: {}",
            transcript.display()
        );
        std::fs::write(&transcript, "").unwrap();

        let home = harness.home.path();
        let config = home.join("speech-dispatcher");
        std::fs::create_dir_all(config.join("modules")).unwrap();
        let runtime = home.join("orca-runtime");
        std::fs::create_dir_all(&runtime).unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&runtime, std::fs::Permissions::from_mode(0o700)).unwrap();
        }
        let socket = runtime.join("speechd.sock");
        // No sound card: libao's null driver.
        std::fs::write(home.join(".libao"), "default_driver=null\n").unwrap();
        std::fs::write(
            config.join("speechd.conf"),
            format!(
                "AudioOutputMethod \"libao\"\nLogLevel 3\nLogDir \"{}\"\n\
                 AddModule \"filelog\" \"sd_generic\" \"filelog.conf\"\n\
                 DefaultModule filelog\nDefaultLanguage \"en\"\n",
                dir.display()
            ),
        )
        .unwrap();
        std::fs::write(
            config.join("modules/filelog.conf"),
            format!(
                "GenericExecuteSynth \"echo \\'$DATA\\' >> {}\"\n\
                 AddVoice \"en\" \"male1\" \"dummy\"\nDefaultVoice \"dummy\"\n\
                 GenericLanguage \"en\" \"english\" \"utf-8\"\n",
                transcript.display()
            ),
        )
        .unwrap();

        let env = |command: &mut Command| {
            command
                .envs(harness.session_env())
                // speech-dispatcher gives up on a locale it cannot use.
                .env("LANG", "C.UTF-8")
                .env("XDG_RUNTIME_DIR", &runtime)
                .env(
                    "SPEECHD_ADDRESS",
                    format!("unix_socket:{}", socket.display()),
                )
                .env_remove("NO_AT_BRIDGE")
                .env_remove("WAYLAND_DISPLAY")
                .env_remove("LC_ALL");
        };
        let log = |name: &str| std::fs::File::create(dir.join(name)).unwrap();
        let mut command = Command::new("speech-dispatcher");
        env(&mut command);
        let speech = command
            .args(["--run-single", "--timeout", "0", "--communication-method"])
            .arg("unix_socket")
            .arg("--socket-path")
            .arg(&socket)
            .arg("--config-dir")
            .arg(&config)
            .arg("--pid-file")
            .arg(home.join("speech-dispatcher.pid"))
            .stdout(Stdio::from(log("speech-dispatcher.out")))
            .stderr(Stdio::from(log("speech-dispatcher.err")))
            .spawn()
            .expect("speech-dispatcher starts (run scripts/setup first: it comes with orca)");
        let mut orca = Orca {
            speech,
            orca: None,
            transcript,
            display: harness.display.clone(),
        };
        let deadline = Instant::now() + WAIT;
        while !socket.exists() {
            assert!(
                Instant::now() < deadline,
                "speech-dispatcher made no socket at {} (see {})",
                socket.display(),
                dir.display()
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }

        wait_for_other_orcas_to_end().await;
        let mut command = Command::new("orca");
        env(&mut command);
        if std::env::var_os("ORCA_DEBUG").is_some_and(|v| v == "1") {
            command.arg(format!(
                "--debug-file={}",
                dir.join("orca-debug.out").display()
            ));
        }
        orca.orca = Some(
            command
                .stdout(Stdio::from(log("orca.out")))
                .stderr(Stdio::from(log("orca.err")))
                .spawn()
                .expect("orca starts (run scripts/setup first)"),
        );
        orca.hears(0, "Screen reader on").await;
        orca
    }

    fn said(&self) -> String {
        std::fs::read_to_string(&self.transcript).unwrap_or_default()
    }

    /// Adds a `### what` line to the transcript; returns where the step's
    /// speech starts.
    fn mark(&self, what: &str) -> usize {
        use std::io::Write;
        let mut file = std::fs::OpenOptions::new()
            .append(true)
            .open(&self.transcript)
            .unwrap();
        writeln!(file, "### {what}").unwrap();
        file.metadata().unwrap().len() as usize
    }

    fn xdotool(&self, args: &[&str]) -> String {
        let output = Command::new("xdotool")
            .args(args)
            .env("DISPLAY", &self.display)
            .output()
            .expect("xdotool runs (run scripts/setup first)");
        assert!(
            output.status.success(),
            "xdotool {args:?}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8_lossy(&output.stdout).into_owned()
    }

    /// Gives the app's window the keyboard, as a learner switching to it.
    async fn focus_window(&self) {
        let at = self.mark("focus the window");
        let deadline = Instant::now() + WAIT;
        let window = loop {
            let found = Command::new("xdotool")
                .args(["search", "--onlyvisible", "--name", COURSE])
                .env("DISPLAY", &self.display)
                .output()
                .unwrap();
            let found = String::from_utf8_lossy(&found.stdout).to_string();
            if let Some(id) = found.split_whitespace().next() {
                break id.to_owned();
            }
            assert!(Instant::now() < deadline, "no window named {COURSE}");
            tokio::time::sleep(Duration::from_millis(100)).await;
        };
        self.xdotool(&["windowfocus", "--sync", &window]);
        self.quiet(at).await;
    }

    /// Presses `keys` (xdotool's names: `Tab`, `Return`, `space`) on the
    /// real keyboard and checks Orca echoes the key: after a screen change,
    /// Orca 43 says nothing more, not even the keys, if the focus it had is
    /// gone and the new one is not an object it presents. Returns where the
    /// step starts in the transcript.
    async fn press(&self, keys: &str) -> usize {
        let at = self.mark(&format!("key {keys}"));
        self.xdotool(&["key", "--clearmodifiers", keys]);
        let echo = keys.to_lowercase();
        let deadline = Instant::now() + FIRST_WORD;
        loop {
            let said = self.said();
            let said = said.get(at..).unwrap_or_default();
            if said.lines().any(|l| l.trim() == echo) {
                return at;
            }
            assert!(
                Instant::now() < deadline,
                "Orca did not echo {keys}; since it was pressed it said {said:?} (whole transcript: {})",
                self.transcript.display()
            );
            tokio::time::sleep(Duration::from_millis(25)).await;
        }
    }

    /// Types `text` as a learner would, key by key.
    fn type_text(&self, text: &str) -> usize {
        let at = self.mark(&format!("type {text:?}"));
        self.xdotool(&["type", "--delay", "40", text]);
        at
    }

    /// Waits until Orca has said something since `at` and then nothing for
    /// `QUIET` (a step said nothing at all after `FIRST_WORD`); returns what
    /// it said since `at`.
    async fn quiet(&self, at: usize) -> String {
        let start = Instant::now();
        let mut last = self.said().len();
        let mut since = Instant::now();
        loop {
            tokio::time::sleep(Duration::from_millis(50)).await;
            let now = self.said().len();
            if now != last {
                last = now;
                since = Instant::now();
            }
            let spoke = last > at;
            let limit = if spoke { WAIT } else { FIRST_WORD };
            if (spoke && since.elapsed() >= QUIET) || start.elapsed() >= limit {
                return self.said().get(at..).unwrap_or_default().to_owned();
            }
        }
    }

    /// Waits until Orca has said `words` since `at`, then until it is
    /// quiet; returns what it said since `at`. Fails naming the transcript.
    async fn hears(&self, at: usize, words: &str) -> String {
        let deadline = Instant::now() + WAIT;
        while !self.said().get(at..).unwrap_or_default().contains(words) {
            assert!(
                Instant::now() < deadline,
                "Orca did not say {words:?}; since the step it said:\n{}\n(whole transcript: {})",
                self.said().get(at..).unwrap_or_default(),
                self.transcript.display()
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        self.quiet(at).await
    }

    /// Presses Tab until `wanted` holds for the focused element; returns it
    /// with what Orca said at that last Tab.
    async fn tab_until(
        &self,
        app: &App,
        what: &str,
        wanted: impl Fn(&Focus) -> bool,
    ) -> (Focus, String) {
        for _ in 0..40 {
            let at = self.press("Tab").await;
            let said = self.quiet(at).await;
            let focus = app.focus().await;
            if wanted(&focus) {
                return (focus, said);
            }
        }
        panic!(
            "Tab never reached {what}; see {}",
            self.transcript.display()
        );
    }

    async fn tab_to(&self, app: &App, id: &str) -> String {
        self.tab_until(app, &format!("#{id}"), |f| f.id == id)
            .await
            .1
    }
}

impl Drop for Orca {
    fn drop(&mut self) {
        let _ = self.mark("end");
        // Asked to stop first, so speech-dispatcher stops its module too.
        if let Some(orca) = &mut self.orca {
            stop(orca);
        }
        stop(&mut self.speech);
    }
}

/// Stops a child: SIGTERM by its pid, then SIGKILL if it is still there
/// after two seconds.
fn stop(child: &mut Child) {
    let _ = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status();
    let deadline = Instant::now() + Duration::from_secs(2);
    while Instant::now() < deadline {
        if let Ok(Some(_)) = child.try_wait() {
            return;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let _ = child.kill();
    let _ = child.wait();
}

/// Orca refuses to start while another Orca of this user runs (and
/// `orca --replace` would kill every one of them): wait for it to end.
async fn wait_for_other_orcas_to_end() {
    let uid = Command::new("id").arg("-u").output().unwrap().stdout;
    let uid = String::from_utf8_lossy(&uid).trim().to_owned();
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let others = Command::new("pgrep")
            .args(["-u", &uid, "-x", "orca"])
            .output()
            .unwrap()
            .stdout;
        if others.is_empty() {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "another Orca of this user is running (pid {}): Orca runs once per user",
            String::from_utf8_lossy(&others).trim()
        );
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[cfg_attr(
    not(target_os = "linux"),
    ignore = "skipped on this platform: Orca and AT-SPI are Linux's"
)]
async fn orca_reads_each_new_screen_the_verdict_the_completion_and_the_saved_plan_and_keeps_echoing_keys(
) {
    let harness = Harness::with_screen_reader_bus();
    let app = harness.launch_at("disclaimer").await;
    let orca = Orca::start(&harness).await;
    orca.focus_window().await;

    // Every key below is pressed on the keyboard, and Orca must echo each
    // one (`press`): it keeps speaking after every screen change.

    // Disclaimer: Tab to the accept button and press it; Orca says the home
    // screen's name, the course.
    let said = orca.tab_to(&app, "accept-disclaimer").await;
    assert!(
        said.contains("I have read this and I accept it push button"),
        "{said:?}"
    );
    let at = orca.press("Return").await;
    app.screen("home").await;
    orca.hears(at, &format!("landmark {COURSE}")).await;

    // Home: on to lesson 1 and open it; Orca says its title.
    orca.tab_to(&app, "open-lesson-why-ongoing").await;
    let at = orca.press("Return").await;
    app.wait_for("[data-lesson=why-ongoing]").await;
    orca.hears(at, &format!("landmark {}", LESSONS[0].1)).await;

    // A self-check: choose the first answer and check it; Orca reads the
    // verdict the page shows.
    let (choice, _) = orca
        .tab_until(&app, "a self-check answer", |f| {
            f.tag == "input" && f.id.starts_with("question-")
        })
        .await;
    let at = orca.press("space").await;
    orca.hears(at, "selected").await;
    let (check, _) = orca
        .tab_until(&app, "Check my answer", |f| f.id.ends_with("-check"))
        .await;
    let question = check
        .id
        .strip_prefix("question-")
        .and_then(|q| q.strip_suffix("-check"))
        .unwrap()
        .to_owned();
    assert!(choice.id.starts_with(&format!("question-{question}-")));
    let at = orca.press("Return").await;
    let verdict = app
        .text(&format!("#feedback-{question}-result strong"))
        .await;
    assert!(
        ["Right.", "Not quite."].contains(&verdict.as_str()),
        "{verdict}"
    );
    orca.hears(at, &format!("landmark {verdict}")).await;

    // Mark the lesson complete: focus moves to the way on, which Orca says,
    // with the note that the lesson is complete (its description).
    orca.tab_to(&app, "complete-lesson").await;
    let at = orca.press("Return").await;
    let next = app.text("#next-lesson").await;
    assert_eq!(next, format!("Next lesson: {}", LESSONS[1].1));
    let said = orca.hears(at, &format!("{next} push button")).await;
    let note = app.text("#completed-note").await;
    assert_eq!(note, "You have completed this lesson.");
    orca.hears(at, &note).await;
    assert!(
        said.find(&next) < said.find(&note),
        "the button, then the note: {said:?}"
    );

    // My plan, from the course menu's everyday tools: Orca says each
    // screen's name.
    orca.tab_to(&app, "nav-tools").await;
    let at = orca.press("Return").await;
    app.screen("tools").await;
    orca.hears(at, "landmark Everyday tools").await;
    orca.tab_to(&app, "open-tool-plan").await;
    let at = orca.press("Return").await;
    app.screen("plan").await;
    let heading = app.text("#screen-heading").await;
    assert_eq!(heading, "My plan");
    orca.hears(at, &format!("landmark {heading}")).await;

    // Write in a box and leave it: it is saved, and the page puts "Saved."
    // in its polite live region (#notices). Orca 43 does not read it: in
    // WebKitGTK its toolkit script (orca/scripts/toolkits/WebKitGtk) is the
    // default script, whose `onChildrenAdded` does nothing, and it drops
    // text inserted away from the focus; live regions are handled only by
    // its web script (Firefox, Chromium). Its debug log (ORCA_DEBUG=1) shows
    // the `children-changed:add` on `status bar` id:notices, live:polite,
    // and nothing said. So Orca's words are not checked here, only that
    // it keeps going; the page's are, and screen_reader.rs checks the live
    // region on the bus.
    let (field, _) = orca
        .tab_until(&app, "a box in the plan", |f| f.tag == "textarea")
        .await;
    let at = orca.type_text("Walking");
    orca.quiet(at).await;
    // Leaving the box: Orca says where Tab went (the next box).
    let at = orca.press("Tab").await;
    orca.hears(at, " entry").await;
    app.wait_until("the box to be saved", || async {
        app.text("#notices").await == "Saved."
    })
    .await;
    orca.mark(&format!(
        "#{} saved; #notices shows \"Saved.\" (Orca 43 reads no live region in WebKitGTK)",
        field.id
    ));

    app.quit().await;
}
