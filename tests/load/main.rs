//! Loading graph-data: the catalogue of bad and awkward inputs, one fixture per validation
//! error, dates, limits, property tests and the fuzzer's regressions.

#[path = "../support/mod.rs"]
mod support;

mod catalogue;
mod dates;
mod errors;
mod fuzz_regressions;
mod image;
mod iso3166;
mod limits;
mod properties;
