//! Filling `relations.csv`'s `fragment` and `selector` columns (and `entities.csv`'s
//! `date_fragment` and `date_selector`) from the texts of the sources: what
//! `diplograph fmt --sources DIR` adds to formatting.

use super::records::{self, Records, SyntaxError};
use crate::model::quote_anchor::QuoteAnchor;
use crate::verify::{SourceTexts, TextFragment, TextQuoteSelector};

/// `relations.csv` (`bytes`) with each claim's `fragment` and `selector` cells written from
/// `texts` (the columns added if the header lacks them): the text fragment that opens the source
/// at the quote and the selectors that re-anchor it. A claim whose source has no text in `texts`
/// keeps its cells (they cannot be checked here, nor are they known wrong); a claim whose quote
/// the text does not single out gets them emptied, since a stale link is worse than none.
/// The columns of a claim's source and quote, and of its anchor, in `relations.csv`.
pub(crate) const CLAIMS: [&str; 4] = ["source", "quote", "fragment", "selector"];

/// The same for an entity's own date, in `entities.csv`.
pub(crate) const ENTITY_DATES: [&str; 4] = ["date_source", "date_quote", "date_fragment", "date_selector"];

/// `bytes` (a file whose `columns` are the source, quote, fragment and selector, as
/// [`CLAIMS`]) with each row's fragment and selector written from `texts`; a row without a quote
/// is left alone.
pub(crate) fn fill(bytes: &[u8], texts: &SourceTexts, columns: [&str; 4]) -> Result<Vec<u8>, SyntaxError> {
    let Records { mut header, mut rows } = records::read(bytes)?;
    let column = |header: &mut Vec<String>, rows: &mut Vec<(u64, Vec<String>)>, name: &str| {
        header.iter().position(|h| h.trim() == name).unwrap_or_else(|| {
            header.push(name.to_owned());
            rows.iter_mut().for_each(|(_, row)| row.push(String::new()));
            header.len() - 1
        })
    };
    let [source_column, quote_column, fragment_column, selector_column] = columns;
    let (Some(source), Some(quote)) = (
        header.iter().position(|h| h.trim() == source_column),
        header.iter().position(|h| h.trim() == quote_column),
    ) else {
        // Not a claims file the loader would take; formatting reports it.
        return Ok(bytes.to_vec());
    };
    let fragment = column(&mut header, &mut rows, fragment_column);
    let selector = column(&mut header, &mut rows, selector_column);
    for (_, row) in &mut rows {
        if row[quote].trim().is_empty() {
            continue;
        }
        let Ok(text) = texts.get(row[source].trim()) else {
            continue;
        };
        let anchor = match (
            TextFragment::for_quote(text, &row[quote]),
            TextQuoteSelector::for_quote(text, &row[quote]),
        ) {
            (Ok(fragment), Ok(selectors)) => QuoteAnchor {
                fragment: Some(fragment),
                selectors,
            },
            _ => QuoteAnchor {
                fragment: None,
                selectors: Vec::new(),
            },
        };
        row[fragment] = anchor.fragment_cell();
        row[selector] = anchor.selector_cell();
    }
    let mut out = Vec::with_capacity(bytes.len() * 2);
    records::write(&mut out, &header.iter().map(String::as_str).collect::<Vec<_>>());
    for (_, row) in &rows {
        records::write(&mut out, &row.iter().map(String::as_str).collect::<Vec<_>>());
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adds_the_columns_and_fills_what_the_texts_give() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("s.txt"), "Belarus joined the PfP in 1995. NATO met.").unwrap();
        let texts = SourceTexts::open(dir.path()).unwrap();
        let csv = "subject,source,quote\na,s,joined the PfP\nb,s,not there\nc,t,no text\n";
        let out = String::from_utf8(fill(csv.as_bytes(), &texts, CLAIMS).unwrap()).unwrap();
        assert_eq!(
            out,
            "subject,source,quote,fragment,selector\n\
             a,s,joined the PfP,text=joined%20the%20PfP,\"Belarus%20-,joined%20the%20PfP,-%20in\"\n\
             b,s,not there,,\n\
             c,t,no text,,\n"
        );
    }
}
