//! A compact binary image of a validated [`Graph`], so that a graph-data folder loaded once
//! reopens without parsing and validating its CSV again.
//!
//! The image is tied to what it was built from by an [`ImageKey`]: a hash of the graph-data
//! files (names and bytes), the limits they were validated under, this crate's version and the
//! image format's version. [`open_image`] and [`read_image`] refuse an image whose key is not the one asked for, and
//! one whose checksum (xxh3-128 over every byte before it) does not match, so that a stale,
//! truncated or damaged image is never trusted: the caller loads the CSV instead.
//!
//! Layout (integers little-endian, `varint` = LEB128):
//!
//! ```text
//! magic "DGIMAGE\0" | format u32 | key 16 bytes | body | body length u64 | xxh3-128 16 bytes
//! ```
//!
//! The body holds the sources, predicates, entities (in id order), the relations (in relation
//! order, each with its two node indices and its predicate's and evidence sources' places in the
//! tables), the load's warnings and views, and the relations' adjacency (`model::csr`: offsets u32
//! per node and one more, then 9 bytes per relation end — other end u32, relation u32, flags), so
//! that the first query does not build it again. Every field of the model is written by
//! destructuring it, so that a field added to the model is a compile error here until the image
//! carries it. The index by id and the claim count are rebuilt on reading, as the loader builds
//! them; the index by name is built on the first lookup by name.
//!
//! Reading ([`open_image`]) checks the checksum and then every field of every relation, but makes
//! only the entities: the relations stay in the image's bytes, which the graph keeps, and are
//! decoded when a query or an exporter first asks for them, 64 at a time. A path between two
//! entities of a million-relation graph decodes a few blocks.
//!
//! ```
//! use diplograph::{Dataset, Graph, Limits};
//! use diplograph::load::image::{read_image, write_image, ImageKey};
//! let dataset = Dataset::embedded();
//! let key = ImageKey::of(&dataset, &Limits::default());
//! let graph = Graph::load(&dataset)?;
//! let bytes = write_image(&graph, key, Vec::new())?;
//! let again = read_image(&bytes, key).unwrap();
//! assert_eq!(format!("{:?}", again.relations().collect::<Vec<_>>()),
//!            format!("{:?}", graph.relations().collect::<Vec<_>>()));
//! // Any damage is detected.
//! assert!(read_image(&bytes[..bytes.len() - 1], key).is_err());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::io::{self, Read, Write};
use std::path::Path;
use std::sync::Arc;

use xxhash_rust::xxh3::Xxh3;

use super::dataset::{open_regular, DataFile, Dataset};
use super::error::LoadError;
use super::limits::Limits;
use crate::model::csr::{Csr, Entry};
use crate::model::edtf::{Bound, DatePoint, Edtf};
use crate::model::entity::{Entity, EntityDate};
use crate::model::graph::{Graph, GraphParts};
use crate::model::id::Id;
use crate::model::kind::EntityKind;
use crate::model::predicate::{Predicate, Temporal};
use crate::model::problem::{Problem, Problems, Severity};
use crate::model::quote_anchor::QuoteAnchor;
use crate::model::rank_dir::RankDir;
use crate::model::relation::{Evidence, Relation, RelationId};
use crate::model::relation_table::{RelationBlocks, BLOCK};
use crate::model::source::Source;
use crate::model::view::{NamedView, Reach, ViewLayout};

/// The first bytes of every image.
const MAGIC: &[u8; 8] = b"DGIMAGE\0";

/// The image format's version: bump it whenever the layout changes.
pub const FORMAT_VERSION: u32 = 7;

const HEADER_BYTES: usize = 8 + 4 + 16;
const TRAILER_BYTES: usize = 8 + 16;

/// What an image was built from: a hash of the graph-data files, the limits, the crate's version
/// and the format's version. Two keys are equal only if all of these are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ImageKey(pub [u8; 16]);

impl ImageKey {
    /// The key of `dataset` validated under `limits` by this version of the crate.
    ///
    /// ```
    /// use diplograph::{Dataset, Limits};
    /// use diplograph::load::image::ImageKey;
    /// let a = ImageKey::of(&Dataset::embedded(), &Limits::default());
    /// let tighter = Limits { max_rows: 10, ..Limits::default() };
    /// assert_ne!(a, ImageKey::of(&Dataset::embedded(), &tighter));
    /// ```
    pub fn of(dataset: &Dataset, limits: &Limits) -> ImageKey {
        Self::with_version(dataset, limits, env!("CARGO_PKG_VERSION"))
    }

    /// [`ImageKey::of`] as if the crate's version were `version` (for tests of stale images).
    #[doc(hidden)]
    pub fn with_version(dataset: &Dataset, limits: &Limits, version: &str) -> ImageKey {
        let mut h = KeyHash::start(limits, version);
        // Every file the loader reads, by destructuring: a new file is a compile error here.
        let Dataset {
            sources,
            predicates,
            entities,
            relations,
            views,
        } = dataset;
        for DataFile { name, bytes } in [sources, predicates, entities, relations] {
            h.file(name, bytes);
        }
        match views {
            None => h.no_views(),
            Some(DataFile { name, bytes }) => h.file(name, bytes),
        }
        h.finish()
    }

