//! Quantities, durations and times written at random in the forms people use,
//! read back through the whole pipeline: the same value in any unit, spelling or
//! zone agrees with its claim, and a value far off is reported at its words.

use factlint::claims::parse_claims;
use factlint::document::Document;
use factlint::lint::lint_document;
use factlint::scan::Matcher;
use proptest::prelude::*;

/// The spans (as text) of the findings of `claims` in `text`.
fn found(claims: &str, text: &str) -> Vec<String> {
    let claims = parse_claims(vec![("q.toml".into(), claims.to_string())]).expect("claims load");
    let matcher = Matcher::new(&claims).expect("the matcher builds");
    let doc = Document::new("q.txt", text.to_string());
    lint_document(&doc, &claims, &matcher)
        .into_iter()
        .map(|f| text[f.span].to_string())
        .collect()
}

/// A whole number grouped by commas (`29029` → `29,029`).
fn grouped(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A length in metres written in a unit of length: (unit words, metres per unit).
const LENGTHS: [(&str, f64); 7] = [
    ("m", 1.0),
    ("metres", 1.0),
    ("meters", 1.0),
    ("feet", 0.3048),
    ("ft", 0.3048),
    ("yards", 0.9144),
    ("km", 1000.0),
];

fn tower(metres: u32) -> String {
    format!(
        "[subject]\nname = \"Harrow Tower\"\nkind = \"thing\"\nnouns = [\"tower\"]\n\n[[claim]]\nid = \"height\"\nkind = \"number\"\nvalue = {metres}\nunit = \"m\"\ntriggers = ['\\btall\\b']\n"
    )
}

/// A length as a writer gives it in `unit`: four significant digits at most,
/// grouped or not.
fn written_length(metres: f64, unit: f64, group: bool) -> String {
    let v = metres / unit;
    if v >= 100.0 {
        let digits = 10f64.powi(v.log10().floor() as i32 - 3).max(1.0);
        let whole = ((v / digits).round() * digits) as u64;
        if group {
            grouped(whole)
        } else {
            whole.to_string()
        }
    } else {
        format!("{v:.2}")
    }
}

fn climb(hours: u32, minutes: u32) -> String {
    format!(
        "[subject]\nname = \"Skarn climb\"\nkind = \"event\"\nnouns = [\"climb\"]\n\n[[claim]]\nid = \"length\"\nkind = \"duration\"\nvalue = \"{hours}h{minutes}m\"\ntriggers = ['\\btook\\b']\n"
    )
}

fn sinking(hour: u32, minute: u32) -> String {
    format!(
        "[subject]\nname = \"Albatross\"\nkind = \"thing\"\n\n[[claim]]\nid = \"sank\"\nkind = \"time\"\nvalue = \"{hour:02}:{minute:02}\"\nzone = \"UTC\"\ntriggers = ['\\bsank\\b']\n"
    )
}

/// A time on the 12-hour clock (`10:50 p.m.`, `12:05 a.m.`).
fn twelve_hour(hour: u32, minute: u32, dotted: bool) -> String {
    let (h, half) = match hour {
        0 => (12, "a"),
        1..=11 => (hour, "a"),
        12 => (12, "p"),
        _ => (hour - 12, "p"),
    };
    if dotted {
        format!("{h}:{minute:02} {half}.m.")
    } else {
        format!("{h}:{minute:02} {}M", half.to_uppercase())
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn a_length_in_any_unit_reads_back_as_its_claim(
        metres in 150u32..9000,
        k in 0usize..LENGTHS.len(),
        group in any::<bool>(),
    ) {
        let (unit, size) = LENGTHS[k];
        let right = written_length(f64::from(metres), size, group);
        let text = format!("The tower is {right} {unit} tall.");
        prop_assert_eq!(found(&tower(metres), &text), Vec::<String>::new(), "{}", text);
        let wrong = written_length(f64::from(metres) * 1.5, size, group);
        let text = format!("The tower is {wrong} {unit} tall.");
        prop_assert_eq!(found(&tower(metres), &text), vec![wrong.clone()], "{}", text);
    }

    #[test]
    fn a_duration_in_any_form_reads_back_as_its_claim(
        hours in 1u32..40,
        minutes in 1u32..60,
        form in 0usize..4,
    ) {
        let write = |h: u32, m: u32| match form {
            0 => format!("{h} hours {m} minutes"),
            1 => format!("{h} hours and {m} minutes"),
            2 => format!("{h} h {m} min"),
            _ => format!("{} minutes", h * 60 + m),
        };
        let text = format!("The climb took {}.", write(hours, minutes));
        prop_assert_eq!(found(&climb(hours, minutes), &text), Vec::<String>::new(), "{}", text);
        let text = format!("The climb took {}.", write(hours * 2 + 3, minutes));
        prop_assert_eq!(found(&climb(hours, minutes), &text).len(), 1, "{}", text);
    }

    #[test]
    fn a_time_in_any_zone_and_clock_reads_back_as_its_claim(
        hour in 0u32..24,
        minute in 0u32..60,
        offset in -8i32..10,
        form in 0usize..3,
    ) {
        let local = (i64::from(hour) + i64::from(offset)).rem_euclid(24) as u32;
        let zone = match offset {
            0 => "UTC".to_string(),
            o if o > 0 => format!("UTC+{o}"),
            o => format!("UTC{o}"),
        };
        let write = |h: u32| match form {
            0 => format!("{h:02}:{minute:02} {zone}"),
            1 => format!("{} {zone}", twelve_hour(h, minute, true)),
            _ => format!("{} {zone}", twelve_hour(h, minute, false)),
        };
        let text = format!("The Albatross sank at {}.", write(local));
        prop_assert_eq!(found(&sinking(hour, minute), &text), Vec::<String>::new(), "{}", text);
        let text = format!("The Albatross sank at {}.", write((local + 5) % 24));
        prop_assert_eq!(found(&sinking(hour, minute), &text).len(), 1, "{}", text);
    }
}
