//! A deterministic generator of synthetic graph-data folders, for benchmarks.
//!
//! The output is a valid graph-data folder (the loader accepts it with no warnings) whose shape
//! imitates what users merge the curated graph with — event datasets of actor-to-actor relations:
//!
//! - a few hubs of very high degree (Belarus, NATO, Russia, the EU...): within each entity kind,
//!   how often an entity is mentioned follows Zipf's law, with the real hubs at the top ranks, so
//!   there is also a long tail of entities mentioned once or never;
//! - every entity kind and every predicate of the shipped `predicates.csv`, each claim respecting
//!   its predicate's domain and range; a symmetric relation is always written in the same
//!   direction;
//! - dates at year, month and day precision, single or intervals, open (`2011/..`) or with an
//!   unknown end (`1997/`, `/2007`), some approximate (`~`) or uncertain (`?`), some undated;
//! - several sources, quotes of 10–30 words of pseudo-text (with commas, inner double quotes and
//!   a few non-ASCII names), a few notes;
//! - agreeing duplicates (the same subject, predicate, object and date from another source) and
//!   disagreeing ones (the same subject, predicate and object with another date).
//!
//! The same seed and size always give the same bytes: the generator uses its own PRNG
//! (SplitMix64) and no hash-map iteration order.

use std::collections::HashSet;
use std::fmt::Write as _;
use std::fs::File;
use std::io::{self, BufWriter};
use std::path::Path;

use diplograph::{text::fold, Dataset, EntityKind, Graph, Predicate, Temporal};

/// What to generate.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// Number of claims (rows of relations.csv).
    pub claims: usize,
    /// PRNG seed.
    pub seed: u64,
}

/// What was generated.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    /// Rows of entities.csv.
    pub entities: usize,
    /// Rows of sources.csv.
    pub sources: usize,
    /// Rows of relations.csv.
    pub claims: usize,
    /// Claims that repeat an earlier claim's subject, predicate, object and date from another source.
    pub agreeing: usize,
    /// Claims that repeat an earlier claim's subject, predicate and object with another date.
    pub disagreeing: usize,
    /// Claims without a date.
    pub undated: usize,
}

/// Share (in per mille) of claims that restate an earlier one from another source.
const AGREEING_PER_MILLE: u64 = 100;
/// Share (in per mille) of claims that give an earlier one's relation another date.
const DISAGREEING_PER_MILLE: u64 = 30;
/// Share (in per mille) of claims without a date.
const UNDATED_PER_MILLE: u64 = 120;

// ---------------------------------------------------------------------------------------------
// PRNG

