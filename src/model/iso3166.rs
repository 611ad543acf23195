//! ISO 3166 country codes: the identifiers event datasets and statistics key states by.

use std::fmt;
use std::str::FromStr;

/// A state's ISO 3166 codes: alpha-2, alpha-3 and numeric, as ISO 3166-1 gives them (or, for a
/// state that no longer exists, as ISO 3166-3 recorded them when it was withdrawn).
///
/// Written in `entities.csv` as `alpha-2|alpha-3|numeric`.
///
/// ```
/// use diplograph::model::Iso3166;
/// let by: Iso3166 = "BY|BLR|112".parse().unwrap();
/// assert_eq!((by.alpha2(), by.alpha3(), by.numeric()), ("BY", "BLR", "112"));
/// assert_eq!(by.to_string(), "BY|BLR|112");
/// assert!("by|BLR|112".parse::<Iso3166>().is_err());
/// assert!("BY|BLR".parse::<Iso3166>().is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Iso3166 {
    alpha2: [u8; 2],
    alpha3: [u8; 3],
    numeric: [u8; 3],
}

/// Why a text is not `alpha-2|alpha-3|numeric`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("bad ISO 3166 codes '{input}': {reason}")]
pub struct Iso3166Error {
    /// The text that was parsed.
    pub input: String,
    /// What is wrong with it.
    pub reason: &'static str,
}

impl Iso3166 {
    /// The two-letter code, e.g. `BY`.
    pub fn alpha2(&self) -> &str {
        std::str::from_utf8(&self.alpha2).unwrap_or_default()
    }

    /// The three-letter code, e.g. `BLR`.
    pub fn alpha3(&self) -> &str {
        std::str::from_utf8(&self.alpha3).unwrap_or_default()
    }

    /// The three-digit numeric code, e.g. `112`.
    pub fn numeric(&self) -> &str {
        std::str::from_utf8(&self.numeric).unwrap_or_default()
    }
}

fn fixed<const N: usize>(part: &str, ok: fn(&u8) -> bool) -> Option<[u8; N]> {
    let bytes: [u8; N] = part.as_bytes().try_into().ok()?;
    bytes.iter().all(ok).then_some(bytes)
}

impl FromStr for Iso3166 {
    type Err = Iso3166Error;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let fail = |reason| Iso3166Error {
            input: s.to_owned(),
            reason,
        };
        let parts: Vec<&str> = s.split('|').map(str::trim).collect();
        let &[a2, a3, num] = parts.as_slice() else {
            return Err(fail("expected three codes, alpha-2|alpha-3|numeric, e.g. BY|BLR|112"));
        };
        Ok(Iso3166 {
            alpha2: fixed(a2, u8::is_ascii_uppercase).ok_or_else(|| fail("the alpha-2 code is two capital letters"))?,
            alpha3: fixed(a3, u8::is_ascii_uppercase)
                .ok_or_else(|| fail("the alpha-3 code is three capital letters"))?,
            numeric: fixed(num, u8::is_ascii_digit).ok_or_else(|| fail("the numeric code is three digits"))?,
        })
    }
}

impl fmt::Display for Iso3166 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}|{}|{}", self.alpha2(), self.alpha3(), self.numeric())
    }
}

impl serde::Serialize for Iso3166 {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Iso3166", 3)?;
        st.serialize_field("alpha2", self.alpha2())?;
        st.serialize_field("alpha3", self.alpha3())?;
        st.serialize_field("numeric", self.numeric())?;
        st.end()
    }
}
