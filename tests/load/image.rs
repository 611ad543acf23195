//! Cached graph images (`load::image`, the CLI's `cache`): a round trip gives the same graph
//! (every export byte for byte, the whole graph's Debug dump), and an image that does not match
//! (another version, other limits, another graph, truncated, bit-flipped) is never used: the
//! answer is a fresh load's.

use std::path::Path;

use diplograph::export::csv::{write_edges, write_nodes, CsvFlavor, CsvOptions};
use diplograph::export::dot::DotWriter;
use diplograph::export::gexf::{write_gexf, GexfOptions};
use diplograph::export::graphml::{write_graphml, GraphmlOptions};
use diplograph::export::html::{write_html, HtmlOptions};
use diplograph::export::rdf::{BaseIri, RdfExport, RdfSyntax};
use diplograph::load::image::{read_image, write_image, ImageError, ImageKey};
use diplograph::{Dataset, Graph, Limits};
use proptest::prelude::*;

use crate::support::hostile::spec_and_layout;
use crate::support::{diplograph, fixture, proptest_config, root};

/// Every export of `graph`, by name (an exporter's refusal as its message).
fn exports(graph: &Graph) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    let mut add = |name: &str, bytes: Result<Vec<u8>, String>| {
        out.push((
            name.to_owned(),
            bytes.unwrap_or_else(|e| format!("error: {e}").into_bytes()),
        ));
    };
    match RdfExport::new(graph, &BaseIri::default()) {
        Ok(rdf) => {
            for syntax in [RdfSyntax::NTriples, RdfSyntax::Turtle, RdfSyntax::NQuads] {
                add(
                    &format!("{syntax:?}"),
                    rdf.write(syntax, Vec::new()).map_err(|e| e.to_string()),
                );
            }
        }
        Err(e) => add("rdf", Err(e.to_string())),
    }
    add(
        "dot",
        DotWriter::new().write(graph, Vec::new()).map_err(|e| e.to_string()),
    );
    for flavor in [CsvFlavor::Spreadsheet, CsvFlavor::Neo4j] {
        let options = CsvOptions::new().flavor(flavor);
        add(
            &format!("nodes {flavor:?}"),
            write_nodes(graph, &options, Vec::new()).map_err(|e| e.to_string()),
        );
        add(
            &format!("edges {flavor:?}"),
            write_edges(graph, &options, Vec::new()).map_err(|e| e.to_string()),
        );
    }
    add(
        "gexf",
        write_gexf(graph, &GexfOptions::new(), Vec::new()).map_err(|e| e.to_string()),
    );
    add(
        "graphml",
        write_graphml(graph, &GraphmlOptions::new(), Vec::new()).map_err(|e| e.to_string()),
    );
    add(
        "html",
        write_html(graph, &HtmlOptions::new(), Vec::new()).map_err(|e| e.to_string()),
    );
    out
}

/// The whole graph as Debug prints it (every field, indexes included), and its statistics.
fn dump(graph: &Graph) -> String {
    format!("{graph:#?}\n{:#?}\n{}", graph.stats(), graph.claim_count())
}

fn image_of(graph: &Graph, key: ImageKey) -> Vec<u8> {
    write_image(graph, key, Vec::new()).expect("write to memory")
}

/// Asserts that the image of `graph` reads back as the same graph: the dump and every export.
fn assert_round_trip(graph: &Graph, key: ImageKey) {
    let again = read_image(&image_of(graph, key), key).expect("an intact image reads");
    assert_eq!(dump(&again), dump(graph), "the Debug dump differs after a round trip");
    for ((name, a), (_, b)) in exports(&again).iter().zip(exports(graph).iter()) {
        assert!(a == b, "the {name} export differs after a round trip");
    }
}

fn shipped() -> (Dataset, Graph, ImageKey) {
    let dataset = Dataset::from_dir(&root().join("graph-data")).expect("the shipped graph-data reads");
    let graph = Graph::load(&dataset).expect("the shipped graph loads");
    let key = ImageKey::of(&dataset, &Limits::default());
    (dataset, graph, key)
}

#[test]
fn the_shipped_graph_round_trips_byte_for_byte() {
    let (_, graph, key) = shipped();
    assert_round_trip(&graph, key);
}