    /// The key of the graph-data folder `dir`, read in small blocks without holding its files:
    /// the key [`ImageKey::of`] gives for `Dataset::from_dir_with(dir, limits)` (the same bytes,
    /// at most `limits.max_file_bytes + 1` of each file, named the same way), at a fraction of
    /// the memory, so that a folder whose image is intact never has its text in memory.
    ///
    /// ```
    /// use diplograph::{Dataset, Limits};
    /// use diplograph::load::image::ImageKey;
    /// let dir = std::path::Path::new("graph-data");
    /// let limits = Limits::default();
    /// assert_eq!(ImageKey::of_dir(dir, &limits)?,
    ///            ImageKey::of(&Dataset::from_dir_with(dir, &limits)?, &limits));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn of_dir(dir: &Path, limits: &Limits) -> Result<ImageKey, LoadError> {
        let mut h = KeyHash::start(limits, env!("CARGO_PKG_VERSION"));
        let limit = limits.max_file_bytes.saturating_add(1);
        let file = |h: &mut KeyHash, name: &str| -> Result<(), LoadError> {
            let path = dir.join(name);
            let shown = path.display().to_string();
            open_regular(&path)
                .and_then(|f| h.file_read(&shown, f.take(limit)))
                .map_err(|source| LoadError::Io { path: shown, source })
        };
        for name in ["sources.csv", "predicates.csv", "entities.csv", "relations.csv"] {
            file(&mut h, name)?;
        }
        if dir.join("views.csv").exists() {
            file(&mut h, "views.csv")?;
        } else {
            h.no_views();
        }
        Ok(h.finish())
    }

    /// The key as 32 hexadecimal digits (a file name for the image).
    pub fn hex(&self) -> String {
        self.0.iter().map(|b| format!("{b:02x}")).collect()
    }
}

/// The hash behind an [`ImageKey`]: the format, the crate's version, the limits, then every
/// file as its name, its bytes and their count (the count after the bytes, so that a file can be
/// hashed as it is read).
struct KeyHash(Xxh3);

impl KeyHash {
    fn start(limits: &Limits, version: &str) -> KeyHash {
        let mut h = KeyHash(Xxh3::new());
        h.text(MAGIC);
        h.text(&FORMAT_VERSION.to_le_bytes());
        h.text(version.as_bytes());
        let Limits {
            max_file_bytes,
            max_rows,
            max_cell_bytes,
        } = *limits;
        for n in [max_file_bytes, max_rows as u64, max_cell_bytes as u64] {
            h.text(&n.to_le_bytes());
        }
        h
    }

    fn text(&mut self, bytes: &[u8]) {
        self.0.update(&(bytes.len() as u64).to_le_bytes());
        self.0.update(bytes);
    }

    /// A file, by its name as the load's messages give it (its warnings name the files).
    fn file(&mut self, name: &str, bytes: &[u8]) {
        self.text(name.as_bytes());
        self.0.update(bytes);
        self.0.update(&(bytes.len() as u64).to_le_bytes());
    }

