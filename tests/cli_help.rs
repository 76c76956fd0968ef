//! `--help` is where a coach learns the command line: every subcommand, argument and flag
//! says what it is for.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "a test or a bench fails by panicking"
)]

use clap::CommandFactory;
use qiboard::cli::Cli;

/// Every subcommand, argument and flag below `command` with no help text, by its path.
fn undocumented(command: &clap::Command, path: &str, missing: &mut Vec<String>) {
    for arg in command.get_arguments() {
        let blank = |text: Option<&clap::builder::StyledStr>| {
            text.is_none_or(|t| t.to_string().trim().is_empty())
        };
        if !arg.is_hide_set() && blank(arg.get_help()) && blank(arg.get_long_help()) {
            let name = match (arg.get_long(), arg.is_positional()) {
                (Some(long), _) => format!("--{long}"),
                (None, _) => format!("<{}>", arg.get_id().as_str().to_uppercase()),
            };
            missing.push(format!("{path} {name}"));
        }
    }
    for sub in command.get_subcommands() {
        let sub_path = format!("{path} {}", sub.get_name());
        let about = sub.get_about().or(sub.get_long_about());
        if about.is_none_or(|t| t.to_string().trim().is_empty()) {
            missing.push(sub_path.clone());
        }
        undocumented(sub, &sub_path, missing);
    }
}

#[test]
fn every_subcommand_argument_and_flag_has_a_line_of_help() {
    let mut command = Cli::command();
    command.build();
    let mut missing = Vec::new();
    undocumented(&command, "qiboard", &mut missing);
    assert!(
        missing.is_empty(),
        "{} without help text (add a doc comment in src/cli/args.rs):\n{}",
        missing.len(),
        missing.join("\n")
    );
}