#[test]
fn warnings_round_trip() {
    let dataset = Dataset::from_dir(&fixture("warn-similar-labels")).unwrap();
    let graph = Graph::load(&dataset).unwrap();
    assert!(!graph.warnings().0.is_empty(), "the fixture has warnings");
    let key = ImageKey::of(&dataset, &Limits::default());
    let again = read_image(&image_of(&graph, key), key).unwrap();
    assert_eq!(again.warnings(), graph.warnings());
}

proptest! {
    #![proptest_config(proptest_config(crate::support::hostile::cases(24)))]

    /// Hostile graphs (every awkward byte the loader accepts) round-trip: same dump, same exports.
    #[test]
    fn hostile_graphs_round_trip((spec, layout) in spec_and_layout()) {
        let dataset = spec.dataset(&layout);
        let graph = spec.load(&layout);
        assert_round_trip(&graph, ImageKey::of(&dataset, &Limits::default()));
    }

    /// A flipped bit anywhere is detected: the image is not used.
    #[test]
    fn a_flipped_bit_is_detected(at in any::<prop::sample::Index>(), bit in 0u8..8) {
        let (graph, key) = small();
        let mut image = image_of(&graph, key);
        let i = at.index(image.len());
        image[i] ^= 1 << bit;
        prop_assert!(read_image(&image, key).is_err(), "a flip at byte {} bit {} is not detected", i, bit);
    }
}

/// A small graph (the `minimal` fixture) and its key, for tests that damage images everywhere.
fn small() -> (Graph, ImageKey) {
    let dataset = Dataset::from_dir(&fixture("minimal")).unwrap();
    let graph = Graph::load(&dataset).unwrap();
    (graph, ImageKey::of(&dataset, &Limits::default()))
}

#[test]
fn a_truncated_image_is_detected_at_every_length() {
    let (graph, key) = small();
    let image = image_of(&graph, key);
    for len in 0..image.len() {
        assert!(
            read_image(&image[..len], key).is_err(),
            "truncated to {len} bytes, it is used"
        );
    }
    // And with bytes added.
    let mut longer = image.clone();
    longer.push(0);
    assert!(read_image(&longer, key).is_err());
    // The shipped graph's image at the boundaries of each part: header, body, trailer.
    let (_, graph, key) = shipped();
    let image = image_of(&graph, key);
    let n = image.len();
    for len in [
        0,
        1,
        7,
        8,
        11,
        12,
        27,
        28,
        29,
        n / 2,
        n - 25,
        n - 24,
        n - 17,
        n - 16,
        n - 1,
    ] {
        assert!(
            read_image(&image[..len], key).is_err(),
            "truncated to {len} bytes, it is used"
        );
    }
}

/// Even with a checksum that matches (a faulty writer), a truncated body is an error, never a
/// panic or a huge allocation.
#[test]
fn a_resealed_truncated_body_is_an_error_not_a_panic() {
    let (graph, key) = small();
    let image = image_of(&graph, key);
    let body_end = image.len() - 24;
    for end in 28..body_end {
        let mut cut = image[..end].to_vec();
        cut.extend_from_slice(&((end - 28) as u64).to_le_bytes());
        let sum = xxhash_rust::xxh3::xxh3_128(&cut).to_le_bytes();
        cut.extend_from_slice(&sum);
        assert!(
            matches!(read_image(&cut, key), Err(ImageError::Invalid(_))),
            "a body cut at {end} decodes"
        );
    }
}

#[test]
fn an_image_of_another_version_limits_or_graph_is_stale() {
    let (dataset, graph, key) = shipped();
    let image = image_of(&graph, key);
    let other_version = ImageKey::with_version(&dataset, &Limits::default(), "0.0.0-other");
    let tighter = Limits {
        max_cell_bytes: 1 << 10,
        ..Limits::default()
    };
    let other_limits = ImageKey::of(&dataset, &tighter);
    let mut changed = dataset.clone();
    let mut relations = changed.relations.bytes.to_vec();
    *relations.last_mut().unwrap() ^= 0x20;
    changed.relations.bytes = relations.into();
    let other_graph = ImageKey::of(&changed, &Limits::default());
    let mut renamed = dataset.clone();
    renamed.entities.name = "elsewhere/entities.csv".to_owned();
    let other_folder = ImageKey::of(&renamed, &Limits::default());
    for (what, other) in [
        ("version", other_version),
        ("limits", other_limits),
        ("graph", other_graph),
        ("file names", other_folder),
    ] {
        assert_ne!(other, key, "another {what} gives the same key");
        assert_eq!(
            read_image(&image, other).err(),
            Some(ImageError::Stale),
            "another {what}"
        );
    }
    // The image of another graph, read for this one.
    let (small, small_key) = small();
    assert_eq!(
        read_image(&image_of(&small, small_key), key).err(),
        Some(ImageError::Stale)
    );
}