    /// [`KeyHash::file`] of the bytes `r` gives, read in blocks.
    fn file_read(&mut self, name: &str, mut r: impl Read) -> io::Result<()> {
        self.text(name.as_bytes());
        let mut buf = vec![0u8; 1 << 17];
        let mut count: u64 = 0;
        loop {
            match r.read(&mut buf) {
                Ok(0) => break,
                Ok(n) => {
                    self.0.update(&buf[..n]);
                    count += n as u64;
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
        self.0.update(&count.to_le_bytes());
        Ok(())
    }

    /// The optional views file's absence, hashed apart from an empty file.
    fn no_views(&mut self) {
        self.text(b"no views");
    }

    fn finish(self) -> ImageKey {
        ImageKey(self.0.digest128().to_le_bytes())
    }
}

/// Why an image was not used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ImageError {
    /// Not an image of this program, or shorter than its header and trailer.
    #[error("not a graph image")]
    NotAnImage,
    /// An image of another format version.
    #[error("a graph image of format {0}, not {FORMAT_VERSION}")]
    Format(u32),
    /// An image of other graph-data, limits or crate version.
    #[error("the graph image was built from other graph-data, limits or version")]
    Stale,
    /// Truncated or damaged: the length or checksum does not match.
    #[error("the graph image is damaged (checksum)")]
    Damaged,
    /// The checksum matches but the content does not decode (written by a faulty writer).
    #[error("the graph image does not decode: {0}")]
    Invalid(&'static str),
}

/// Writes the image of `graph`, keyed by `key`, to `w`, and returns `w`.
pub fn write_image<W: Write>(graph: &Graph, key: ImageKey, w: W) -> io::Result<W> {
    let mut out = Out {
        w,
        hash: Xxh3::new(),
        body: 0,
        buf: Vec::with_capacity(1 << 16),
    };
    out.bytes(MAGIC);
    out.bytes(&FORMAT_VERSION.to_le_bytes());
    out.bytes(&key.0);
    out.flush_buf()?;
    out.body = 0;
    encode_graph(graph, &mut out)?;
    out.flush_buf()?;
    let body = out.body;
    out.bytes(&body.to_le_bytes());
    out.flush_buf()?;
    let sum = out.hash.digest128().to_le_bytes();
    out.w.write_all(&sum)?;
    Ok(out.w)
}

/// The graph of an image, if it is an intact image of `key` (a copy of `bytes` is kept: see
/// [`open_image`]).
pub fn read_image(bytes: &[u8], key: ImageKey) -> Result<Graph, ImageError> {
    open_image(Arc::new(bytes.to_vec()), key)
}

/// The graph of an image, if it is an intact image of `key`, keeping `bytes`: the image is
/// checked whole (checksum, then every field) before this returns, but its relations are decoded
/// only when first asked for, a block at a time, so that a query that reads a few of them (a
/// path, an entity's timeline) does not decode, allocate and page in a million. A mapped file
/// (the command line maps the cached image) is shared with the page cache instead of copied.
pub fn open_image(image: Arc<dyn AsRef<[u8]> + Send + Sync>, key: ImageKey) -> Result<Graph, ImageError> {
    let bytes: &[u8] = (*image).as_ref();
    if bytes.len() < HEADER_BYTES + TRAILER_BYTES || &bytes[..8] != MAGIC {
        return Err(ImageError::NotAnImage);
    }
    let format = u32::from_le_bytes(bytes[8..12].try_into().expect("4 bytes"));
    if format != FORMAT_VERSION {
        return Err(ImageError::Format(format));
    }
    if bytes[12..28] != key.0 {
        return Err(ImageError::Stale);
    }
    let (covered, sum) = bytes.split_at(bytes.len() - 16);
    if xxhash_rust::xxh3::xxh3_128(covered).to_le_bytes() != sum {
        return Err(ImageError::Damaged);
    }
    let body_end = covered.len() - 8;
    let body_len = u64::from_le_bytes(covered[body_end..].try_into().expect("8 bytes"));
    if body_len != (body_end - HEADER_BYTES) as u64 {
        return Err(ImageError::Damaged);
    }
    let mut input = In {
        bytes: &bytes[HEADER_BYTES..body_end],
    };
    let graph = decode_graph(&mut input, Arc::clone(&image), HEADER_BYTES)?;
    if !input.bytes.is_empty() {
        return Err(ImageError::Invalid("bytes after the graph"));
    }
    Ok(graph)
}

/// The writing end: bytes go through a buffer, are hashed and counted.
struct Out<W> {
    w: W,
    hash: Xxh3,
    body: u64,
    buf: Vec<u8>,
}

impl<W: Write> Out<W> {
    fn bytes(&mut self, b: &[u8]) {
        self.buf.extend_from_slice(b);
    }

    fn maybe_flush(&mut self) -> io::Result<()> {
        if self.buf.len() >= 1 << 16 {
            self.flush_buf()?;
        }
        Ok(())
    }

    fn flush_buf(&mut self) -> io::Result<()> {
        self.hash.update(&self.buf);
        self.body += self.buf.len() as u64;
        self.w.write_all(&self.buf)?;
        self.buf.clear();
        Ok(())
    }

    fn uint(&mut self, mut n: u64) {
        loop {
            let byte = (n & 0x7f) as u8;
            n >>= 7;
            if n == 0 {
                self.buf.push(byte);
                return;
            }
            self.buf.push(byte | 0x80);
        }
    }

    fn flag(&mut self, b: bool) {
        self.buf.push(u8::from(b));
    }

    fn text(&mut self, s: &str) {
        self.uint(s.len() as u64);
        self.bytes(s.as_bytes());
    }

    /// A claim's anchor: its `fragment` and `selector` cells, each an optional text.
    fn anchor(&mut self, anchor: Option<&QuoteAnchor>) {
        match anchor {
            None => {
                self.opt_text(None);
                self.opt_text(None);
            }
            Some(a) => {
                self.opt_text(Some(&a.fragment_cell()));
                self.opt_text(Some(&a.selector_cell()));
            }
        }
    }

    fn opt_text(&mut self, s: Option<&str>) {
        match s {
            None => self.uint(0),
            Some(s) => {
                self.uint(s.len() as u64 + 1);
                self.bytes(s.as_bytes());
            }
        }
    }

    fn texts(&mut self, list: &[String]) {
        self.uint(list.len() as u64);
        for s in list {
            self.text(s);
        }
    }

    fn kinds(&mut self, list: &[EntityKind]) {
        self.uint(list.len() as u64);
        for k in list {
            self.buf.push(kind_code(*k));
        }
    }

    /// An id as its place in `table` (sorted) plus one, or 0 and its text when it is not there.
    fn id_in(&mut self, id: &Id, table: &[Id]) {
        match table.binary_search(id) {
            Ok(i) => self.uint(i as u64 + 1),
            Err(_) => {
                self.uint(0);
                self.text(id.as_str());
            }
        }
    }

    fn date_point(&mut self, d: &DatePoint) {
        let (year, month, day, uncertain, approximate) = d.to_parts();
        self.bytes(&year.to_le_bytes());
        self.buf.push(month);
        self.buf.push(day);
        self.buf.push(u8::from(uncertain) | u8::from(approximate) << 1);
    }

    fn bound(&mut self, b: &Bound) {
        match b {
            Bound::Date(d) => {
                self.buf.push(0);
                self.date_point(d);
            }
            Bound::Open => self.buf.push(1),
            Bound::Unknown => self.buf.push(2),
        }
    }

    fn date(&mut self, date: &Option<Edtf>) {
        match date {
            None => self.buf.push(0),
            Some(Edtf::Single(d)) => {
                self.buf.push(1);
                self.date_point(d);
            }
            Some(Edtf::Interval { start, end }) => {
                self.buf.push(2);
                self.bound(start);
                self.bound(end);
            }
        }
    }
}

fn kind_code(k: EntityKind) -> u8 {
    EntityKind::ALL
        .iter()
        .position(|&x| x == k)
        .expect("every kind is in ALL") as u8
}

fn encode_graph<W: Write>(graph: &Graph, out: &mut Out<W>) -> io::Result<()> {
    let GraphParts {
        sources,
        predicates,
        graph,
        relations,
        warnings,
        views,
        csr,
    } = graph.parts();
    out.uint(sources.len() as u64);
    for source in sources {
        let Source {
            id,
            title,
            publisher,
            url,
            published,
        } = source;
        out.text(id.as_str());
        out.text(title);
        out.text(publisher);
        out.opt_text(url.as_deref());
        out.date(published);
        out.maybe_flush()?;
    }
    out.uint(predicates.len() as u64);
    for predicate in predicates {
        let Predicate {
            id,
            label,
            inverse_label,
            description,
            symmetric,
            domain,
            range,
            temporal,
            same_as,
            negates,
        } = predicate;
        out.text(id.as_str());
        out.text(label);
        out.text(inverse_label);
        out.text(description);
        out.flag(*symmetric);
        out.kinds(domain);
        out.kinds(range);
        out.flag(*temporal == Temporal::State);
        out.texts(same_as);
        out.opt_text(negates.as_ref().map(Id::as_str));
        out.maybe_flush()?;
    }
    out.uint(graph.node_count() as u64);
    for entity in graph.node_weights() {
        let Entity {
            id,
            kind,
            label,
            aliases,
            description,
            same_as,
            date,
            iso_3166,
        } = entity;
        out.text(id.as_str());
        out.buf.push(kind_code(*kind));
        out.text(label);
        out.texts(aliases);
        out.text(description);
        out.texts(same_as);
        match date {
            None => out.flag(false),
            Some(EntityDate { date, evidence }) => {
                out.flag(true);
                out.date(&Some(*date));
                let Evidence {
                    source,
                    quote,
                    note,
                    line,
                    statement,
                    anchor,
                } = evidence;
                out.text(source.as_str());
                out.text(quote);
                out.opt_text(note.as_deref());
                out.uint(*line);
                out.opt_text(statement.as_ref().map(Id::as_str));
                out.anchor(anchor.as_deref());
            }
        }
        let codes = iso_3166.map(|c| format!("{}|{}|{}", c.alpha2(), c.alpha3(), c.numeric()));
        out.opt_text(codes.as_deref());
        out.maybe_flush()?;
    }
    let source_ids: Vec<Id> = sources.iter().map(|s| s.id.clone()).collect();
    let predicate_ids: Vec<Id> = predicates.iter().map(|p| p.id.clone()).collect();
    let entity_ids: Vec<Id> = graph.node_weights().map(|e| e.id.clone()).collect();
    out.uint(graph.edge_count() as u64);
    for edge in graph.edge_indices() {
        let (a, b) = graph.edge_endpoints(edge).expect("an edge of the graph");
        let Relation {
            id,
            subject,
            predicate,
            object,
            date,
            evidence,
        } = relations.get(edge.index());
        out.uint(a.index() as u64);
        out.uint(b.index() as u64);
        out.bytes(&id.raw().to_le_bytes());
        out.id_in(subject, &entity_ids);
        out.id_in(predicate, &predicate_ids);
        out.id_in(object, &entity_ids);
        out.date(date);
        out.uint(evidence.len() as u64);
        for ev in evidence {
            let Evidence {
                source,
                quote,
                note,
                line,
                statement,
                anchor,
            } = ev;
            out.id_in(source, &source_ids);
            out.text(quote);
            out.opt_text(note.as_deref());
            out.uint(*line);
            out.opt_text(statement.as_ref().map(Id::as_str));
            out.anchor(anchor.as_deref());
        }
        out.maybe_flush()?;
    }
    let Problems(list) = warnings;
    out.uint(list.len() as u64);
    for problem in list {
        let Problem {
            severity,
            file,
            line,
            message,
            hint,
            omitted,
        } = problem;
        out.flag(*severity == Severity::Warning);
        out.text(file);
        match line {
            None => out.uint(0),
            Some(n) => out.uint(n.saturating_add(1)),
        }
        out.text(message);
        out.opt_text(hint.as_deref());
        out.uint(*omitted);
        out.maybe_flush()?;
    }
    out.uint(views.len() as u64);
    for view in views {
        let NamedView {
            name,
            title,
            description,
            layout,
            focus,
            reach,
            kinds,
            exclude_kinds,
            predicates,
            exclude_predicates,
            dated_only,
            keep_undated,
            source_words,
            frames,
        } = view;
        out.text(name);
        out.text(title);
        out.text(description);
        match layout {
            ViewLayout::Dot(dir) => {
                out.buf.push(0);
                out.buf.push(rank_dir_code(*dir));
            }
            ViewLayout::Timeline { proportional } => {
                out.buf.push(1);
                out.flag(*proportional);
            }
        }
        out.id_in(focus, &entity_ids);
        out.flag(*reach == Reach::Connected);
        out.kinds(kinds);
        out.kinds(exclude_kinds);
        for list in [predicates, exclude_predicates, keep_undated] {
            out.uint(list.len() as u64);
            for id in list {
                out.id_in(id, &predicate_ids);
            }
        }
        out.flag(*dated_only);
        out.texts(source_words);
        out.flag(*frames);
        out.maybe_flush()?;
    }
    let (offsets, entries) = csr.parts();
    for offset in offsets {
        out.bytes(&offset.to_le_bytes());
        out.maybe_flush()?;
    }
    for entry in entries {
        out.bytes(&entry.to.to_le_bytes());
        out.bytes(&entry.edge.to_le_bytes());
        out.buf.push(entry.flag_bits());
        out.maybe_flush()?;
    }
    Ok(())
}

/// A rank direction as one byte of the image.
fn rank_dir_code(dir: RankDir) -> u8 {
    RANK_DIRS
        .iter()
        .position(|d| *d == dir)
        .expect("every rank direction is listed") as u8
}

/// Every rank direction, in the order of their codes.
const RANK_DIRS: [RankDir; 4] = [
    RankDir::TopBottom,
    RankDir::LeftRight,
    RankDir::BottomTop,
    RankDir::RightLeft,
];

/// The reading end: every read checks the bytes are there.
struct In<'a> {
    bytes: &'a [u8],
}

type R<T> = Result<T, ImageError>;

const SHORT: ImageError = ImageError::Invalid("the image ends early");

impl<'a> In<'a> {
    fn take(&mut self, n: usize) -> R<&'a [u8]> {
        if n > self.bytes.len() {
            return Err(SHORT);
        }
        let (head, rest) = self.bytes.split_at(n);
        self.bytes = rest;
        Ok(head)
    }

    fn byte(&mut self) -> R<u8> {
        Ok(self.take(1)?[0])
    }

    fn uint(&mut self) -> R<u64> {
        let mut n: u64 = 0;
        for shift in (0..64).step_by(7) {
            let byte = self.byte()?;
            n |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return Ok(n);
            }
        }
        Err(ImageError::Invalid("a number too long"))
    }

