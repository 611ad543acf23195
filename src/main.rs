//! The `diplograph` command: a thin layer over the library. Its code lives in `src/cli/`.

mod cli;

fn main() -> std::process::ExitCode {
    cli::main()
}
