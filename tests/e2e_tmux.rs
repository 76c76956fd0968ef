//! The real binary in a real terminal (tmux, on its own server socket): open the app on a
//! demo portfolio, move a card with `L`, quit, and check the portfolio with the CLI. Waits
//! for text on the screen, never a bare sleep.

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

#[test]
fn open_move_a_card_with_l_quit_and_the_move_is_stored() {
    if !tmux_available() {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must install tmux (see .ci/run)"
        );
        eprintln!("tmux is not installed: skipping the end-to-end test");
        return;
    }
    let p = common::Portfolio::new();
    p.ok(&["demo", "--anchor", "2026-11-23"]);
    let first = {
        let store = qiboard::store::Store::open(&p.db, qiboard::clock::Clock::system()).unwrap();
        store.board(&Default::default()).unwrap()[0].cards[0].reference
    };
    let binary = assert_cmd::cargo::cargo_bin("qiboard");
    let tmux = Tmux {
        socket: format!("qiboard-e2e-{}", std::process::id()),
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
