//! `factlint claims` (list the claims, or test their examples) and `factlint
//! explain` (everything about one claim).

use std::io::{self, Write};

use codespan_reporting::term::termcolor::{ColorChoice, StandardStream};

use super::{ClaimsAction, ClaimsArgs, ClaimsSelection, ColorArg, ExitStatus, ExplainArgs};
use super::{compile, complain, setup};
use crate::claims::Expected;

/// Runs the claims' examples and prints one line per claim, then a count.
#[allow(clippy::print_stdout)]
fn run_claims_test(sel: &ClaimsSelection) -> ExitStatus {
    let (_, claims) = match setup(sel, ColorArg::Auto) {
        Ok(c) => c,
        Err(status) => return status,
    };
    let matcher = match compile(&claims) {
        Ok(m) => m,
        Err(status) => return status,
    };
    let report = crate::examples::run_examples(&claims, &matcher);
    for f in &report.failures {
        let want = if f.expected_finding {
            "a finding"
        } else {
            "no finding"
        };
        println!("FAILED {}: expected {want} in {:?}", f.claim, f.sentence);
    }
    for id in &report.without_examples {
        println!("warning: {id} has no examples");
    }
    println!("{} passed, {} failed", report.passed, report.failures.len());
    if report.failures.is_empty() {
        ExitStatus::Clean
    } else {
        ExitStatus::Findings
    }
}

