//! Claims files and texts made from fuzz bytes, from pieces that claims and
//! documents share, so that generated documents reach generated claims.

use std::fmt::Write;

use factlint::claims::ClaimSet;

/// Reads choices off the bytes; past their end every choice is the first.
struct Choices<'a> {
    data: &'a [u8],
    at: usize,
}

impl<'a> Choices<'a> {
    fn byte(&mut self) -> u8 {
        let b = self.data.get(self.at).copied().unwrap_or(0);
        self.at += 1;
        b
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[usize::from(self.byte()) % items.len()]
    }

    fn rest(&self) -> &'a [u8] {
        self.data.get(self.at..).unwrap_or_default()
    }
}

const KINDS: &[&str] = &["term", "date", "number", "event", "duration", "time"];
const VALUES: &[&str] = &["ice axe", "Lyon", "the north gate", "Ada Smith", "Bern"];
const REJECTS: &[&str] = &["ice pick", "Paris", "the south gate", "Ada Smyth", "Basel"];
const TRIGGERS: &[&str] = &["born", "died", "opened", "founded", "built", "gate"];
const DATES: &[&str] = &["1912-03-03", "1912", "1921-05", "1899-12-31", "2004-02-29"];
const NUMBERS: &[&str] = &["42", "4200", "3.5", "0", "1000000"];
const UNITS: &[&str] = &["metres", "passengers", "years", "feet"];
const DURATIONS: &[&str] = &["25d", "3w", "2y", "90m"];

/// Pieces of generated documents.
const PIECES: &[&str] = &[
    "ice pick",
    "ice axe",
    "Paris",
    "Lyon",
    "Basel",
    "Bern",
    "north gate",
    "south gate",
    "Ada Smith",
    "Ada Smyth",
    "Smith",
    "She",
    "it",
    "was",
    "born",
    "died",
    "opened",
    "founded",
    "built",
    "in",
    "on",
    "at",
    "with",
    "not",
    "reportedly",
    "never",
    "1912",
    "1921",
    "3 March 1912",
    "May 1921",
    "29 February 2004",
    "42",
    "4,200",
    "3.5",
    "forty-two",
    "metres",
    "feet",
    "passengers",
    "years",
    "days",
    "weeks",
    "7:30 p.m.",
    "19:30",
    "\"",
    "\u{201c}",
    "\u{201d}",
    "'",
    "(",
    ")",
    ".",
    ",",
    "?",
    ";",
    ":",
    "\n",
    "\n\n",
    "# ",
    "* ",
    "> ",
    "| a | b |\n|---|---|\n",
    "<p>",
    "</p>",
    "<q>",
    "</q>",
    "&amp;",
    "é",
    "\u{a0}",
    "-",
    "\u{2013}",
    "ice-\npick",
    "<!-- factlint-disable-next-line -->",
];

/// A claims file made from the first bytes of `data`, and a document made from
/// the rest: pieces of the vocabulary, or the bytes themselves as text.
pub(crate) fn claims_and_text(data: &[u8]) -> (String, String) {
    let mut c = Choices { data, at: 0 };
    let mut toml = String::from("version = 1\n");
    if c.byte() % 2 == 1 {
        toml.push_str("[subject]\nname = \"Ada Smith\"\naliases = [\"Smith\"]\n");
    }
    for i in 0..1 + c.byte() % 4 {
        claim(&mut c, i, &mut toml);
    }
    let rest = c.rest();
    let text = match rest.split_first() {
        Some((first, words)) if first % 2 == 0 => words
            .iter()
            .map(|&b| PIECES[usize::from(b) % PIECES.len()])
            .collect::<Vec<_>>()
            .join(" "),
        Some((_, raw)) => String::from_utf8_lossy(raw).into_owned(),
        None => String::new(),
    };
    (toml, text)
}

/// Appends one `[[claim]]` table made from the next bytes.
fn claim(c: &mut Choices<'_>, i: u8, toml: &mut String) {
    let kind = c.pick(KINDS);
    let _ = write!(toml, "[[claim]]\nid = \"c{i}\"\nkind = \"{kind}\"\n");
    let flags = c.byte();
    if flags & 1 == 1 {
        toml.push_str("scope = \"any\"\n");
    }
    let trigger = c.pick(TRIGGERS);
    let value = match kind {
        "term" => {
            let _ = writeln!(
                toml,
                "reject = [\"{}\", \"{}\"]",
                c.pick(REJECTS),
                c.pick(REJECTS)
            );
            if flags & 2 == 2 {
                let _ = writeln!(toml, "context = ['\\b{trigger}\\b']");
            }
            format!("\"{}\"", c.pick(VALUES))
        }
        "date" => format!("\"{}\"", c.pick(DATES)),
        "number" => {
            if flags & 4 == 4 {
                let _ = writeln!(toml, "unit = \"{}\"", c.pick(UNITS));
            }
            c.pick(NUMBERS).to_string()
        }
        "event" => (flags & 8 == 8).to_string(),
        "duration" => format!("\"{}\"", c.pick(DURATIONS)),
        _ => "\"1912-03-03T19:30\"".to_string(),
    };
    let _ = writeln!(toml, "value = {value}");
    if kind != "term" {
        let _ = writeln!(toml, "triggers = ['\\b{trigger}\\b']");
    }
}

/// A text of the claims' own examples and subject names.
pub(crate) fn sample_text(set: &ClaimSet) -> String {
    let mut text = String::new();
    let names = set
        .subject
        .iter()
        .chain(&set.subjects)
        .map(|s| s.name.as_str());
    for name in names.take(8) {
        let _ = write!(text, "{name} ");
    }
    for claim in set.claims.iter().take(64) {
        for example in claim
            .examples
            .flag
            .iter()
            .chain(&claim.examples.pass)
            .take(8)
        {
            text.push_str(example);
            text.push('\n');
        }
    }
    text
}
