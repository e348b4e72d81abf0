//! Throughput: MB/s per core over the demo corpus, and how it changes from 10 to
//! 10,000 claims. Run with `cargo bench`; compare the ratios within one run, not
//! the absolute numbers across machines.

use std::time::Instant;

use factlint::claims::parse_claims;
use factlint::document::Document;
use factlint::lint::lint_document;
use factlint::scan::Matcher;

/// The shipped claims plus `extra` synthetic ones: term claims and date claims
/// whose triggers and terms rarely occur, as a large claims base would have.
fn claims_toml(extra: usize) -> String {
    let mut s =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/claims/trotsky.toml"))
            .unwrap();
    for i in 0..extra {
        if i % 2 == 0 {
            s.push_str(&format!(
                "\n[[claim]]\nid = \"synthetic.term{i}\"\nkind = \"term\"\nvalue = \"zorblax{i}\"\nreject = [\"quux{i} widget\", \"frobnic{i}\"]\n"
            ));
        } else {
            s.push_str(&format!(
                "\n[[claim]]\nid = \"synthetic.date{i}\"\nkind = \"date\"\nvalue = \"1900-01-01\"\ntriggers = ['\\bevent{i} happened\\b']\n"
            ));
        }
    }
    s
}

fn main() {
    let seeds: Vec<String> = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/seeds"))
        .unwrap()
        .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
        .collect();
    let corpus: String = seeds.join("\n\n");
    // About 8 MB of prose: the corpus repeated.
    let copies = (8 << 20) / corpus.len() + 1;
    let docs: Vec<String> = (0..copies).map(|_| corpus.clone()).collect();
    let bytes: usize = docs.iter().map(String::len).sum();
    println!(
        "corpus: {:.1} MB in {} documents, one thread",
        bytes as f64 / 1e6,
        docs.len()
    );
    let start = Instant::now();
    for d in &docs {
        std::hint::black_box(Document::new("doc.txt", d.clone()));
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "reading (fold, sentences): {:7.1} MB/s",
        bytes as f64 / 1e6 / secs
    );
    let mut base = None;
    for extra in [0usize, 100, 1_000, 10_000] {
        let claims = parse_claims(vec![("bench.toml".into(), claims_toml(extra))]).unwrap();
        let built = Instant::now();
        let matcher = Matcher::new(&claims).unwrap();
        let compile = built.elapsed();
        let start = Instant::now();
        let mut findings = 0;
        for d in &docs {
            let doc = Document::new("doc.txt", d.clone());
            findings += lint_document(&doc, &claims, &matcher).len();
        }
        let secs = start.elapsed().as_secs_f64();
        let mbs = bytes as f64 / 1e6 / secs;
        let ratio = base.get_or_insert(mbs);
        println!(
            "{:>6} claims: {:7.1} MB/s ({:.2}x of the smallest set), compiled in {:.0?}, {} findings",
            claims.claims.len(),
            mbs,
            mbs / *ratio,
            compile,
            findings
        );
    }
}
