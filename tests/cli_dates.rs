//! "Today" is the laptop's local date, not UTC's: at 00:30 in British Summer Time a coach is
//! on the new day, which UTC still calls yesterday.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "a test or a bench fails by panicking"
)]

mod common;

use common::Portfolio;

#[test]
fn today_is_the_local_date() {
    let p = Portfolio::new();
    p.ok(&["project", "add", "--title", "Falls"]);
    p.ok(&["pdsa", "add", "1", "--change-idea", "Huddle"]);
    // 23:30 UTC on 1 July is 00:30 on 2 July in London (BST, UTC+1; a POSIX zone, so no
    // time-zone database is needed).
    p.cmd()
        .env("QIBOARD_NOW", "2026-07-01T23:30:00Z")
        .env("TZ", "BST-1")
        .args(["pdsa", "act", "1", "1", "adopt"])
        .assert()
        .success();
    let show = p.ok(&["project", "show", "1", "--json"]);
    assert!(show.contains("\"end_date\": \"2026-07-02\""), "{show}");
}
