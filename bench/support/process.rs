//! What the benchmark examples read about their own process, on Linux (`/proc/self`).

use serde_json::{json, Value};

/// `VmHWM` (peak) and `VmRSS` (current) of this process in KiB, on Linux.
pub fn memory() -> Value {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find(|l| l.starts_with(name))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|v| v.parse::<u64>().ok())
    };
    json!({ "peak_kib": field("VmHWM:"), "current_kib": field("VmRSS:") })
}

/// The CPU time of this process so far (user and system, every thread), in seconds, on
/// Linux; zero elsewhere.
#[allow(dead_code)] // not every example that includes this module uses it
pub fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // The fields after the command (which is in parentheses and may hold spaces).
    let fields: Vec<&str> = stat
        .rsplit_once(')')
        .map_or(vec![], |(_, rest)| rest.split_whitespace().collect());
    // utime and stime are fields 14 and 15 of the line, 12 and 13 after the command; in ticks of
    // (almost always) 100 a second.
    let ticks = |i: usize| fields.get(i).and_then(|v| v.parse::<f64>().ok()).unwrap_or(0.0);
    (ticks(11) + ticks(12)) / 100.0
}

/// The CPU time of this process's children that have been waited for (user and system), in
/// seconds, on Linux; zero elsewhere.
#[allow(dead_code)] // not every example that includes this module uses it
pub fn children_cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let fields: Vec<&str> = stat
        .rsplit_once(')')
        .map_or(vec![], |(_, rest)| rest.split_whitespace().collect());
    // cutime and cstime are fields 16 and 17 of the line, 14 and 15 after the command.
    let ticks = |i: usize| fields.get(i).and_then(|v| v.parse::<f64>().ok()).unwrap_or(0.0);
    (ticks(13) + ticks(14)) / 100.0
}

/// Loads the graph-data folder `dir`, timing it: the graph, the seconds taken and the memory
/// after loading; the error is printed.
pub fn load_timed(dir: &std::path::Path) -> Option<(diplograph::Graph, f64, Value)> {
    let started = std::time::Instant::now();
    match diplograph::Graph::load_dir(dir) {
        Ok(graph) => Some((graph, started.elapsed().as_secs_f64(), memory())),
        Err(e) => {
            eprintln!("error: {e}");
            None
        }
    }
}
