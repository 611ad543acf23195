//! The physical floor of the benchmark: what plain I/O costs, with no graph work at all.
//!
//! ```text
//! floor write --bytes 1100000000 --out FILE [--fsync]   # a plain buffered write of N bytes
//! floor read-bytes DIR                                   # read the four CSV files into memory
//! floor read-csv DIR                                     # parse the four CSV files, nothing more
//! ```
//!
//! `write` fills a 64 KiB buffer with N-Triples-like lines once and writes it again and again
//! through a `BufWriter` (what an exporter's output stage costs); `--fsync` also syncs the file
//! to disk at the end, as `diplograph::export::write_atomically` does. `read-bytes` reads each file into
//! memory with `std::fs::read`, as `Dataset::from_dir` does (unlike `cat > /dev/null`, which the
//! kernel may satisfy without copying a byte) and prints the byte count. `read-csv` reads each file and
//! walks its records with the `csv` crate (`ByteRecord`, no UTF-8 check, no deserialization)
//! and prints the number of records.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Plain I/O, for comparison.
#[derive(Debug, Parser)]
#[command(name = "floor")]
struct Args {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Write N bytes to FILE with a buffered writer.
    Write {
        /// How many bytes.
        #[arg(long)]
        bytes: u64,
        /// The file to write.
        #[arg(long)]
        out: PathBuf,
        /// Sync the file to disk before exiting.
        #[arg(long)]
        fsync: bool,
    },
    /// Read the CSV files of a graph-data folder into memory, nothing more.
    ReadBytes {
        /// The graph-data folder.
        dir: PathBuf,
    },
    /// Parse the CSV files of a graph-data folder without processing the records.
    ReadCsv {
        /// The graph-data folder.
        dir: PathBuf,
    },
}

fn write(bytes: u64, out: &Path, fsync: bool) -> std::io::Result<()> {
    let line = b"<https://example.org/entity/belarus> <https://example.org/vocab/member_of> <https://example.org/entity/nato> .\n";
    let mut chunk = Vec::with_capacity(1 << 16);
    while chunk.len() + line.len() <= 1 << 16 {
        chunk.extend_from_slice(line);
    }
    let file = File::create(out)?;
    let mut w = BufWriter::with_capacity(1 << 16, file);
    let mut left = bytes;
    while left > 0 {
        let n = left.min(chunk.len() as u64) as usize;
        w.write_all(&chunk[..n])?;
        left -= n as u64;
    }
    let file = w.into_inner().map_err(|e| e.into_error())?;
    if fsync {
        file.sync_all()?;
    }
    Ok(())
}

fn read_bytes(dir: &Path) -> std::io::Result<u64> {
    let mut total = 0;
    for name in FILES {
        total += std::fs::read(dir.join(name))?.len() as u64;
    }
    Ok(total)
}

const FILES: [&str; 4] = ["sources.csv", "predicates.csv", "entities.csv", "relations.csv"];

fn read_csv(dir: &Path) -> Result<u64, Box<dyn std::error::Error>> {
    let mut records = 0;
    for name in FILES {
        let bytes = std::fs::read(dir.join(name))?;
        let mut reader = csv::ReaderBuilder::new().from_reader(bytes.as_slice());
        let mut record = csv::ByteRecord::new();
        while reader.read_byte_record(&mut record)? {
            records += 1;
        }
    }
    Ok(records)
}

fn main() -> ExitCode {
    match Args::parse().command {
        Command::Write { bytes, out, fsync } => match write(bytes, &out, fsync) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("error: {e}");
                ExitCode::FAILURE
            }
        },
        Command::ReadBytes { dir } => match read_bytes(&dir) {
            Ok(n) => {
                println!("{n} bytes");
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("error: {e}");
                ExitCode::FAILURE
            }
        },
        Command::ReadCsv { dir } => match read_csv(&dir) {
            Ok(n) => {
                println!("{n} records");
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("error: {e}");
                ExitCode::FAILURE
            }
        },
    }
}
