//! Terms as bytes: quoted literals, and IRIs as Turtle prefixed names.
//!
//! These follow, rule for rule, what `oxrdf`'s `Display` and `oxttl`'s serializers print, so
//! the fast writer's output is byte-identical to theirs (the tests compare the two on random
//! hostile graphs): the same characters escaped in the same way, the same prefix chosen for an
//! IRI, the same local names abbreviated.

use std::cmp::Reverse;

/// Appends `value` as a quoted N-Triples/Turtle string: `"` and `\` escaped, the usual control
/// characters as `\b \t \n \f \r`, the others and U+007F, U+FFFE, U+FFFF as `\uXXXX`.
///
/// Works on bytes: every byte that needs escaping is ASCII, or starts the UTF-8 of U+FFFE or
/// U+FFFF (`EF BF BE`, `EF BF BF`); runs of other bytes are copied whole.
pub(crate) fn quote(value: &str, out: &mut Vec<u8>) {
    let bytes = value.as_bytes();
    out.reserve(bytes.len() + 2);
    out.push(b'"');
    let mut run = 0;
    let mut i = 0;
    while i < bytes.len() {
        // Eight bytes at a time while none of them is special: most text has no escapes.
        if bytes.get(i..i + 8).is_some_and(|word| !any_special(word)) {
            i += 8;
            continue;
        }
        let b = bytes[i];
        if !SPECIAL[usize::from(b)] {
            i += 1;
            continue;
        }
        let escape: &[u8] = match b {
            0x08 => b"\\b",
            b'\t' => b"\\t",
            b'\n' => b"\\n",
            0x0C => b"\\f",
            b'\r' => b"\\r",
            b'"' => b"\\\"",
            b'\\' => b"\\\\",
            0xEF => match (bytes.get(i + 1), bytes.get(i + 2)) {
                (Some(0xBF), Some(0xBE)) => b"\\uFFFE",
                (Some(0xBF), Some(0xBF)) => b"\\uFFFF",
                _ => {
                    i += 1;
                    continue;
                }
            },
            _ => {
                const HEX: &[u8; 16] = b"0123456789ABCDEF";
                out.extend_from_slice(&bytes[run..i]);
                out.extend_from_slice(b"\\u00");
                out.push(HEX[usize::from(b >> 4)]);
                out.push(HEX[usize::from(b & 0xF)]);
                i += 1;
                run = i;
                continue;
            }
        };
        out.extend_from_slice(&bytes[run..i]);
        out.extend_from_slice(escape);
        i += if b == 0xEF { 3 } else { 1 };
        run = i;
    }
    out.extend_from_slice(&bytes[run..]);
    out.push(b'"');
}

/// Whether one of the eight bytes of `word` is one [`quote`] looks at ([`SPECIAL`]), tested on
/// them all at once as one integer: a byte below 0x20, or equal to `"`, `\`, 0x7F or 0xEF.
fn any_special(word: &[u8]) -> bool {
    let Ok(word) = <[u8; 8]>::try_from(word) else {
        return true;
    };
    const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
    const HIGHS: u64 = u64::from_ne_bytes([0x80; 8]);
    let w = u64::from_ne_bytes(word);
    // Whether some byte of `x` is below `n` (n <= 0x80): exact for "some", as it is used.
    let below = |x: u64, n: u8| x.wrapping_sub(ONES * u64::from(n)) & !x & HIGHS != 0;
    let has = |b: u8| below(w ^ (ONES * u64::from(b)), 1);
    below(w, 0x20) || has(b'"') || has(b'\\') || has(0x7F) || has(0xEF)
}

/// The bytes [`quote`] looks at: controls, `"`, `\`, DEL, and `EF` (which may start U+FFFE or
/// U+FFFF).
const SPECIAL: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 0x20 {
        t[b] = true;
        b += 1;
    }
    t[b'"' as usize] = true;
    t[b'\\' as usize] = true;
    t[0x7F] = true;
    t[0xEF] = true;
    t
};

/// The Turtle prefixes, in the order `oxttl` tries them: longest namespace first.
#[derive(Debug, Clone)]
pub(crate) struct Prefixes {
    /// `(name, namespace)`.
    list: Vec<(String, String)>,
}

