//! Small helpers for text output.

/// `1 hop`, `2 hops`.
pub fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}
