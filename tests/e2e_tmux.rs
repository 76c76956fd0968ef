//! The real binary in a real terminal (tmux, on its own server socket): open the app on a
//! demo portfolio, move a card with `L`; add a project, give it a measure and record a value
//! into it; quit, and check the portfolio with the CLI. Waits for text on the screen, never
//! a bare sleep.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "a test or a bench fails by panicking"
)]

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

mod common;

struct Tmux {
    socket: String,
}

impl Tmux {
    fn run(&self, args: &[&str]) -> std::process::Output {
        Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .output()
            .expect("tmux runs")
    }

    fn screen(&self) -> String {
        String::from_utf8_lossy(&self.run(&["capture-pane", "-p", "-t", "app"]).stdout).into_owned()
    }

    /// Polls the screen until `text` shows (or fails after 20 s with the screen it saw).
    fn wait_for(&self, text: &str) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if screen.contains(text) {
                return screen;
            }
            assert!(
                start.elapsed() < Duration::from_secs(20),
                "{text:?} never showed:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn wait_until_gone(&self) {
        let start = Instant::now();
        while self.run(&["has-session", "-t", "app"]).status.success() {
            assert!(
                start.elapsed() < Duration::from_secs(20),
                "the app did not quit:\n{}",
                self.screen()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.run(&["kill-server"]);
    }
}

fn tmux_available() -> bool {
    Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// The app on `p`'s portfolio in a 120×40 tmux window, or none when tmux is missing here
/// (CI installs it, so there a missing tmux fails).
fn app_on(p: &common::Portfolio, name: &str) -> Option<Tmux> {
    if !tmux_available() {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must install tmux (see .ci/run)"
        );
        eprintln!("tmux is not installed: skipping the end-to-end test");
        return None;
    }
    let binary = assert_cmd::cargo::cargo_bin("qiboard");
    let tmux = Tmux {
        socket: format!("qiboard-e2e-{name}-{}", std::process::id()),
    };
    let command = format!(
        "env QIBOARD_DB='{}' TERM=xterm-256color '{}'",
        p.db.display(),
        Path::new(&binary).display()
    );
    let started = tmux.run(&[
        "new-session",
        "-d",
        "-s",
        "app",
        "-x",
        "120",
        "-y",
        "40",
        &command,
    ]);
    assert!(
        started.status.success(),
        "{}",
        String::from_utf8_lossy(&started.stderr)
    );
    Some(tmux)
}

#[test]
fn open_move_a_card_with_l_quit_and_the_move_is_stored() {
    let p = common::Portfolio::new();
    p.ok(&["demo", "--anchor", "2026-11-23"]);
    let first = {
        let store = qiboard::store::Store::open(&p.db, qiboard::clock::Clock::system()).unwrap();
        store.board(&Default::default()).unwrap()[0].cards[0].reference
    };
    let Some(tmux) = app_on(&p, "move") else {
        return;
    };

    let board = tmux.wait_for("Sustain");
    assert!(board.contains(&first.to_string()), "{board}");
    tmux.run(&["send-keys", "-t", "app", "L"]);
    tmux.wait_for(&format!("{first} moved to Define and scope"));
    tmux.run(&["send-keys", "-t", "app", "q"]);
    tmux.wait_until_gone();

    let list = p.projects_json();
    let moved = list.iter().find(|r| r["ref"] == first.to_string()).unwrap();
    assert_eq!(moved["stage"], "Define and scope");
    // And the move is undoable after the restart, from the command line.
    assert!(
        p.ok(&["undo"])
            .contains(&format!("{first} moved to Define and scope"))
    );
}

#[test]
fn a_coach_adds_a_measure_in_the_app_and_records_a_value_into_it() {
    let p = common::Portfolio::new();
    p.ok(&["project", "add", "--title", "Fewer missed doses on Ward 7"]);
    let Some(tmux) = app_on(&p, "measure") else {
        return;
    };
    tmux.wait_for("QI-0001");
    tmux.run(&["send-keys", "-t", "app", "Enter"]);
    tmux.wait_for("Charter");
    // To the Measures section: its own keys add a measure there.
    for _ in 0..5 {
        tmux.run(&["send-keys", "-t", "app", "l"]);
    }
    tmux.wait_for("No measures yet");
    tmux.run(&["send-keys", "-t", "app", "a"]);
    tmux.wait_for("Add a measure to QI-0001");
    tmux.run(&["send-keys", "-t", "app", "-l", "Missed doses per 1,000"]);
    tmux.run(&["send-keys", "-t", "app", "C-s"]);
    tmux.wait_for("Missed doses per 1,000 added to QI-0001");
    tmux.run(&["send-keys", "-t", "app", "r"]);
    tmux.wait_for("Record a value on QI-0001");
    tmux.run(&["send-keys", "-t", "app", "-l", "14"]);
    tmux.run(&["send-keys", "-t", "app", "C-s"]);
    tmux.wait_for("14 recorded");
    tmux.run(&["send-keys", "-t", "app", "q"]);
    tmux.wait_until_gone();

    let measures = p.ok(&["measure", "list", "QI-0001", "--json"]);
    assert!(measures.contains("\"kind\": \"outcome\""), "{measures}");
    let points = p.ok(&[
        "measure",
        "points",
        "QI-0001",
        "Missed doses per 1,000",
        "--json",
    ]);
    assert!(points.contains("\"value\": 14"), "{points}");
}

#[test]
fn a_coach_opens_todays_cohort_session_on_the_demo_and_records_an_action() {
    let p = common::Portfolio::new();
    // The demo's Cohort 7 meets on its anchor day: today, as the app (on the system clock)
    // sees it.
    let today = chrono::Local::now().date_naive().to_string();
    p.ok(&["demo", "--anchor", &today]);
    let Some(tmux) = app_on(&p, "session") else {
        return;
    };
    tmux.wait_for("Sustain");
    tmux.run(&["send-keys", "-t", "app", "4"]);
    let pane = tmux.wait_for("Cohort 7 · session");
    for part in ["team 1 of", "Aim", "Open actions", "Since last session"] {
        assert!(pane.contains(part), "{part} missing:\n{pane}");
    }
    tmux.run(&["send-keys", "-t", "app", "a"]);
    tmux.wait_for("raised in session");
    tmux.run(&[
        "send-keys",
        "-t",
        "app",
        "-l",
        "Share the run chart at huddle",
    ]);
    tmux.run(&["send-keys", "-t", "app", "C-s"]);
    tmux.wait_for("Share the run chart at huddle");
    tmux.run(&["send-keys", "-t", "app", "q"]);
    tmux.wait_until_gone();

    let actions = p.ok(&["action", "list", "--open", "--json"]);
    let actions: serde_json::Value = serde_json::from_str(&actions).unwrap();
    let raised = actions
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["text"] == "Share the run chart at huddle")
        .expect("the action is stored");
    assert!(
        raised["session"].to_string().contains("Cohort 7"),
        "{raised}"
    );
}
