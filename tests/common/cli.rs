//! Running the real `gazette` binary as a script would, with the environment a test picks.

use std::ffi::OsStr;
use std::process::{Command, Output};

/// Runs gazette with `args` and the variables in `env` (tests name their own state and
/// config files, so no run touches a user's real ones; the company-index cache goes to
/// this test binary's own folder unless `env` names one).
pub fn run(args: &[&str], env: &[(&str, &OsStr)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_gazette"));
    cmd.args(args);
    cmd.env("GAZETTE_CACHE_DIR", test_cache_dir());
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().expect("run gazette")
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A company-index cache folder for this test process (kept, as the sample state files are).
pub fn test_cache_dir() -> &'static std::path::Path {
    static DIR: std::sync::OnceLock<std::path::PathBuf> = std::sync::OnceLock::new();
    DIR.get_or_init(|| tempfile::tempdir().unwrap().keep())
}