    /// A count of items each at least `min` bytes long, checked against what is left, so that a
    /// bad count cannot make a huge allocation.
    fn count(&mut self, min: usize) -> R<usize> {
        let n = self.uint()?;
        if n > (self.bytes.len() / min.max(1)) as u64 {
            return Err(SHORT);
        }
        Ok(n as usize)
    }

    fn flag(&mut self) -> R<bool> {
        match self.byte()? {
            0 => Ok(false),
            1 => Ok(true),
            _ => Err(ImageError::Invalid("a flag not 0 or 1")),
        }
    }

    fn str_of(&mut self, len: usize) -> R<&'a str> {
        std::str::from_utf8(self.take(len)?).map_err(|_| ImageError::Invalid("text not UTF-8"))
    }

    fn text(&mut self) -> R<String> {
        let len = self.count(1)?;
        Ok(self.str_of(len)?.to_owned())
    }

    /// A claim's anchor, from its two cells.
    fn anchor(&mut self) -> R<Option<Box<QuoteAnchor>>> {
        let fragment = self.opt_text()?;
        let selector = self.opt_text()?;
        if fragment.is_none() && selector.is_none() {
            return Ok(None);
        }
        let anchor = QuoteAnchor::from_cells(fragment.as_deref().unwrap_or(""), selector.as_deref().unwrap_or(""))
            .map_err(|_| ImageError::Invalid("a claim's fragment or selector"))?;
        Ok(anchor.map(Box::new))
    }

    fn opt_text(&mut self) -> R<Option<String>> {
        match self.uint()? {
            0 => Ok(None),
            n => {
                let len = usize::try_from(n - 1).map_err(|_| SHORT)?;
                Ok(Some(self.str_of(len)?.to_owned()))
            }
        }
    }

    fn texts(&mut self) -> R<Vec<String>> {
        let n = self.count(1)?;
        (0..n).map(|_| self.text()).collect()
    }

    fn kind(&mut self) -> R<EntityKind> {
        EntityKind::ALL
            .get(usize::from(self.byte()?))
            .copied()
            .ok_or(ImageError::Invalid("an unknown entity kind"))
    }

    fn kinds(&mut self) -> R<Vec<EntityKind>> {
        let n = self.count(1)?;
        (0..n).map(|_| self.kind()).collect()
    }

    fn id(&mut self) -> R<Id> {
        let len = self.count(1)?;
        Id::new(self.str_of(len)?).map_err(|_| ImageError::Invalid("a malformed id"))
    }

    fn opt_id(&mut self) -> R<Option<Id>> {
        match self.opt_text()? {
            None => Ok(None),
            Some(text) => Id::new(&text)
                .map(Some)
                .map_err(|_| ImageError::Invalid("a malformed id")),
        }
    }

    fn id_in(&mut self, table: &[Id]) -> R<Id> {
        match self.uint()? {
            0 => self.id(),
            n => table
                .get(usize::try_from(n - 1).unwrap_or(usize::MAX))
                .cloned()
                .ok_or(ImageError::Invalid("an id out of its table")),
        }
    }

    /// An id written by `Out::id_in` that must be one of `table`'s: by its place (in the table
    /// by construction, no comparison of texts), else by its text, looked up.
    fn id_of(&mut self, table: &[Id], missing: &'static str) -> R<Id> {
        match self.uint()? {
            0 => {
                let id = self.id()?;
                table
                    .binary_search(&id)
                    .map(|i| table[i].clone())
                    .map_err(|_| ImageError::Invalid(missing))
            }
            n => table
                .get(usize::try_from(n - 1).unwrap_or(usize::MAX))
                .cloned()
                .ok_or(ImageError::Invalid("an id out of its table")),
        }
    }

    fn date_point(&mut self) -> R<DatePoint> {
        let b = self.take(5)?;
        let flags = b[4];
        if flags > 3 {
            return Err(ImageError::Invalid("bad date qualifiers"));
        }
        DatePoint::from_parts(
            u16::from_le_bytes([b[0], b[1]]),
            b[2],
            b[3],
            flags & 1 != 0,
            flags & 2 != 0,
        )
        .ok_or(ImageError::Invalid("an impossible date"))
    }

    fn bound(&mut self) -> R<Bound> {
        match self.byte()? {
            0 => Ok(Bound::Date(self.date_point()?)),
            1 => Ok(Bound::Open),
            2 => Ok(Bound::Unknown),
            _ => Err(ImageError::Invalid("an unknown bound")),
        }
    }

    fn date(&mut self) -> R<Option<Edtf>> {
        match self.byte()? {
            0 => Ok(None),
            1 => Ok(Some(Edtf::Single(self.date_point()?))),
            2 => {
                let (start, end) = (self.bound()?, self.bound()?);
                if start.date().is_none() && end.date().is_none() {
                    return Err(ImageError::Invalid("an interval without a date"));
                }
                Ok(Some(Edtf::Interval { start, end }))
            }
            _ => Err(ImageError::Invalid("an unknown date form")),
        }
    }
}

