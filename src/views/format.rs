//! Formatting helpers for templates: numbers with Indonesian thousands separators.

/// `83762` → `83.762`.
#[must_use]
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn groups_by_three_with_dots() {
        assert_eq!(super::thousands(83_762), "83.762");
        assert_eq!(super::thousands(999), "999");
        assert_eq!(super::thousands(1_000_000), "1.000.000");
    }
}
