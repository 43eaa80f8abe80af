//! The short codes people keep to look up, cancel or show what they sent: a question to the
//! expert (`ESP-7K3Q-9ABC`), a lab sign-up (`LAB-…`), a desk booking (`APP-…`). Each is a
//! prefix and eight symbols from 8 random bytes, in an alphabet that is easy to read aloud.

/// No 0/O, 1/I/L.
pub const ALPHABET: &[u8] = b"23456789ABCDEFGHJKMNPQRSTUVWXYZ";

/// `PREFIX-XXXX-XXXX` from eight random bytes.
pub fn make(prefix: &str, random: [u8; 8]) -> String {
    let symbols: String = random
        .iter()
        .map(|b| ALPHABET[usize::from(*b) % ALPHABET.len()] as char)
        .collect();
    format!("{prefix}-{}-{}", &symbols[..4], &symbols[4..])
}

/// What someone typed as a code with this prefix, normalised (`esp 7k3q9abc` →
/// `ESP-7K3Q-9ABC`); `None` when it cannot be one.
pub fn normalise(prefix: &str, typed: &str) -> Option<String> {
    let symbols: String = typed
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_uppercase())
        .collect();
    let symbols = symbols.strip_prefix(prefix).unwrap_or(&symbols);
    (symbols.len() == 8 && symbols.bytes().all(|b| ALPHABET.contains(&b)))
        .then(|| format!("{prefix}-{}-{}", &symbols[..4], &symbols[4..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_code_reads_aloud_and_comes_back_from_what_was_typed() {
        let code = make("LAB", [0, 1, 2, 3, 28, 29, 30, 31]);
        assert_eq!(code, "LAB-2345-XYZ2");
        assert_eq!(
            normalise("LAB", "lab 2345 xyz2").as_deref(),
            Some(code.as_str())
        );
        assert_eq!(normalise("LAB", "2345xyz2").as_deref(), Some(code.as_str()));
        // Another prefix's code, a letter outside the alphabet, or a short code is none.
        assert_eq!(normalise("APP", "LAB-2345-XYZ2"), None);
        assert_eq!(normalise("LAB", "LAB-2345-XYZO"), None);
        assert_eq!(normalise("LAB", "LAB-2345"), None);
    }
}
