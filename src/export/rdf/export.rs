//! Writing a graph as RDF.

use std::io::{BufWriter, Write};

use oxrdf::Quad;
use oxttl::{NQuadsSerializer, NTriplesSerializer, TurtleSerializer};
use rustc_hash::FxHashMap;

use super::annotated::Layout;
use super::base::BaseIri;
use super::block::Block;
use super::chunks;
use super::claimed::{claimed, claimed_statements};
use super::entity::entity;
use super::error::RdfError;
use super::iris::{self, Iris};
use super::namespaces::EXTERNAL_PREFIXES;
use super::render::Prefixes;
use super::rows::Rows;
use super::source::source;
use super::statement::statement;
use super::syntax::RdfSyntax;
use super::version::RdfVersion;
use super::vocabulary::vocabulary;
use super::writer::RdfWriter;
use crate::model::graph::Graph;
use crate::model::minted::{predicate_clashes, source_clashes};
use crate::model::relation::RelationId;
use crate::verify::SourceTexts;

/// The most threads [`RdfExport::write`] formats on.
const MAX_THREADS: usize = 4;

/// A graph ready to be written as RDF under a base IRI.
///
/// The output is, in this order: the vocabulary, the sources, the entities (each with its direct
/// triples), and the statements (each with its evidence). Each part is sorted on its own, so the
/// same graph always gives byte-identical output, whatever the order of the CSV rows; no blank
/// nodes are used, so two exports can be compared as sets of triples.
///
/// ```
/// use diplograph::{Graph, export::rdf::{BaseIri, RdfExport, RdfSyntax}};
/// let graph = Graph::embedded()?;
/// let rdf = RdfExport::new(&graph, &BaseIri::default())?;
/// let turtle = rdf.write(RdfSyntax::Turtle, Vec::new())?;
/// let text = String::from_utf8(turtle)?;
/// assert!(text.contains("@prefix dg: <https://diplograph.example/vocab/> ."));
/// assert!(text.contains("entity:belarus a dg:State"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
pub struct RdfExport<'g> {
    graph: &'g Graph,
    iris: Iris,
    texts: Option<&'g SourceTexts>,
    version: RdfVersion,
}