// The command line: where images live and when they are used.

/// A copy of `from` (a graph-data folder) in `to`.
fn copy_folder(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        if entry.path().is_file() {
            std::fs::copy(entry.path(), to.join(entry.file_name())).unwrap();
        }
    }
}

/// Runs diplograph on `data` with the cache folder `cache` (XDG_CACHE_HOME), returning status,
/// stdout and stderr.
fn run(data: &Path, cache: &Path, args: &[&str]) -> (i32, Vec<u8>, String) {
    let out = diplograph()
        .env("XDG_CACHE_HOME", cache)
        .arg("--data")
        .arg(data)
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        out.stdout,
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn images(cache: &Path) -> Vec<std::path::PathBuf> {
    match std::fs::read_dir(cache.join("diplograph")) {
        Ok(dir) => dir.flatten().map(|e| e.path()).filter(|p| p.is_file()).collect(),
        Err(_) => Vec::new(),
    }
}

/// Commands whose output must not depend on the image.
const COMMANDS: &[&[&str]] = &[
    &["check"],
    &["stats"],
    &["--json", "stats"],
    &["path", "belarus", "nato"],
    &["--json", "path", "belarus", "nato"],
    &["neighbors", "belarus"],
    &["timeline", "belarus"],
    &["conflicts"],
    &["export", "--format", "ntriples", "-o", "-"],
    &["export", "--format", "turtle", "-o", "-"],
    &["export", "--format", "nquads", "-o", "-"],
    &["export", "--format", "dot", "-o", "-"],
    &["export", "--format", "gexf", "-o", "-"],
    &["export", "--format", "graphml", "-o", "-"],
    &["export", "--format", "html", "-o", "-"],
];

#[test]
fn commands_answer_the_same_from_the_image() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    copy_folder(&root().join("graph-data"), &data);
    let cache = tmp.path().join("cache");
    let (code, _, _) = run(&data, &cache, &["stats"]);
    assert_eq!(code, 0);
    assert_eq!(images(&cache).len(), 1, "the first load saves one image");
    let (_, _, verbose) = run(&data, &cache, &["-v", "stats"]);
    assert!(verbose.contains("read the cached image"), "{verbose}");
    for args in COMMANDS {
        let fresh = run(&data, &cache, &[&["--no-cache"], *args].concat());
        let cached = run(&data, &cache, args);
        assert_eq!(cached.0, fresh.0, "{args:?}: exit codes differ");
        assert!(cached.1 == fresh.1, "{args:?}: stdout differs");
        assert_eq!(cached.2, fresh.2, "{args:?}: stderr differs");
    }
    // csv writes a folder.
    let (a, b) = (tmp.path().join("csv-a"), tmp.path().join("csv-b"));
    run(
        &data,
        &cache,
        &["--no-cache", "export", "--format", "csv", "-o", a.to_str().unwrap()],
    );
    run(&data, &cache, &["export", "--format", "csv", "-o", b.to_str().unwrap()]);
    for file in ["nodes.csv", "edges.csv"] {
        assert_eq!(
            std::fs::read(a.join(file)).unwrap(),
            std::fs::read(b.join(file)).unwrap()
        );
    }
}

#[test]
fn warnings_are_printed_the_same_from_the_image() {
    let tmp = tempfile::tempdir().unwrap();
    let cache = tmp.path().join("cache");
    let data = fixture("warn-similar-labels");
    let first = run(&data, &cache, &["check"]);
    assert!(first.2.contains("warning"), "{}", first.2);
    let second = run(&data, &cache, &["-v", "check"]);
    assert!(second.2.contains("read the cached image"));
    let third = run(&data, &cache, &["check"]);
    assert_eq!(third, first);
}

