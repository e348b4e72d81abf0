//! Fixes: the replacement a finding suggests, and how safe it is to apply.

/// How safe a fix is to apply without a person reading it (ruff's and rustc's
/// applicability).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Applicability {
    /// Unique and certain: a rejected term in the document's own statement.
    MachineApplicable,
    /// Shown to the reader, never applied by a tool (dates, numbers).
    DisplayOnly,
}

impl Applicability {
    pub fn as_str(self) -> &'static str {
        match self {
            Applicability::MachineApplicable => "machine-applicable",
            Applicability::DisplayOnly => "display-only",
        }
    }
}

/// A replacement for a finding's span.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    pub replacement: String,
    pub applicability: Applicability,
}

/// `replacement` in the case of `original`: "Ice pick" → "Ice axe", "ICE PICK" →
/// "ICE AXE" (as typos and harper keep it).
pub fn match_case(original: &str, replacement: &str) -> String {
    let letters: Vec<char> = original.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() > 1 && letters.iter().all(|c| c.is_uppercase()) {
        return replacement.to_uppercase();
    }
    if original.chars().next().is_some_and(char::is_uppercase) {
        let mut chars = replacement.chars();
        return match chars.next() {
            Some(first) => first.to_uppercase().chain(chars).collect(),
            None => String::new(),
        };
    }
    replacement.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_case_of_the_original() {
        assert_eq!(match_case("ice pick", "ice axe"), "ice axe");
        assert_eq!(match_case("Ice pick", "ice axe"), "Ice axe");
        assert_eq!(match_case("ICE PICK", "ice axe"), "ICE AXE");
        assert_eq!(match_case("petrograd", "St Petersburg"), "St Petersburg");
    }
}