impl Prefixes {
    /// The prefixes `(name, namespace)`, given sorted by name (as `oxttl` keeps them), put in
    /// the order `oxttl` tries them. The same unstable sort on the same input gives the same
    /// order, ties included.
    pub(crate) fn new(by_name: Vec<(String, String)>) -> Prefixes {
        let mut list = by_name;
        list.sort_unstable_by_key(|(_, ns)| Reverse(ns.len()));
        Prefixes { list }
    }

    /// The prefixes in the order they are declared and tried.
    pub(crate) fn iter(&self) -> impl Iterator<Item = &(String, String)> {
        self.list.iter()
    }

    /// The prefixes that can abbreviate some IRI starting with `namespace`, as `(index, sure)`:
    /// those that are a start of it (`sure`: they are a start of every such IRI), and those
    /// that start with it. The others never match such an IRI, so skipping them changes
    /// nothing.
    pub(crate) fn candidates(&self, namespace: &str) -> Vec<(usize, bool)> {
        (0..self.list.len())
            .filter_map(|i| {
                let ns = &self.list[i].1;
                if namespace.starts_with(ns.as_str()) {
                    Some((i, true))
                } else {
                    ns.starts_with(namespace).then_some((i, false))
                }
            })
            .collect()
    }

    /// Appends `iri` as Turtle: `name:local` with the first prefix (among `candidates`, from
    /// [`Prefixes::candidates`] for a start of `iri`) that is a start of it and leaves a local
    /// name Turtle can write, else `<iri>`.
    pub(crate) fn abbreviate(&self, iri: &str, candidates: &[(usize, bool)], out: &mut Vec<u8>) {
        for &(i, sure) in candidates {
            let (name, ns) = &self.list[i];
            let local = if sure {
                iri.get(ns.len()..)
            } else {
                iri.strip_prefix(ns.as_str())
            };
            if let Some(local) = local {
                let mark = out.len();
                out.extend_from_slice(name.as_bytes());
                out.push(b':');
                if local.is_empty() || escape_local_name(local, out) {
                    return;
                }
                out.truncate(mark);
            }
        }
        out.push(b'<');
        out.extend_from_slice(iri.as_bytes());
        out.push(b'>');
    }
}

/// Appends `value` as a Turtle local name (PN_LOCAL) with `oxttl`'s escapes, or returns false
/// (having appended part of it) if it cannot be one. `value` is not empty.
fn escape_local_name(value: &str, out: &mut Vec<u8>) -> bool {
    // Most local names are ids and relation ids: ASCII that needs no escape, copied whole.
    if plain_ascii_local_name(value.as_bytes()) {
        out.extend_from_slice(value.as_bytes());
        return true;
    }
    escape_local_name_chars(value, out)
}

/// [`escape_local_name`] character by character.
fn escape_local_name_chars(value: &str, out: &mut Vec<u8>) -> bool {
    let mut buf = [0; 4];
    let mut push = |out: &mut Vec<u8>, c: char| out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
    let mut chars = value.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    if is_possible_pn_chars_u(first) || first == ':' || first.is_ascii_digit() {
        push(out, first);
    } else if can_be_escaped_in_local_name(first) {
        out.push(b'\\');
        push(out, first);
    } else {
        return false;
    }
    while let Some(c) = chars.next() {
        if is_possible_pn_chars(c) || c == ':' || (c == '.' && !chars.as_str().is_empty()) {
            push(out, c);
        } else if can_be_escaped_in_local_name(c) {
            out.push(b'\\');
            push(out, c);
        } else {
            return false;
        }
    }
    true
}

/// Whether `value` is a local name written as it is, by [`escape_local_name`]'s rules
/// restricted to ASCII: a letter, `_`, `:` or digit first, then letters, digits, `_`, `-`, `:`,
/// and `.` but not last. Anything else (an escape, a non-ASCII character) is left to the full
/// rules.
fn plain_ascii_local_name(value: &[u8]) -> bool {
    let Some((&first, rest)) = value.split_first() else {
        return false;
    };
    let last = rest.len().wrapping_sub(1);
    PLAIN_FIRST[usize::from(first)]
        && rest
            .iter()
            .enumerate()
            .all(|(i, &b)| PLAIN_NEXT[usize::from(b)] || (b == b'.' && i != last))
}