impl<'g> RdfExport<'g> {
    /// Prepares the export of `graph` under `base`, checking that no two things would share an
    /// IRI: two ids that the loader refuses as such (a predicate named like another's minted
    /// inverse, a source named like another's annotation IRIs; see `model::minted`), or two
    /// relations whose ids collide.
    pub fn new(graph: &'g Graph, base: &BaseIri) -> Result<RdfExport<'g>, RdfError> {
        let iris = Iris::new(base);
        let predicates: Vec<(&str, bool)> = graph
            .predicates()
            .iter()
            .map(|p| (p.id.as_str(), p.symmetric))
            .collect();
        let sources: Vec<&str> = graph.sources().iter().map(|s| s.id.as_str()).collect();
        let clashes = predicate_clashes(&predicates)
            .into_iter()
            .chain(source_clashes(&sources));
        if let Some((clash, iri)) = clashes.filter_map(|c| c.iri.clone().map(|iri| (c, iri))).next() {
            return Err(RdfError::Clash {
                iri: format!("{}{iri}", iris.base()),
                what: format!("'{}' and '{}' ({})", clash.first, clash.second, clash.what),
            });
        }
        // Every relation is read below and by the writer: decoded from an image on every core
        // at once, not a block at a time on this thread.
        graph.decode_relations(std::thread::available_parallelism().map_or(1, |n| n.get().min(MAX_THREADS)));
        // Relation ids are hashes already: a plain multiplicative hash spreads them.
        let mut seen: FxHashMap<RelationId, (&crate::model::id::Id, &crate::model::id::Id, &crate::model::id::Id)> =
            FxHashMap::with_capacity_and_hasher(graph.relation_count(), Default::default());
        for r in graph.relations() {
            if let Some((s, p, o)) = seen.insert(r.id, (&r.subject, &r.predicate, &r.object)) {
                return Err(RdfError::Clash {
                    iri: iris.relation(r.id)?.into_string(),
                    what: format!(
                        "the statements of '{s} {p} {o}' and '{} {} {}'",
                        r.subject, r.predicate, r.object
                    ),
                });
            }
        }
        Ok(RdfExport {
            graph,
            iris,
            texts: None,
            version: RdfVersion::default(),
        })
    }

    /// Anchors each piece of evidence's Web Annotation in the source texts: its text quote
    /// selectors get the `oa:prefix` and `oa:suffix` that make the quote unique in its source.
    /// Without texts (or for a source `texts` lacks), a selector is the one the claim records
    /// (`relations.csv`'s `selector`, written from the text by `diplograph fmt --sources`); a
    /// claim that records none has `oa:exact` only and says so with `dg:exactOnly true`.
    ///
    /// ```
    /// use diplograph::{Graph, export::rdf::{BaseIri, RdfExport, RdfSyntax}, verify::SourceTexts};
    /// let graph = Graph::embedded()?;
    /// let dir = tempfile::tempdir()?;
    /// let texts = SourceTexts::open(dir.path())?; // no texts: the recorded selectors are used
    /// let rdf = RdfExport::new(&graph, &BaseIri::default())?.with_source_texts(&texts);
    /// let text = String::from_utf8(rdf.write(RdfSyntax::Turtle, Vec::new())?)?;
    /// assert!(text.contains("a oa:TextQuoteSelector ;"));
    /// assert!(text.contains("oa:prefix "));
    /// assert!(!text.contains("dg:exactOnly true")); // the shipped graph records every selector
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_source_texts(mut self, texts: &'g SourceTexts) -> RdfExport<'g> {
        self.texts = Some(texts);
        self
    }

    /// Writes each relation's statement as `version` says: RDF 1.1 reification (the default)
    /// or, with [`RdfVersion::Rdf12`], a reifier of an RDF 1.2 triple term
    /// (`relation:r-… rdf:reifies <<( s p o )>>`), which only RDF 1.2 parsers read. The rest of
    /// the export is the same.
    ///
    /// In RDF 1.2, Turtle writes each statement with the annotation syntax, where the relation's
    /// triple is asserted: `s p o ~ relation:r-… {| dg:edtfDate "…" ; … |}` (the same triples,
    /// `rdf:reifies` implied by `~`), and announces itself with `@version "1.2" .`. N-Triples
    /// and N-Quads, which have no such syntax, write the `rdf:reifies` triple.
    ///
    /// ```
    /// use diplograph::{Graph, export::rdf::{BaseIri, RdfExport, RdfSyntax, RdfVersion}};
    /// let graph = Graph::embedded()?;
    /// let rdf = RdfExport::new(&graph, &BaseIri::default())?.version(RdfVersion::Rdf12);
    /// let text = String::from_utf8(rdf.write(RdfSyntax::Turtle, Vec::new())?)?;
    /// assert!(text.starts_with("@version \"1.2\" ."));
    /// // Belarus in the Partnership for Peace: two statements (one dated 1995) of one triple.
    /// assert!(text.contains("entity:partnership-for-peace ~ relation:r-0ad3ce24daec5c39 {|"));
    /// assert!(text.contains("|} ~ relation:r-5a7be6705b233551 {|\n\t\tdg:earliestDay"));
    /// assert!(!text.contains("a rdf:Statement"));
    /// let nt = String::from_utf8(rdf.write(RdfSyntax::NTriples, Vec::new())?)?;
    /// assert!(nt.contains("<http://www.w3.org/1999/02/22-rdf-syntax-ns#reifies> <<( "));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn version(mut self, version: RdfVersion) -> RdfExport<'g> {
        self.version = version;
        self
    }

    /// The Turtle prefixes: the external vocabularies, `dg` for the vocabulary, and `entity`,
    /// `relation`, `evidence`, `source` for the resources, as `(name, namespace IRI)`.
    pub fn prefixes(&self) -> Vec<(String, String)> {
        let mut p: Vec<(String, String)> = EXTERNAL_PREFIXES
            .iter()
            .map(|(n, ns)| ((*n).to_owned(), (*ns).to_owned()))
            .collect();
        for (name, ns) in [
            ("dg", iris::VOCAB),
            ("entity", iris::ENTITY),
            ("relation", iris::RELATION),
            ("evidence", iris::EVIDENCE),
            ("source", iris::SOURCE),
            ("statement", iris::CLAIMED),
        ] {
            p.push((name.to_owned(), self.iris.namespace(ns)));
        }
        p.sort();
        p
    }

    /// The parts of the export as `oxrdf` quads, in output order, each built only when it is
    /// reached.
    fn blocks(&self) -> impl Iterator<Item = Result<Block<'_>, RdfError>> + '_ {
        let g = self.graph;
        let iris = &self.iris;
        let block = move |f: &dyn Fn(&mut Block<'_>) -> Result<(), RdfError>| {
            let mut b = Block::new(iris);
            f(&mut b).map(|()| b)
        };
        std::iter::once_with(move || block(&|b| vocabulary(b, g.predicates(), self.version)))
            .chain(g.sources().iter().map(move |s| block(&|b| source(b, s))))
            .chain(
                claimed_statements(g)
                    .into_iter()
                    .map(move |(k, claims, disputed)| block(&|b| claimed(b, g, k, &claims, disputed))),
            )
            .chain(g.node_ids().map(move |n| block(&|b| entity(b, g, n))))
            .chain(
                g.relations()
                    .map(move |r| block(&|b| statement(b, g, r, self.texts, self.version))),
            )
    }

    /// Every quad of the export, in output order: statements and evidence in a named graph per
    /// source, everything else in the default graph. Nothing is built before it is needed.
    pub fn quads(&self) -> impl Iterator<Item = Result<Quad, RdfError>> + '_ {
        self.blocks().flat_map(|b| match b {
            Ok(b) => b.into_quads().into_iter().map(Ok).collect::<Vec<_>>(),
            Err(e) => vec![Err(e)],
        })
    }

