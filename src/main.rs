//! Parse the command line and hand over; the store is opened only by commands that need it.

fn main() -> std::process::ExitCode {
    std::process::ExitCode::from(qiboard::cli::main_with(std::env::args_os()))
}
