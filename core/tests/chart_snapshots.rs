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
    let svg = chart::monthly_svg(&seed_stats(), None);
    check("incidents_monthly.svg", &svg);
}

#[test]
fn subtype_chart_of_the_seed() {
    let svg = chart::subtype_svg(&seed_stats(), None);
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
    check(
        "audit_criteria.svg",
        &chart::criteria_table_svg(&pick, None),
    );
}

#[test]
fn charts_are_deterministic_and_well_formed() {
    let s = seed_stats();
    assert_eq!(chart::monthly_svg(&s, None), chart::monthly_svg(&s, None));
    for svg in [chart::monthly_svg(&s, None), chart::subtype_svg(&s, None)] {
        assert!(
            svg.starts_with(
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"800\" height=\"400\""
            )
        );
        assert!(svg.ends_with("</svg>\n"));
        assert_eq!(svg.matches("<text").count(), svg.matches("</text>").count());
        assert!(!svg.contains("NaN") && !svg.contains("inf"));
        // Issue 17 §7: the year in the title, nothing cut.
        assert!(svg.contains("<title>110 年度"));
        assert!(!svg.contains('…'));
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
    xml(&chart::monthly_svg(&s, None));
    xml(&chart::subtype_svg(&s, None));
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
    xml(&chart::monthly_svg(&stats, None));
    let texts = xml(&chart::subtype_svg(&stats, None)).join("\n");
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
    xml(&chart::criteria_table_svg(&pick, None));
}

#[test]
fn long_labels_are_wrapped_or_widened_never_cut() {
    let p = Policy::default();
    let rows: Vec<incident::Incident> = serde_json::from_value(serde_json::json!([
        {"id": "1", "unit": "新北市新莊區新莊國民小學", "level": 1, "subtype": "其他", "reported_at": "2021/03/10 12:06"},
        {"id": "2", "unit": "新北市新莊區新莊國民中學", "level": 1, "subtype": "阻斷服務攻擊(DoS/DDoS)", "reported_at": "2021/03/11 12:06"},
        {"id": "3", "unit": "A", "level": 1, "subtype": "阻斷服務攻擊(DoS/DDoS)", "reported_at": "2022/01/11 12:06"},
        {"id": "4", "unit": "A", "level": 1, "subtype": "一個非常非常長的子類型名稱，長到一行放不下也不能被截斷的那一種(Very Long Subtype Label)", "reported_at": "2022/01/12 12:06"}
    ]))
    .unwrap();
    let now = calendar::parse_datetime("2022-02-01T00:00:00+08:00").unwrap();
    let s = incident::stats(&rows, now, &p);
    let sub = chart::subtype_svg(&s, None);
    assert!(sub.contains(">阻斷服務攻擊(DoS/DDoS)<"));
    assert!(sub.contains("<title>110–111 年度攻擊分類案件統計</title>"));
    // 其他 is last although it ties the others.
    let other = sub.find(">其他<").unwrap();
    assert!(sub.find(">阻斷服務攻擊(DoS/DDoS)<").unwrap() < other);
    assert!(!sub.contains('…'));
    let titled = chart::monthly_svg(&s, Some("本校 110 年度通報"));
    assert!(titled.contains("<title>本校 110 年度通報</title>") && titled.contains(">件數<"));
    let schools: Vec<audit::AuditSchool> = serde_json::from_value(serde_json::json!([
        {"school": "014601", "name": "新北市新莊區新莊國民小學附設幼兒園與補校", "security_grade": "C"}
    ]))
    .unwrap();
    let pick = audit::pick(&schools, &[], None, &p).unwrap();
    let table = chart::criteria_table_svg(&pick, None);
    assert!(table.contains(">新北市新莊區新莊國民小學附設幼兒園與補校<"));
}