/// SplitMix64 (Steele, Lea, Flood 2014): tiny, fast, and good enough for synthetic data.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator seeded with `seed`.
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n > 0`), by Lemire's multiply-shift (its tiny bias is irrelevant here).
    pub fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }

    /// True with probability `per_mille / 1000`.
    pub fn chance(&mut self, per_mille: u64) -> bool {
        self.next_u64() % 1000 < per_mille
    }

    /// A uniform float in `[0, 1)`.
    fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// An element of a non-empty slice.
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Draws ranks `0..n` with probability proportional to `1 / (rank + 1)^s` (Zipf's law).
#[derive(Debug, Clone)]
struct Zipf {
    cumulative: Vec<f64>,
}

impl Zipf {
    fn new(n: usize, s: f64) -> Self {
        let mut total = 0.0;
        let cumulative = (0..n)
            .map(|r| {
                total += 1.0 / ((r + 1) as f64).powf(s);
                total
            })
            .collect();
        Zipf { cumulative }
    }

    fn sample(&self, rng: &mut Rng) -> usize {
        let total = self.cumulative.last().copied().unwrap_or(0.0);
        let x = rng.unit() * total;
        self.cumulative
            .partition_point(|&c| c <= x)
            .min(self.cumulative.len() - 1)
    }
}

/// Picks an index with probability proportional to its weight.
#[derive(Debug, Clone)]
struct Weighted {
    cumulative: Vec<u64>,
}

impl Weighted {
    fn new(weights: impl IntoIterator<Item = u64>) -> Self {
        let mut total = 0;
        let cumulative = weights
            .into_iter()
            .map(|w| {
                total += w;
                total
            })
            .collect();
        Weighted { cumulative }
    }

    fn sample(&self, rng: &mut Rng) -> usize {
        let total = self.cumulative.last().copied().unwrap_or(0);
        let x = rng.next_u64() % total.max(1);
        self.cumulative.partition_point(|&c| c <= x)
    }
}

/// FNV-1a, 64 bits: a stable hash for the duplicate check (std's hasher may change between releases).
#[derive(Debug, Clone, Copy)]
struct Fnv(u64);

impl Fnv {
    fn new() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }

    fn bytes(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }

    fn u64(&mut self, v: u64) {
        self.bytes(&v.to_le_bytes());
    }
}

// ---------------------------------------------------------------------------------------------
// Dates

/// A calendar date at year (`month == 0`), month (`day == 0`) or day precision, with a qualifier.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct Point {
    year: u16,
    month: u8,
    day: u8,
    /// 0: none, 1: `?`, 2: `~`, 3: `%`.
    qualifier: u8,
}

/// One end of an interval.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum End {
    Date(Point),
    Open,
    Unknown,
}

/// The `date` cell of a claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum When {
    Undated,
    Single(Point),
    Interval(End, End),
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}

impl Point {
    fn write(&self, out: &mut String) {
        let _ = write!(out, "{:04}", self.year);
        if self.month > 0 {
            let _ = write!(out, "-{:02}", self.month);
            if self.day > 0 {
                let _ = write!(out, "-{:02}", self.day);
            }
        }
        out.push_str(["", "?", "~", "%"][usize::from(self.qualifier & 3)]);
    }

    /// A date in `year`, at a random precision, sometimes qualified.
    fn random_in(rng: &mut Rng, year: u16) -> Point {
        let (month, day) = match rng.below(100) {
            0..=34 => (0, 0),
            35..=64 => (1 + rng.below(12) as u8, 0),
            _ => {
                let m = 1 + rng.below(12) as u8;
                (m, 1 + rng.below(usize::from(days_in_month(year, m))) as u8)
            }
        };
        let qualifier = match rng.below(1000) {
            0..=29 => 1,
            30..=69 => 2,
            70..=79 => 3,
            _ => 0,
        };
        Point {
            year,
            month,
            day,
            qualifier,
        }
    }
}

/// A year, mostly after 1991 (Belarus's independence), sometimes back to 1945.
fn random_year(rng: &mut Rng) -> u16 {
    if rng.chance(800) {
        1991 + rng.below(35) as u16
    } else {
        1945 + rng.below(46) as u16
    }
}

impl When {
    fn write(&self, out: &mut String) {
        let end = |e: &End, out: &mut String| match e {
            End::Date(p) => p.write(out),
            End::Open => out.push_str(".."),
            End::Unknown => {}
        };
        match self {
            When::Undated => {}
            When::Single(p) => p.write(out),
            When::Interval(a, b) => {
                end(a, out);
                out.push('/');
                end(b, out);
            }
        }
    }

    fn year(&self) -> Option<u16> {
        match self {
            When::Undated => None,
            When::Single(p) | When::Interval(End::Date(p), _) | When::Interval(_, End::Date(p)) => Some(p.year),
            When::Interval(..) => None,
        }
    }

    /// A dated value shaped by the predicate's temporal kind.
    fn random_dated(rng: &mut Rng, temporal: Temporal) -> When {
        let year = random_year(rng);
        let start = Point::random_in(rng, year);
        match temporal {
            Temporal::Event => {
                if rng.chance(850) {
                    return When::Single(start);
                }
                // A short event: a few days within a month, or two consecutive months.
                let month = 1 + rng.below(12) as u8;
                if rng.chance(500) {
                    let first = 1 + rng.below(25) as u8;
                    let a = Point {
                        year,
                        month,
                        day: first,
                        qualifier: 0,
                    };
                    let b = Point {
                        day: first + 1 + rng.below(3) as u8,
                        ..a
                    };
                    When::Interval(End::Date(a), End::Date(b))
                } else {
                    let a = Point {
                        year,
                        month,
                        day: 0,
                        qualifier: 0,
                    };
                    let b = if month == 12 {
                        Point {
                            year: year + 1,
                            month: 1,
                            ..a
                        }
                    } else {
                        Point { month: month + 1, ..a }
                    };
                    When::Interval(End::Date(a), End::Date(b))
                }
            }
            Temporal::State => match rng.below(100) {
                0..=34 => When::Single(start),
                35..=59 if year < 2024 => {
                    let end_year = (year + 1 + rng.below(15) as u16).min(2025);
                    When::Interval(End::Date(start), End::Date(Point::random_in(rng, end_year)))
                }
                35..=59 => When::Interval(End::Date(start), End::Open),
                60..=79 => When::Interval(End::Date(start), End::Open),
                80..=91 => When::Interval(End::Date(start), End::Unknown),
                92..=95 => When::Interval(End::Unknown, End::Date(start)),
                _ => When::Interval(End::Open, End::Date(start)),
            },
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Names and text

const CONSONANTS: &[u8] = b"bdgklmnprstvz";
const VOWELS: &[u8] = b"aeiou";

/// A pronounceable name, different for every `index`: three or more consonant-vowel syllables.
fn name(index: usize) -> String {
    const BASE: usize = 13 * 5;
    const THREE: usize = BASE * BASE * BASE;
    // Scatter consecutive indices so that neighbours do not look alike (a bijection on 0..THREE).
    let mut n = if index < THREE {
        (index * 7919 + 4099) % THREE
    } else {
        index
    };
    let mut syllables = Vec::new();
    while n > 0 || syllables.len() < 3 {
        syllables.push(n % BASE);
        n /= BASE;
    }
    let mut s = String::with_capacity(syllables.len() * 2);
    for (i, syl) in syllables.iter().rev().enumerate() {
        let c = CONSONANTS[syl / 5] as char;
        s.push(if i == 0 { c.to_ascii_uppercase() } else { c });
        s.push(VOWELS[syl % 5] as char);
    }
    s
}

/// The id a label gets: its folded form with spaces turned into `-`.
fn slug(label: &str) -> String {
    fold(label).replace(' ', "-")
}

const WORDS: &[&str] = &[
    "the",
    "government",
    "said",
    "that",
    "minister",
    "foreign",
    "affairs",
    "talks",
    "held",
    "on",
    "security",
    "cooperation",
    "between",
    "both",
    "sides",
    "agreed",
    "to",
    "continue",
    "dialogue",
    "in",
    "areas",
    "of",
    "mutual",
    "interest",
    "including",
    "trade",
    "energy",
    "border",
    "management",
    "and",
    "civil",
    "emergency",
    "planning",
    "delegation",
    "visited",
    "capital",
    "where",
    "it",
    "met",
    "officials",
    "from",
    "ministry",
    "defence",
    "statement",
    "issued",
    "after",
    "meeting",
    "expressed",
    "concern",
    "over",
    "recent",
    "developments",
    "region",
    "called",
    "for",
    "restraint",
    "respect",
    "international",
    "law",
    "sovereignty",
    "territorial",
    "integrity",
    "parliament",
    "adopted",
    "resolution",
    "which",
    "condemned",
    "crackdown",
    "opposition",
    "leaders",
    "were",
    "arrested",
    "during",
    "protests",
    "election",
    "observers",
    "reported",
    "irregularities",
    "vote",
    "counting",
    "sanctions",
    "imposed",
    "individuals",
    "responsible",
    "human",
    "rights",
    "violations",
    "an",
    "agreement",
    "signed",
    "framework",
    "programme",
    "partnership",
    "members",
    "support",
    "reforms",
    "military",
    "exercises",
    "troops",
    "deployed",
    "near",
    "frontier",
    "a",
    "spokesperson",
    "told",
    "reporters",
    "its",
    "position",
    "remained",
    "unchanged",
    "embassy",
    "reopened",
    "ambassador",
    "recalled",
    "consultations",
    "as",
    "part",
    "wider",
    "effort",
    "strengthen",
    "ties",
    "with",
    "neighbours",
    "economic",
    "assistance",
    "loan",
    "worth",
    "million",
    "euros",
    "was",
    "approved",
    "by",
    "council",
    "joint",
    "commission",
    "will",
    "meet",
    "again",
    "next",
    "year",
    "according",
    "official",
    "sources",
    "this",
    "move",
    "followed",
    "months",
    "negotiations",
    "has",
    "been",
    "active",
    "since",
    "is",
    "also",
    "member",
    "several",
    "regional",
    "organisations",
    "such",
    "treaty",
    "entered",
    "into",
    "force",
    "ratification",
    "by",
    "all",
    "parties",
    "declaration",
    "welcomed",
    "progress",
    "made",
    "implementation",
    "plan",
    "experts",
    "project",
    "funded",
    "trust",
    "fund",
    "destroy",
    "stockpiles",
    "mines",
    "ammunition",
    "training",
    "courses",
    "centre",
    "hosted",
    "seminar",
    "on",
    "crisis",
    "response",
    "diplomatic",
    "relations",
    "established",
    "shortly",
    "after",
    "independence",
    "summit",
];

/// Tokens with non-ASCII letters or punctuation, as real quotes have.
const EXOTIC: &[&str] = &[
    "Łukašenka",
    "Minsk–Vilnius",
    "Lukaschenko’s",
    "Białowieża",
    "«Soyuznoye»",
    "déclaration",
];

const OPENERS: &[&str] = &[
    "On that day, ",
    "In a statement, ",
    "According to the ministry, ",
    "Officials confirmed that ",
];

const FIRST_NAMES: &[&str] = &[
    "Anna",
    "Ivan",
    "Olga",
    "Pavel",
    "Maria",
    "Andrei",
    "Elena",
    "Sergei",
    "Tatsiana",
    "Mikhail",
    "Irina",
    "Viktor",
    "John",
    "Claire",
    "Jens",
    "Ursula",
    "Josep",
    "Katarzyna",
    "Tomas",
    "Ingrid",
];

/// A kind's share of the entities, its weight when a predicate allows several kinds, and the
/// words its generated labels are built with (disjoint across kinds, so labels never collide).
struct KindShape {
    kind: EntityKind,
    share_per_mille: usize,
    endpoint_weight: u64,
    suffixes: &'static [&'static str],
}

const KINDS: &[KindShape] = &[
    KindShape {
        kind: EntityKind::State,
        share_per_mille: 100,
        endpoint_weight: 8,
        suffixes: &[],
    },
    KindShape {
        kind: EntityKind::Organization,
        share_per_mille: 280,
        endpoint_weight: 6,
        suffixes: &[
            "Council",
            "Agency",
            "Union",
            "Institute",
            "Ministry",
            "Mission",
            "Bank",
            "Forum",
        ],
    },
    KindShape {
        kind: EntityKind::Programme,
        share_per_mille: 80,
        endpoint_weight: 2,
        suffixes: &["Programme", "Initiative", "Project", "Process"],
    },
    KindShape {
        kind: EntityKind::Person,
        share_per_mille: 320,
        endpoint_weight: 5,
        suffixes: &[],
    },
    KindShape {
        kind: EntityKind::Office,
        share_per_mille: 50,
        endpoint_weight: 2,
        suffixes: &[
            "President of",
            "Foreign Minister of",
            "Ambassador of",
            "Secretary General of",
        ],
    },
    KindShape {
        kind: EntityKind::Agreement,
        share_per_mille: 80,
        endpoint_weight: 3,
        suffixes: &["Treaty", "Agreement", "Convention", "Memorandum", "Accord"],
    },
    KindShape {
        kind: EntityKind::Event,
        share_per_mille: 70,
        endpoint_weight: 3,
        suffixes: &["Summit", "Crisis", "Election", "Protests", "Incident"],
    },
    KindShape {
        kind: EntityKind::Place,
        share_per_mille: 20,
        endpoint_weight: 1,
        suffixes: &["Region", "Oblast", "District", "Valley"],
    },
];

/// Real entities at the top of each kind's Zipf ranking: (kind, id, label, aliases, Wikidata item).
const HUBS: &[(EntityKind, &str, &str, &str, &str)] = &[
    (
        EntityKind::State,
        "belarus",
        "Belarus",
        "Republic of Belarus|Byelorussia|Беларусь",
        "Q184",
    ),
    (
        EntityKind::Organization,
        "nato",
        "NATO",
        "North Atlantic Treaty Organization|the Alliance",
        "Q7184",
    ),
    (EntityKind::State, "russia", "Russia", "Russian Federation", "Q159"),
    (
        EntityKind::Organization,
        "european-union",
        "European Union",
        "EU",
        "Q458",
    ),
    (EntityKind::State, "ukraine", "Ukraine", "", "Q212"),
    (
        EntityKind::Organization,
        "osce",
        "OSCE",
        "Organization for Security and Co-operation in Europe",
        "Q81299",
    ),
    (EntityKind::State, "poland", "Poland", "", "Q36"),
    (
        EntityKind::Organization,
        "united-nations",
        "United Nations",
        "UN",
        "Q1065",
    ),
    (EntityKind::State, "lithuania", "Lithuania", "", "Q37"),
    (
        EntityKind::State,
        "united-states",
        "United States",
        "USA|United States of America",
        "Q30",
    ),
    (
        EntityKind::Organization,
        "csto",
        "Collective Security Treaty Organization",
        "CSTO",
        "Q188822",
    ),
    (
        EntityKind::Person,
        "alexander-lukashenko",
        "Alexander Lukashenko",
        "Lukashenko|Łukašenka",
        "Q39522",
    ),
    (
        EntityKind::Person,
        "sviatlana-tsikhanouskaya",
        "Sviatlana Tsikhanouskaya",
        "Tsikhanouskaya",
        "Q97175869",
    ),
    (
        EntityKind::Person,
        "jens-stoltenberg",
        "Jens Stoltenberg",
        "Stoltenberg",
        "Q57661",
    ),
    (
        EntityKind::Office,
        "president-of-belarus",
        "President of Belarus",
        "",
        "Q2319925",
    ),
    (
        EntityKind::Office,
        "secretary-general-of-nato",
        "Secretary General of NATO",
        "",
        "Q1052577",
    ),
    (
        EntityKind::Programme,
        "partnership-for-peace",
        "Partnership for Peace",
        "PfP",
        "Q845305",
    ),
    (
        EntityKind::Programme,
        "eastern-partnership",
        "Eastern Partnership",
        "EaP",
        "Q751683",
    ),
    (
        EntityKind::Agreement,
        "union-state-treaty",
        "Treaty on the Creation of a Union State",
        "",
        "",
    ),
    (EntityKind::Agreement, "new-start", "New START", "", "Q1326213"),
    (
        EntityKind::Event,
        "belarusian-presidential-election-2020",
        "2020 Belarusian presidential election",
        "",
        "Q61058516",
    ),
    (
        EntityKind::Event,
        "ryanair-flight-4978-diversion",
        "Ryanair Flight 4978 diversion",
        "",
        "Q106612519",
    ),
    (EntityKind::Place, "minsk", "Minsk", "Менск", "Q2280"),
    (EntityKind::Place, "brest", "Brest", "", "Q157725"),
];

/// Relative frequency of predicates in the synthetic claims (unlisted ones weigh 1).
const PREDICATE_WEIGHTS: &[(&str, u64)] = &[
    ("met", 10),
    ("visited", 8),
    ("cooperates_with", 8),
    ("criticised", 6),
    ("called_on", 5),
    ("supported", 5),
    ("participant_in", 5),
    ("signed", 4),
    ("condemned", 4),
    ("member_of", 3),
    ("sanctioned", 3),
    ("opposed", 3),
    ("diplomatic_relations_with", 2),
    ("trades_with", 2),
    ("holds_office", 2),
    ("head_of", 2),
    ("held_in", 2),
    ("affected", 2),
];

struct Entity {
    id: String,
    label: String,
}

/// The entities of one kind, in Zipf rank order, and the distribution that picks them.
struct Pool {
    kind: EntityKind,
    weight: u64,
    first: usize,
    len: usize,
    zipf: Zipf,
}

/// The pools (kinds) one end of a predicate may take, and the distribution that picks one.
struct Side {
    pools: Vec<usize>,
    pick: Weighted,
}

/// Both ends of a predicate.
struct Ends {
    subject: Side,
    object: Side,
}

// ---------------------------------------------------------------------------------------------
// The generator

/// One claim as drawn, before it is written.
#[derive(Debug, Clone, Copy)]
struct Drawn {
    subject: u32,
    predicate: u16,
    object: u32,
    when: When,
    source: u32,
}

/// Writes a graph-data folder of `options.claims` claims into `out` (created if missing).
pub fn generate(options: &Options, out: &Path) -> io::Result<Summary> {
    std::fs::create_dir_all(out)?;
    let embedded = Graph::embedded().map_err(io::Error::other)?;
    let predicates: Vec<Predicate> = embedded.predicates().to_vec();
    std::fs::write(out.join("predicates.csv"), &*Dataset::embedded().predicates.bytes)?;

    let mut rng = Rng::new(options.seed);
    let mut summary = Summary {
        claims: options.claims,
        ..Summary::default()
    };

    // Entities: about one per eight claims, at least enough for every kind to have a tail.
    let total = (options.claims / 8).max(120);
    let mut entities: Vec<Entity> = Vec::with_capacity(total);
    let mut pools: Vec<Pool> = Vec::new();
    // Folded labels and ids in use: the loader warns on labels equal up to case and accents.
    let mut folded: HashSet<String> = HUBS.iter().map(|h| fold(h.2)).collect();
    let mut ids: HashSet<String> = HUBS.iter().map(|h| h.1.to_owned()).collect();
    let mut entity_rows: Vec<[String; 6]> = Vec::with_capacity(total);
    for shape in KINDS {
        let hubs: Vec<_> = HUBS.iter().filter(|h| h.0 == shape.kind).collect();
        let mut len = total * shape.share_per_mille / 1000;
        if shape.kind == EntityKind::State {
            len = len.min(195); // there are only so many states
        }
        let len = len.max(hubs.len() + 6);
        let first = entities.len();
        let mut index = 0;
        for rank in 0..len {
            let (id, label, aliases, description, same_as) = if let Some(h) = hubs.get(rank) {
                let same_as = if h.4.is_empty() {
                    String::new()
                } else {
                    format!("http://www.wikidata.org/entity/{}", h.4)
                };
                (
                    h.1.to_owned(),
                    h.2.to_owned(),
                    h.3.to_owned(),
                    format!("Hub of the synthetic graph (a real {}).", shape.kind.name()),
                    same_as,
                )
            } else {
                // Generated names are unique by construction; the set guards the rule anyway.
                let label = loop {
                    let candidate = synthetic_label(shape, index, &mut rng);
                    index += 1;
                    if !folded.contains(&fold(&candidate)) && !ids.contains(&slug(&candidate)) {
                        break candidate;
                    }
                };
                let aliases = if rng.chance(150) {
                    acronym(&label)
                } else {
                    String::new()
                };
                let description = format!(
                    "Synthetic {} {} {}.",
                    shape.kind.name(),
                    rng.pick(WORDS),
                    rng.pick(WORDS)
                );
                let same_as = if rng.chance(300) {
                    format!("http://www.wikidata.org/entity/Q{}", 90_000_000 + entities.len())
                } else {
                    String::new()
                };
                (slug(&label), label, aliases, description, same_as)
            };
            folded.insert(fold(&label));
            ids.insert(id.clone());
            entity_rows.push([
                id.clone(),
                shape.kind.name().to_owned(),
                label.clone(),
                aliases,
                description,
                same_as,
            ]);
            entities.push(Entity { id, label });
        }
        pools.push(Pool {
            kind: shape.kind,
            weight: shape.endpoint_weight,
            first,
            len,
            zipf: Zipf::new(len, 1.0),
        });
    }
    summary.entities = entities.len();
    let mut w = csv_writer(&out.join("entities.csv"))?;
    w.write_record(["id", "kind", "label", "aliases", "description", "same_as"])?;
    for row in &entity_rows {
        w.write_record(row)?;
    }
    w.flush()?;
    drop(entity_rows);

    // Sources: a handful that cite most claims, and a tail.
    let source_count = 8 + isqrt(options.claims) / 10;
    const PUBLISHERS: &[&str] = &[
        "North Atlantic Treaty Organization",
        "Ministry of Foreign Affairs of the Republic of Belarus",
        "Wikipedia",
        "Reuters",
        "BelTA",
        "Radio Free Europe/Radio Liberty",
        "OSCE",
        "European Parliament",
        "TASS",
        "Council of the European Union",
    ];
    let mut source_ids = Vec::with_capacity(source_count);
    let mut w = csv_writer(&out.join("sources.csv"))?;
    w.write_record(["id", "title", "publisher", "url", "published"])?;
    for i in 0..source_count {
        let publisher = PUBLISHERS[i % PUBLISHERS.len()];
        let id = format!("{}-{}", slug(publisher).split('-').next().unwrap_or("source"), i + 1);
        let title = format!(
            "{} on {}",
            name(i + 7),
            rng.pick(&["relations", "cooperation", "sanctions", "security"])
        );
        let url = if rng.chance(800) {
            format!("https://example.org/synth/{id}")
        } else {
            String::new()
        };
        let mut published = String::new();
        if rng.chance(700) {
            let year = 1995 + rng.below(31) as u16;
            Point::random_in(&mut rng, year).write(&mut published);
        }
        w.write_record([id.as_str(), &title, publisher, &url, &published])?;
        source_ids.push(id);
    }
    w.flush()?;
    let source_zipf = Zipf::new(source_count, 1.0);

    // Predicates: weights, and the kinds each end may take.
    let predicate_pick = Weighted::new(predicates.iter().map(|p| {
        PREDICATE_WEIGHTS
            .iter()
            .find(|(id, _)| *id == p.id.as_str())
            .map_or(1, |(_, w)| *w)
    }));
    let ends: Vec<Ends> = predicates
        .iter()
        .map(|p| {
            let side = |kinds: &[EntityKind]| {
                let pools_of: Vec<usize> = kinds
                    .iter()
                    .filter_map(|k| pools.iter().position(|pool| pool.kind == *k))
                    .collect();
                let pick = Weighted::new(pools_of.iter().map(|&i| pools[i].weight));
                Side { pools: pools_of, pick }
            };
            Ends {
                subject: side(&p.domain),
                object: side(&p.range),
            }
        })
        .collect();
    let kind_of: Vec<EntityKind> = pools
        .iter()
        .flat_map(|pool| std::iter::repeat_n(pool.kind, pool.len))
        .collect();

    // Claims.
    let mut drawn: Vec<Drawn> = Vec::with_capacity(options.claims);
    let mut rows_seen: HashSet<u64> = HashSet::with_capacity(options.claims);
    let mut w = csv_writer(&out.join("relations.csv"))?;
    w.write_record(["subject", "predicate", "object", "date", "source", "quote", "note"])?;
    let (mut date, mut quote, mut note, mut folded_quote) =
        (String::new(), String::new(), String::new(), String::new());
    for _ in 0..options.claims {
        let claim = if !drawn.is_empty() && rng.chance(AGREEING_PER_MILLE) {
            let earlier = drawn[rng.below(drawn.len())];
            summary.agreeing += 1;
            let mut source = earlier.source;
            while source == earlier.source {
                source = source_zipf.sample(&mut rng) as u32;
            }
            Drawn { source, ..earlier }
        } else if !drawn.is_empty() && rng.chance(DISAGREEING_PER_MILLE) {
            let earlier = drawn[rng.below(drawn.len())];
            summary.disagreeing += 1;
            let temporal = predicates[usize::from(earlier.predicate)].temporal;
            let mut when = earlier.when;
            while when == earlier.when {
                when = When::random_dated(&mut rng, temporal);
            }
            Drawn {
                when,
                source: source_zipf.sample(&mut rng) as u32,
                ..earlier
            }
        } else {
            fresh_claim(
                &mut rng,
                &predicates,
                &predicate_pick,
                &ends,
                &pools,
                &entities,
                &kind_of,
                &source_zipf,
            )
        };
        if claim.when == When::Undated {
            summary.undated += 1;
        }
        let predicate = &predicates[usize::from(claim.predicate)];
        let (subject, object) = (&entities[claim.subject as usize], &entities[claim.object as usize]);
        date.clear();
        claim.when.write(&mut date);
        // A new quote until the row differs from every earlier one (as the loader compares them).
        loop {
            write_quote(&mut rng, &mut quote, subject, predicate, object, claim.when.year());
            folded_quote.clear();
            fold_into(&quote, &mut folded_quote);
            let mut h = Fnv::new();
            h.u64(u64::from(claim.subject));
            h.u64(u64::from(claim.predicate));
            h.u64(u64::from(claim.object));
            h.u64(u64::from(claim.source));
            h.bytes(date.as_bytes());
            h.bytes(&[0x1f]);
            h.bytes(folded_quote.as_bytes());
            if rows_seen.insert(h.0) {
                break;
            }
        }
        note.clear();
        if rng.chance(80) {
            let _ = write!(
                note,
                "some {} {}",
                10 + rng.below(9990),
                rng.pick(&["troops", "mines", "observers", "prisoners", "million euros"])
            );
        }
        w.write_record([
            subject.id.as_str(),
            predicate.id.as_str(),
            object.id.as_str(),
            &date,
            &source_ids[claim.source as usize],
            &quote,
            &note,
        ])?;
        drawn.push(claim);
    }
    w.flush()?;
    summary.sources = source_count;
    Ok(summary)
}

/// A new claim: a predicate by weight, an end of an allowed kind for each side by Zipf rank.
#[allow(clippy::too_many_arguments)]
fn fresh_claim(
    rng: &mut Rng,
    predicates: &[Predicate],
    predicate_pick: &Weighted,
    ends: &[Ends],
    pools: &[Pool],
    entities: &[Entity],
    kind_of: &[EntityKind],
    source_zipf: &Zipf,
) -> Drawn {
    loop {
        let p = predicate_pick.sample(rng);
        let predicate = &predicates[p];
        let Ends {
            subject: domain,
            object: range,
        } = &ends[p];
        if domain.pools.is_empty() || range.pools.is_empty() {
            continue;
        }
        let draw = |rng: &mut Rng, side: &Side| {
            let pool = &pools[side.pools[side.pick.sample(rng)]];
            (pool.first + pool.zipf.sample(rng)) as u32
        };
        let mut subject = draw(rng, domain);
        let mut object = draw(rng, range);
        if subject == object {
            continue;
        }
        if predicate.symmetric {
            // Each pair has one direction, decided by its ids, so it is never entered both ways.
            let (a, b) = (subject.min(object), subject.max(object));
            let mut h = Fnv::new();
            h.bytes(entities[a as usize].id.as_bytes());
            h.bytes(entities[b as usize].id.as_bytes());
            let (s, o) = if h.0 & 1 == 0 { (a, b) } else { (b, a) };
            let fits =
                predicate.domain.contains(&kind_of[s as usize]) && predicate.range.contains(&kind_of[o as usize]);
            if !fits {
                continue;
            }
            (subject, object) = (s, o);
        }
        let when = if rng.chance(UNDATED_PER_MILLE) {
            When::Undated
        } else {
            When::random_dated(rng, predicate.temporal)
        };
        return Drawn {
            subject,
            predicate: p as u16,
            object,
            when,
            source: source_zipf.sample(rng) as u32,
        };
    }
}

/// A label for the `index`-th generated entity of a kind.
fn synthetic_label(shape: &KindShape, index: usize, rng: &mut Rng) -> String {
    let n = name(index);
    match shape.kind {
        EntityKind::State => n,
        EntityKind::Person => format!("{} {n}", rng.pick(FIRST_NAMES)),
        EntityKind::Office => format!("{} {n}", rng.pick(shape.suffixes)),
        _ => format!("{n} {}", rng.pick(shape.suffixes)),
    }
}

/// The initials of a label's words, as an alias ("Kavomi Treaty Council" → "KTC").
fn acronym(label: &str) -> String {
    let a: String = label.split(' ').filter_map(|w| w.chars().next()).collect();
    if a.len() < 2 {
        format!("{label} (synthetic)")
    } else {
        a
    }
}

/// A quote of 10–30 words naming both ends, with the predicate's label in between.
fn write_quote(
    rng: &mut Rng,
    out: &mut String,
    subject: &Entity,
    predicate: &Predicate,
    object: &Entity,
    year: Option<u16>,
) {
    out.clear();
    let target = 10 + rng.below(21);
    let mut words = 0;
    if rng.chance(300) {
        let opener = rng.pick(OPENERS);
        out.push_str(opener);
        words += opener.split_whitespace().count();
    }
    for part in [subject.label.as_str(), predicate.label.as_str(), object.label.as_str()] {
        out.push_str(part);
        out.push(' ');
        words += part.split(' ').count();
    }
    if let Some(y) = year.filter(|_| rng.chance(500)) {
        let _ = write!(out, "in {y} ");
        words += 2;
    }
    while words < target {
        let word = if rng.chance(4) {
            rng.pick(EXOTIC)
        } else {
            rng.pick(WORDS)
        };
        if rng.chance(20) {
            out.push('"');
            out.push_str(word);
            out.push('"');
        } else {
            out.push_str(word);
        }
        words += 1;
        out.push_str(if words < target && rng.chance(60) { ", " } else { " " });
    }
    out.pop();
    out.push('.');
}

/// What [`diplograph::text::fold`] gives, computed without Unicode tables when the text is ASCII
/// (most quotes): alphanumerics lowercased, every other run of characters one space.
fn fold_into(text: &str, out: &mut String) {
    if !text.is_ascii() {
        out.push_str(&fold(text));
        return;
    }
    let mut space = false;
    for c in text.bytes() {
        if c.is_ascii_alphanumeric() {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(c.to_ascii_lowercase() as char);
        } else {
            space = true;
        }
    }
}

fn isqrt(n: usize) -> usize {
    (n as f64).sqrt() as usize
}

fn csv_writer(path: &Path) -> io::Result<csv::Writer<BufWriter<File>>> {
    let file = File::create(path)?;
    Ok(csv::Writer::from_writer(BufWriter::with_capacity(1 << 20, file)))
}
