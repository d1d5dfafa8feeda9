//! Parser throughput over the bundled corpus, in bytes per second, and
//! over pathological inputs of one megabyte (tests/support/shapes.rs).
//!
//! `cargo bench -p dafu-parser --bench throughput`

#[path = "../tests/support/shapes.rs"]
mod shapes;

use std::path::Path;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

fn corpus() -> Vec<Vec<u8>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .expect("corpus directory")
        .map(|e| e.expect("corpus entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    files
        .iter()
        .map(|p| std::fs::read(p).expect("corpus file"))
        .collect()
}

fn throughput(c: &mut Criterion) {
    let files = corpus();
    let bytes: usize = files.iter().map(Vec::len).sum();
    let gbk: Vec<Vec<u8>> = files
        .iter()
        .map(|f| {
            encoding_rs::GB18030
                .encode(std::str::from_utf8(f).unwrap())
                .0
                .into_owned()
        })
        .collect();
    let mut group = c.benchmark_group("parse");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("corpus_utf8", |b| {
        b.iter(|| {
            files
                .iter()
                .map(|f| dafu_parser::parse(std::hint::black_box(f)).blocks.len())
                .sum::<usize>()
        })
    });
    group.throughput(Throughput::Bytes(
        gbk.iter().map(Vec::len).sum::<usize>() as u64
    ));
    group.bench_function("corpus_gb18030", |b| {
        b.iter(|| {
            gbk.iter()
                .map(|f| dafu_parser::parse(std::hint::black_box(f)).blocks.len())
                .sum::<usize>()
        })
    });
    group.finish();
}

fn pathological(c: &mut Criterion) {
    let mut group = c.benchmark_group("pathological");
    group.sample_size(10);
    for (name, text) in shapes::all(1_000_000) {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(name, |b| {
            b.iter(|| {
                dafu_parser::parse(std::hint::black_box(text.as_bytes()))
                    .blocks
                    .len()
            })
        });
    }
    group.finish();
}

criterion_group!(benches, throughput, pathological);
criterion_main!(benches);
