//! Properties of the security-operations modules: no input makes the importer,
//! the deadline rules, the drill list or the pick panic; an escaped cell reads
//! back as itself (with the formula guard); the pick keeps every school tied with
//! a picked one.

use ntpc_policy::audit::{self, AuditSchool};
use ntpc_policy::import::{self, ImportOptions};
use ntpc_policy::incident::{self, Incident, Status};
use ntpc_policy::{Policy, calendar, chart};
use proptest::prelude::*;

fn at(minutes: i64) -> chrono::DateTime<chrono::FixedOffset> {
    calendar::parse_datetime("2021-09-01T00:00:00+08:00").unwrap()
        + chrono::TimeDelta::minutes(minutes)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn importer_never_panics_on_bytes(data in proptest::collection::vec(any::<u8>(), 0..400)) {
        let p = Policy::default();
        let _ = incident::import(&data, &ImportOptions::default(), &p);
        let _ = audit::import_scans(&data, &ImportOptions::default(), &p);
    }

    #[test]
    fn importer_never_panics_on_table_like_text(
        cells in proptest::collection::vec("[編號通報單位等級,\t\"\r\n 1級=@+-a-z0-9/:]{0,12}", 0..40)
    ) {
        let text = format!("編號,通報單位,等級,發生時間\n{}", cells.concat());
        let p = Policy::default();
        if let Ok(got) = incident::import(text.as_bytes(), &ImportOptions::default(), &p) {
            prop_assert_eq!(got.records.len(), got.lines.len());
            prop_assert!((got.records.len() + got.errors.len()) as u64 <= got.rows + 1);
        }
    }

    #[test]
    fn escaped_cells_read_back(value in "\\PC{0,20}") {
        let cell = import::csv_escape_cell(&value);
        let line = format!("{cell},x\n");
        let mut r = csv::ReaderBuilder::new().has_headers(false).from_reader(line.as_bytes());
        let rec = r.records().next().unwrap().unwrap();
        let got = rec.get(0).unwrap();
        let guarded = format!("'{}", value);
        prop_assert!(got == value || got == guarded);
        prop_assert!(!got.starts_with(['=', '+', '@']) || got.parse::<f64>().is_ok());
    }

    #[test]
    fn deadlines_are_consistent(
        level in 0u8..=4, aware in proptest::option::of(-5000i64..5000),
        reported in proptest::option::of(-5000i64..5000), now in -5000i64..20000,
    ) {
        let inc = Incident {
            id: "x".into(), unit: "u".into(), level, reported_level: None, event_type: None, subtype: None,
            occurred_at: None, aware_at: aware.map(at), reported_at: reported.map(at), reviewed_at: None,
            recovered_at: None, report_filed_at: None, ip: None, unit_as_written: None,
            not_recorded: Vec::new(),
        };
        let r = incident::evaluate(&inc, at(now), &Policy::default()).unwrap();
        prop_assert_eq!(r.obligations.len(), if level == 0 { 2 } else { 4 });
        let notify = &r.obligations[0];
        match (aware, reported) {
            (None, _) => prop_assert_eq!(notify.status, Status::Unknown),
            (Some(a), Some(rep)) => prop_assert_eq!(notify.status == Status::Met, rep <= a + 60),
            (Some(a), None) => prop_assert_eq!(notify.status == Status::Open, now <= a + 60),
        }
        prop_assert!(notify.margin_minutes.unwrap_or(0) >= 0 && notify.delay_minutes.unwrap_or(1) >= 1);
    }

    #[test]
    fn the_pick_keeps_ties_and_never_panics(
        values in proptest::collection::vec((0u64..6, 0u32..4, 0u32..2), 0..60), capacity in proptest::option::of(0u32..30),
    ) {
        let schools: Vec<AuditSchool> = values.iter().enumerate().map(|(i, (d, n, c))| AuditSchool {
            school: format!("{i:03}"), drill_overtime_minutes: Some(*d), previous_year_incidents: Some(*n),
            citizen_complaints: Some(*c), ..AuditSchool::default()
        }).collect();
        let p = Policy::from_json(r#"{"audit": {"drill_top_n": 5, "incident_top_n": 3}}"#).unwrap();
        let pick = audit::pick(&schools, &[], capacity, &p).unwrap();
        let all: Vec<_> = pick.picked.iter().chain(&pick.over_capacity).collect();
        prop_assert_eq!(all.len(), pick.eligible);
        let chosen = |code: &str| all.iter().any(|s| s.school == code);
        for s in &schools {
            let d = s.drill_overtime_minutes.unwrap();
            let better = schools.iter().filter(|o| o.drill_overtime_minutes.unwrap() > d).count();
            let by_drill = d > 0 && better < 5;
            if by_drill || s.citizen_complaints.unwrap() > 0 {
                prop_assert!(chosen(&s.school), "{} should be picked", s.school);
            }
        }
        for w in all.windows(2) {
            prop_assert!(w[0].criteria_met >= w[1].criteria_met);
        }
        let _ = chart::criteria_table_svg(&pick, None);
    }
}
