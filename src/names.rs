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

/// Ukrainian given names and the Russian forms news also prints them in (Nadiya Savchenko is
/// Nadezhda Savchenko in Moscow's press), after folding: the first is read as the second.
const GIVEN_NAME_FORMS: &[(&str, &str)] = &[
    ("andrii", "andrei"),
    ("andriy", "andrei"),
    ("dmytro", "dmitri"),
    ("hennadiy", "gennadi"),
    ("kateryna", "yekaterina"),
    ("mykhailo", "mikhail"),
    ("mykola", "nikolai"),
    ("nadiya", "nadezhda"),
    ("oleh", "oleg"),
    ("oleksandr", "aleksandr"),
    ("oleksiy", "aleksei"),
    ("pavlo", "pavel"),
    ("petro", "pyotr"),
    ("serhiy", "sergei"),
    ("volodymyr", "vladimir"),
    ("yevhen", "yevgeni"),
    ("yuliya", "yulia"),
];

/// Folds a person's name further so that common transliteration variants meet:
/// Sergei / Sergey, Dmitri / Dmitry, Mikhail / Mihail, Yuri / Yury, and the Ukrainian and
/// Russian forms of a given name (Nadiya / Nadezhda, Volodymyr / Vladimir).
pub fn person_key(name: &str) -> String {
    let normal = normalize(name);
    let mut out = String::with_capacity(normal.len());
    let words = normal.split(' ').count();
    for (i, word) in normal.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let word = match GIVEN_NAME_FORMS.binary_search_by_key(&word, |&(from, _)| from) {
            Ok(n) if i == 0 && words > 1 => GIVEN_NAME_FORMS[n].1,
            _ => word,
        };
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

/// Folds an organisation's name so that a company's name with and without its legal form meet
/// ("General Motors Corp", "General Motors"), and the Arabic and English forms of a front's
/// name meet: "Jebhat al-Nusra", "Jabhat al-Nusra", "al-Nusra Front" and "Nusra Front" are one
/// name. Other names fold as [`normalize`] does.
pub fn org_key(name: &str) -> String {
    let normal = without_legal_form(&normalize(name));
    let words: Vec<&str> = normal.split(' ').collect();
    let front = |w: &&str| matches!(*w, "front" | "jabhat" | "jebhat" | "jabha" | "jabhet");
    if words.len() < 2 || !words.iter().any(front) {
        return normal;
    }
    let rest: Vec<&str> = words
        .iter()
        .copied()
        .filter(|w| !front(w) && !matches!(*w, "al" | "el" | "an" | "ash" | "ad" | "as"))
        .collect();
    format!("front {}", rest.join(" "))
}

/// A folded company name without its legal form: "merrill lynch and co inc" is "merrill lynch",
/// "general motors corp" is "general motors". The forms are the `suffix` class of
/// `org_words.tsv`; a name that is nothing but a legal form stays whole.
pub fn without_legal_form(folded: &str) -> String {
    let lex = crate::lexicon::Lexicon::builtin();
    let suffix = |w: &str| lex.word_info(w).has(crate::lexicon::flag::ORG_SUFFIX);
    let mut words: Vec<&str> = folded.split(' ').collect();
    let mut cut = false;
    while words.len() > 1 && words.last().is_some_and(|w| suffix(w)) {
        words.pop();
        cut = true;
    }
    while cut && words.len() > 1 && words.last().is_some_and(|w| matches!(*w, "and" | "the")) {
        words.pop();
    }
    if words.iter().all(|w| suffix(w)) {
        return folded.to_string();
    }
    words.join(" ")
}

/// The shorter names a company goes by, from its folded full name: without its legal form,
/// and without a kind-of-company word before it ("dixons group plc": "dixons group",
/// "dixons"). Nothing when the name has no legal form; a core that would be a lone common
/// word or a known place's name ("texas") is left out.
pub fn company_cores(folded: &str) -> Vec<String> {
    let core = without_legal_form(folded);
    if core == folded {
        return Vec::new();
    }
    let lex = crate::lexicon::Lexicon::builtin();
    let plausible = |name: &str| {
        name.contains(' ') || {
            let info = lex.word_info(name);
            !info.has(crate::lexicon::flag::COMMON) && info.entity.is_none()
        }
    };
    let mut cores = Vec::with_capacity(2);
    if let Some((shorter, last)) = core.rsplit_once(' ')
        && lex.word_info(last).has(crate::lexicon::flag::ORG_CORPORATE)
        && plausible(shorter)
    {
        cores.push(shorter.to_string());
    }
    if plausible(&core) {
        cores.insert(0, core);
    }
    cores
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
    fn company_cores_drop_the_legal_form_then_the_kind_of_company() {
        assert_eq!(
            company_cores("dixons group plc"),
            ["dixons group", "dixons"]
        );
        assert_eq!(company_cores("merrill lynch and co inc"), ["merrill lynch"]);
        assert_eq!(company_cores("usair group inc"), ["usair group", "usair"]);
        assert!(company_cores("general motors").is_empty());
        assert!(company_cores("inc").is_empty());
    }

    #[test]
    fn org_key_meets_a_fronts_arabic_and_english_names() {
        let key = org_key("Nusra Front");
        for name in [
            "Jebhat al-Nusra",
            "Jabhat al-Nusra",
            "al-Nusra Front",
            "the Nusra Front",
        ] {
            assert_eq!(org_key(name), key, "{name}");
        }
        assert_ne!(org_key("Popular Front"), org_key("National Front"));
        assert_eq!(org_key("Labour Party"), normalize("Labour Party"));
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
        assert_eq!(
            person_key("Nadiya Savchenko"),
            person_key("Nadezhda Savchenko")
        );
        assert_eq!(
            person_key("Volodymyr Zelensky"),
            person_key("Vladimir Zelensky")
        );
        assert_ne!(person_key("Petro"), person_key("Pyotr"));
        assert!(GIVEN_NAME_FORMS.windows(2).all(|w| w[0].0 < w[1].0));
        assert_eq!(surname_key("John Kerry"), surname_key("Kerry"));
    }
}
