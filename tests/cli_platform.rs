//! Where qiboard keeps its files, and that it works in folders named the way people's are.
//! Run natively and, by scripts/windows-test, against qiboard.exe under wine.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "a test or a bench fails by panicking"
)]

mod common;

use common::{Portfolio, qiboard_bin, testing_windows};

/// `C:\Users\Siân O'Neill\Documents`: a space, an apostrophe and a letter outside ASCII.
#[test]
fn a_portfolio_in_a_folder_named_like_a_person_works_end_to_end() {
    let scratch = Portfolio::new();
    let docs = scratch.path("Siân O'Neill").join("My Documents");
    let p = Portfolio {
        db: docs.join("Ward 10 QI.sqlite3"),
        dir: scratch.dir,
    };
    p.ok(&["demo"]);
    assert!(p.db.exists(), "the portfolio was not created in {docs:?}");
    assert!(p.projects_json().len() > 10);

    // Export, import into a second portfolio beside it, export again: the same document.
    let export = docs.join("Portfolio – export.json");
    p.ok(&["export", "json", export.to_str().unwrap()]);
    let copy = docs.join("Copy of Siân's portfolio.sqlite3");
    common::qiboard(&copy)
        .args(["import", "json", export.to_str().unwrap()])
        .assert()
        .success();
    let again = common::qiboard(&copy)
        .args(["export", "json", "-"])
        .output()
        .unwrap();
    assert!(again.status.success());
    assert_eq!(
        String::from_utf8(again.stdout).unwrap(),
        std::fs::read_to_string(&export).unwrap()
    );

    // A backup into the folder works and is itself a portfolio.
    let before = std::fs::read_dir(&docs).unwrap().count();
    p.ok(&["backup", docs.to_str().unwrap()]);
    assert_eq!(std::fs::read_dir(&docs).unwrap().count(), before + 1);

    // A chart from an Excel CSV (CRLF, DD/MM/YYYY) in the folder, drawn into it.
    let csv = docs.join("Falls – Ward 10.csv");
    let mut text = String::from("Date,Value\r\n");
    for (i, v) in [7, 9, 6, 8, 10, 7, 5, 8, 9, 6, 7, 8].iter().enumerate() {
        text.push_str(&format!("{:02}/{:02}/2026,{v}\r\n", i + 1, 3));
    }
    std::fs::write(&csv, text).unwrap();
    let chart = docs.join("Falls – Ward 10.svg");
    p.ok(&[
        "spc",
        csv.to_str().unwrap(),
        "--format",
        "svg",
        "--output",
        chart.to_str().unwrap(),
    ]);
    assert!(std::fs::read_to_string(&chart).unwrap().starts_with("<svg"));
    let points = p.ok(&["spc", csv.to_str().unwrap(), "--format", "json"]);
    let points: serde_json::Value = serde_json::from_str(&points).unwrap();
    assert_eq!(points["points"][0]["date"], "2026-03-01");
    assert_eq!(points["points"][11]["date"], "2026-03-12");
}

/// The default portfolio stays on this laptop (local AppData, never the roaming profile that
/// Windows copies between machines); settings may roam. Only looking, so nothing is written
/// to the real profile of whoever runs the tests.
#[test]
fn the_default_portfolio_is_local_and_the_settings_roam_as_the_readme_says() {
    let scratch = Portfolio::new();
    let mut where_portfolio = qiboard_bin();
    let mut where_config = qiboard_bin();
    for cmd in [&mut where_portfolio, &mut where_config] {
        cmd.env_remove("QIBOARD_DB")
            .env("XDG_DATA_HOME", scratch.path("data"))
            .env("XDG_CONFIG_HOME", scratch.path("config"));
    }
    let out = where_portfolio.args(["project", "list"]).output().unwrap();
    let said = String::from_utf8_lossy(&out.stderr);
    let config = where_config.args(["config", "path"]).output().unwrap();
    let config = String::from_utf8_lossy(&config.stdout);
    if testing_windows() {
        assert!(
            said.contains(r"\AppData\Local\nhs\qiboard\data\qiboard.sqlite3 "),
            "{said}"
        );
        assert!(
            config
                .trim_end()
                .ends_with(r"\AppData\Roaming\nhs\qiboard\config\config.toml"),
            "{config}"
        );
    } else if cfg!(target_os = "linux") {
        let data = scratch.path("data").join("qiboard").join("qiboard.sqlite3");
        assert!(said.contains(&format!("{} ", data.display())), "{said}");
        let file = scratch.path("config").join("qiboard").join("config.toml");
        assert_eq!(config.trim_end(), file.display().to_string());
    }
}

/// Portable mode: `qiboard.portable` beside the executable keeps the portfolio and settings in
/// `qiboard-data` beside it (a USB stick, a shared drive), whatever the profile says.
#[test]
fn beside_a_qiboard_portable_file_everything_lives_in_qiboard_data() {
    let stick = Portfolio::new();
    let folder = stick.path("USB stick (E)");
    std::fs::create_dir_all(&folder).unwrap();
    let run = |args: &[&str]| {
        let mut cmd = common::qiboard_copy_in(&folder);
        cmd.env_remove("QIBOARD_DB")
            .env("QIBOARD_NOW", common::NOW)
            .env("XDG_DATA_HOME", stick.path("profile-data"))
            .env("XDG_CONFIG_HOME", stick.path("profile-config"))
            .args(args)
            .output()
            .unwrap()
    };
    let data = folder.join("qiboard-data");

    // Without the marker the profile's folders are used, as installed (only looked at: a
    // Windows run must not write to the real profile).
    let installed = run(&["config", "path"]);
    let installed = String::from_utf8_lossy(&installed.stdout);
    assert!(!installed.contains("qiboard-data"), "{installed}");

    std::fs::write(folder.join("qiboard.portable"), "").unwrap();
    let demo = run(&["demo"]);
    assert!(
        demo.status.success(),
        "{}",
        String::from_utf8_lossy(&demo.stderr)
    );
    assert!(data.join("qiboard.sqlite3").is_file());
    let listed = run(&["project", "list", "--json"]);
    let listed: serde_json::Value = serde_json::from_slice(&listed.stdout).unwrap();
    assert!(listed.as_array().unwrap().len() > 10);
    let config = run(&["config", "path"]);
    let config = String::from_utf8_lossy(&config.stdout);
    assert!(
        config.trim_end().ends_with(&format!(
            "qiboard-data{}config.toml",
            std::path::MAIN_SEPARATOR
        )) || (testing_windows() && config.trim_end().ends_with(r"qiboard-data\config.toml")),
        "{config}"
    );
}
