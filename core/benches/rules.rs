//! Criterion benchmarks of the hot paths (`make bench`), on the inputs of issue #8:
//! ID classification (1 M mixed strings), password checks (10-character
//! passwords; the composition check alone and the full check with the
//! weak-password detection on a realistic mix, issue 22), text scans (100 MB ASCII with an ID-like token every ~2 KB, and a
//! full-width text; default, HTML and tolerant modes) against the `regex` crate, ROC date parsing, and the
//! custom-account check over 650,000 names. Timed here, never in unit tests.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

/// With feature `bench-mimalloc` the benches run on mimalloc, the allocator the
/// Python and Node packages ship (issue 20): `make bench` runs the
/// allocation-heavy groups both ways, and the group names carry [`ALLOC`] so
/// both sets of figures are kept side by side.
#[cfg(feature = "bench-mimalloc")]
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Appended to a group's name on mimalloc.
const ALLOC: &str = if cfg!(feature = "bench-mimalloc") {
    " mimalloc"
} else {
    ""
};
use ntpc_policy::{Policy, calendar, identity, password};
use std::hint::black_box;

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

/// Half valid IDs, a quarter with a bad checksum, a quarter random strings.
pub fn mixed_ids(n: usize) -> Vec<String> {
    let mut r = Rng(0x2545_f491_4f6c_dd1d);
    (0..n)
        .map(|i| {
            let x = r.next();
            let letter = char::from(b'A' + (x % 26) as u8);
            let second = ['1', '2', '8', '9', 'A', 'B', 'C', 'D'][(x >> 8) as usize % 8];
            let digits: String = (0..7)
                .map(|k| char::from(b'0' + ((x >> (12 + k * 4)) % 10) as u8))
                .collect();
            let prefix = format!("{letter}{second}{digits}");
            let valid = (0..10)
                .map(|d| format!("{prefix}{d}"))
                .find(|s| identity::checksum_valid(s))
                .unwrap_or_default();
            match i % 4 {
                0 | 1 => valid,
                2 => {
                    let last = valid.as_bytes()[9] - b'0';
                    format!("{prefix}{}", (last + 1) % 10)
                }
                _ => format!("user{:06}x{}", x % 1_000_000, x % 7),
            }
        })
        .collect()
}

fn prose(bytes: usize, fullwidth: bool) -> String {
    let words = [
        "the", "school", "report", "network", "students", "teacher", "mail", "系統", "帳號",
        "lunch",
    ];
    let ascii_words = &words[..7];
    let mut r = Rng(7);
    let mut text = String::with_capacity(bytes + 4096);
    let mut since = 0;
    while text.len() < bytes {
        let x = r.next() as usize;
        text.push_str(if fullwidth {
            words[x % words.len()]
        } else {
            ascii_words[x % ascii_words.len()]
        });
        text.push(if x.is_multiple_of(13) { '\n' } else { ' ' });
        if text.len() - since > 2000 {
            text.push_str(if fullwidth && x.is_multiple_of(2) {
                "Ａ１２３４５６７８９ "
            } else {
                "A123456789 "
            });
            since = text.len();
        }
    }
    text
}

/// 64 passwords from each weak-password evaluation set (issue 22), interleaved.
fn realistic_mix() -> Vec<String> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/passwords");
    let sets: Vec<Vec<String>> = ["a_top", "a_heldout", "b_taiwan", "random_strong"]
        .iter()
        .map(|name| {
            let text = std::fs::read_to_string(dir.join(format!("{name}.json"))).unwrap();
            let doc: serde_json::Value = serde_json::from_str(&text).unwrap();
            doc["passwords"]
                .as_array()
                .unwrap()
                .iter()
                .take(64)
                .map(|p| {
                    p.as_str()
                        .or_else(|| p["password"].as_str())
                        .unwrap()
                        .to_owned()
                })
                .collect()
        })
        .collect();
    (0..64)
        .flat_map(|i| sets.iter().map(move |s| s[i].clone()))
        .collect()
}

