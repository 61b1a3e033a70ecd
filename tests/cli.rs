//! The `caatsa-screen` command line, run as a user runs it: the shipped demo manifests, output
//! formats, exit codes, errors, and the names and indicators commands.

use std::io::Write;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_caatsa-screen"))
}

fn fixture(name: &str) -> String {
    format!("{}/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))
}

fn run(args: &[&str]) -> Output {
    bin().args(args).output().expect("the binary runs")
}

fn run_with_stdin(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = bin()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    child.wait_with_output().unwrap()
}

fn verdicts(result: &Value) -> Vec<(String, u64, String)> {
    result["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["shipment_id"].as_str().unwrap().to_owned(),
                r["line"].as_u64().unwrap(),
                r["verdict"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

#[test]
fn the_demo_manifest_gets_the_documented_verdicts() {
    let out = run(&["screen", &fixture("demo_manifest.csv")]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let result: Value = serde_json::from_slice(&out.stdout).expect("JSON result");
    let expected = [
        ("COSU6201448790", 1, "prohibited"),
        ("COSU6201448790", 2, "prohibited"),
        ("MEDUPX118852", 1, "prohibited"),
        ("MEDUPX118853", 1, "high_risk"),
        ("MEDUPX118854", 1, "review"),
        ("HDMUSE229104", 1, "clear"),
        ("HDMUSE229104", 2, "clear"),
        ("OOLU2730941", 1, "presumption"),
        ("OOLU2730955", 1, "high_risk"),
        ("OOLU2730960", 1, "review"),
        ("EGLV1450022", 1, "prohibited"),
        ("EGLV1450030", 1, "review"),
        ("EGLV1450031", 1, "high_risk"),
        ("EGLV1450040", 1, "clear"),
        ("EGLV1450041", 1, "clear"),
    ];
    let got = verdicts(&result);
    let want: Vec<(String, u64, String)> = expected
        .iter()
        .map(|(s, l, v)| (s.to_string(), *l, v.to_string()))
        .collect();
    assert_eq!(got, want);
    assert_eq!(result["summary"]["errors"], 1);
    assert_eq!(result["errors"][0]["line"], 17);
    assert!(result["indicators_version"].as_str().unwrap().contains('+'));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("screened 15 lines"), "{stderr}");
    assert!(stderr.contains("4 prohibited, 1 presumption"), "{stderr}");
    // The built-in list is years old: the result and stderr say so.
    assert_eq!(result["warnings"][0]["code"], "STALE_LIST");
    assert!(
        stderr.contains("warning: The OFAC list used is dated"),
        "{stderr}"
    );
}

#[test]
fn every_flag_shows_the_matched_name_score_and_source_url() {
    let out = run(&["screen", &fixture("demo_manifest.csv")]);
    let result: Value = serde_json::from_slice(&out.stdout).unwrap();
    let (texts, sources) = (&result["legal_texts"], &result["sources"]);
    let (laws, notes) = (&result["laws"], &result["notes"]);
    let (mut cited_texts, mut cited_sources) = (Vec::new(), Vec::new());
    let (mut cited_laws, mut cited_notes) = (Vec::new(), Vec::new());
    for line in result["results"].as_array().unwrap() {
        for flag in line["flags"].as_array().unwrap() {
            for id in flag["law"].as_array().unwrap() {
                let law = &laws[id.as_str().unwrap()];
                cited_laws.push(id.as_str().unwrap().to_owned());
                let basis = law["legal_basis"].as_array().unwrap();
                assert!(!basis.is_empty());
                assert!(!law["guidance"].as_str().unwrap().is_empty());
                for c in basis {
                    let quoted = &texts[c["id"].as_str().unwrap()];
                    assert_eq!(quoted["citation"], c["citation"], "{c}");
                    assert!(quoted["text"].as_str().is_some_and(|t| !t.is_empty()));
                    cited_texts.push(c["id"].as_str().unwrap().to_owned());
                }
            }
            for e in flag["evidence"].as_array().unwrap() {
                assert!(e["matched"].as_str().is_some_and(|m| !m.is_empty()));
                assert!(e["score"]
                    .as_f64()
                    .is_some_and(|s| (0.0..=1.0).contains(&s)));
                let id = e["source"].as_str().unwrap();
                assert!(
                    sources[id]["url"]
                        .as_str()
                        .is_some_and(|u| u.starts_with("http")),
                    "{e}"
                );
                cited_sources.push(id.to_owned());
                if let Some(note) = e["note"].as_str() {
                    assert!(notes[note].as_str().is_some_and(|n| !n.is_empty()), "{e}");
                    cited_notes.push(note.to_owned());
                }
            }
        }
    }
    // The tables list what the lines cite, and nothing else.
    for (table, cited) in [
        (texts, &cited_texts),
        (sources, &cited_sources),
        (laws, &cited_laws),
        (notes, &cited_notes),
    ] {
        let listed = table.as_object().unwrap();
        assert!(listed.keys().all(|k| cited.contains(k)), "{table}");
    }
}

#[test]
fn json_input_screens_like_csv_input() {
    let out = run(&["screen", &fixture("demo_manifest.json")]);
    assert!(out.status.success());
    let result: Value = serde_json::from_slice(&out.stdout).unwrap();
    let got = verdicts(&result);
    assert_eq!(got.len(), 5);
    assert_eq!(
        got[2],
        ("ONEYNB4417350".to_string(), 1, "prohibited".to_string())
    );
    assert_eq!(
        got[3],
        ("ONEYNB4417350".to_string(), 2, "clear".to_string()),
        "a South Korean line stays clear"
    );
}

#[test]
fn csv_output_neutralizes_formulas() {
    let manifest = "Shipper,Country of Origin\n=HYPERLINK(\"http://evil\"),CN\n@SUM(1),KP\n";
    let out = run_with_stdin(
        &["screen", "-", "--input-format", "csv", "--format", "csv"],
        manifest.as_bytes(),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut reader = csv::Reader::from_reader(&out.stdout[..]);
    let headers = reader.headers().unwrap().clone();
    assert_eq!(&headers[3], "supplier_name");
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(&rows[0][3], "'=HYPERLINK(\"http://evil\")");
    assert_eq!(&rows[1][3], "'@SUM(1)");
    for row in &rows {
        assert!(
            row.iter()
                .all(|cell| !cell.starts_with(['=', '+', '-', '@', '\t', '\r'])),
            "{row:?}"
        );
    }
}

#[test]
fn fail_on_exits_3_when_a_line_reaches_the_level() {
    let out = run(&[
        "screen",
        &fixture("demo_manifest.csv"),
        "--fail-on",
        "presumption",
        "--out",
        "/dev/null",
    ]);
    assert_eq!(out.status.code(), Some(3));
    let clear = "Shipper,Country of Origin\nLG Electronics Inc.,\"Korea, Republic of\"\n";
    let out = run_with_stdin(
        &[
            "screen",
            "-",
            "--input-format",
            "csv",
            "--fail-on",
            "review",
        ],
        clear.as_bytes(),
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn fail_on_levels_are_written_as_the_verdicts_are() {
    // The demo manifest has high_risk lines: both spellings of the level trip on them.
    for level in ["high_risk", "high-risk"] {
        let manifest = fixture("demo_manifest.csv");
        let out = run(&[
            "screen",
            &manifest,
            "--fail-on",
            level,
            "--allow-row-errors",
            "--out",
            "/dev/null",
        ]);
        assert_eq!(
            out.status.code(),
            Some(3),
            "{level}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

#[test]
fn fail_on_also_trips_on_a_row_that_could_not_be_read_unless_allowed() {
    // The second row names nothing to screen: it is a row error, not a clear line.
    let csv = "Bill of Lading,Shipper,Country of Origin\n\
               B1,LG Electronics Inc.,\"Korea, Republic of\"\nB2,,\n";
    let args = [
        "screen",
        "-",
        "--input-format",
        "csv",
        "--fail-on",
        "review",
    ];
    let out = run_with_stdin(&args, csv.as_bytes());
    assert_eq!(out.status.code(), Some(3));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("could not be read"), "{stderr}");
    let allowed = [&args[..], &["--allow-row-errors"]].concat();
    let out = run_with_stdin(&allowed, csv.as_bytes());
    assert_eq!(out.status.code(), Some(0));
    let result: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        result["errors"].as_array().map(Vec::len),
        Some(1),
        "still listed"
    );
}

#[test]
fn fail_on_prohibited_and_the_list_age_limit() {
    // Only the enforcement target is a presumption line; it is not prohibited.
    let target = "Shipper,Country of Origin\nLi-Ning Sporting Goods Co. Ltd.,CN\n";
    let args = [
        "screen",
        "-",
        "--input-format",
        "csv",
        "--fail-on",
        "prohibited",
    ];
    let out = run_with_stdin(&args, target.as_bytes());
    assert_eq!(out.status.code(), Some(0));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("warning: The OFAC list used is dated"),
        "{stderr}"
    );
    let goods = "Shipper,Country of Origin\nAny Trading Co,North Korea\n";
    let out = run_with_stdin(&args, goods.as_bytes());
    assert_eq!(out.status.code(), Some(3));
    let lenient = [&args[..], &["--max-list-age", "100000"]].concat();
    let out = run_with_stdin(&lenient, goods.as_bytes());
    let result: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(result["warnings"], serde_json::json!([]));
    assert!(!String::from_utf8_lossy(&out.stderr).contains("OFAC list used"));
}

#[test]
fn names_search_lists_each_entity_once_in_the_library_order() {
    use caatsa_screen::indicators::KnowledgeBase;
    use caatsa_screen::screening::search::search_entities;
    use caatsa_screen::screening::Screener;
    let out = run(&["names", "search", "Korea Trading", "--limit", "20"]);
    assert!(out.status.success());
    let stdout = String::from_utf8_lossy(&out.stdout);
    let printed: Vec<String> = stdout
        .lines()
        .skip(1)
        .filter_map(|l| l.split('\t').nth(2))
        .filter_map(|entity| entity.split(' ').next())
        .map(str::to_owned)
        .collect();
    let screener = Screener::new(std::sync::Arc::new(KnowledgeBase::builtin().unwrap()));
    let library: Vec<String> = search_entities(screener.parties(), "Korea Trading", None, 0.5, 20)
        .into_iter()
        .map(|h| screener.kb().entities[h.entity].id.clone())
        .collect();
    assert!(printed.len() > 1, "{stdout}");
    assert_eq!(
        printed, library,
        "the CLI lists what the API's search function returns"
    );
}

#[test]
fn results_can_be_written_to_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("result.csv");
    let out = run(&[
        "screen",
        &fixture("demo_manifest.csv"),
        "--format",
        "csv",
        "--out",
        path.to_str().unwrap(),
    ]);
    assert!(out.status.success());
    assert!(out.stdout.is_empty());
    let text = std::fs::read_to_string(path).unwrap();
    assert_eq!(
        csv::Reader::from_reader(text.as_bytes()).records().count(),
        16,
        "15 lines + 1 row error"
    );
}

#[test]
fn a_missing_file_is_a_one_line_error() {
    let out = run(&["screen", "no/such/manifest.csv"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.trim().lines().count(), 1, "{stderr}");
    assert!(stderr.contains("no/such/manifest.csv"));
}

#[test]
fn a_file_with_no_screenable_column_is_refused_with_the_accepted_headers() {
    let out = run_with_stdin(
        &["screen", "-", "--input-format", "csv"],
        b"colour,size\nred,L\n",
    );
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("supplier") || stderr.contains("Shipper"),
        "{stderr}"
    );
}

#[test]
fn a_row_that_is_not_utf8_is_an_error_and_the_others_are_screened() {
    let mut bytes = b"Shipper,Country of Origin\nKorea Ryonbong General Corp,CN\n".to_vec();
    bytes.extend_from_slice(b"Caf\xe9 Trading,FR\nLG Electronics,KR\n");
    let out = run_with_stdin(&["screen", "-", "--input-format", "csv"], &bytes);
    assert!(out.status.success());
    let result: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(result["summary"]["lines"], 2);
    assert_eq!(result["summary"]["errors"], 1);
    let message = result["errors"][0]["message"].as_str().unwrap();
    assert!(message.contains("byte offset"), "{message}");
    assert_eq!(result["errors"][0]["line"], 3);
}

#[test]
fn names_score_prints_score_and_match_per_pair() {
    let input = "name1\tname2\tkind\nKIM, Jong Un\tKim Jong-un\tPerson\nKIM, Jong Un\tKim Jong Il\tPerson\nKOREA RYONBONG GENERAL CORPORATION\tKorea Ryeonbong General Corp.\n";
    let out = run_with_stdin(&["names", "score"], input.as_bytes());
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "score\tmatch");
    assert!(lines[1].ends_with("\ttrue"), "{}", lines[1]);
    assert!(lines[2].ends_with("\tfalse"), "{}", lines[2]);
    assert!(lines[3].ends_with("\ttrue"), "{}", lines[3]);
    let score: f64 = lines[2].split('\t').next().unwrap().parse().unwrap();
    assert!((0.0..1.0).contains(&score));
}

#[test]
fn names_score_rejects_a_line_without_two_names() {
    let out = run_with_stdin(&["names", "score"], b"only one name\n");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("stdin line 1"));
}

#[test]
fn names_search_lists_hits_with_their_source() {
    let out = run(&["names", "search", "Ryeonbong General"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("KOREA RYONBONG GENERAL CORPORATION") && text.contains("https://"),
        "{text}"
    );
}

#[test]
fn indicators_import_builds_a_knowledge_base_that_screen_uses() {
    let dir = tempfile::tempdir().unwrap();
    let snapshot = dir.path().join("kb.json");
    let ofac = format!("{}/data/ofac/dprk", env!("CARGO_MANIFEST_DIR"));
    let out = run(&[
        "indicators",
        "import",
        "--ofac-dir",
        &ofac,
        "--ofac-date",
        "2024-05-03",
        "--out",
        snapshot.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("imported 559 SDN entries"));
    let shown = run(&[
        "indicators",
        "show",
        "--json",
        "--indicators",
        snapshot.to_str().unwrap(),
    ]);
    let summary: Value = serde_json::from_slice(&shown.stdout).unwrap();
    assert_eq!(summary["ofac"]["entries"], 559);
    assert!(summary["sources"].as_array().unwrap().len() > 10);
    let screened = run(&[
        "screen",
        &fixture("demo_manifest.csv"),
        "--indicators",
        snapshot.to_str().unwrap(),
    ]);
    let result: Value = serde_json::from_slice(&screened.stdout).unwrap();
    assert_eq!(result["indicators_version"], summary["version"]["id"]);
    assert_eq!(result["summary"]["prohibited"], 4);
    assert_eq!(result["summary"]["presumption"], 1);
}

#[test]
fn a_broken_snapshot_is_refused_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.json");
    std::fs::write(&path, "{\"not\":\"a snapshot\"}").unwrap();
    let out = run(&[
        "screen",
        &fixture("demo_manifest.csv"),
        "--indicators",
        path.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a knowledge-base snapshot"));
}

/// Runs `caatsa-screen ARGS` on a pseudo-terminal (util-linux `script`), as a person at a
/// terminal runs it; returns what the terminal showed (stdout and stderr together).
fn run_on_a_terminal(args: &str, no_color: bool) -> String {
    let command = format!("'{}' {args}", env!("CARGO_BIN_EXE_caatsa-screen"));
    let mut script = Command::new("script");
    script.args(["-qec", &command, "/dev/null"]);
    if no_color {
        script.env("NO_COLOR", "1");
    } else {
        script.env_remove("NO_COLOR");
    }
    let out = script.output().expect("util-linux `script` runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn on_a_terminal_screen_prints_a_table_with_verdict_words_and_says_how_to_get_json() {
    let manifest = fixture("demo_manifest.csv");
    let shown = run_on_a_terminal(&format!("screen '{manifest}'"), false);
    assert!(
        shown.contains("SHIPMENT") && shown.contains("VERDICT"),
        "{shown}"
    );
    assert!(
        !shown.contains("\"screening_id\""),
        "no JSON on a terminal: {shown}"
    );
    // Colour tints the word; it never replaces it.
    assert!(shown.contains("\x1b[1;31mprohibited"), "{shown}");
    assert!(
        shown.contains("--format json"),
        "says how to get JSON: {shown}"
    );
    // One row per screened line, in input order, with the verdicts of the JSON result.
    let json: Value = serde_json::from_slice(&run(&["screen", &manifest]).stdout).unwrap();
    for (shipment, line, verdict) in verdicts(&json) {
        let row = shown
            .lines()
            .find(|l| {
                l.starts_with(&shipment) && l.split_whitespace().nth(1) == Some(&line.to_string())
            })
            .unwrap_or_else(|| panic!("no row for {shipment} line {line}: {shown}"));
        assert!(row.contains(&verdict), "{row}");
    }
    assert!(
        shown.contains("Rows not read"),
        "row errors are shown: {shown}"
    );

    let plain = run_on_a_terminal(&format!("screen '{manifest}'"), true);
    assert!(
        plain.contains("prohibited") && !plain.contains("\x1b[1;31m"),
        "NO_COLOR: {plain}"
    );
}

#[test]
fn format_table_can_be_asked_for_anywhere_and_names_search_aligns_on_a_terminal() {
    let out = run(&["screen", &fixture("demo_manifest.csv"), "--format", "table"]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("SHIPMENT"), "{text}");
    assert!(
        !text.contains('\x1b'),
        "no colour when not on a terminal: {text}"
    );

    let shown = run_on_a_terminal("names search 'Ryonbong General'", true);
    assert!(shown.contains("SCORE") && !shown.contains('\t'), "{shown}");
    assert!(
        shown.contains("KOREA RYONBONG GENERAL CORPORATION"),
        "{shown}"
    );
}

#[test]
fn an_ams_folder_is_joined_screened_and_its_unjoined_rows_reported() {
    let output = run(&[
        "screen",
        "--ams",
        &fixture("ams2020_jackyho112"),
        "--format",
        "json",
    ]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let result: Value = serde_json::from_slice(&output.stdout).expect("JSON result");
    assert_eq!(result["summary"]["lines"], 7);
    assert_eq!(result["summary"]["errors"], 50);
    assert_eq!(
        result["results"][2]["input"]["consignee"],
        "WILLIAMS-SONOMA SINGAPORE PTE LIMIT"
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("cell24_tariff_schedule.csv is not an AMS table"),
        "{stderr}"
    );

    let both = run(&[
        "screen",
        &fixture("demo_manifest.csv"),
        "--ams",
        &fixture("ams2020_jackyho112"),
    ]);
    assert!(
        !both.status.success(),
        "a file and --ams are one input too many"
    );
}

#[path = "cli/records.rs"]
mod records;
