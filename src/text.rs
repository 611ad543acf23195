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
/// assert_eq!(fold("Łukašenka"), "lukasenka"); // letters with a stroke fold too
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
            match stroke_letter(c) {
                Some(plain) => out.push_str(plain),
                None => out.extend(c.to_lowercase()),
            }
        } else {
            space = true;
        }
    }
    out
}

/// Latin letters that Unicode does not decompose into a base letter and a mark.
fn stroke_letter(c: char) -> Option<&'static str> {
    Some(match c {
        'Ł' | 'ł' => "l",
        'Ø' | 'ø' => "o",
        'Đ' | 'đ' | 'Ð' | 'ð' => "d",
        'Ħ' | 'ħ' => "h",
        'ı' => "i",
        'ß' => "ss",
        'Æ' | 'æ' => "ae",
        'Œ' | 'œ' => "oe",
        _ => return None,
    })
}