/// How many edges' objects are read together before they are linked (see `decode_graph`).
const AHEAD: usize = 32;

/// The ids relations point to by their place: the sorted tables of the graph.
struct Tables {
    entities: Vec<Id>,
    predicates: Vec<Id>,
    sources: Vec<Id>,
}

impl<'a> In<'a> {
    /// Checks an id written by `Out::id_in` as `In::id_in` reads it, without making it.
    fn check_id_in(&mut self, table: &[Id]) -> R<()> {
        match self.uint()? {
            0 => {
                let len = self.count(1)?;
                Id::new(self.str_of(len)?).map_err(|_| ImageError::Invalid("a malformed id"))?;
            }
            n if n > table.len() as u64 => return Err(ImageError::Invalid("an id out of its table")),
            _ => {}
        }
        Ok(())
    }

    /// Checks a text as `In::text` reads it.
    fn check_text(&mut self) -> R<()> {
        let len = self.count(1)?;
        self.str_of(len).map(drop)
    }

    /// Checks an optional text as `In::opt_text` reads it, and returns it.
    fn check_opt_text(&mut self) -> R<Option<&'a str>> {
        match self.uint()? {
            0 => Ok(None),
            n => {
                let len = usize::try_from(n - 1).map_err(|_| SHORT)?;
                self.str_of(len).map(Some)
            }
        }
    }

    /// Checks a claim's anchor as `In::anchor` reads it (parsed only when there is one).
    fn check_anchor(&mut self) -> R<()> {
        let fragment = self.check_opt_text()?;
        let selector = self.check_opt_text()?;
        if fragment.is_some() || selector.is_some() {
            QuoteAnchor::from_cells(fragment.unwrap_or(""), selector.unwrap_or(""))
                .map_err(|_| ImageError::Invalid("a claim's fragment or selector"))?;
        }
        Ok(())
    }

    /// Checks one relation as `In::relation` reads it, without making it (no allocation): its
    /// ends' node indices and its number of claims. Whatever passes here, `In::relation` decodes.
    fn check_relation(&mut self, tables: &Tables) -> R<(u32, u32, usize)> {
        let a = self.uint()?;
        let b = self.uint()?;
        if a >= tables.entities.len() as u64 || b >= tables.entities.len() as u64 {
            return Err(ImageError::Invalid("a relation's end out of range"));
        }
        self.take(8)?;
        self.check_id_in(&tables.entities)?;
        self.id_of(&tables.predicates, "a relation's predicate is not in the table")?;
        self.check_id_in(&tables.entities)?;
        self.date()?;
        let k = self.count(3)?;
        for _ in 0..k {
            self.check_id_in(&tables.sources)?;
            self.check_text()?;
            self.check_opt_text()?;
            self.uint()?;
            if let Some(text) = self.check_opt_text()? {
                Id::new(text).map_err(|_| ImageError::Invalid("a malformed id"))?;
            }
            self.check_anchor()?;
        }
        // The entity count fits in a u32 (the adjacency's node numbers).
        Ok((a as u32, b as u32, k))
    }

    /// One relation, as `Out` wrote it (its ends, which the graph's edge holds, skipped).
    fn relation(&mut self, tables: &Tables) -> R<Relation> {
        self.uint()?;
        self.uint()?;
        let id = RelationId::from_raw(u64::from_le_bytes(self.take(8)?.try_into().expect("8 bytes")));
        let subject = self.id_in(&tables.entities)?;
        // Every relation's predicate is looked up by the queries and exporters.
        let predicate = self.id_of(&tables.predicates, "a relation's predicate is not in the table")?;
        let object = self.id_in(&tables.entities)?;
        let date = self.date()?;
        let k = self.count(3)?;
        let mut evidence = Vec::with_capacity(k);
        for _ in 0..k {
            evidence.push(Evidence {
                source: self.id_in(&tables.sources)?,
                quote: self.text()?,
                note: self.opt_text()?,
                line: self.uint()?,
                statement: self.opt_id()?,
                anchor: self.anchor()?,
            });
        }
        Ok(Relation {
            id,
            subject,
            predicate,
            object,
            date,
            evidence,
        })
    }
}

