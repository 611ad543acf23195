//! Which IRIs go into RDF: absolute IRIs (RFC 3987) that the strict parsers — Raptor, rdflib,
//! oxttl, Jena riot — also take without an error or a warning.

use unicode_normalization::UnicodeNormalization;

/// Why `text` cannot be written as an IRI, or `None` if it can.
///
/// RFC 3987 allows most of Unicode in an IRI (`ucschar`), but rdflib refuses Unicode spaces
/// (U+00A0, U+2028, U+2029, U+3000 ...), Jena warns on text not in NFC and on bidi and other
/// formatting characters, and the private-use and noncharacter code points are refused or warned
/// about by several. Such a character must be percent-encoded (`%C2%A0`).
///
/// ```text
/// assert_eq!(iri_problem("https://example.org/a"), None);
/// assert!(iri_problem("https://example.org/a\u{a0}b").unwrap().contains("U+00A0"));
/// ```
pub(crate) fn iri_problem(text: &str) -> Option<String> {
    if let Some(c) = text.chars().find(|&c| refused(c)) {
        let mut utf8 = [0; 4];
        let encoded: String = c.encode_utf8(&mut utf8).bytes().map(|b| format!("%{b:02X}")).collect();
        return Some(format!(
            "it holds U+{:04X} ({}), which strict RDF parsers refuse; percent-encode it as {encoded}",
            c as u32,
            describe(c)
        ));
    }
    if let Err(e) = oxrdf::NamedNode::new(text) {
        return Some(format!("not an absolute IRI ({e})"));
    }
    if text.nfc().ne(text.chars()) {
        return Some("it is not in Unicode NFC, which Jena warns about; write it in NFC".to_owned());
    }
    None
}

/// Characters an IRI must not hold even where RFC 3987 allows them.
fn refused(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
        || matches!(c,
            '\u{ad}' | '\u{61c}' | '\u{180e}' | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}'
            | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{206f}' | '\u{feff}' | '\u{fff9}'..='\u{fffb}'
            | '\u{e000}'..='\u{f8ff}' | '\u{f0000}'..='\u{10ffff}' | '\u{fdd0}'..='\u{fdef}')
        || (c as u32 & 0xfffe) == 0xfffe
}

fn describe(c: char) -> &'static str {
    if c.is_whitespace() {
        "a space"
    } else if c.is_control() {
        "a control character"
    } else if matches!(c, '\u{e000}'..='\u{f8ff}' | '\u{f0000}'..='\u{10ffff}') {
        "a private-use character"
    } else if (c as u32 & 0xfffe) == 0xfffe || matches!(c, '\u{fdd0}'..='\u{fdef}') {
        "a noncharacter"
    } else {
        "an invisible formatting character"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strict_parsers_characters_are_refused() {
        assert_eq!(iri_problem("https://example.org/a"), None);
        assert_eq!(iri_problem("https://ru.wikipedia.org/wiki/Минск"), None);
        for c in [
            '\u{a0}', '\u{2028}', '\u{2029}', '\u{3000}', '\u{200b}', '\u{202e}', '\u{feff}', '\u{e000}', '\u{fdd0}',
        ] {
            let p = iri_problem(&format!("https://example.org/a{c}b")).expect("refused");
            assert!(p.contains(&format!("U+{:04X}", c as u32)), "{p}");
        }
        assert!(iri_problem("https://example.org/e\u{301}").unwrap().contains("NFC"));
        assert!(iri_problem("example.org/a").unwrap().contains("absolute"));
    }
}
