//! Bounded error reports (docs/guarantees.md, "Bounded error reports"): a graph-data file with
//! a problem on every row — of several kinds, mixed — is refused with the first problems of each
//! kind listed and the rest counted; the report's size and the process's memory stay bounded
//! (it runs under a 1.5 GB address-space limit), and it never aborts.

use std::fmt::Write as _;
use std::path::Path;
use std::process::Command;

/// Writes a graph-data folder whose `relations.csv` has about `bytes` bytes, each row broken in
/// one of the ways `kinds` picks (by row number).
fn broken_folder(dir: &Path, bytes: usize, kinds: &[usize]) -> usize {
    for name in ["sources.csv", "predicates.csv", "entities.csv"] {
        std::fs::copy(crate::support::root().join("graph-data").join(name), dir.join(name)).expect("copy");
    }
    let mut out = String::from("subject,predicate,object,date,source,quote,note\n");
    let mut rows = 0;
    while out.len() < bytes {
        rows += 1;
        let row = match kinds[rows % kinds.len()] {
            0 => format!("Bad-Id-{rows},member_of,nato,2001,nato,q,\n"),
            1 => format!("belarus,member_of,nato,20{rows}-99,nato,q,\n"),
            2 => format!("belarus,member_of,nato,2001,no-such-source-{rows},q,\n"),
            3 => "belarus,member_of,nato,2001\n".to_owned(),
            _ => format!("belarus,no_such_predicate_{rows},nato,2001,nato,q,\n"),
        };
        out.push_str(&row);
    }
    std::fs::write(dir.join("relations.csv"), out).expect("write");
    rows
}

#[test]
fn a_problem_on_every_row_is_reported_within_bounds() {
    let mut seen = String::new();
    for kinds in [vec![0], vec![1, 2], vec![0, 1, 2, 3, 4]] {
        let dir = tempfile::tempdir().expect("tempdir");
        let rows = broken_folder(dir.path(), 7 << 20, &kinds);
        let out = check_within_1_5_gb(dir.path(), &[]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(
            out.status.code(),
            Some(1),
            "{kinds:?}: {}",
            &stderr[..stderr.len().min(2000)]
        );
        let lines = stderr.lines().count();
        // At most 100 problems (each with a hint line) per kind, one summary per kind, a total.
        assert!(
            lines <= kinds.len() * 2 * 202 + 10,
            "{kinds:?}: {lines} lines for {rows} rows"
        );
        assert!(stderr.contains("more errors of this kind, not listed"), "{kinds:?}");
        let total: usize = stderr
            .lines()
            .last()
            .and_then(|l| l.split(' ').next())
            .and_then(|n| n.parse().ok())
            .expect("a total on the last line");
        assert!(
            total >= rows,
            "{kinds:?}: {total} errors counted for {rows} broken rows"
        );
        let _ = writeln!(seen, "{kinds:?}: {rows} rows, {lines} lines, {total} errors");
    }
    eprintln!("{seen}");
}

/// Files near the documented limits (docs/guarantees.md, "Bounded error reports"): 40 MB
/// `relations.csv` files whose rows are as wide as a line can be (one row of 40 million empty
/// fields; a header of five million columns), rows of 200 fields, and (8 MB) rows of 64 KiB
/// cells that are all wrong. Each is refused with its problems counted, under a 1.5 GB address-space limit —
/// a row of 40 million fields once took 1.6 GB before its field count was checked.
#[test]
fn files_at_the_limits_are_refused_in_bounded_memory() {
    const SIZE: usize = 40 << 20;
    let cell = "Z".repeat(64 * 1024 - 1);
    /// What the file is, how to write its `relations.csv`, what `check` must say.
    type Shape<'a> = (&'a str, Box<dyn Fn() -> String + 'a>, &'a str);
    let shapes: [Shape; 4] = [
        (
            "a row of 40 million fields",
            Box::new(|| {
                format!(
                    "subject,predicate,object,date,source,quote,note\n{}\n",
                    ",".repeat(SIZE)
                )
            }),
            "relations.csv:2: the row has more than 1024 fields",
        ),
        (
            "a header of 5 million columns",
            Box::new(|| {
                let mut h: String = (0..5_000_000).map(|i| format!("c{i},")).collect();
                h.pop();
                h + "\n"
            }),
            "relations.csv:1: the row has more than 1024 fields",
        ),
        (
            "rows of 200 fields",
            Box::new(|| {
                let row = format!("{}\n", ",".repeat(199));
                format!(
                    "subject,predicate,object,date,source,quote,note\n{}",
                    row.repeat(SIZE / row.len())
                )
            }),
            "the row has 200 fields, the header has 7",
        ),
        (
            // 8 MB, as slow cells are slow to check in a debug build (each problem quotes its cell).
            "rows of 64 KiB cells, all wrong",
            Box::new(|| {
                let row = format!("{}\n", [cell.as_str(); 7].join(","));
                format!(
                    "subject,predicate,object,date,source,quote,note\n{}",
                    row.repeat(SIZE / 5 / row.len())
                )
            }),
            "relations.csv:19: bad 'date': bad EDTF date 'ZZZ",
        ),
    ];
    for (what, text, expected) in shapes {
        let dir = tempfile::tempdir().expect("tempdir");
        for name in ["sources.csv", "predicates.csv", "entities.csv"] {
            std::fs::copy(
                crate::support::root().join("graph-data").join(name),
                dir.path().join(name),
            )
            .expect("copy");
        }
        std::fs::write(dir.path().join("relations.csv"), text()).expect("write");
        let out = check_within_1_5_gb(dir.path(), &["--no-cache"]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        let head = &stderr[..stderr.floor_char_boundary(2000)];
        assert_eq!(out.status.code(), Some(1), "{what}: {head}");
        assert!(stderr.contains(expected), "{what}: {head}");
    }
}

/// `diplograph --data DIR [FLAGS] check` with its address space limited to 1.5 GB, so that an
/// allocation out of proportion to the input aborts the run instead of passing unseen.
fn check_within_1_5_gb(dir: &std::path::Path, flags: &[&str]) -> std::process::Output {
    Command::new("sh")
        .arg("-c")
        .arg("ulimit -v 1500000 && d=\"$1\" && shift && exec \"$0\" --data \"$d\" \"$@\" check")
        .arg(assert_cmd::cargo::cargo_bin("diplograph"))
        .arg(dir)
        .args(flags)
        .env_remove("DIPLOGRAPH_DATA")
        .output()
        .expect("runs")
}
