//! Shared helpers for the command-line tests: a fresh portfolio per test, a fixed clock.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use assert_cmd::Command;

pub const NOW: &str = "2026-11-23T09:00:00Z";

pub struct Portfolio {
    pub dir: tempfile::TempDir,
    pub db: PathBuf,
}

impl Default for Portfolio {
    fn default() -> Self {
        Self::new()
    }
}

impl Portfolio {
    pub fn new() -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        let db = dir.path().join("portfolio.sqlite3");
        Portfolio { dir, db }
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// `qiboard --db <this portfolio>` with the clock fixed.
    pub fn cmd(&self) -> Command {
        qiboard(&self.db)
    }

    /// Runs a command that must succeed and returns its standard output.
    pub fn ok(&self, args: &[&str]) -> String {
        let out = self.cmd().args(args).output().expect("run qiboard");
        assert!(
            out.status.success(),
            "qiboard {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("utf-8 output")
    }

    /// The whole portfolio as the export sees it: what "nothing written" is checked against.
    pub fn export(&self) -> String {
        self.ok(&["export", "json", "-"])
    }

    pub fn history_len(&self) -> usize {
        let text = self.ok(&["history", "--json", "--limit", "100000"]);
        serde_json::from_str::<serde_json::Value>(&text)
            .expect("history json")
            .as_array()
            .map_or(0, Vec::len)
    }

    pub fn projects_json(&self) -> Vec<serde_json::Value> {
        let text = self.ok(&["project", "list", "--json"]);
        serde_json::from_str::<serde_json::Value>(&text)
            .expect("project list json")
            .as_array()
            .cloned()
            .unwrap_or_default()
    }
}

/// The binary under test: the one cargo built, or `QIBOARD_BIN` when set, run through
/// `QIBOARD_RUNNER` when that is set too (scripts/windows-test: qiboard.exe through wine).
pub fn qiboard_process() -> std::process::Command {
    match std::env::var_os("QIBOARD_BIN") {
        Some(bin) => match std::env::var_os("QIBOARD_RUNNER") {
            Some(runner) => {
                let mut cmd = std::process::Command::new(runner);
                cmd.arg(bin);
                cmd
            }
            None => std::process::Command::new(bin),
        },
        None => std::process::Command::new(assert_cmd::cargo::cargo_bin("qiboard")),
    }
}

/// The binary under test copied into `dir` (never touch the built one's folder), and a
/// command that runs the copy the way [`qiboard_process`] runs the original.
pub fn qiboard_copy_in(dir: &Path) -> Command {
    let original = std::env::var_os("QIBOARD_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| assert_cmd::cargo::cargo_bin("qiboard"));
    let copy = dir.join(original.file_name().expect("binary file name"));
    std::fs::copy(&original, &copy).expect("copy the binary");
    match std::env::var_os("QIBOARD_RUNNER") {
        Some(runner) => {
            let mut cmd = Command::new(runner);
            cmd.arg(copy);
            cmd
        }
        None => Command::new(copy),
    }
}

/// [`qiboard_process`] for assert_cmd.
pub fn qiboard_bin() -> Command {
    Command::from_std(qiboard_process())
}

/// Whether the binary under test is a Windows one (native, or under wine).
pub fn testing_windows() -> bool {
    cfg!(windows)
        || std::env::var_os("QIBOARD_BIN")
            .is_some_and(|bin| bin.to_string_lossy().to_ascii_lowercase().ends_with(".exe"))
}

pub fn qiboard(db: &Path) -> Command {
    let mut cmd = qiboard_bin();
    // Dates people see are the laptop's local ones: fix the zone as well as the clock.
    cmd.env("QIBOARD_DB", db)
        .env("QIBOARD_NOW", NOW)
        .env("TZ", "UTC")
        .env_remove("NO_COLOR");
    cmd
}
