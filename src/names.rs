//! Name folding shared by the extractor, the graph's alias index and the query resolver, so that
//! all three agree on when two spellings are the same name.

/// Folds a name for lookup: accents removed, lower case, punctuation to single spaces, no leading
/// "the". `"The U.S. Department"` and `"the us department"` fold alike.
pub fn normalize(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut pending_space = false;
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            out.push(c.to_ascii_lowercase());
        } else if c == '.' || c == '\'' || c == '\u{2019}' {
            // "U.S." folds to "us" and "O'Brien" to "obrien": these marks join, not separate.
        } else if c.is_ascii() {
            pending_space = true;
        } else if c.is_alphanumeric() {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            for folded in deunicode::deunicode_char(c).unwrap_or("").chars() {
                if folded.is_ascii_alphanumeric() {
                    out.push(folded.to_ascii_lowercase());
                }
            }
        } else {
            pending_space = true;
        }
    }
    match out.strip_prefix("the ") {
        Some(rest) => rest.to_string(),
        None => out,
    }
}

/// Folds a person's name further so that common transliteration variants meet:
/// Sergei / Sergey, Dmitri / Dmitry, Mikhail / Mihail, Yuri / Yury.
pub fn person_key(name: &str) -> String {
    let normal = normalize(name);
    let mut out = String::with_capacity(normal.len());
    for (i, word) in normal.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let word = word.replace("kh", "h");
        let word = if let Some(stem) = word.strip_suffix("iy") {
            format!("{stem}i")
        } else if word.len() > 3 && word.ends_with('y') {
            format!("{}i", &word[..word.len() - 1])
        } else {
            word
        };
        out.push_str(&word);
    }
    out
}

/// The last word of a person's name, folded as in [`person_key`]: what "Mr X" must match.
pub fn surname_key(name: &str) -> String {
    let key = person_key(name);
    match key.rsplit_once(' ') {
        Some((_, last)) => last.to_string(),
        None => key,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalize_folds_case_accents_and_punctuation() {
        assert_eq!(
            normalize("The U.S. Department of State"),
            "us department of state"
        );
        assert_eq!(normalize("Zürich"), "zurich");
        assert_eq!(normalize("al-Assad"), "al assad");
        assert_eq!(normalize("Kerry\u{2019}s"), "kerrys");
        assert_eq!(
            normalize("  Frank-Walter   Steinmeier "),
            "frank walter steinmeier"
        );
    }

    #[test]
    fn person_key_meets_transliterations() {
        assert_eq!(person_key("Sergei Lavrov"), person_key("Sergey Lavrov"));
        assert_eq!(person_key("Dmitry Peskov"), person_key("Dmitri Peskov"));
        assert_eq!(
            person_key("Mikhail Gorbachev"),
            person_key("Mihail Gorbachev")
        );
        assert_ne!(person_key("Michael Howard"), person_key("Howard Flight"));
        assert_eq!(surname_key("John Kerry"), surname_key("Kerry"));
    }
}
