//! Tokens: words, numbers and punctuation with their byte spans.
//!
//! The tokenizer is written for news English and for speed: one pass over the bytes, no
//! allocation but the output vector. It keeps together what names need kept together:
//! initialisms ("U.S."), hyphenated and particle names ("al-Assad", "Frank-Walter", "Vnukovo-2"),
//! apostrophes inside names ("O'Brien", "d'Ivoire"); it splits the possessive "'s" off as its own
//! token so that "Kerry's" names Kerry.

use super::Span;

/// What a token looks like.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TokenShape {
    /// Starts with a lower-case letter: "talks", "al-Assad", "de".
    Lower,
    /// Starts with a capital and is not all capitals: "Kerry", "McCain", "Frank-Walter".
    Capitalized,
    /// Two or more letters, all capitals: "NASA", "MOSCOW", "US".
    Upper,
    /// Letters each followed by a full stop: "U.S.", "U.N.", "F.".
    Initialism,
    /// Starts with a digit: "2016", "270,000", "3.5", "09:32", "22nd".
    Number,
    /// The possessive or contraction after an apostrophe: "'s", "’s", "'t".
    Clitic,
    /// Anything else, one character at a time ("..." and "--" stay whole).
    Punct,
}

/// One token and where it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// Its bytes in the document.
    pub span: Span,
    /// What it looks like.
    pub shape: TokenShape,
}

impl Token {
    /// True for a word or number (not punctuation or a clitic).
    pub const fn is_word(&self) -> bool {
        !matches!(self.shape, TokenShape::Punct | TokenShape::Clitic)
    }

