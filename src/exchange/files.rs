//! Files qiboard writes for people: through a temporary file and a rename, so nobody ever
//! opens half an export, and readable by their owner only (they hold the portfolio).

use std::io::Write;
use std::path::Path;

/// Writes `bytes` to `path` whole, or leaves `path` as it was.
pub fn write_whole(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut name = path.as_os_str().to_owned();
    name.push(".qiboard-tmp");
    let tmp = std::path::PathBuf::from(name);
    let _ = std::fs::remove_file(&tmp);
    let written = crate::platform::create_private_file(&tmp).and_then(|mut out| {
        out.write_all(bytes)?;
        out.sync_all()
    });
    match written.and_then(|()| std::fs::rename(&tmp, path)) {
        Ok(()) => Ok(()),
        Err(e) => {
            let _ = std::fs::remove_file(&tmp);
            Err(e)
        }
    }
}

/// Writes an export into the exports folder (made if missing) under `name`, whole; returns
/// where it went.
pub fn write_export(dir: &Path, name: &str, bytes: &[u8]) -> std::io::Result<std::path::PathBuf> {
    std::fs::create_dir_all(dir)?;
    let path = dir.join(name);
    write_whole(&path, bytes)?;
    Ok(path)
}

/// A file name made of a person's words: letters, digits and hyphens kept, the rest `_`
/// (a measure named "Falls / 1,000 bed days" is no path).
pub fn safe_name(words: &str) -> String {
    words
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_from_words_is_no_path() {
        assert_eq!(
            safe_name("Falls / 1,000 bed days"),
            "Falls___1_000_bed_days"
        );
        assert_eq!(safe_name("..\\x"), "___x");
    }
}
