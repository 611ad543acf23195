//! Folding names for search: case, accents and punctuation ignored.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// Folds a name for matching: compatibility decomposition, combining marks dropped, lowercased,
/// runs of white space, dashes and punctuation turned into one space.
///
/// ```
/// use diplograph::text::fold;
/// assert_eq!(fold("Łukashénka"), fold("łukashenka"));
/// assert_eq!(fold("Belarus–NATO"), "belarus nato");
/// assert_eq!(fold("  Raman   Pratasevich "), "raman pratasevich");
/// assert_eq!(fold("Łukašenka"), "lukasenka"); // letters with a stroke fold too
/// assert_eq!(fold("NATO-Belarus (2006)"), "nato belarus 2006");
/// ```
pub fn fold(text: &str) -> String {
    if text.is_ascii() {
        return fold_ascii(text);
    }
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

/// Whether `fold(text) == key`, without making the folded text when `text` is ASCII (most names
/// are): a lookup of one name among all the entities' names, with no index built.
pub(crate) fn folds_to(text: &str, key: &str) -> bool {
    if !text.is_ascii() {
        return fold(text) == key;
    }
    ascii_folded(text).eq(key.bytes())
}

/// [`fold`] for ASCII text, which needs no Unicode decomposition (most names are ASCII).
fn fold_ascii(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    out.extend(ascii_folded(text).map(char::from));
    out
}

/// The bytes of [`fold`] of an ASCII `text`, one at a time: lowercased letters and digits, a
/// single space for each run of anything else between two of them.
fn ascii_folded(text: &str) -> impl Iterator<Item = u8> + '_ {
    let mut space = false;
    let mut started = false;
    text.bytes().flat_map(move |b| {
        let mut out = [None, None];
        if b.is_ascii_alphanumeric() {
            if space && started {
                out[0] = Some(b' ');
            }
            space = false;
            started = true;
            out[1] = Some(b.to_ascii_lowercase());
        } else {
            space = true;
        }
        out.into_iter().flatten()
    })
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

#[cfg(test)]
mod tests {
    use super::*;

    /// `folds_to` says what comparing with `fold` says, on the texts and keys that differ by one
    /// step of folding.
    #[test]
    fn folds_to_agrees_with_fold() {
        let texts = [
            "",
            " ",
            "a",
            "A",
            "  a  ",
            "Belarus--NATO",
            "R2-D2 (x)",
            "A.B.C",
            "__x__",
            "MiXeD case 42",
            "\t\n x",
            "Łukashénka",
            "Лукашенко",
            "ab",
            "a b",
            "a  b",
            "a-b-",
            "-a",
            "Entity 28371",
        ];
        let keys: Vec<String> = texts
            .iter()
            .map(|t| fold(t))
            .chain(["", " ", "a ", " a", "ab", "a b", "abc", "entity 2837", "entity 283711"].map(String::from))
            .collect();
        for text in texts {
            for key in &keys {
                assert_eq!(folds_to(text, key), fold(text) == *key, "{text:?} against {key:?}");
            }
        }
    }

    /// The ASCII fast path folds exactly as the general path does.
    #[test]
    fn ascii_fast_path_agrees_with_the_general_path() {
        for s in [
            "",
            "  a  ",
            "Belarus--NATO",
            "R2-D2 (x)",
            "A.B.C",
            "__x__",
            "MiXeD case 42",
            "\t\n x",
        ] {
            let general = {
                let mut out = String::new();
                let mut space = false;
                for c in s.nfkd().filter(|c| !is_combining_mark(*c)) {
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
            };
            assert_eq!(fold_ascii(s), general, "{s:?}");
        }
    }
}