    /// True when the token starts with a capital letter (Capitalized, Upper or Initialism).
    pub const fn is_capitalized(&self) -> bool {
        matches!(
            self.shape,
            TokenShape::Capitalized | TokenShape::Upper | TokenShape::Initialism
        )
    }
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

fn char_at(text: &str, i: usize) -> Option<char> {
    text[i..].chars().next()
}

/// Splits `span` of `text` into tokens, appending them to `out`.
pub fn tokenize(text: &str, span: Span, out: &mut Vec<Token>) {
    let bytes = text.as_bytes();
    let mut i = span.start;
    let end = span.end;
    while i < end {
        let b = bytes[i];
        if b.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let c = if b < 0x80 {
            b as char
        } else {
            char_at(text, i).unwrap_or(' ')
        };
        if c.is_whitespace() {
            i += c.len_utf8();
            continue;
        }
        let start = i;
        if c.is_ascii_digit() {
            i = scan_number(text, i, end);
            // "22nd", "1990s", "5m": letters glued to a number stay with it.
            while i < end && bytes[i].is_ascii_alphabetic() {
                i += 1;
            }
            out.push(Token {
                span: Span::new(start, i),
                shape: TokenShape::Number,
            });
            continue;
        }
        if c.is_alphabetic() {
            // "A/S", "I/S": two capitals joined by a slash are one word (a Nordic legal form).
            let letter_pair = i + 2 < end
                && b.is_ascii_uppercase()
                && bytes[i + 1] == b'/'
                && bytes[i + 2].is_ascii_uppercase()
                && bytes.get(i + 3).is_none_or(|n| !n.is_ascii_alphanumeric())
                && (i == span.start || !bytes[i - 1].is_ascii_alphanumeric());
            if letter_pair {
                out.push(Token {
                    span: Span::new(start, i + 3),
                    shape: TokenShape::Upper,
                });
                i += 3;
                continue;
            }
            if let Some(stop) = scan_initialism(text, i, end) {
                out.push(Token {
                    span: Span::new(start, stop),
                    shape: TokenShape::Initialism,
                });
                i = stop;
                continue;
            }
            i = scan_word(text, i, end);
            out.push(Token {
                span: Span::new(start, i),
                shape: word_shape(&text[start..i]),
            });
            continue;
        }
        if is_apostrophe(c) {
            // A clitic: 's, ’s, 't, 're, 've, 'll, 'd, 'm directly after a word.
            let after = i + c.len_utf8();
            let glued = start > span.start && !bytes[start - 1].is_ascii_whitespace();
            if glued && after < end && bytes[after].is_ascii_alphabetic() {
                let mut j = after;
                while j < end && bytes[j].is_ascii_alphabetic() {
                    j += 1;
                }
                if j - after <= 2 {
                    out.push(Token {
                        span: Span::new(start, j),
                        shape: TokenShape::Clitic,
                    });
                    i = j;
                    continue;
                }
            }
            // The possessive of a plural or a name in -s: "Buenos Aires' city hall".
            let spaced_word = bytes.get(after) == Some(&b' ')
                && bytes.get(after + 1).is_some_and(u8::is_ascii_alphabetic);
            if glued && matches!(bytes[start - 1], b's' | b'S') && spaced_word {
                out.push(Token {
                    span: Span::new(start, after),
                    shape: TokenShape::Clitic,
                });
                i = after;
                continue;
            }
        }
        i += c.len_utf8();
        // Runs of dots or dashes stay one token.
        if c == '.' || c == '-' {
            while i < end && bytes[i] == b {
                i += 1;
            }
        }
        out.push(Token {
            span: Span::new(start, i),
            shape: TokenShape::Punct,
        });
    }
}

/// "-MM-DD" after a year.
fn iso_tail(b: &[u8]) -> bool {
    b.len() >= 6
        && b[0] == b'-'
        && b[1].is_ascii_digit()
        && b[2].is_ascii_digit()
        && b[3] == b'-'
        && b[4].is_ascii_digit()
        && b[5].is_ascii_digit()
        && b.get(6).is_none_or(|c| !c.is_ascii_digit())
}

/// Where the number that `i` is inside started.
fn start_of_number(text: &str, i: usize) -> usize {
    let bytes = text.as_bytes();
    let mut s = i;
    while s > 0 && bytes[s - 1].is_ascii_digit() {
        s -= 1;
    }
    s
}

fn scan_number(text: &str, mut i: usize, end: usize) -> usize {
    let bytes = text.as_bytes();
    while i < end {
        let b = bytes[i];
        if b.is_ascii_digit() {
            i += 1;
        } else if b == b'-' && i - start_of_number(text, i) == 4 && iso_tail(&bytes[i..end]) {
            // An ISO date: "2016-03-23".
            i += 6;
        } else if matches!(b, b',' | b'.' | b':' | b'/')
            && i + 1 < end
            && bytes[i + 1].is_ascii_digit()
            && !(b == b'/' && i + 2 < end && !bytes[i + 2].is_ascii_digit())
        {
            i += 2;
        } else {
            break;
        }
    }
    i
}

/// "U.S.", "U.N.", "a.m.", "F.": letters each followed by a full stop.
fn scan_initialism(text: &str, start: usize, end: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut i = start;
    let mut letters = 0;
    while i + 1 < end && bytes[i].is_ascii_alphabetic() && bytes[i + 1] == b'.' {
        letters += 1;
        i += 2;
        // "U.S.-led": stop at the hyphen; the word after is its own token.
        if i >= end || !bytes[i].is_ascii_alphabetic() {
            break;
        }
        if i + 1 < end && bytes[i + 1].is_ascii_alphabetic() {
            // "U.Sabc" is not an initialism continuation.
            break;
        }
    }
    if letters == 0 {
        return None;
    }
    // A single lower-case letter and a stop ("a.") is a word at a sentence end, not an initial.
    if letters == 1 && bytes[start].is_ascii_lowercase() {
        return None;
    }
    // Whatever follows must not continue a word: "U.S.A" without the last stop is still fine.
    if i < end && bytes[i].is_ascii_alphanumeric() {
        return None;
    }
    Some(i)
}

fn scan_word(text: &str, mut i: usize, end: usize) -> usize {
    let bytes = text.as_bytes();
    loop {
        // Letters and digits.
        while i < end {
            let b = bytes[i];
            if b.is_ascii_alphanumeric() {
                i += 1;
            } else if b >= 0x80 {
                match char_at(text, i) {
                    Some(c) if c.is_alphanumeric() || is_combining(c) => i += c.len_utf8(),
                    _ => break,
                }
            } else {
                break;
            }
        }
        if i >= end {
            return i;
        }
        // A hyphen joins when a letter or digit follows: "al-Assad", "Vnukovo-2".
        let c = char_at(text, i).unwrap_or(' ');
        let next = i + c.len_utf8();
        let next_c = if next < end {
            char_at(text, next)
        } else {
            None
        };
        match (c, next_c) {
            ('-' | '\u{2010}' | '\u{2011}', Some(n)) if n.is_alphanumeric() => i = next,
            // An apostrophe joins a capital ("O'Brien", "d'Ivoire") or a longer tail ("Qur'an").
            (a, Some(n)) if is_apostrophe(a) && n.is_alphabetic() => {
                // Only English's own clitics split off: "Rifa'i" and "Ka'ba" are one word.
                let tail: String = text[next..end]
                    .chars()
                    .take_while(|c| c.is_alphabetic())
                    .collect();
                let clitic = !n.is_uppercase()
                    && ["s", "t", "d", "m", "re", "ve", "ll"]
                        .iter()
                        .any(|c| tail.eq_ignore_ascii_case(c));
                if clitic {
                    return i;
                }
                i = next;
            }
            _ => return i,
        }
    }
}

fn is_combining(c: char) -> bool {
    ('\u{0300}'..='\u{036f}').contains(&c)
}

fn word_shape(word: &str) -> TokenShape {
    let mut chars = word.chars();
    let first = chars.next().unwrap_or(' ');
    if first.is_lowercase() {
        return TokenShape::Lower;
    }
    if !first.is_uppercase() {
        return TokenShape::Lower;
    }
    let mut letters = 1;
    let mut all_upper = true;
    for c in chars {
        if c.is_alphabetic() {
            letters += 1;
            if c.is_lowercase() {
                all_upper = false;
                break;
            }
        }
    }
    if all_upper && letters >= 2 {
        TokenShape::Upper
    } else {
        TokenShape::Capitalized
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<(&str, TokenShape)> {
        let mut out = Vec::new();
        tokenize(text, Span::new(0, text.len()), &mut out);
        out.iter().map(|t| (t.span.of(text), t.shape)).collect()
    }

    #[test]
    fn keeps_names_whole() {
        use TokenShape::*;
        assert_eq!(
            toks("U.S. envoy met al-Assad’s aide O'Brien at Vnukovo-2."),
            vec![
                ("U.S.", Initialism),
                ("envoy", Lower),
                ("met", Lower),
                ("al-Assad", Lower),
                ("’s", Clitic),
                ("aide", Lower),
                ("O'Brien", Capitalized),
                ("at", Lower),
                ("Vnukovo-2", Capitalized),
                (".", Punct),
            ]
        );
    }

    #[test]
    fn numbers_and_punctuation() {
        use TokenShape::*;
        assert_eq!(
            toks("270,000 people, 3.5% on 09:32 -- “NASA”..."),
            vec![
                ("270,000", Number),
                ("people", Lower),
                (",", Punct),
                ("3.5", Number),
                ("%", Punct),
                ("on", Lower),
                ("09:32", Number),
                ("--", Punct),
                ("“", Punct),
                ("NASA", Upper),
                ("”", Punct),
                ("...", Punct),
            ]
        );
    }

    #[test]
    fn initials_and_sentence_ends() {
        use TokenShape::*;
        assert_eq!(
            toks("John F. Kennedy said no. The end"),
            vec![
                ("John", Capitalized),
                ("F.", Initialism),
                ("Kennedy", Capitalized),
                ("said", Lower),
                ("no", Lower),
                (".", Punct),
                ("The", Capitalized),
                ("end", Lower),
            ]
        );
        assert_eq!(toks("don't"), vec![("don", Lower), ("'t", Clitic)]);
        assert_eq!(toks("al-Rifa'i"), vec![("al-Rifa'i", Lower)]);
        assert_eq!(
            toks("1996-08-30 22-25"),
            vec![
                ("1996-08-30", Number),
                ("22", Number),
                ("-", Punct),
                ("25", Number)
            ]
        );
        assert_eq!(toks("Zürich"), vec![("Zürich", Capitalized)]);
    }
}