pub(super) fn run_claims(args: ClaimsArgs) -> ExitStatus {
    if let Some(ClaimsAction::Test(t)) = &args.action {
        return run_claims_test(&t.claims);
    }
    let claims = match setup(&args.claims, ColorArg::Auto).map(|(_, c)| c) {
        Ok(c) => c,
        Err(status) => return status,
    };
    let mut out = StandardStream::stdout(ColorChoice::Never);
    let rows: Vec<[String; 4]> = claims
        .claims
        .iter()
        .filter(|c| c.declared(&claims.sources))
        .map(|c| {
            [
                c.id.0.clone(),
                c.kind.as_str().to_string(),
                c.value_text(),
                c.source.clone().unwrap_or_default(),
            ]
        })
        .collect();
    let header = ["ID", "KIND", "VALUE", "SOURCE"].map(String::from);
    let widths: Vec<usize> = (0..3)
        .map(|i| {
            std::iter::once(&header)
                .chain(&rows)
                .map(|r| r[i].chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    let write = |out: &mut StandardStream, r: &[String; 4]| {
        writeln!(
            out,
            "{:w0$}  {:w1$}  {:w2$}  {}",
            r[0],
            r[1],
            r[2],
            r[3],
            w0 = widths[0],
            w1 = widths[1],
            w2 = widths[2]
        )
    };
    let result = std::iter::once(&header)
        .chain(&rows)
        .try_for_each(|r| write(&mut out, r))
        .and_then(|_| {
            writeln!(
                out,
                "{} claim{} in {} file{}, all valid",
                rows.len(),
                if rows.len() == 1 { "" } else { "s" },
                claims.sources.len(),
                if claims.sources.len() == 1 { "" } else { "s" },
            )
        });
    match result {
        Ok(()) => ExitStatus::Clean,
        Err(_) => ExitStatus::Error,
    }
}

pub(super) fn run_explain(args: ExplainArgs) -> ExitStatus {
    let claims = match setup(&args.claims, ColorArg::Auto).map(|(_, c)| c) {
        Ok(c) => c,
        Err(status) => return status,
    };
    let Some(claim) = claims.get(&args.id).filter(|c| c.declared(&claims.sources)) else {
        complain(&format!("no claim with id `{}`", args.id));
        return ExitStatus::Error;
    };
    let mut text = String::new();
    let src = &claims.sources[claim.file.0];
    let line = crate::claims::line_of(&src.text, claim.value_span.start);
    text.push_str(&format!(
        "{} ({} claim, {}:{line})\n",
        claim.id,
        claim.kind.as_str(),
        src.path
    ));
    if let Some(s) = &claim.statement {
        text.push_str(&format!("  claim:    {s}\n"));
    }
    text.push_str(&format!("  value:    {}\n", claim.value_text()));
    explain_value(&mut text, &claim.expected, &claim.units);
    if !claim.parts.is_empty() {
        text.push_str(&format!("  parts:    {}\n", claim.parts.join(", ")));
    }
    let list = |v: Vec<String>| v.join(", ");
    if let crate::claims::ClaimScope::Own(s) = &claim.scope {
        text.push_str(&format!("  subject:  {} ({})\n", s.name, s.kind.as_str()));
    }
    if !claim.triggers.is_empty() {
        text.push_str(&format!(
            "  triggers: {}\n",
            list(
                claim
                    .triggers
                    .iter()
                    .map(|r| r.as_str().to_string())
                    .collect()
            )
        ));
    }
    if !claim.context.is_empty() {
        text.push_str(&format!(
            "  context:  {}\n",
            list(
                claim
                    .context
                    .iter()
                    .map(|r| r.as_str().to_string())
                    .collect()
            )
        ));
    }
    text.push_str(&format!("  severity: {}\n", claim.severity.as_str()));
    for (label, list) in [
        ("flags", &claim.examples.flag),
        ("passes", &claim.examples.pass),
    ] {
        for e in list.iter() {
            text.push_str(&format!("  {:<9} {e:?}\n", format!("{label}:")));
        }
    }
    if let Some(s) = &claim.source {
        text.push_str(&format!("  source:   {s}\n"));
    }
    match io::stdout().write_all(text.as_bytes()) {
        Ok(()) => ExitStatus::Clean,
        Err(_) => ExitStatus::Error,
    }
}

/// The lines of `explain` that the kind of value brings: accepted and rejected
/// variants, tolerance and range, units.
fn explain_value(text: &mut String, expected: &Expected, units: &[String]) {
    let list = |v: Vec<String>| v.join(", ");
    match expected {
        Expected::Term { accept, reject, .. } => {
            text.push_str(&format!("  accept:   {}\n", list(accept.clone())));
            text.push_str(&format!("  reject:   {}\n", list(reject.clone())));
        }
        Expected::Date { accept, .. } => {
            text.push_str(&format!(
                "  accept:   {}\n",
                list(accept.iter().map(ToString::to_string).collect())
            ));
        }
        Expected::Number {
            accept,
            tolerance,
            min,
            max,
            ..
        } => {
            text.push_str(&format!(
                "  accept:   {}\n",
                list(
                    accept
                        .iter()
                        .map(|a| crate::claims::model::format_number(*a))
                        .collect()
                )
            ));
            text.push_str(&format!("  tolerance: {tolerance}"));
            if let (Some(a), Some(b)) = (min, max) {
                text.push_str(&format!(", range {a}..={b}"));
            }
            text.push('\n');
            if !units.is_empty() {
                text.push_str(&format!("  unit:     {}\n", units.join(", ")));
            }
        }
        Expected::Duration {
            accept,
            tolerance,
            min,
            max,
            ..
        } => {
            let d = crate::units::duration::format;
            text.push_str(&format!(
                "  accept:   {}\n",
                list(accept.iter().map(|a| d(*a)).collect())
            ));
            text.push_str(&format!("  tolerance: {}", d(*tolerance)));
            if let (Some(a), Some(b)) = (min, max) {
                text.push_str(&format!(", range {}..={}", d(*a), d(*b)));
            }
            text.push('\n');
        }
        Expected::Role { accept, reject, .. } => {
            text.push_str(&format!("  accept:   {}\n", list(accept.clone())));
            if !reject.is_empty() {
                text.push_str(&format!("  reject:   {}\n", list(reject.clone())));
            }
        }
        Expected::Time(t) => {
            text.push_str(&format!(
                "  accept:   {}\n",
                list(t.accept.iter().map(ToString::to_string).collect())
            ));
            if let Some(z) = &t.zone_name {
                text.push_str(&format!("  zone:     {z}\n"));
            }
            text.push_str(&format!("  tolerance: {}s", t.tolerance));
            if let (Some(a), Some(b)) = (t.min, t.max) {
                text.push_str(&format!(", range {a}..={b}"));
            }
            text.push('\n');
        }
        Expected::Event { .. } => {}
    }
}
