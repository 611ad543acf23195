//! Text folding for name search.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// Folds a name for matching: compatibility decomposition, combining marks dropped, lowercased,
/// runs of white space, dashes and punctuation turned into one space.
///
/// ```
/// use diplograph::fold;
/// assert_eq!(fold("Łukashénka"), fold("łukashenka"));
/// assert_eq!(fold("Belarus–NATO"), "belarus nato");
/// assert_eq!(fold("  Raman   Pratasevich "), "raman pratasevich");
/// ```
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.nfkd().filter(|c| !is_combining_mark(*c)) {
        if c.is_alphanumeric() {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.extend(c.to_lowercase());
        } else {
            space = true;
        }
    }
    out
}