impl In<'_> {
    /// Past an id written by `Out::id_in`.
    fn skip_id_in(&mut self) -> R<()> {
        if self.uint()? == 0 {
            let len = self.count(1)?;
            self.take(len)?;
        }
        Ok(())
    }

    /// Past an optional text.
    fn skip_opt_text(&mut self) -> R<()> {
        if let n @ 1.. = self.uint()? {
            self.take(usize::try_from(n - 1).map_err(|_| SHORT)?)?;
        }
        Ok(())
    }

    /// Past one relation, without making or checking it: its object's node index.
    fn skip_relation(&mut self) -> R<usize> {
        self.uint()?;
        let b = self.uint()?;
        self.take(8)?;
        for _ in 0..3 {
            self.skip_id_in()?;
        }
        self.date()?;
        for _ in 0..self.count(5)? {
            self.skip_id_in()?;
            let len = self.count(1)?;
            self.take(len)?;
            self.skip_opt_text()?;
            self.uint()?;
            self.skip_opt_text()?;
            self.skip_opt_text()?;
            self.skip_opt_text()?;
        }
        usize::try_from(b).map_err(|_| SHORT)
    }
}

/// The relations of an opened image, decoded a block at a time (`model::relation_table`).
struct ImageRelations {
    bytes: Arc<dyn AsRef<[u8]> + Send + Sync>,
    /// Where in `bytes` every block's first relation starts.
    starts: Vec<usize>,
    len: usize,
    tables: Arc<Tables>,
}

