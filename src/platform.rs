//! Everything that differs between Windows and Unix lives here, both branches written.

use std::fs::{File, OpenOptions};
use std::io;
use std::path::{Path, PathBuf};

/// The README's folders: `nhs\qiboard` under Windows' AppData, `uk.nhs.qiboard` on macOS,
/// `qiboard` on Linux.
fn project_dirs() -> Option<directories::ProjectDirs> {
    directories::ProjectDirs::from("uk", "nhs", "qiboard")
}

/// Portable mode, for USB sticks and shared drives without install rights: a file named
/// `qiboard.portable` beside the executable keeps everything in `qiboard-data` beside it.
fn portable_dir() -> Option<PathBuf> {
    let exe = std::env::current_exe().ok()?;
    let beside = exe.parent()?;
    beside
        .join("qiboard.portable")
        .is_file()
        .then(|| beside.join("qiboard-data"))
}

/// The default portfolio: `qiboard.sqlite3` in the platform's local (non-roaming) data directory.
pub fn default_db_path() -> Option<PathBuf> {
    if let Some(dir) = portable_dir() {
        return Some(dir.join("qiboard.sqlite3"));
    }
    project_dirs().map(|dirs| dirs.data_local_dir().join("qiboard.sqlite3"))
}

/// Where the app exports charts: `Documents/qiboard`, else the local data folder.
pub fn export_dir() -> Option<PathBuf> {
    if let Some(dir) = portable_dir() {
        return Some(dir.join("exports"));
    }
    directories::UserDirs::new()
        .and_then(|u| u.document_dir().map(|d| d.join("qiboard")))
        .or_else(|| project_dirs().map(|dirs| dirs.data_local_dir().join("exports")))
}

/// Where `config.toml` lives.
pub fn config_dir() -> Option<PathBuf> {
    if let Some(dir) = portable_dir() {
        return Some(dir);
    }
    project_dirs().map(|dirs| dirs.config_dir().to_path_buf())
}

/// Creates a new, empty file that only its owner can read: the portfolio is sensitive.
#[cfg(unix)]
pub fn create_private_file(path: &Path) -> io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
}

/// On Windows a file under the user's profile inherits an ACL that admits only that user
/// (and administrators), so a plain create is already private.
#[cfg(windows)]
pub fn create_private_file(path: &Path) -> io::Result<File> {
    OpenOptions::new().write(true).create_new(true).open(path)
}

/// Whether a file is readable by its owner only (always true on Windows, see above).
#[cfg(unix)]
pub fn is_private(path: &Path) -> io::Result<bool> {
    use std::os::unix::fs::PermissionsExt;
    Ok(std::fs::metadata(path)?.permissions().mode() & 0o077 == 0)
}

#[cfg(windows)]
pub fn is_private(_path: &Path) -> io::Result<bool> {
    Ok(true)
}