    /// Writes the export in `syntax` to `writer` (buffered here) and hands the writer back.
    ///
    /// The output streams: one part of the export (a resource and its triples) is held at a
    /// time. It is byte for byte what `oxttl`'s serializers write for [`RdfExport::quads`],
    /// only faster: each term is rendered straight to bytes, once — except Turtle in RDF 1.2,
    /// whose annotation syntax `oxttl` cannot write: that holds the same triples.
    pub fn write<W: Write>(&self, syntax: RdfSyntax, writer: W) -> Result<W, RdfError> {
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(MAX_THREADS));
        self.write_on(syntax, writer, threads, chunks::PARTS)
    }

    /// [`RdfExport::write`] with the entities and statements formatted on `threads` threads
    /// (none but the caller's if fewer than two), in chunks of `parts` entities or statements.
    /// For the tests, which cut small graphs into many chunks.
    #[doc(hidden)]
    pub fn write_on<W: Write>(
        &self,
        syntax: RdfSyntax,
        writer: W,
        threads: usize,
        parts: usize,
    ) -> Result<W, RdfError> {
        let g = self.graph;
        let prefixes = self.turtle_prefixes()?;
        let base = self.iris.base();
        let layout = Layout::of(syntax, self.version);
        let mut rows = Rows::new(base, (syntax == RdfSyntax::Turtle).then_some(&prefixes));
        let mut out = RdfWriter::new(syntax, layout, &prefixes, writer);
        // The vocabulary and the sources: few parts, written here.
        vocabulary(&mut rows, g.predicates(), self.version)?;
        out.part(&mut rows)?;
        for s in g.sources() {
            rows.clear();
            source(&mut rows, s)?;
            out.part(&mut rows)?;
        }
        for (key, claims, disputed) in claimed_statements(g) {
            rows.clear();
            claimed(&mut rows, g, key, &claims, disputed)?;
            out.part(&mut rows)?;
        }
        let jobs = chunks::jobs(g, parts, layout);
        if threads < 2 || jobs.len() < 2 {
            for job in &jobs {
                chunks::run(job, g, self.texts, self.version, layout, &mut rows, |r| out.part(r))?;
            }
        } else {
            chunks::write_parallel(
                g,
                self.texts,
                self.version,
                layout,
                &jobs,
                threads,
                syntax,
                base,
                &prefixes,
                &mut rows,
                &mut out,
            )?;
        }
        out.finish()
    }

    /// The Turtle prefixes in the order `oxttl` declares and tries them, each checked as
    /// `oxttl` checks it.
    fn turtle_prefixes(&self) -> Result<Prefixes, RdfError> {
        let by_name = self.prefixes();
        for (_, ns) in &by_name {
            oxrdf::NamedNode::new(ns.as_str()).map_err(|e| RdfError::BadIri {
                iri: ns.clone(),
                reason: e.to_string(),
            })?;
        }
        Ok(Prefixes::new(by_name))
    }

    /// Writes the export with `oxttl`'s serializers over [`RdfExport::quads`]: the reference
    /// that [`RdfExport::write`] must match byte for byte (in RDF 1.2 Turtle, triple for
    /// triple: this writes the explicit `rdf:reifies` form, no annotations). Slower; kept for
    /// the tests.
    #[doc(hidden)]
    pub fn write_with_oxttl<W: Write>(&self, syntax: RdfSyntax, writer: W) -> Result<W, RdfError> {
        let buffered = BufWriter::with_capacity(1 << 16, writer);
        let buffered = match syntax {
            RdfSyntax::Turtle => {
                let mut serializer = TurtleSerializer::new();
                for (name, ns) in self.prefixes() {
                    serializer = serializer
                        .with_prefix(name, ns.as_str())
                        .map_err(|e| RdfError::BadIri {
                            iri: ns.clone(),
                            reason: e.to_string(),
                        })?;
                }
                let mut out = serializer.for_writer(buffered);
                for block in self.blocks() {
                    for t in block?.into_triples() {
                        out.serialize_triple(&t)?;
                    }
                }
                out.finish()?
            }
            RdfSyntax::NTriples => {
                let mut out = NTriplesSerializer::new().for_writer(buffered);
                for block in self.blocks() {
                    for t in block?.into_triples() {
                        out.serialize_triple(&t)?;
                    }
                }
                out.finish()
            }
            RdfSyntax::NQuads => {
                let mut out = NQuadsSerializer::new().for_writer(buffered);
                for block in self.blocks() {
                    for q in block?.into_quads() {
                        out.serialize_quad(&q)?;
                    }
                }
                out.finish()
            }
        };
        buffered.into_inner().map_err(|e| RdfError::Io(e.into_error()))
    }
}