impl RelationBlocks for ImageRelations {
    fn block(&self, block: usize) -> Vec<Relation> {
        let bytes: &[u8] = (*self.bytes).as_ref();
        let mut input = In {
            bytes: &bytes[self.starts[block]..],
        };
        let n = BLOCK.min(self.len - block * BLOCK);
        // The objects' ids are scattered over the entity table, and cloning them one by one (an
        // atomic increment each) would wait on one memory read at a time: a second reader skims
        // the block for its objects first, whose ids are then read together.
        let mut ahead = In { bytes: input.bytes };
        let counts = (0..n)
            .filter_map(|_| ahead.skip_relation().ok())
            .filter_map(|b| self.tables.entities.get(b))
            .fold(0usize, |sum, id| sum.wrapping_add(id.warm()));
        std::hint::black_box(counts);
        (0..n)
            .map(|_| {
                input
                    .relation(&self.tables)
                    .expect("every relation was checked when the image was opened")
            })
            .collect()
    }
}

fn sorted_unique(ids: &[Id]) -> bool {
    ids.windows(2).all(|w| w[0] < w[1])
}

/// The graph of the image body `input`, which starts at `body_at` in `bytes`.
fn decode_graph(input: &mut In<'_>, bytes: Arc<dyn AsRef<[u8]> + Send + Sync>, body_at: usize) -> R<Graph> {
    let body_len = input.bytes.len();
    let n = input.count(4)?;
    let mut sources = Vec::with_capacity(n);
    for _ in 0..n {
        sources.push(Source {
            id: input.id()?,
            title: input.text()?,
            publisher: input.text()?,
            url: input.opt_text()?,
            published: input.date()?,
        });
    }
    let n = input.count(8)?;
    let mut predicates = Vec::with_capacity(n);
    for _ in 0..n {
        predicates.push(Predicate {
            id: input.id()?,
            label: input.text()?,
            inverse_label: input.text()?,
            description: input.text()?,
            symmetric: input.flag()?,
            domain: input.kinds()?,
            range: input.kinds()?,
            temporal: if input.flag()? {
                Temporal::State
            } else {
                Temporal::Event
            },
            same_as: input.texts()?,
            negates: input.opt_id()?,
        });
    }
    let n = input.count(6)?;
    let mut entities = Vec::with_capacity(n);
    for _ in 0..n {
        entities.push(Entity {
            id: input.id()?,
            kind: input.kind()?,
            label: input.text()?,
            aliases: input.texts()?,
            description: input.text()?,
            same_as: input.texts()?,
            date: if input.flag()? {
                let date = input
                    .date()?
                    .ok_or(ImageError::Invalid("an entity date without a date"))?;
                Some(EntityDate {
                    date,
                    evidence: Evidence {
                        source: input.id()?,
                        quote: input.text()?,
                        note: input.opt_text()?,
                        line: input.uint()?,
                        statement: input.opt_id()?,
                        anchor: input.anchor()?,
                    },
                })
            } else {
                None
            },
            iso_3166: match input.opt_text()? {
                None => None,
                Some(codes) => Some(codes.parse().map_err(|_| ImageError::Invalid("ISO 3166 codes"))?),
            },
        });
    }
    let source_ids: Vec<Id> = sources.iter().map(|s| s.id.clone()).collect();
    let predicate_ids: Vec<Id> = predicates.iter().map(|p| p.id.clone()).collect();
    let entity_ids: Vec<Id> = entities.iter().map(|e| e.id.clone()).collect();
    // The graph's tables are sorted by id and the indexes rely on it: an image must say so.
    if !(sorted_unique(&source_ids) && sorted_unique(&predicate_ids) && sorted_unique(&entity_ids)) {
        return Err(ImageError::Invalid("tables not in id order"));
    }
    // An entity date's source is looked up by the exporters.
    if entities
        .iter()
        .filter_map(|e| e.date.as_ref())
        .any(|d| source_ids.binary_search(&d.evidence.source).is_err())
    {
        return Err(ImageError::Invalid("an entity date's source is not in the table"));
    }
    let relations = input.count(16)?;
    let mut graph = Graph::with_entities(sources, predicates, entities, relations, Problems::default());
    // Every relation is checked here, without being made (nothing allocated), and only its ends
    // and claims kept: the relations are decoded from the image when asked for (`ImageRelations`),
    // a block of `BLOCK` from the start of the block, recorded here.
    let tables = Arc::new(Tables {
        entities: entity_ids,
        predicates: predicate_ids,
        sources: source_ids,
    });
    let mut starts = Vec::with_capacity(relations.div_ceil(BLOCK));
    let mut ends: Vec<(u32, u32)> = Vec::with_capacity(relations);
    let mut claims = 0usize;
    for i in 0..relations {
        if i % BLOCK == 0 {
            starts.push(body_at + (body_len - input.bytes.len()));
        }
        let (a, b, k) = input.check_relation(&tables)?;
        ends.push((a, b));
        claims += k;
    }
    // Linking an edge into its object's list of incoming edges reads that node: the nodes are
    // scattered, so the reads are made `AHEAD` at a time and wait on memory together.
    for (i, &(a, b)) in ends.iter().enumerate() {
        if i % AHEAD == 0 {
            let links = ends[i..ends.len().min(i + AHEAD)]
                .iter()
                .filter_map(|&(_, b)| graph.first_incoming(b as usize))
                .fold(0usize, |sum, e| sum.wrapping_add(e));
            std::hint::black_box(links);
        }
        graph.add_encoded_relation(a as usize, b as usize);
    }
    drop(ends);
    graph.set_encoded_relations(
        Arc::new(ImageRelations {
            bytes,
            starts,
            len: relations,
            tables: Arc::clone(&tables),
        }),
        claims,
    );
    let n = input.count(4)?;
    let mut warnings = Vec::with_capacity(n);
    for _ in 0..n {
        warnings.push(Problem {
            severity: if input.flag()? {
                Severity::Warning
            } else {
                Severity::Error
            },
            file: input.text()?,
            line: match input.uint()? {
                0 => None,
                n => Some(n - 1),
            },
            message: input.text()?,
            hint: input.opt_text()?,
            omitted: input.uint()?,
        });
    }
    let n = input.count(8)?;
    let mut views = Vec::with_capacity(n);
    for _ in 0..n {
        let name = input.text()?;
        let title = input.text()?;
        let description = input.text()?;
        let layout = match input.byte()? {
            0 => {
                let code = input.byte()?;
                ViewLayout::Dot(
                    *RANK_DIRS
                        .get(code as usize)
                        .ok_or(ImageError::Invalid("a view's rank direction"))?,
                )
            }
            1 => ViewLayout::Timeline {
                proportional: input.flag()?,
            },
            _ => return Err(ImageError::Invalid("a view's layout")),
        };
        let focus = input.id_in(&tables.entities)?;
        let reach = if input.flag()? { Reach::Connected } else { Reach::Focus };
        let kinds = input.kinds()?;
        let exclude_kinds = input.kinds()?;
        let mut lists: [Vec<Id>; 3] = Default::default();
        for list in &mut lists {
            let k = input.count(1)?;
            for _ in 0..k {
                list.push(input.id_in(&tables.predicates)?);
            }
        }
        let [predicates_kept, exclude_predicates, keep_undated] = lists;
        views.push(NamedView {
            name,
            title,
            description,
            layout,
            focus,
            reach,
            kinds,
            exclude_kinds,
            predicates: predicates_kept,
            exclude_predicates,
            dated_only: input.flag()?,
            keep_undated,
            source_words: input.texts()?,
            frames: input.flag()?,
        });
    }
    graph.set_warnings(Problems(warnings));
    graph.set_views(views);
    let nodes = graph.entity_count();
    let offsets: Vec<u32> = input
        .take(nodes.checked_add(1).and_then(|n| n.checked_mul(4)).ok_or(SHORT)?)?
        .chunks_exact(4)
        .map(|b| u32::from_le_bytes(b.try_into().expect("4 bytes")))
        .collect();
    // Sized once (collecting into an `Option` would grow the vector by doubling).
    let raw = input.take(relations.checked_mul(2 * 9).ok_or(SHORT)?)?;
    let mut entries: Vec<Entry> = Vec::with_capacity(relations * 2);
    for b in raw.chunks_exact(9) {
        entries.push(
            Entry::from_raw(
                u32::from_le_bytes(b[..4].try_into().expect("4 bytes")),
                u32::from_le_bytes(b[4..8].try_into().expect("4 bytes")),
                b[8],
            )
            .ok_or(ImageError::Invalid("an adjacency entry's flags"))?,
        );
    }
    let csr = Csr::from_parts(offsets, entries, nodes, relations)
        .ok_or(ImageError::Invalid("an adjacency that does not fit the graph"))?;
    graph.set_csr(csr);
    Ok(graph)
}
