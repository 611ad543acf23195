//! IRIs that strict parsers reject (docs/guarantees.md, "IRIs"): generated IRIs with a Unicode
//! space, a bidi or zero-width character, a private-use character or a noncharacter at a random
//! place are refused at load, in `same_as` and `url` (naming FILE:LINE and the code point), and
//! in `--base-iri`; the same IRIs without it load, and their N-Triples parse strictly.

use std::borrow::Cow;

use super::sizes::set_cell;
use crate::support::hostile::cases;
use diplograph::export::rdf::{BaseIri, RdfExport, RdfSyntax};
use diplograph::load::DataFile;
use diplograph::{Dataset, Graph, LoadError};
use proptest::prelude::*;

const BAD: &[char] = &[
    '\u{a0}',
    '\u{1680}',
    '\u{2000}',
    '\u{2007}',
    '\u{200a}',
    '\u{2028}',
    '\u{2029}',
    '\u{202f}',
    '\u{205f}',
    '\u{3000}',
    '\u{85}',
    '\u{200b}',
    '\u{200e}',
    '\u{202e}',
    '\u{2066}',
    '\u{feff}',
    '\u{ad}',
    '\u{e000}',
    '\u{fdd0}',
    '\u{1fffe}',
];

/// An absolute IRI: a scheme, a host, a path of ASCII and NFC letters.
fn iri() -> impl Strategy<Value = String> {
    (
        prop_oneof![Just("https://"), Just("http://"), Just("urn:x-")],
        "[a-z]{1,10}(\\.[a-z]{2,5})?",
        proptest::collection::vec(
            prop_oneof!["[A-Za-z0-9_~-]{1,8}", Just("Минск".to_owned()), Just("é".to_owned())],
            0..5,
        ),
    )
        .prop_map(|(scheme, host, path)| format!("{scheme}{host}/{}", path.join("/")))
}

fn with(iri: &str, column: &str) -> Result<Graph, LoadError> {
    let shipped = Dataset::embedded();
    let file = |name: &str, bytes: Vec<u8>| DataFile {
        name: name.to_owned(),
        bytes: Cow::Owned(bytes),
    };
    match column {
        "url" => {
            let id = String::from_utf8_lossy(&shipped.sources.bytes)
                .lines()
                .nth(1)
                .and_then(|l| l.split(',').next().map(str::to_owned))
                .expect("a source");
            let sources = set_cell(&shipped.sources.bytes, &id, "url", iri);
            Graph::load_dataset(Dataset {
                sources: file("sources.csv", sources),
                ..shipped
            })
        }
        _ => {
            let entities = set_cell(&shipped.entities.bytes, "adam-rotfeld", "same_as", iri);
            Graph::load_dataset(Dataset {
                entities: file("entities.csv", entities),
                ..shipped
            })
        }
    }
}

proptest! {
    #![proptest_config(crate::support::proptest_config(cases(24)))]

    #[test]
    fn iris_strict_parsers_refuse_are_refused_at_load(iri in iri(), at in any::<prop::sample::Index>(), bad in prop::sample::select(BAD), url in any::<bool>()) {
        let column = if url { "url" } else { "same_as" };
        // Without the bad character: loads, and the N-Triples parse strictly.
        let graph = with(&iri, column).map_err(|e| TestCaseError::fail(format!("{iri}: {e}")))?;
        let mut nt = Vec::new();
        RdfExport::new(&graph, &BaseIri::default()).expect("export").write(RdfSyntax::NTriples, &mut nt).expect("write");
        for triple in oxttl::NTriplesParser::new().for_slice(&nt) {
            prop_assert!(triple.is_ok(), "{iri}: {:?}", triple.err());
        }
        // With it, anywhere after the scheme and before the end: refused, naming the file, line and code point.
        let chars: Vec<char> = iri.chars().collect();
        let cut = 8 + at.index(chars.len().saturating_sub(7).max(1));
        // Inside the IRI, not at its end: the loader trims a cell's surrounding white space
        // (U+00A0 included), which leaves a valid IRI.
        let after_scheme = chars.iter().position(|&c| c == ':').map_or(1, |i| i + 1);
        let cut = cut.min(chars.len().saturating_sub(1)).max(after_scheme);
        let bad_iri: String = chars[..cut].iter().chain([bad].iter()).chain(chars[cut..].iter()).collect();
        let err = match with(&bad_iri, column) {
            Err(LoadError::Invalid(problems)) => problems.to_string(),
            other => return Err(TestCaseError::fail(format!("{bad_iri:?} accepted: {:?}", other.map(|_| ())))),
        };
        let file = if url { "sources.csv:" } else { "entities.csv:" };
        prop_assert!(err.contains(file), "{err}");
        prop_assert!(err.contains(&format!("U+{:04X}", bad as u32)), "{err}");
        // And as a base IRI.
        let base = format!("{bad_iri}/");
        let refused = BaseIri::new(&base);
        prop_assert!(refused.is_err(), "{base:?}");
        let code_point = format!("U+{:04X}", bad as u32);
        let message = refused.err().map(|e| e.to_string()).unwrap_or_default();
        prop_assert!(message.contains(&code_point), "{}", message);
    }
}

/// `--base-iri` through the binary: refused, exit 1, nothing on stdout.
#[test]
fn the_binary_refuses_a_base_iri_with_a_unicode_space() {
    for bad in BAD {
        let out = crate::support::diplograph()
            .env_remove("DIPLOGRAPH_DATA")
            .args([
                "export",
                "--format",
                "ntriples",
                "--base-iri",
                &format!("https://example.org/a{bad}b/"),
            ])
            .output()
            .expect("runs");
        assert_eq!(out.status.code(), Some(1), "{bad:?}");
        assert!(out.stdout.is_empty());
        assert!(String::from_utf8_lossy(&out.stderr).contains(&format!("U+{:04X}", *bad as u32)));
    }
}