fn bench(c: &mut Criterion) {
    let policy = Policy::default();

    let ids = mixed_ids(1_000_000);
    let mut g = c.benchmark_group("identity");
    g.throughput(Throughput::Elements(ids.len() as u64));
    g.sample_size(20);
    g.bench_function("classify 1M mixed", |b| {
        b.iter(|| {
            ids.iter()
                .filter(|s| identity::classify(s).checksum_valid)
                .count()
        })
    });
    // The floor under any per-string function over this list: reading each
    // string's first byte (1 M separately allocated strings, through pointers).
    g.bench_function("floor first byte of each string", |b| {
        b.iter(|| {
            ids.iter()
                .map(|s| usize::from(black_box(s.as_bytes()).first().copied().unwrap_or(0)))
                .sum::<usize>()
        })
    });
    let names: Vec<String> = ids
        .iter()
        .take(650_000)
        .map(|s| format!("{}@apps.ntpc.edu.tw", s.to_lowercase()))
        .collect();
    g.throughput(Throughput::Elements(names.len() as u64));
    g.sample_size(10);
    g.bench_function("check_account 650k", |b| {
        b.iter(|| {
            names
                .iter()
                .filter(|s| identity::check_account(s, &policy).id_format)
                .count()
        })
    });
    g.finish();

    let re = regex::Regex::new(r"\b[A-Z][12ABCD89][0-9]{8}\b").unwrap();
    for (name, text) in [
        ("ascii 100 MB", prose(100 << 20, false)),
        ("full-width 20 MB", prose(20 << 20, true)),
    ] {
        let mut g = c.benchmark_group(format!("scan {name}"));
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.sample_size(10);
        g.bench_function("ntpc-policy scan", |b| {
            b.iter(|| identity::scan(black_box(&text), &policy).unwrap().len())
        });
        // The opt-in modes of issue 14 §1 over the same text (HTML mode also
        // stops at `<` `>`; the tolerant mode steps back over spaced words).
        for (mode, options) in [
            (
                "html",
                identity::ScanOptions {
                    html: true,
                    loose: false,
                },
            ),
            (
                "loose",
                identity::ScanOptions {
                    html: false,
                    loose: true,
                },
            ),
        ] {
            g.bench_function(format!("ntpc-policy scan {mode}"), |b| {
                b.iter(|| {
                    identity::scan_with(black_box(&text), &options, &policy)
                        .unwrap()
                        .len()
                })
            });
        }
        g.bench_function("regex crate", |b| {
            b.iter(|| re.find_iter(black_box(&text)).count())
        });
        // The floor under any pass over the text: one read of every byte.
        g.bench_function("floor is_ascii", |b| b.iter(|| black_box(&text).is_ascii()));
        g.finish();
    }

    // Typical good 10-character passwords (a login or a keystroke that passes),
    // and a mix in which most draw findings (which allocate their parameters).
    let good = [
        "Tq7#vLm2pX",
        "kite2MOON!",
        "Zx9!Zx9!Zx",
        "Rain#2Sun9",
        "Blue_Sky42",
        "mO0n$Walk7",
    ];
    let mixed = [
        "Tq7#vLm2pX",
        "ntpc1234ab",
        "Aa12345678",
        "p@ssw0rd!!",
        "Zx9!Zx9!Zx",
        "kite2MOON!",
        "Qaz123wsx!",
        "abcdefghij",
    ];
    // The realistic mix (issue 22): passwords people set that pass the
    // composition rule, weak and strong, from the evaluation sets
    // (tests/fixtures/passwords): 64 of each of A (common, dressed), A' (held-out
    // common, dressed), B' (Taiwan-typical) and random strong.
    let realistic = realistic_mix();
    let ctx = password::PasswordContext::default();
    // Issue 20: the composition check alone (the detection switched off) keeps
    // ≥ 10 M/s; the full check with the weak-password detection ≥ 1 M/s.
    let composition = Policy::from_json(r#"{"password": {"detect_weak": false}}"#).unwrap();
    let mut g = c.benchmark_group(format!("password{ALLOC}"));
    for (name, set, pol) in [
        ("check 10-char good", &good[..], &composition),
        ("check 10-char mixed", &mixed[..], &policy),
        ("check full 10-char good", &good[..], &policy),
    ] {
        g.throughput(Throughput::Elements(set.len() as u64));
        g.bench_function(name, |b| {
            b.iter(|| {
                set.iter()
                    .map(|p| password::check(black_box(p), &ctx, pol).length)
                    .sum::<u32>()
            })
        });
    }
    let realistic_refs: Vec<&str> = realistic.iter().map(String::as_str).collect();
    for (name, pol) in [
        ("check composition only, realistic mix", &composition),
        ("check full, realistic mix", &policy),
    ] {
        g.throughput(Throughput::Elements(realistic_refs.len() as u64));
        g.bench_function(name, |b| {
            b.iter(|| {
                realistic_refs
                    .iter()
                    .map(|p| password::check(black_box(p), &ctx, pol).findings.len())
                    .sum::<usize>()
            })
        });
    }
    g.finish();

    // Issue 20: ROC date parse, target ≥ 5 M/s (the four styles of the sweeps' inputs).
    let dates = ["110/12/07", "110年12月7日", "2021/02/08 17:50", "1101207"];
    let mut g = c.benchmark_group("calendar");
    g.throughput(Throughput::Elements(dates.len() as u64));
    g.bench_function("parse", |b| {
        b.iter(|| {
            dates
                .iter()
                .filter(|d| calendar::parse(black_box(d)).is_ok())
                .count()
        })
    });
    // The minutes' written style with a weekday, full-width input (one NFKC-free
    // fold), and a text outside the fold table (through NFKC).
    let styled = [
        "110年12月7日（星期二）上午10時",
        "１１０／１２／０７",
        "2021/12/7 上午 12:05:00",
        "110年12月7日\u{a0}上午12時16分",
    ];
    g.throughput(Throughput::Elements(styled.len() as u64));
    g.bench_function("parse_styled", |b| {
        b.iter(|| {
            styled
                .iter()
                .filter(|d| calendar::parse(black_box(d)).is_ok())
                .count()
        })
    });
    // Report deadlines (行政程序法 §48) for a year of recovery times.
    let policy = Policy::default();
    let starts: Vec<_> = (0..365)
        .map(|i| {
            calendar::parse_datetime("2021-01-01T10:00:00+08:00").unwrap()
                + chrono::TimeDelta::days(i)
        })
        .collect();
    g.throughput(Throughput::Elements(starts.len() as u64));
    g.bench_function("add_months", |b| {
        b.iter(|| {
            starts
                .iter()
                .filter(|s| calendar::add_months(black_box(**s), 1, &policy).is_ok())
                .count()
        })
    });
    g.finish();
}

/// 650,000 mailboxes / people, as the nightly sweeps see them (issue #8).
fn people(c: &mut Criterion) {
    use ntpc_policy::account::{self, AccountRecord, PersonStatus};
    use ntpc_policy::mailbox::{self, MailboxRecord, StaffStatus};
    let policy = Policy::default();
    let today = chrono::NaiveDate::from_ymd_opt(2021, 12, 7).unwrap();
    let mut rng = Rng(7);
    let day = |n: u64| today - chrono::Days::new(n);
    let boxes: Vec<MailboxRecord> = (0..650_000)
        .map(|i| MailboxRecord {
            account: format!("user{i}@ntpc.edu.tw"),
            activated_on: day(800 + rng.next() % 2000),
            last_login: (!rng.next().is_multiple_of(10)).then(|| day(rng.next() % 700)),
            staff_status: [StaffStatus::Serving, StaffStatus::Retired]
                [usize::from(rng.next().is_multiple_of(20))],
            departed_on: None,
            used_bytes: Some(rng.next() % (1 << 30)),
        })
        .collect();
    let mut g = c.benchmark_group(format!("people{ALLOC}"));
    g.throughput(Throughput::Elements(boxes.len() as u64));
    g.sample_size(10);
    g.bench_function("mailbox sweep 650k", |b| {
        b.iter(|| {
            mailbox::sweep(black_box(&boxes), today, &policy)
                .notices
                .len()
        })
    });
    let statuses = [
        PersonStatus::Enrolled,
        PersonStatus::TransferGap,
        PersonStatus::Graduated,
        PersonStatus::Serving,
        PersonStatus::Retired,
    ];
    let people: Vec<AccountRecord> = (0..650_000u32)
        .map(|i| AccountRecord {
            person: Some(format!("S{i:07}")),
            status: statuses[(rng.next() % 5) as usize],
            class: Some("501".into()),
            status_date: Some(day(rng.next() % 400)),
            account: i.is_multiple_of(3).then(|| format!("user{i}")),
        })
        .collect();
    g.bench_function("account check 650k", |b| {
        b.iter(|| account::check_many(black_box(&people), today, &policy).len())
    });
    g.finish();
}

/// Inputs 10× larger take 10× longer, never more (issue #9: no quadratic path).
fn linear(c: &mut Criterion) {
    use ntpc_policy::import::ImportOptions;
    let policy = Policy::default();
    let row = "189750,新北市某國小,1級,INT,系統被入侵,2021/02/08 17:50,2021/02/09 10:41,2021/02/09 11:38,163.20.1.1\n";
    let mut g = c.benchmark_group(format!("linear{ALLOC}"));
    g.sample_size(10);
    for rows in [10_000usize, 100_000] {
        let mut csv =
            String::from("編號,通報單位,等級,事件類型,子類型,發生時間,通報時間,審核時間,IP\n");
        for i in 0..rows {
            csv.push_str(&row.replacen("189750", &i.to_string(), 1));
        }
        g.throughput(Throughput::Elements(rows as u64));
        g.bench_function(format!("incident import {rows} rows"), |b| {
            b.iter(|| {
                ntpc_policy::incident::import(csv.as_bytes(), &ImportOptions::default(), &policy)
                    .map(|r| r.records.len())
            })
        });
    }
    for len in [25usize, 250] {
        // Three digits in every eight characters, so both lengths take the
        // same path (seven or more digits turn on the ID/mobile/date shapes).
        let pw: String = "aB3$x7y9".chars().cycle().take(len).collect();
        g.throughput(Throughput::Elements(1));
        g.bench_function(format!("password {len} chars"), |b| {
            b.iter(|| {
                ntpc_policy::password::check(black_box(&pw), &Default::default(), &policy).verdict
            })
        });
    }
    g.finish();
}

/// Each input limit of issue 14 §4 at its worst case (target ≤ 1 s each).
fn limits(c: &mut Criterion) {
    use ntpc_policy::import::ImportOptions;
    use ntpc_policy::mailbox;
    use ntpc_policy::permission::{self, Override, Person, Right};
    let policy = Policy::default();
    let mut g = c.benchmark_group("limits");
    g.sample_size(10);
    // 30 MB whose header is one line of unknown cells: refused at the column
    // limit (it was ~20 µs per cell, over a minute).
    let mut wide = String::from("帳號,開通日期");
    let mut i = 0;
    while wide.len() < 30 << 20 {
        wide.push_str(&format!(",欄{i}"));
        i += 1;
    }
    wide.push_str("\na@ntpc.edu.tw,110/01/01\n");
    g.bench_function("import 30 MB header of unknown cells (refused)", |b| {
        b.iter(|| {
            mailbox::import(
                black_box(wide.as_bytes()),
                &ImportOptions::default(),
                &policy,
            )
            .is_err()
        })
    });
    // The same header in 30 MB with the limit raised past it: the mapping is linear.
    let mut open = policy.clone();
    open.limits.import_max_columns = u64::MAX;
    g.bench_function("import 30 MB header of unknown cells (limit lifted)", |b| {
        b.iter(|| {
            mailbox::import(black_box(wide.as_bytes()), &ImportOptions::default(), &open).is_ok()
        })
    });
    // 1 024 columns (the limit) and rows of 1 024 cells up to 64 MiB (the byte limit).
    let mut at_cap = String::from("帳號,開通日期");
    for k in 2..1024 {
        at_cap.push_str(&format!(",欄{k}"));
    }
    at_cap.push('\n');
    let mut n = 0;
    while at_cap.len() < (64 << 20) - 4096 {
        at_cap.push_str(&format!("u{n}@ntpc.edu.tw,110/01/01"));
        at_cap.push_str(&",x".repeat(1022));
        at_cap.push('\n');
        n += 1;
    }
    g.bench_function("import 64 MiB at 1 024 columns", |b| {
        b.iter(|| {
            mailbox::import(
                black_box(at_cap.as_bytes()),
                &ImportOptions::default(),
                &policy,
            )
            .map(|r| r.records.len())
        })
    });
    // 64 MiB of rows with a stray quote in each: one broken row each.
    let mut quotes = String::from("帳號,開通日期,備註\n");
    let mut n = 0;
    while quotes.len() < (64 << 20) - 4096 && n < 100_000 {
        quotes.push_str(&format!(
            "u{n}@ntpc.edu.tw,110/01/01,\"{}\n",
            "x".repeat(600)
        ));
        n += 1;
    }
    g.bench_function("import 64 MiB, 100 000 rows each with a stray quote", |b| {
        b.iter(|| {
            mailbox::import(
                black_box(quotes.as_bytes()),
                &ImportOptions::default(),
                &policy,
            )
            .map(|r| r.errors.len())
        })
    });
    // Overrides: the limit (1 000 role changes) and 16 000 with the limit lifted.
    let overrides = |n: usize| -> Vec<Override> {
        (0..n)
            .map(|i| Override {
                module: "上課yo".into(),
                right: Right::Manage,
                add: vec![format!("角色{i}")],
                remove: Vec::new(),
            })
            .collect()
    };
    let nobody = Person {
        title: None,
        roles: vec!["nobody".into()],
    };
    let mut lifted = policy.clone();
    lifted.limits.permission_max_overrides = u64::MAX;
    for (n, p) in [(1000usize, &policy), (16_000, &lifted)] {
        let o = overrides(n);
        g.bench_function(format!("who_can {n} overrides"), |b| {
            b.iter(|| {
                permission::who_can("上課yo", Right::Edit, black_box(&o), p)
                    .map(|w| w.holders.len())
            })
        });
        g.bench_function(format!("can {n} overrides"), |b| {
            b.iter(|| {
                permission::can(&nobody, "上課yo", Right::Edit, black_box(&o), p).map(|d| d.allowed)
            })
        });
    }
    g.finish();
}

criterion_group!(benches, bench, people, linear, limits);
criterion_main!(benches);
