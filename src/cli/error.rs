//! The one error type every command returns: a single line for the user and an exit status.

use std::fmt;

/// Exit status for bad input: a usage error, a value the domain refuses, a broken file.
pub const EXIT_BAD_INPUT: u8 = 2;
/// Exit status for anything else that went wrong ("nothing to undo", a conflict, I/O).
pub const EXIT_FAILURE: u8 = 1;

/// What a command tells the user when it fails: one line, and the exit status to use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CliError {
    pub message: String,
    pub code: u8,
}

impl CliError {
    /// The user gave something we cannot accept; nothing was written.
    pub fn bad_input(message: impl Into<String>) -> Self {
        CliError {
            message: one_line(message.into()),
            code: EXIT_BAD_INPUT,
        }
    }

    /// Bad input found in several places of a file: one line each, so a person fixes the
    /// file in one pass (the first line says where the first problem is).
    pub fn bad_input_lines(lines: &[String]) -> Self {
        CliError {
            message: lines
                .iter()
                .map(|l| one_line(l.clone()))
                .collect::<Vec<_>>()
                .join("\n"),
            code: EXIT_BAD_INPUT,
        }
    }

    /// Something else went wrong; the message says what and what to do.
    pub fn failure(message: impl Into<String>) -> Self {
        CliError {
            message: one_line(message.into()),
            code: EXIT_FAILURE,
        }
    }
}

/// Users read errors in a terminal or a log line: never let one spread over several lines.
fn one_line(message: String) -> String {
    message.split_whitespace().collect::<Vec<_>>().join(" ")
}

impl fmt::Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for CliError {}
