//! Criterion benchmarks of the hot paths (`make bench`): ID classification,
//! password checks, text scans and date parsing. Timed here, never in unit tests.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use ntpc_policy::{Policy, calendar, identity, password};
use std::hint::black_box;

/// Deterministic mixed inputs: half valid IDs, a quarter bad checksums, a quarter noise.
fn mixed_ids(n: usize) -> Vec<String> {
    let mut state = 0x2545_f491_4f6c_dd1du64;
    let mut next = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    (0..n)
        .map(|i| {
            let r = next();
            let digits: String = (0..8)
                .map(|k| char::from(b'0' + ((r >> (k * 4)) % 10) as u8))
                .collect();
            match i % 4 {
                0 | 1 => {
                    let prefix = format!("A1{}", &digits[..7]);
                    (0..10)
                        .map(|d| format!("{prefix}{d}"))
                        .find(|s| identity::checksum_valid(s))
                        .unwrap_or(prefix)
                }
                2 => format!("B2{digits}"),
                _ => format!("user{}", r % 100_000),
            }
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let policy = Policy::default();

    let ids = mixed_ids(100_000);
    let mut g = c.benchmark_group("identity");
    g.throughput(Throughput::Elements(ids.len() as u64));
    g.bench_function("classify 100k mixed", |b| {
        b.iter(|| {
            ids.iter()
                .filter(|s| identity::classify(s).checksum_valid)
                .count()
        })
    });
    g.finish();

    let mut text = String::new();
    let mut i = 0;
    while text.len() < 8 << 20 {
        text.push_str(&"lorem ipsum dolor sit amet 0912345678 2021/02/08, ".repeat(40));
        text.push_str(&ids[i % ids.len()]);
        text.push('\n');
        i += 1;
    }
    let mut g = c.benchmark_group("scan");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.sample_size(20);
    g.bench_function("scan 8 MB ASCII", |b| {
        b.iter(|| identity::scan(black_box(&text), &policy).unwrap().len())
    });
    g.finish();

    let pws = [
        "Tq7#vLm2pX",
        "ntpc1234ab",
        "Aa12345678",
        "p@ssw0rd!!",
        "Zx9!Zx9!Zx",
    ];
    let ctx = password::PasswordContext::default();
    let mut g = c.benchmark_group("password");
    g.throughput(Throughput::Elements(pws.len() as u64));
    g.bench_function("check 10-char", |b| {
        b.iter(|| {
            pws.iter()
                .map(|p| password::check(black_box(p), &ctx, &policy).length)
                .sum::<u32>()
        })
    });
    g.finish();

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
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