#[test]
fn no_cache_neither_reads_nor_writes() {
    let tmp = tempfile::tempdir().unwrap();
    let cache = tmp.path().join("cache");
    let data = fixture("minimal");
    run(&data, &cache, &["--no-cache", "stats"]);
    assert!(images(&cache).is_empty(), "--no-cache saved an image");
    run(&data, &cache, &["stats"]);
    let (_, _, verbose) = run(&data, &cache, &["--no-cache", "-v", "stats"]);
    assert!(!verbose.contains("cached image"), "{verbose}");
}

#[test]
fn the_embedded_graph_is_not_cached() {
    let tmp = tempfile::tempdir().unwrap();
    let out = diplograph()
        .env("XDG_CACHE_HOME", tmp.path())
        .env("DIPLOGRAPH_DATA", "")
        .arg("stats")
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(images(tmp.path()).is_empty());
}

#[test]
fn a_changed_file_is_loaded_again() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    copy_folder(&fixture("minimal"), &data);
    let cache = tmp.path().join("cache");
    let before = run(&data, &cache, &["--json", "stats"]);
    // The same length, one byte different: a label.
    let path = data.join("entities.csv");
    let text = std::fs::read_to_string(&path).unwrap();
    let changed = text.replacen("Belarus", "Belarux", 1);
    assert_ne!(changed, text, "the fixture names Belarus");
    std::fs::write(&path, changed).unwrap();
    let (_, _, verbose) = run(&data, &cache, &["-v", "find", "belarux"]);
    assert!(verbose.contains("not using"), "{verbose}");
    let found = run(&data, &cache, &["find", "belarux"]);
    assert_eq!(found, run(&data, &cache, &["--no-cache", "find", "belarux"]));
    assert!(String::from_utf8_lossy(&found.1).contains("Belarux"));
    assert_eq!(before.0, 0);
    assert_eq!(images(&cache).len(), 1, "one image per folder");
}

#[test]
fn a_damaged_image_is_rebuilt_and_the_answer_is_a_fresh_loads() {
    let tmp = tempfile::tempdir().unwrap();
    let cache = tmp.path().join("cache");
    let data = root().join("graph-data");
    let fresh = run(&data, &cache, &["--no-cache", "path", "belarus", "nato"]);
    run(&data, &cache, &["stats"]);
    let image = images(&cache).pop().expect("an image");
    let intact = std::fs::read(&image).unwrap();
    let other = {
        let other_cache = tmp.path().join("other");
        run(&fixture("minimal"), &other_cache, &["stats"]);
        std::fs::read(images(&other_cache).pop().unwrap()).unwrap()
    };
    let n = intact.len();
    let mut flipped = intact.clone();
    flipped[n / 3] ^= 0x10;
    for (what, bytes) in [
        ("truncated", intact[..n / 2].to_vec()),
        ("empty", Vec::new()),
        ("flipped", flipped),
        ("garbage", vec![0xA5; 4096]),
        ("another graph's", other),
    ] {
        std::fs::write(&image, &bytes).unwrap();
        let (_, _, verbose) = run(&data, &cache, &["-v", "stats"]);
        assert!(verbose.contains("not using") || bytes.is_empty(), "{what}: {verbose}");
        assert_eq!(
            std::fs::read(&image).unwrap(),
            intact,
            "{what}: the image is not rebuilt"
        );
        std::fs::write(&image, &bytes).unwrap();
        assert_eq!(run(&data, &cache, &["path", "belarus", "nato"]), fresh, "{what}");
    }
}