/// The ASCII bytes a local name may start with unescaped: PN_CHARS_U, `:` and digits.
const PLAIN_FIRST: [bool; 256] = ascii_class(false);

/// The ASCII bytes a local name may continue with unescaped (`.` apart): PN_CHARS and `:`.
const PLAIN_NEXT: [bool; 256] = ascii_class(true);

const fn ascii_class(next: bool) -> [bool; 256] {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = c.is_ascii_alphanumeric() || c == b'_' || c == b':' || (next && c == b'-');
        b += 1;
    }
    t
}

// The character classes of the Turtle grammar, as `oxttl`'s lexer spells them.

/// [163s] PN_CHARS_BASE
fn is_possible_pn_chars_base(c: char) -> bool {
    matches!(c,
        'A'..='Z'
        | 'a'..='z'
        | '\u{00C0}'..='\u{00D6}'
        | '\u{00D8}'..='\u{00F6}'
        | '\u{00F8}'..='\u{02FF}'
        | '\u{0370}'..='\u{037D}'
        | '\u{037F}'..='\u{1FFF}'
        | '\u{200C}'..='\u{200D}'
        | '\u{2070}'..='\u{218F}'
        | '\u{2C00}'..='\u{2FEF}'
        | '\u{3001}'..='\u{D7FF}'
        | '\u{F900}'..='\u{FDCF}'
        | '\u{FDF0}'..='\u{FFFD}'
        | '\u{10000}'..='\u{EFFFF}')
}

/// [164s] PN_CHARS_U ::= PN_CHARS_BASE | '_'
fn is_possible_pn_chars_u(c: char) -> bool {
    is_possible_pn_chars_base(c) || c == '_'
}

/// [166s] PN_CHARS ::= PN_CHARS_U | '-' | [0-9] | #x00B7 | [#x0300-#x036F] | [#x203F-#x2040]
fn is_possible_pn_chars(c: char) -> bool {
    is_possible_pn_chars_u(c)
        || matches!(c, '-' | '0'..='9' | '\u{00B7}' | '\u{0300}'..='\u{036F}' | '\u{203F}'..='\u{2040}')
}

/// [172s] PN_LOCAL_ESC, the characters a local name may hold after a `\`.
fn can_be_escaped_in_local_name(c: char) -> bool {
    matches!(
        c,
        '_' | '~'
            | '.'
            | '-'
            | '!'
            | '$'
            | '&'
            | '\''
            | '('
            | ')'
            | '*'
            | '+'
            | ','
            | ';'
            | '='
            | '/'
            | '?'
            | '#'
            | '@'
            | '%'
    )
}

/// Whether `value` of an `xsd:boolean` is written bare in Turtle.
pub(crate) fn is_turtle_boolean(value: &str) -> bool {
    matches!(value, "true" | "false")
}

#[cfg(test)]
mod tests {
    use oxrdf::{Literal, NamedNode};
    use oxttl::TurtleSerializer;

    use super::*;

