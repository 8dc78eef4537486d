//! `gazette completions SHELL` and `gazette man`: generated from the clap definitions, so
//! they always match the real command line.

use std::io::Write;

use clap::CommandFactory;

use crate::cli::Cli;

pub fn completions(shell: clap_complete::Shell, out: &mut impl Write) -> std::io::Result<()> {
    // Into memory first: clap_complete panics on a failed write (`| head` would do it).
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "gazette", &mut script);
    out.write_all(&script)
}

/// gazette(1), or gazette-SUBCOMMAND(1) (the pages the main one lists). `None` when there
/// is no such subcommand.
pub fn man(subcommand: Option<&str>, out: &mut impl Write) -> Option<std::io::Result<()>> {
    let mut cmd = Cli::command();
    // Built, so that subcommands carry the global flags.
    cmd.build();
    let page = match subcommand {
        None => cmd,
        // Building named it gazette-NAME, with `gazette NAME` in its synopsis.
        Some(name) => cmd.find_subcommand(name)?.clone(),
    };
    Some(clap_mangen::Man::new(page).render(out))
}