#[test]
fn an_unwritable_cache_folder_means_a_plain_load() {
    let tmp = tempfile::tempdir().unwrap();
    let data = fixture("minimal");
    let fresh = run(&data, tmp.path(), &["--no-cache", "stats"]);
    // XDG_CACHE_HOME names a file: no folder can be made in it (even by root).
    let file = tmp.path().join("a-file");
    std::fs::write(&file, "x").unwrap();
    assert_eq!(run(&data, &file, &["stats"]), fresh);
    // A cache folder that is a file where the images go.
    let blocked = tmp.path().join("blocked");
    std::fs::create_dir_all(&blocked).unwrap();
    std::fs::write(blocked.join("diplograph"), "x").unwrap();
    assert_eq!(run(&data, &blocked, &["stats"]), fresh);
    // A relative XDG_CACHE_HOME is ignored (the XDG rule); no HOME either: no cache at all.
    let out = diplograph()
        .env("XDG_CACHE_HOME", "relative")
        .env_remove("HOME")
        .current_dir(tmp.path())
        .arg("--data")
        .arg(&data)
        .arg("stats")
        .output()
        .unwrap();
    assert_eq!(out.stdout, fresh.1);
    assert!(!tmp.path().join("relative").exists());
    // A read-only folder (not read-only to root, who is not tested here).
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let ro = tmp.path().join("ro");
        std::fs::create_dir_all(ro.join("diplograph")).unwrap();
        std::fs::set_permissions(ro.join("diplograph"), std::fs::Permissions::from_mode(0o555)).unwrap();
        assert_eq!(run(&data, &ro, &["stats"]), fresh);
        std::fs::set_permissions(ro.join("diplograph"), std::fs::Permissions::from_mode(0o755)).unwrap();
    }
}

#[test]
fn concurrent_runs_leave_an_intact_image() {
    let tmp = tempfile::tempdir().unwrap();
    let cache = tmp.path().join("cache");
    let data = root().join("graph-data");
    let fresh = run(&data, &cache, &["--no-cache", "stats"]);
    let children: Vec<_> = (0..4)
        .map(|_| {
            std::process::Command::new(assert_cmd::cargo::cargo_bin("diplograph"))
                .env("XDG_CACHE_HOME", &cache)
                .arg("--data")
                .arg(&data)
                .arg("stats")
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::null())
                .spawn()
                .unwrap()
        })
        .collect();
    for child in children {
        assert_eq!(child.wait_with_output().unwrap().stdout, fresh.1);
    }
    let (_, _, verbose) = run(&data, &cache, &["-v", "stats"]);
    assert!(verbose.contains("read the cached image"), "{verbose}");
    assert_eq!(images(&cache).len(), 1, "temporaries left: {:?}", images(&cache));
}

#[test]
fn the_cache_command_builds_clears_and_says_where() {
    let tmp = tempfile::tempdir().unwrap();
    let cache = tmp.path().join("cache");
    let data = fixture("minimal");
    let (code, path, _) = run(&data, &cache, &["cache", "path"]);
    assert_eq!(code, 0);
    assert_eq!(
        String::from_utf8(path).unwrap().trim(),
        cache.join("diplograph").to_str().unwrap()
    );
    let (code, built, _) = run(&data, &cache, &["cache", "build"]);
    assert_eq!(code, 0);
    let built = String::from_utf8(built).unwrap();
    assert!(Path::new(built.trim()).is_file(), "{built}");
    let (_, _, verbose) = run(&data, &cache, &["-v", "stats"]);
    assert!(verbose.contains("read the cached image"), "{verbose}");
    let (code, _, said) = run(&data, &cache, &["cache", "clear"]);
    assert_eq!(code, 0);
    assert!(said.contains("removed 1 graph image"), "{said}");
    assert!(images(&cache).is_empty());
}

#[test]
fn the_key_of_a_folder_read_in_blocks_is_the_key_of_its_dataset() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    copy_folder(&fixture("minimal"), &data);
    let limits = Limits::default();
    let key = |dir: &Path| ImageKey::of(&Dataset::from_dir_with(dir, &limits).unwrap(), &limits);
    let streamed = ImageKey::of_dir(&data, &limits).unwrap();
    assert_eq!(streamed, key(&data));
    // With a views file, an empty one, and one byte changed in the largest file.
    std::fs::write(data.join("views.csv"), "").unwrap();
    let with_views = ImageKey::of_dir(&data, &limits).unwrap();
    assert_ne!(with_views, streamed, "an empty views.csv is not its absence");
    assert_eq!(with_views, key(&data));
    let path = data.join("relations.csv");
    let mut bytes = std::fs::read(&path).unwrap();
    let last = bytes.len() - 2;
    bytes[last] ^= 1;
    std::fs::write(&path, bytes).unwrap();
    assert_ne!(ImageKey::of_dir(&data, &limits).unwrap(), with_views);
    assert_eq!(ImageKey::of_dir(&data, &limits).unwrap(), key(&data));
    // A folder that cannot be read has no key.
    assert!(ImageKey::of_dir(&tmp.path().join("missing"), &limits).is_err());
}
