//! Running the real `gazette` binary as a script would, with the environment a test picks.

use std::ffi::OsStr;
use std::process::{Command, Output};

/// Runs gazette with `args` and the variables in `env` (tests name their own state and
/// config files, so no run touches a user's real ones).
pub fn run(args: &[&str], env: &[(&str, &OsStr)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_gazette"));
    cmd.args(args);
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