#[cfg(test)]
mod tests {
    use std::borrow::Cow;

    use super::*;
    use crate::load::dataset::{DataFile, Dataset};

    fn graph(predicates: &str, relations: &str) -> Graph {
        load(predicates, relations).unwrap()
    }

    fn load(predicates: &str, relations: &str) -> Result<Graph, crate::load::error::LoadError> {
        let file = |name: &str, text: &str| DataFile {
            name: name.to_owned(),
            bytes: Cow::Owned(text.as_bytes().to_vec()),
        };
        let dataset = Dataset {
            sources: file("sources.csv", "id,title,publisher,url,published\ns1,T,P,,2006~\n"),
            predicates: file(
                "predicates.csv",
                &format!("id,label,inverse_label,description,symmetric,domain,range,temporal,same_as\n{predicates}"),
            ),
            entities: file(
                "entities.csv",
                "id,kind,label,aliases,description,same_as\na,state,A,,First.,\nb,state,B,Bee|B2,Second.,\n",
            ),
            relations: file(
                "relations.csv",
                &format!("subject,predicate,object,date,source,quote,note\n{relations}"),
            ),
            views: None,
        };
        Graph::load(&dataset)
    }

    const LINKS: &str = "links,links,linked by,Links.,false,state,state,event,\n";

    #[test]
    fn a_predicate_named_like_a_minted_inverse_does_not_load() {
        // The loader refuses it (`model::minted`), so the export never meets it.
        let err = load(&format!("{LINKS}links-inverse,x,y,Z.,false,state,state,state,\n"), "").unwrap_err();
        let text = format!("{err:?}");
        assert!(
            text.contains("line: Some(3)") && text.contains("vocab/links-inverse"),
            "{text}"
        );
        // The inverse of a symmetric predicate is not minted, so the name is free.
        let g = graph(
            "links,links,links,Links.,true,state,state,event,\nlinks-inverse,x,y,Z.,false,state,state,state,\n",
            "",
        );
        assert!(RdfExport::new(&g, &BaseIri::default()).is_ok());
    }

    #[test]
    fn writes_dates_qualifiers_and_open_ends() {
        let g = graph(
            &format!("{LINKS}holds,holds,held by,Holds.,false,state,state,state,\n"),
            "a,links,b,2006-03~,s1,q1,\na,holds,b,1995?/..,s1,q2,n\na,holds,b,/2007-01,s1,q3,\n",
        );
        let out = RdfExport::new(&g, &BaseIri::default())
            .unwrap()
            .write(RdfSyntax::Turtle, Vec::new())
            .unwrap();
        let text = String::from_utf8(out).unwrap();
        for expected in [
            "dg:startDate \"2006-03\"^^xsd:gYearMonth",
            "dg:endDate \"2006-03\"^^xsd:gYearMonth",
            "dg:startApproximate true",
            "dg:endApproximate true",
            "dg:startUncertain true",
            "dg:endOpen true",
            "dg:latestDay \"2007-01-31\"^^xsd:date",
            "dg:edtfDate \"1995?/..\"",
            "dg:evidenceNote \"n\"",
            "skos:altLabel \"B2\" , \"Bee\"",
        ] {
            assert!(text.contains(expected), "missing {expected} in\n{text}");
        }
        // An approximate publication date is kept as EDTF only.
        assert!(text.contains("dg:edtfDate \"2006~\""));
        assert!(
            !text.contains("dcterms:date \"2006"),
            "an approximate date is not a dcterms:date"
        );
    }
}
