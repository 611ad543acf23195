//! The command line's habits, as a user of ripgrep or the Oxigraph CLI expects them: `-o -`,
//! completions, a man page, --quiet/--verbose, colour only on a terminal, names in any script,
//! `sources`, `show` of sources and relations, one JSON shape per concept (validated against
//! docs/schemas/), CSV/TSV results, usage errors for flags that do not apply, and quiet ends on
//! closed pipes. Each test runs the binary and checks stdout, stderr and the exit code.

use std::path::Path;
use std::process::{Command as Process, Stdio};

use assert_cmd::Command;

use crate::support::skip;

/// The binary on the shipped graph (the embedded one: no DIPLOGRAPH_DATA).
fn diplograph() -> Command {
    let mut cmd = Command::cargo_bin("diplograph").expect("binary");
    cmd.env_remove("DIPLOGRAPH_DATA")
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE");
    cmd
}

/// The shipped graph's counts, as `check` and `--version` print them (from the library, so the
/// tests follow the data).
fn counts() -> diplograph::Stats {
    crate::support::shipped().stats()
}

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn run(args: &[&str]) -> Run {
    let out = diplograph().args(args).output().expect("runs");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn have(program: &str, arg: &str) -> bool {
    Process::new(program)
        .arg(arg)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok()
}

// ---------------------------------------------------------------------------------------------
// Output to standard output, formats' short names.

#[test]
fn dash_means_standard_output_for_every_export_format() {
    let dir = tempfile::tempdir().unwrap();
    for (long, short) in [
        ("turtle", "ttl"),
        ("ntriples", "nt"),
        ("nquads", "nq"),
        ("dot", "dot"),
        ("html", "html"),
        ("gexf", "gexf"),
        ("graphml", "graphml"),
    ] {
        let plain = diplograph().args(["export", "--format", long]).output().unwrap();
        assert!(plain.status.success());
        for format in [long, short] {
            let dashed = diplograph()
                .current_dir(dir.path())
                .args(["export", "--format", format, "-o", "-"])
                .output()
                .unwrap();
            assert!(
                dashed.status.success(),
                "{format}: {}",
                String::from_utf8_lossy(&dashed.stderr)
            );
            assert!(
                plain.stdout == dashed.stdout,
                "--format {format} -o - differs from stdout"
            );
            assert!(!plain.stdout.is_empty());
        }
    }
    let r = diplograph()
        .current_dir(dir.path())
        .args(["export", "--all", "--out", "-"])
        .output()
        .unwrap();
    assert_eq!(r.status.code(), Some(2));
    assert!(!dir.path().join("-").exists(), "a file named - was written");
    // CSV is two files: it cannot go to standard output, and says so (a usage error).
    let r = run(&["export", "--format", "csv", "-o", "-"]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(
        r.stderr
            .contains("cannot go to standard output; give a folder with -o DIR"),
        "{}",
        r.stderr
    );
}

#[test]
fn k_is_short_for_k() {
    let short = run(&["path", "belarus", "nato", "-k", "2"]);
    let long = run(&["path", "belarus", "nato", "--k", "2"]);
    assert_eq!((short.code, &short.stdout), (0, &long.stdout));
    assert!(short.stdout.contains("2 paths"), "{}", short.stdout);
}

// ---------------------------------------------------------------------------------------------
// Completions and the man page.

#[test]
fn completions_for_bash_zsh_and_fish() {
    for shell in ["bash", "zsh", "fish"] {
        let r = run(&["completions", shell]);
        assert_eq!(r.code, 0, "{shell}: {}", r.stderr);
        assert!(
            r.stdout.contains("diplograph") && r.stdout.contains("timeline"),
            "{shell}"
        );
    }
    let r = run(&["completions", "tcsh"]);
    assert_eq!(r.code, 2);
    if !have("bash", "--version") {
        return skip("completions_for_bash_zsh_and_fish", "bash not found");
    }
    let bin = assert_cmd::cargo::cargo_bin("diplograph");
    let out = Process::new("bash")
        .arg("-c")
        .arg(format!(
            "source <('{}' completions bash); complete -p diplograph",
            bin.display()
        ))
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(
        stdout.starts_with("complete ") && stdout.trim_end().ends_with(" diplograph"),
        "{stdout}"
    );
}

#[test]
fn the_man_page_renders_without_warnings() {
    let r = run(&["man"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout.starts_with(".ie") || r.stdout.contains(".TH diplograph"),
        "{}",
        &r.stdout[..200]
    );
    for section in ["DIPLOGRAPH PATH", "DIPLOGRAPH EXPORT", "DIPLOGRAPH SOURCES"] {
        assert!(r.stdout.contains(section), "{section}");
    }
    if !have("man", "--version") {
        return skip(
            "the_man_page_renders_without_warnings",
            "man not found (apt-get install man-db)",
        );
    }
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("diplograph.1");
    std::fs::write(&page, &r.stdout).unwrap();
    let out = Process::new("man")
        .args(["--warnings", "-l"])
        .arg(&page)
        .env("MANPAGER", "cat")
        .env("MANWIDTH", "100")
        .output()
        .unwrap();
    let (stdout, stderr) = (
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr),
    );
    assert!(out.status.success(), "{stderr}");
    assert_eq!(stderr, "", "man warns");
    assert!(stdout.contains("SYNOPSIS"), "{stdout}");
    assert!(stdout.contains("completions"), "{stdout}");
}

#[test]
fn every_subcommand_help_starts_with_one_short_line() {
    for sub in [
        "check",
        "stats",
        "show",
        "find",
        "sources",
        "export",
        "path",
        "neighbors",
        "timeline",
        "conflicts",
        "completions",
        "man",
    ] {
        for flag in ["-h", "--help"] {
            let r = run(&[sub, flag]);
            assert_eq!(r.code, 0);
            let mut lines = r.stdout.lines();
            let first = lines.next().unwrap();
            assert!(first.len() <= 100, "{sub} {flag}: {first}");
            if flag == "-h" {
                assert_eq!(lines.next(), Some(""), "{sub} -h: the summary is one line");
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// --quiet, --verbose, colour.

#[test]
fn quiet_hides_notes_and_verbose_says_what_was_loaded() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let out = out.to_str().unwrap();
    let r = run(&["export", "--all", "--no-svg", "--out", out]);
    assert_eq!(r.code, 0);
    assert!(r.stderr.contains("wrote "), "{}", r.stderr);
    let r = run(&["-q", "export", "--all", "--no-svg", "--out", out]);
    assert_eq!((r.code, r.stderr.as_str()), (0, ""));
    let r = run(&["--quiet", "show", "xyzzy"]);
    assert_eq!(r.code, 1);
    assert_eq!(r.stderr, "error: no entity is named 'xyzzy'\n", "errors still show");
    let r = run(&["-v", "check"]);
    assert_eq!(r.code, 0);
    assert!(r.stderr.contains("loading the embedded graph-data"), "{}", r.stderr);
    assert!(
        r.stderr.contains(&format!("loaded {} entities", counts().entities)),
        "{}",
        r.stderr
    );
    assert!(r.stdout.starts_with("ok: "));
    let r = run(&["-q", "-v", "check"]);
    assert_eq!(r.code, 2, "--quiet and --verbose conflict");
}

const ESC: &str = "\x1b[";

#[test]
fn colour_on_request_and_never_in_a_pipe() {
    // Through a pipe (as here): no colour, also with the markers and `also:` lines present.
    let r = run(&["path", "belarus", "nato", "--at", "2005"]);
    assert!(r.stdout.contains("also:") && r.stdout.contains("(possibly)"));
    assert!(!r.stdout.contains(ESC) && !r.stderr.contains(ESC));
    let r = run(&["show", "xyzzy"]);
    assert!(!r.stderr.contains(ESC));
    // Forced: errors red, `also:` dimmed, markers coloured.
    let r = run(&["--color", "always", "show", "xyzzy"]);
    assert!(
        r.stderr.starts_with(ESC) && r.stderr.contains(&format!("{ESC}31merror:{ESC}0m")),
        "{:?}",
        r.stderr
    );
    let r = run(&["--color", "always", "path", "belarus", "nato", "--at", "2005"]);
    assert!(r.stdout.contains(&format!("{ESC}2m      also:")), "{:?}", r.stdout);
    assert!(r.stdout.contains(&format!("{ESC}33m(possibly)")), "{:?}", r.stdout);
}

/// Runs `diplograph ARGS` on a pseudo-terminal (util-linux `script`), with `env` set.
fn on_a_terminal(args: &str, env: &[(&str, &str)]) -> Option<String> {
    if !have("script", "--version") {
        skip("colour_on_a_terminal", "script (util-linux) not found");
        return None;
    }
    let bin = assert_cmd::cargo::cargo_bin("diplograph");
    let mut cmd = Process::new("script");
    cmd.args(["-qec", &format!("'{}' {args}", bin.display()), "/dev/null"])
        .env_remove("DIPLOGRAPH_DATA")
        .env_remove("NO_COLOR")
        .env("TERM", "xterm") // a terminal that takes colour, whatever runs the tests
        .stdin(Stdio::null());
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().ok()?;
    Some(String::from_utf8_lossy(&out.stdout).into_owned())
}

#[test]
fn colour_on_a_terminal() {
    let Some(tty) = on_a_terminal("path belarus nato --at 2005", &[]) else {
        return;
    };
    assert!(tty.contains(&format!("{ESC}2m      also:")), "{tty:?}");
    let Some(tty) = on_a_terminal("show xyzzy", &[]) else {
        return;
    };
    assert!(tty.contains(&format!("{ESC}31merror:{ESC}0m")), "{tty:?}");
    let Some(tty) = on_a_terminal("path belarus nato --at 2005", &[("NO_COLOR", "1")]) else {
        return;
    };
    assert!(tty.contains("also:") && !tty.contains(ESC), "NO_COLOR: {tty:?}");
}

// ---------------------------------------------------------------------------------------------
// Names in any script.

#[test]
fn cyrillic_lacinka_and_misspelt_names_resolve_or_get_suggestions() {
    // Exact after transliteration: the command answers.
    for (name, id) in [
        ("Лукашенко", "alexander-lukashenko"),
        ("Пратасевіч", "raman-pratasevich"),
        ("Беларусь", "belarus"),
        ("НАТО", "nato"),
    ] {
        let r = run(&["show", name]);
        assert_eq!(r.code, 0, "{name}: {}", r.stderr);
        assert!(
            r.stdout.contains(&format!("({id})")),
            "{name}: {}",
            r.stdout.lines().next().unwrap()
        );
    }
    let r = run(&["path", "Пратасевіч", "НАТО"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.starts_with("Raman Pratasevich → NATO"), "{}", r.stdout);
    // Similar only: never guessed, suggested (persons, states, organisations).
    for (name, id) in [
        ("Stoltenbreg", "jens-stoltenberg"),
        ("Стольтенберг", "jens-stoltenberg"),
        ("Łukašenka", "alexander-lukashenko"),
        ("Raman Pratasievič", "raman-pratasevich"),
        ("Lukaschenko", "alexander-lukashenko"),
        ("Protasevitch", "raman-pratasevich"),
        ("Украина", "ukraine"),
        ("Польша", "poland"),
        ("Россия", "russia"),
        ("Германия", "germany"),
        ("Polšča", "poland"),
        ("Polnd", "poland"),
        ("Lithunia", "lithuania"),
        ("Europen Union", "european-union"),
        ("Untied Nations", "united-nations"),
    ] {
        let r = run(&["show", name]);
        assert_eq!(r.code, 1, "{name} must not resolve: {}", r.stdout);
        assert!(
            r.stderr
                .starts_with(&format!("error: no entity is named '{name}'; did you mean: "))
                && r.stderr.contains(&format!("{id} (")),
            "{name}: {}",
            r.stderr
        );
    }
    let r = run(&["neighbors", "Stoltenbreg"]);
    assert!(r.code == 1 && r.stderr.contains("jens-stoltenberg"), "{}", r.stderr);
}

#[test]
fn find_falls_back_to_similar_names_and_reads_any_script() {
    let r = run(&["find", "Лукаш"]);
    assert_eq!(r.code, 0);
    assert!(r.stdout.starts_with("alexander-lukashenko\tperson\t"), "{}", r.stdout);
    let r = run(&["find", "Lukaschenko"]);
    assert_eq!(r.code, 1, "no entity contains the text");
    assert_eq!(r.stderr, "no entity matches 'Lukaschenko'; similar names:\n");
    assert!(r.stdout.starts_with("alexander-lukashenko\tperson\t"), "{}", r.stdout);
    let r = run(&["find", "xyzzy"]);
    assert_eq!(
        (r.code, r.stdout.as_str(), r.stderr.as_str()),
        (1, "", "no entity matches 'xyzzy'\n")
    );
}

#[test]
fn predicates_by_label_and_with_suggestions() {
    let by_id = run(&["neighbors", "belarus", "--predicate", "member_of"]);
    let by_label = run(&["neighbors", "belarus", "--predicate", "member of"]);
    assert_eq!(by_id.code, 0);
    assert_eq!(by_id.stdout, by_label.stdout);
    let r = run(&["neighbors", "belarus", "--predicate", "memberof"]);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr
            .starts_with("error: unknown predicate 'memberof'; did you mean member_of (member of)?"),
        "{}",
        r.stderr
    );
    assert!(
        !r.stderr.contains("diplomatic_relations_with"),
        "not the whole list: {}",
        r.stderr
    );
}

// ---------------------------------------------------------------------------------------------
// Sources and relations first-class; show with filters, by date, with quotes and URLs.

#[test]
fn sources_lists_titles_publishers_urls_and_claim_counts() {
    let r = run(&["sources"]);
    assert_eq!(r.code, 0);
    assert!(r.stdout.starts_with("12 sources\n"), "{}", r.stdout);
    assert!(r.stdout.contains(
        &format!("nac-statement-2006-03-31  ({} claims)\n  North Atlantic Council statement on NATO-Belarus relations\n  North Atlantic Treaty Organization, 2006-03-31\n",
        counts().claims_by_source["nac-statement-2006-03-31"]
    )), "{}", r.stdout);
    assert!(r
        .stdout
        .contains("  https://en.wikipedia.org/wiki/Belarus%E2%80%93NATO_relations\n"));
    let csv = run(&["sources", "--format", "csv"]);
    let mut lines = csv.stdout.lines();
    assert_eq!(lines.next(), Some("id,title,publisher,url,published,claims"));
    assert_eq!(lines.count(), 12);
    let total: u64 = csv
        .stdout
        .lines()
        .skip(1)
        .map(|l| l.rsplit(',').next().unwrap().parse::<u64>().unwrap())
        .sum();
    assert_eq!(total, counts().claims as u64, "every claim counted once");
}

#[test]
fn show_takes_sources_relations_and_filters() {
    let r = run(&["show", "nac-statement-2006-03-31"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.starts_with(
        "North Atlantic Council statement on NATO-Belarus relations (nac-statement-2006-03-31) — source\n"
    ));
    assert!(r.stdout.contains(" relations it supports, by date:"), "{}", r.stdout);
    let r = run(&["show", "r-5a7be6705b233551"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r
        .stdout
        .starts_with("Belarus (belarus) —participant in (1995)→ Partnership for Peace (partnership-for-peace)"));
    assert!(
        r.stdout
            .contains("    “Belarus joined NATO's Partnership for Peace program in 1995.”\n"),
        "{}",
        r.stdout
    );
    assert!(r
        .stdout
        .contains("<https://en.wikipedia.org/wiki/Belarus%E2%80%93NATO_relations#:~:text=Belarus%20joined,1995.>"));
    let r = run(&["show", "r-5a7be6705b233551", "--at", "1995-06"]);
    assert!(
        r.stdout.lines().next().unwrap().ends_with("  (possibly)"),
        "{}",
        r.stdout
    );
    let r = run(&["show", "r-5a7be6705b233551", "--at", "1990"]);
    assert_eq!(
        (r.code, r.stderr.as_str()),
        (
            1,
            "error: relation r-5a7be6705b233551 (1995) does not hold at the time asked\n"
        )
    );
    // Filters, and relations by date: undated last.
    let all = run(&["show", "belarus"]);
    let at = run(&["show", "belarus", "--at", "2005", "--certain"]);
    assert_eq!(at.code, 0, "{}", at.stderr);
    let count = |s: &str| -> usize {
        s.lines()
            .find(|l| l.ends_with("relations, by date:"))
            .unwrap()
            .split(' ')
            .next()
            .unwrap()
            .parse()
            .unwrap()
    };
    assert!(count(&at.stdout) < count(&all.stdout) && count(&at.stdout) > 0);
    assert!(!at.stdout.contains("(undated)") && all.stdout.contains("(undated)"));
    let json = diplograph().args(["--json", "show", "belarus"]).output().unwrap();
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let dates: Vec<Option<&str>> = v["relations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["date"].as_str())
        .collect();
    let first_undated = dates.iter().position(Option::is_none).unwrap();
    assert!(dates[first_undated..].iter().all(Option::is_none), "undated last");
    let years: Vec<i32> = dates[..first_undated]
        .iter()
        .map(|d| {
            d.unwrap()
                .trim_start_matches('/')
                .get(..4)
                .unwrap()
                .parse()
                .unwrap_or(0)
        })
        .collect();
    assert!(years.first() <= years.last(), "by date: {years:?}");
}

// ---------------------------------------------------------------------------------------------
// JSON: documented shapes, the same exit codes, usage errors.

#[test]
fn json_documents_match_their_schemas() {
    let dir = tempfile::tempdir().unwrap();
    let cases: &[(&str, &[&str])] = &[
        ("path.schema.json", &["path", "belarus", "nato", "-k", "3"]),
        (
            "path.schema.json",
            &["path", "raman-pratasevich", "nato", "--chronological", "--undated"],
        ),
        ("neighbors.schema.json", &["neighbors", "nato", "--at", "2005"]),
        ("timeline.schema.json", &["timeline", "belarus", "--with", "nato"]),
        (
            "timeline.schema.json",
            &["timeline", "--from", "2001", "--until", "2002", "--undated"],
        ),
        ("conflicts.schema.json", &["conflicts", "--all"]),
        ("show.schema.json", &["show", "belarus"]),
        ("show.schema.json", &["show", "nac-statement-2006-03-31"]),
        ("show.schema.json", &["show", "r-5a7be6705b233551"]),
        ("find.schema.json", &["find", "nato"]),
        ("find.schema.json", &["find", "Lukaschenko"]),
        ("sources.schema.json", &["sources"]),
        ("stats.schema.json", &["stats"]),
        ("check.schema.json", &["check"]),
        (
            "check.schema.json",
            &[
                "--data",
                "tests/fixtures/quotes",
                "check",
                "--sources",
                "tests/fixtures/quotes-texts",
                "--coverage",
                "--strict",
            ],
        ),
        (
            "show.schema.json",
            &[
                "--data",
                "tests/fixtures/quotes",
                "show",
                "pfp",
                "--sources",
                "tests/fixtures/quotes-texts",
            ],
        ),
    ];
    let mut args = vec![concat!(env!("CARGO_MANIFEST_DIR"), "/docs/schemas").to_owned()];
    for (i, (schema, command)) in cases.iter().enumerate() {
        let out = diplograph().arg("--json").args(*command).output().unwrap();
        assert!(!out.stdout.is_empty(), "{command:?}");
        let file = dir.path().join(format!("{i}.json"));
        std::fs::write(&file, &out.stdout).unwrap();
        args.push((*schema).to_owned());
        args.push(file.display().to_string());
    }
    let bad = dir.path().join("bad");
    std::fs::create_dir(&bad).unwrap();
    for name in ["sources.csv", "predicates.csv", "entities.csv", "relations.csv"] {
        std::fs::copy(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("graph-data").join(name),
            bad.join(name),
        )
        .unwrap();
    }
    std::fs::write(
        bad.join("relations.csv"),
        "subject,predicate,object,date,source,quote,note\nbelarus,member_of,nato,2005-13,x,y,\n",
    )
    .unwrap();
    let out = diplograph()
        .arg("--data")
        .arg(&bad)
        .args(["--json", "check"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    std::fs::write(dir.path().join("invalid.json"), &out.stdout).unwrap();
    args.push("check.schema.json".into());
    args.push(dir.path().join("invalid.json").display().to_string());
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/cli/schemas.py");
    let Ok(out) = Process::new("python3").arg(script).args(&args).output() else {
        return skip("json_documents_match_their_schemas", "python3 not found");
    };
    if out.status.code() == Some(3) {
        return skip(
            "json_documents_match_their_schemas",
            "python3 with jsonschema not found (pip install jsonschema)",
        );
    }
    let report = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{report}{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(
        report.lines().filter(|l| l.starts_with("ok ")).count(),
        cases.len() + 1,
        "{report}"
    );
}

#[test]
fn a_relation_has_one_shape_in_every_command() {
    let keys = |v: &serde_json::Value| -> Vec<String> {
        let mut k: Vec<String> = v
            .as_object()
            .unwrap()
            .keys()
            .filter(|k| *k != "also")
            .cloned()
            .collect();
        k.sort();
        k
    };
    let json = |args: &[&str]| -> serde_json::Value {
        serde_json::from_slice(&diplograph().arg("--json").args(args).output().unwrap().stdout).unwrap()
    };
    let path = json(&["path", "belarus", "nato"]);
    let shape = keys(&path["paths"][0]["steps"][0]);
    assert_eq!(keys(&json(&["show", "belarus"])["relations"][0]), shape, "show");
    assert_eq!(
        keys(&json(&["neighbors", "belarus"])["relations"][0]),
        shape,
        "neighbors"
    );
    let timeline = json(&["timeline", "belarus"]);
    let first_relation = timeline["entries"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e.get("relation").is_some())
        .unwrap();
    assert_eq!(keys(first_relation), shape, "timeline");
    assert_eq!(
        keys(&json(&["show", "r-5a7be6705b233551"])["relation"]),
        shape,
        "show RELATION"
    );
    assert_eq!(
        keys(&json(&["show", "nac-statement-2006-03-31"])["relations"][0]),
        shape,
        "show SOURCE"
    );
}

#[test]
fn exit_codes_are_the_same_with_and_without_json() {
    for args in [
        &["find", "xyzzy"][..],
        &["find", "Lukaschenko"],
        &["show", "xyzzy"],
        &["path", "belarus", "nato", "--at", "1900", "--certain"],
        &["path", "belarus", "nato"],
        &["neighbors", "belarus", "--predicate", "memberof"],
    ] {
        let text = run(args);
        let mut with_json = vec!["--json"];
        with_json.extend(args);
        let json = run(&with_json);
        assert_eq!(text.code, json.code, "{args:?}");
    }
}

#[test]
fn flags_that_do_not_apply_are_usage_errors() {
    for (args, says) in [
        (
            &["--json", "path", "belarus", "nato", "--format", "dot"][..],
            "--json cannot be used with --format dot",
        ),
        (
            &["--json", "timeline", "belarus", "--format", "csv"],
            "--json cannot be used with --format csv",
        ),
        (
            &["export", "--format", "dot", "--flavor", "neo4j"],
            "--flavor does not apply to --format dot",
        ),
        (
            &["export", "--format", "turtle", "--rankdir", "TB"],
            "--rankdir does not apply to --format turtle",
        ),
        (
            &["export", "--format", "csv", "-o", "x", "--cluster", "kind"],
            "--cluster does not apply to --format csv",
        ),
        (
            &["export", "--format", "dot", "--base-iri", "https://x.example/"],
            "--base-iri does not apply to --format dot",
        ),
        (
            &["export", "--format", "gexf", "--rankdir", "TB"],
            "--rankdir does not apply to --format gexf",
        ),
        (
            &["export", "--format", "html", "--flavor", "neo4j"],
            "--flavor does not apply to --format html",
        ),
        (
            &["--json", "export", "--format", "turtle"],
            "--json does not apply to export",
        ),
    ] {
        let r = run(args);
        assert_eq!(r.code, 2, "{args:?}: {}", r.stderr);
        assert!(
            r.stderr.starts_with(&format!("error: {says}")),
            "{args:?}: {}",
            r.stderr
        );
        assert_eq!(r.stdout, "");
    }
}

// ---------------------------------------------------------------------------------------------
// CSV and TSV results.

fn table(args: &[&str], delimiter: u8) -> Vec<csv::StringRecord> {
    let r = run(args);
    assert_eq!(r.code, 0, "{args:?}: {}", r.stderr);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .from_reader(r.stdout.as_bytes());
    reader.records().map(|r| r.unwrap()).collect()
}

#[test]
fn query_results_as_csv_and_tsv() {
    let rows = table(
        &["path", "raman-pratasevich", "jens-stoltenberg", "--format", "csv"],
        b',',
    );
    assert_eq!(
        rows[0].iter().take(4).collect::<Vec<_>>(),
        ["path", "hop", "order", "from"]
    );
    assert_eq!(rows.len(), 1 + 4, "one row per hop");
    assert_eq!(&rows[1][3], "raman-pratasevich");
    assert_eq!(&rows[4][9], "jens-stoltenberg");
    let header = &rows[0];
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    assert!(rows[2][col("quotes")].contains("1995"), "quotes are in the rows");
    assert_eq!(&rows[2][col("certainty")], "definite");
    let rows = table(&["timeline", "belarus", "--with", "nato", "--format", "tsv"], b'\t');
    assert_eq!(&rows[0][0], "from");
    assert!(rows.len() > 5);
    assert!(rows.iter().skip(1).all(|r| !r[8].is_empty()), "timelines are dated");
    let rows = table(
        &["neighbors", "nato", "--format", "csv", "--predicate", "member_of"],
        b',',
    );
    assert!(rows.len() > 20);
    let rows = table(&["conflicts", "--format", "tsv"], b'\t');
    assert_eq!(&rows[0][0], "disagreement");
    assert!(rows.len() >= 3);
    let rows = table(&["find", "nato", "--format", "csv"], b',');
    assert_eq!(rows[0].iter().take(3).collect::<Vec<_>>(), ["id", "kind", "label"]);
    assert_eq!(&rows[1][0], "nato");
}

// ---------------------------------------------------------------------------------------------
// Small things: stats precision, version, DIPLOGRAPH_DATA, pipes.

#[test]
fn stats_give_dates_at_their_own_precision() {
    let r = run(&["stats"]);
    assert!(
        r.stdout.contains("  dates range from 1923 to 2023-05\n"),
        "{}",
        r.stdout
    );
    let json = diplograph().args(["--json", "stats"]).output().unwrap();
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(
        (v["earliest"].as_str(), v["latest"].as_str()),
        (Some("1923"), Some("2023-05"))
    );
}

#[test]
fn version_names_the_embedded_graph_data() {
    let r = run(&["--version"]);
    assert_eq!(r.code, 0);
    let mut lines = r.stdout.lines();
    assert_eq!(lines.next(), Some(concat!("diplograph ", env!("CARGO_PKG_VERSION"))));
    let data = lines.next().unwrap();
    let print = data.strip_prefix("embedded graph-data: xxh3 ").unwrap();
    assert!(print[..16].bytes().all(|b| b.is_ascii_hexdigit()), "{data}");
    assert!(
        data.ends_with(&{
            let c = counts();
            format!(
                ", {} entities, {} relations from {} claims, {} sources",
                c.entities, c.relations, c.claims, c.sources
            )
        }),
        "{data}"
    );
}

#[test]
fn an_empty_diplograph_data_means_unset() {
    let out = Command::cargo_bin("diplograph")
        .unwrap()
        .env("DIPLOGRAPH_DATA", "")
        .arg("check")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).starts_with(&format!("ok: {} entities", counts().entities)));
}

#[test]
fn closed_pipes_end_quietly_and_a_closed_stdout_is_an_error() {
    if !have("bash", "--version") {
        return skip(
            "closed_pipes_end_quietly_and_a_closed_stdout_is_an_error",
            "bash not found",
        );
    }
    let bin = assert_cmd::cargo::cargo_bin("diplograph");
    let sh = |script: &str| {
        let out = Process::new("bash")
            .arg("-c")
            .arg(script.replace("BIN", &format!("'{}'", bin.display())))
            .env_remove("DIPLOGRAPH_DATA")
            .output()
            .unwrap();
        (
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    // stdout closed by the reader: quiet, status 0.
    let (stdout, stderr) = sh("set -o pipefail; BIN timeline | head -n 1 >/dev/null; echo $?");
    assert_eq!((stdout.trim(), stderr.as_str()), ("0", ""));
    let (stdout, stderr) = sh("set -o pipefail; BIN export --format nt | head -c 10 >/dev/null; echo $?");
    assert_eq!((stdout.trim(), stderr.as_str()), ("0", ""));
    // stderr closed by the reader: no panic (eprintln! would exit 101).
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let (stdout, stderr) = sh(&format!(
        "set -o pipefail; BIN export --all --no-svg --out '{}' 2>&1 >/dev/null | head -c 0; echo $?",
        out.display()
    ));
    assert_eq!((stdout.trim(), stderr.as_str()), ("0", ""));
    // stdout closed before the command starts: an error, not a silent success.
    let (stdout, stderr) = sh("BIN stats >&-; echo $?");
    assert_eq!(stdout.trim(), "1");
    assert!(stderr.starts_with("error: cannot write to standard output"), "{stderr}");
}

// ---------------------------------------------------------------------------------------------
// The README's triplestore commands.

#[test]
fn the_readme_oxigraph_commands_answer_with_union_default_graph() {
    let test = "the_readme_oxigraph_commands_answer_with_union_default_graph";
    if !have("oxigraph", "--version") {
        return skip(test, "the oxigraph program not found (pip install oxigraph ships it)");
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    let load = "oxigraph load --location db --file exports/graph.nq";
    let query = "oxigraph query --location db --union-default-graph --query-file queries/diplomatic-relations-1992.rq --results-format tsv";
    assert!(
        readme.contains(load) && readme.contains(query),
        "the README shows the commands tested here"
    );
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    let sh = |line: &str| {
        let words: Vec<String> = line
            .split(' ')
            .map(|w| match w {
                "db" => db.display().to_string(),
                w if w.starts_with("exports/") || w.starts_with("queries/") => root.join(w).display().to_string(),
                w => w.to_owned(),
            })
            .collect();
        let out = Process::new(&words[0]).args(&words[1..]).output().unwrap();
        assert!(out.status.success(), "{line}: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    sh(load);
    let rows = sh(query);
    assert!(rows.starts_with("?country\t?name\t?date\n"), "{rows}");
    assert!(rows.contains("<https://diplograph.example/entity/armenia>\t\"Armenia\"@en\t\"1992\"^^<http://www.w3.org/2001/XMLSchema#gYear>\n"), "{rows}");
    let without = sh(&query.replace(" --union-default-graph", ""));
    assert_eq!(
        without.lines().count(),
        1,
        "without the flag only the header: {without}"
    );
}

/// A graph-data folder of about 17 MB (above the 16 MB at which loading shows a spinner).
fn large_graph_data(dir: &Path) {
    std::fs::create_dir_all(dir).unwrap();
    std::fs::write(
        dir.join("sources.csv"),
        "id,title,publisher,url,published\ns,Source,Publisher,,\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("predicates.csv"),
        "id,label,inverse_label,description,symmetric,domain,range,temporal,same_as\n\
         linked,linked to,linked from,A link.,false,state,state,state,\n",
    )
    .unwrap();
    let mut entities = String::from("id,kind,label,aliases,description,same_as\n");
    for e in 0..2000 {
        entities.push_str(&format!("e{e},state,State {e},,A state.,\n"));
    }
    std::fs::write(dir.join("entities.csv"), entities).unwrap();
    let mut relations = String::from("subject,predicate,object,date,source,quote,note\n");
    let filler = "x".repeat(120);
    let mut i = 0usize;
    while relations.len() < 17 << 20 {
        let (s, o) = (i % 2000, (i / 2000 + i % 2000 + 1) % 2000);
        relations.push_str(&format!("e{s},linked,e{o},{},s,Claim {i} {filler},\n", 1900 + i % 100));
        i += 1;
    }
    std::fs::write(dir.join("relations.csv"), relations).unwrap();
}

#[test]
fn the_loading_spinner_shows_no_byte_count() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("large");
    large_graph_data(&data);
    let Some(tty) = on_a_terminal(&format!("--data '{}' check", data.display()), &[]) else {
        return;
    };
    assert!(tty.contains("loading 17 MB of graph-data"), "no spinner: {tty:?}");
    assert!(
        !tty.contains(" 0 B") && !tty.contains("B ["),
        "a byte count while loading: {tty:?}"
    );
    assert!(tty.contains("ok: 2000 entities"), "{tty:?}");
}
