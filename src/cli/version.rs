//! `--version`: the program's version and the graph-data built into it (a fingerprint and counts),
//! so that a report can say which data it was made from.

use diplograph::{Dataset, Graph};
use xxhash_rust::xxh3::Xxh3Default;

/// The fingerprint of a dataset: XXH3-64 over each file's name and bytes, as 16 hex digits.
pub fn fingerprint(data: &Dataset) -> String {
    let mut hasher = Xxh3Default::new();
    for (name, file) in
        diplograph::load::FILE_NAMES
            .iter()
            .zip([&data.sources, &data.predicates, &data.entities, &data.relations])
    {
        hasher.update(name.as_bytes());
        hasher.update(&(file.bytes.len() as u64).to_le_bytes());
        hasher.update(&file.bytes);
    }
    format!("{:016x}", hasher.digest())
}

/// `0.1.0`.
pub fn short() -> &'static str {
    env!("CARGO_PKG_VERSION")
}

/// The version and the embedded graph-data: `0.1.0` and, on the next line,
/// `embedded graph-data: xxh3 …, N entities, M relations from C claims, S sources`.
pub fn long() -> &'static str {
    let data = Dataset::embedded();
    let print = fingerprint(&data);
    let counts = match Graph::load_dataset(data) {
        Ok(g) => {
            let s = g.stats();
            format!(
                "{} entities, {} relations from {} claims, {} sources",
                s.entities, s.relations, s.claims, s.sources
            )
        }
        Err(e) => format!("does not load: {e}"),
    };
    Box::leak(format!("{}\nembedded graph-data: xxh3 {print}, {counts}", short()).into_boxed_str())
}
