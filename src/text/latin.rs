//! Names in other scripts, written in Latin letters for matching.

use super::fold::fold;

/// A name transliterated to Latin letters and folded: `Лукашенко` → `lukashenko`,
/// `Пратасевіч` → `pratasevich`, `Łukašenka` → `lukashenka` (Łacinka's carons as English `h`s).
/// Apostrophes (soft signs) vanish instead of splitting a word.
///
/// ```
/// use diplograph::text::latin_key;
/// assert_eq!(latin_key("Лукашенко"), "lukashenko");
/// assert_eq!(latin_key("Пратасевіч"), "pratasevich");
/// assert_eq!(latin_key("Стольтенберг"), "stoltenberg");
/// assert_eq!(latin_key("Łukašenka"), "lukashenka");
/// assert_eq!(latin_key("NATO–Belarus"), "nato belarus");
/// ```
pub fn latin_key(text: &str) -> String {
    let latin = if text.is_ascii() {
        std::borrow::Cow::Borrowed(text)
    } else {
        // Belarusian Latin (Łacinka) writes with a caron what English spelling writes with an h.
        let spelt: String = text
            .chars()
            .flat_map(|c| match c {
                'š' | 'Š' => "sh".chars().collect::<Vec<_>>(),
                'č' | 'Č' => "ch".chars().collect(),
                'ž' | 'Ž' => "zh".chars().collect(),
                other => vec![other],
            })
            .collect();
        std::borrow::Cow::Owned(any_ascii::any_ascii(&spelt))
    };
    let joined: String = latin.chars().filter(|c| !matches!(c, '\'' | '’' | 'ʼ')).collect();
    fold(&joined)
}
