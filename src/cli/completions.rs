//! `completions SHELL` and `man`: generated from the argument definitions, so they never drift.

use std::io::{self, Write};
use std::process::ExitCode;

use anyhow::Result;
use clap::CommandFactory;

use super::args::Cli;

/// Prints the completion script for `shell`.
pub fn completions(shell: clap_complete::Shell) -> Result<ExitCode> {
    let mut out = io::BufWriter::new(io::stdout().lock());
    clap_complete::generate(shell, &mut Cli::command(), "diplograph", &mut out);
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// Prints the manual page (roff), with a section per subcommand.
pub fn man() -> Result<ExitCode> {
    let mut out = io::BufWriter::new(io::stdout().lock());
    let command = Cli::command();
    clap_mangen::Man::new(command.clone()).render(&mut out)?;
    for sub in command.get_subcommands().filter(|s| !s.is_hide_set()) {
        let name: &'static str = Box::leak(format!("diplograph {}", sub.get_name()).into_boxed_str());
        let man = clap_mangen::Man::new(sub.clone().bin_name(name));
        writeln!(out, ".SH \"{}\"", name.to_uppercase())?;
        man.render_description_section(&mut out)?;
        man.render_options_section(&mut out)?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