    fn quoted(text: &str) -> String {
        let mut out = Vec::new();
        quote(text, &mut out);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn eight_bytes_are_special_when_one_is() {
        for b in 0..=255u8 {
            for at in 0..8 {
                let mut word = *b"abcdefgh";
                word[at] = b;
                assert_eq!(any_special(&word), SPECIAL[usize::from(b)], "{b:#x} at {at}");
            }
        }
        assert!(!any_special("Россия я".as_bytes().get(..8).unwrap_or_default()));
    }

    #[test]
    fn quotes_like_oxrdf() {
        let mut every_ascii: String = (0u8..=0x7F).map(char::from).collect();
        every_ascii.push_str("\u{FFFD}\u{FFFE}\u{FFFF}\u{FEFF}\u{EFBF}é\u{1F600}\u{202E}x\u{0}");
        for text in [
            "",
            "plain",
            "a\"b\\c",
            "\u{FFFE}",
            "\u{FFFF}\u{FFFF}",
            "\u{EFBF}\u{BF}",
            "0123456789\"abcdefgh\\ijklmnop\u{FFFE}qrstuvwx\u{EFBF}yz\n0123456\u{7F}",
            every_ascii.as_str(),
        ] {
            assert_eq!(quoted(text), Literal::new_simple_literal(text).to_string(), "{text:?}");
        }
    }

    /// What oxttl writes for the object `iri` under `prefixes`.
    fn oxttl_object(prefixes: &[(&str, &str)], iri: &str) -> String {
        let mut s = TurtleSerializer::new();
        for (name, ns) in prefixes {
            s = s.with_prefix(*name, *ns).unwrap();
        }
        let mut w = s.for_writer(Vec::new());
        let x = NamedNode::new_unchecked("http://x.example/s");
        w.serialize_triple(oxrdf::TripleRef::new(&x, &x, &NamedNode::new(iri).unwrap()))
            .unwrap();
        let text = String::from_utf8(w.finish().unwrap()).unwrap();
        let line = text.lines().last().unwrap().to_owned();
        line.trim_start_matches("<http://x.example/s> <http://x.example/s> ")
            .trim_end_matches(" .")
            .to_owned()
    }

    #[test]
    fn plain_ascii_local_names_are_what_the_full_rules_write() {
        let alphabet: Vec<char> = (0x20u8..0x7F).map(char::from).collect();
        let mut names: Vec<String> = alphabet.iter().map(|c| c.to_string()).collect();
        for a in ['a', '-', '.', '0', ':', '_', '~'] {
            for &b in &alphabet {
                names.push(format!("{a}{b}"));
                names.push(format!("{a}{b}x"));
                names.push(format!("x{a}{b}"));
            }
        }
        names.extend(["r-0123abcd.s1.2", "belarus", "member_of-inverse", "a..b", "é"].map(String::from));
        let mut plain = 0;
        for name in &names {
            let (mut fast, mut full) = (Vec::new(), Vec::new());
            let ok = escape_local_name(name, &mut fast);
            assert_eq!(ok, escape_local_name_chars(name, &mut full), "{name:?}");
            if ok {
                assert_eq!(fast, full, "{name:?}");
            }
            plain += usize::from(plain_ascii_local_name(name.as_bytes()));
        }
        assert!(plain > 500, "the fast path is taken: {plain}");
    }

    #[test]
    fn abbreviates_like_oxttl() {
        let prefixes = [
            ("a", "http://e.example/"),
            ("ab", "http://e.example/ns/"),
            ("c", "http://e.example/ns/x"),
            ("z", "http://f.example/"),
        ];
        let mut by_name: Vec<(String, String)> = prefixes
            .iter()
            .map(|(n, ns)| ((*n).to_owned(), (*ns).to_owned()))
            .collect();
        by_name.sort();
        let p = Prefixes::new(by_name);
        for iri in [
            "http://e.example/",
            "http://e.example/ns/",
            "http://e.example/ns/xyz",
            "http://e.example/ns/x",
            "http://e.example/ns/y.",
            "http://e.example/ns/.y",
            "http://e.example/ns/a.b",
            "http://e.example/ns/a~b%20(c)",
            "http://e.example/ns/%C3%A9",
            "http://e.example/ns/é·‿",
            "http://e.example/ns/9lives",
            "http://e.example/ns/-x",
            "http://e.example/ns/a/b?c#d",
            "http://e.example/ns/a\u{10000}",
            "http://f.example/q",
            "http://g.example/q",
        ] {
            let mut out = Vec::new();
            p.abbreviate(iri, &p.candidates(""), &mut out);
            assert_eq!(String::from_utf8(out).unwrap(), oxttl_object(&prefixes, iri), "{iri}");
            let mut out = Vec::new();
            p.abbreviate(iri, &p.candidates("http://e.example/ns/"), &mut out);
            if iri.starts_with("http://e.example/ns/") {
                assert_eq!(String::from_utf8(out).unwrap(), oxttl_object(&prefixes, iri), "{iri}");
            }
        }
    }
}
