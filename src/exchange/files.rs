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
