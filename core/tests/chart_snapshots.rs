//! Snapshot tests of the SVG charts (RULES §7, §8): the exact bytes of the charts of
//! the seed data (`examples/data/incidents.csv`, seed 000 PART FOUR) and of the
//! example audit lists are pinned in `core/tests/snapshots/`.
//!
//! After an intended change, rewrite the snapshots with
//! `UPDATE_SNAPSHOTS=1 cargo test -p ntpc-policy --test chart_snapshots`, look at
//! them, and commit them.

use ntpc_policy::import::ImportOptions;
use ntpc_policy::{Policy, audit, calendar, chart, incident};
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn example(name: &str) -> Vec<u8> {
    std::fs::read(root().join("examples/data").join(name)).expect("example data exists")
}

fn check(name: &str, svg: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/snapshots")
        .join(name);
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&path, svg).expect("snapshot written");
        return;
    }
    let want = std::fs::read_to_string(&path).unwrap_or_else(|_| {
        panic!(
            "missing snapshot {}; run with UPDATE_SNAPSHOTS=1",
            path.display()
        )
    });
    assert!(
        want == svg,
        "{name} differs from its snapshot; rerun with UPDATE_SNAPSHOTS=1 if intended"
    );
}

fn seed_stats() -> incident::IncidentStats {
    let p = Policy::default();
    let rows = incident::import(&example("incidents.csv"), &ImportOptions::default(), &p).unwrap();
    assert_eq!((rows.records.len(), rows.errors.len()), (6, 0));
    let now = calendar::parse_datetime("2021-12-07T00:00:00+08:00").unwrap();
    incident::stats(&rows.records, now, &p)
}

#[test]
fn monthly_chart_of_the_seed() {
    let svg = chart::monthly_svg(&seed_stats());
    check("incidents_monthly.svg", &svg);
}

#[test]
fn subtype_chart_of_the_seed() {
    let svg = chart::subtype_svg(&seed_stats());
    check("incidents_subtype.svg", &svg);
}

#[test]
fn criteria_table_of_the_examples() {
    let p = Policy::default();
    let o = ImportOptions::default();
    let schools = audit::import_schools(&example("audit_schools.csv"), &o, &p).unwrap();
    let scans = audit::import_scans(&example("audit_scans.csv"), &o, &p).unwrap();
    let pick = audit::pick(&schools.records, &scans.records, Some(4), &p).unwrap();
    assert_eq!(pick.picked.len(), 4);
    check("audit_criteria.svg", &chart::criteria_table_svg(&pick));
}

#[test]
fn charts_are_deterministic_and_well_formed() {
    let s = seed_stats();
    assert_eq!(chart::monthly_svg(&s), chart::monthly_svg(&s));
    for svg in [chart::monthly_svg(&s), chart::subtype_svg(&s)] {
        assert!(
            svg.starts_with(
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"800\" height=\"400\""
            )
        );
        assert!(svg.ends_with("</svg>\n"));
        assert_eq!(svg.matches("<text").count(), svg.matches("</text>").count());
        assert!(!svg.contains("NaN") && !svg.contains("inf"));
    }
}

/// Issue 14 §5: every chart is XML 1.0 an XML parser reads, whatever the labels
/// hold: noncharacters U+FFFE/U+FFFF, C0 and C1 controls, markup, `]]>`,
/// entities, lone combining marks, astral characters. The charts of the seed
/// data are checked with the parser too.
#[test]
fn svg_is_well_formed_xml_for_any_label() {
    let xml = |svg: &str| {
        roxmltree::Document::parse(svg)
            .unwrap_or_else(|e| panic!("not well-formed ({e}): {svg}"))
            .root_element()
            .descendants()
            .filter(|n| n.has_tag_name("text"))
            .map(|n| n.text().unwrap_or_default().to_owned())
            .collect::<Vec<String>>()
    };
    let s = seed_stats();
    xml(&chart::monthly_svg(&s));
    xml(&chart::subtype_svg(&s));
    let labels = [
        "a\u{FFFE}b",
        "\u{FFFF}",
        "x\u{0}\u{1}\u{8}\u{b}\u{c}\u{1b}[31m\u{7f}\u{85}\u{9f}y",
        "<script>&amp;</script>]]>",
        "&#xFFFE;&bogus;",
        "\u{301}\u{200B}\u{202E}",
        "𝐀\u{10FFFF}\u{E000}",
        "\"quoted' \r\n\t",
    ];
    let incidents: Vec<incident::Incident> = labels
        .iter()
        .enumerate()
        .map(|(i, l)| {
            serde_json::from_value(serde_json::json!({
                "id": i.to_string(), "unit": l, "level": 1, "subtype": l,
                "reported_at": format!("2021-0{}-01T09:00:00+08:00", 1 + i),
            }))
            .unwrap()
        })
        .collect();
    let now = calendar::parse_datetime("2021-12-07T00:00:00+08:00").unwrap();
    let stats = incident::stats(&incidents, now, &Policy::default());
    xml(&chart::monthly_svg(&stats));
    let texts = xml(&chart::subtype_svg(&stats)).join("\n");
    // The markup is text: shown, not interpreted.
    assert!(texts.contains("<script>&amp;"), "{texts}");
    assert!(texts.contains("ab") && texts.contains("x[31m"), "{texts}");
    let schools: Vec<audit::AuditSchool> = labels
        .iter()
        .map(|l| audit::AuditSchool {
            school: (*l).to_owned(),
            name: Some((*l).to_owned()),
            security_grade: Some("C".into()),
            ..Default::default()
        })
        .collect();
    let pick = audit::pick(&schools, &[], None, &Policy::default()).unwrap();
    xml(&chart::criteria_table_svg(&pick));
}
