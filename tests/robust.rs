//! Nothing panics on any input, and every span lies on the bytes of its file.

use std::sync::LazyLock;

use factlint::claims::{ClaimSet, load_claims};
use factlint::document::Document;
use factlint::document::markup::Markup;
use factlint::lint::lint_document;
use factlint::scan::Matcher;
use proptest::prelude::*;

static CLAIMS: LazyLock<(ClaimSet, Matcher)> = LazyLock::new(|| {
    let claims =
        load_claims(&[concat!(env!("CARGO_MANIFEST_DIR"), "/claims/trotsky.toml")]).unwrap();
    let matcher = Matcher::new(&claims).unwrap();
    (claims, matcher)
});

const PIECES: &[&str] = &[
    "Trotsky",
    "He",
    "he",
    "was",
    "died",
    "born",
    "killed",
    "with",
    "an",
    "ice pick",
    "ice-\npick",
    "in",
    "on",
    "1940",
    "1941",
    "21 August 1940",
    "August 21st, 1941",
    "the following day",
    "aged 26",
    "then 23",
    "turned 38",
    "not",
    "reportedly",
    "\"",
    "\u{201c}",
    "\u{2019}",
    "'",
    "(",
    ")",
    ".",
    ",",
    "?",
    ";",
    "\n",
    "\n\n",
    "Lenin's",
    "death",
    "Petrograd",
    "1905",
    "Soviet",
    "<p>",
    "</p>",
    "&amp;",
    "&#8209;",
    "*",
    "`",
    "> ",
    "[x](y)",
    "<!--",
    "-->",
    "é",
    "\u{a0}",
    "20years",
    "-",
    "–",
    "1936–38",
    "Mercader",
    "prison",
    "twenty",
    "years",
    "<script>",
    "</script>",
    "#",
    "Nov.",
    "St.",
    "O.S.",
];

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        proptest::collection::vec(proptest::sample::select(PIECES), 0..40)
            .prop_map(|v| v.join(" ")),
        "\\PC{0,120}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn any_text_in_any_markup(s in text()) {
        let (claims, matcher) = &*CLAIMS;
        for markup in [Markup::Text, Markup::Markdown, Markup::Html] {
            let doc = Document::with_markup("doc", s.clone(), markup);
            for f in lint_document(&doc, claims, matcher) {
                prop_assert!(f.span.start <= f.span.end && f.span.end <= s.len());
                prop_assert!(s.is_char_boundary(f.span.start) && s.is_char_boundary(f.span.end));
                prop_assert_eq!(&s[f.span.clone()], f.found.as_str());
                prop_assert!(f.sentence.start <= f.span.start && f.span.end <= f.sentence.end.max(f.span.end));
            }
        }
    }
}
