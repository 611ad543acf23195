//! `cargo afl fuzz -i seeds -o out target/release/load` (see docs/validation.md).

fn main() {
    afl::fuzz!(|data: &[u8]| {
        diplograph_fuzz::check(data);
    });
}
