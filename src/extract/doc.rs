//! The analysed document every extraction stage reads: tokens, what the lexicon says of each,
//! and sentences.

use std::hash::{Hash, Hasher};

use rustc_hash::{FxHashSet, FxHasher};

use crate::lexicon::{Cue, Lexicon, Tense, WordInfo, flag};
use crate::text::{Segment, Sentence, Span, Token, TokenShape, split_sentences};

const NO_WORD: u32 = u32::MAX;
static NOTHING: WordInfo = WordInfo {
    flags: 0,
    entity: None,
    demonym: None,
    verb: None,
    noun: None,
    place_kind: None,
    cues: 0,
    month: 0,
    weekday: 0,
};

/// A document read into tokens, with the lexicon's view of every token.
pub(crate) struct Doc<'a> {
    pub text: &'a str,
    pub lex: &'a Lexicon,
    pub tokens: Vec<Token>,
    /// The lexicon word id of each token, or `NO_WORD`.
    words: Vec<u32>,
    pub sentences: Vec<Sentence>,
    /// Per sentence: true when its words are (almost) all capitals, or it is a headline in
    /// title case, so that a capital says nothing of a common word.
    pub shouting: Vec<bool>,
    /// Per token: the sentence it belongs to.
    pub sentence_of: Vec<u32>,
    /// Words written with a capital inside a sentence that is not shouting, folded and
    /// hashed: what the body confirms may be a name.
    named: FxHashSet<u64>,
    /// The body has sentences in ordinary case, so `named` can vouch for a shouted word.
    has_body: bool,
    /// Per sentence: true when it is written in capitals (not merely in title case).
    all_caps: Vec<bool>,
}

/// A hash of a word with its letters in lower case.
fn folded_hash(word: &str) -> u64 {
    let mut h = FxHasher::default();
    for c in word.chars().flat_map(char::to_lowercase) {
        c.hash(&mut h);
    }
    h.finish()
}

impl<'a> Doc<'a> {
    pub fn new(text: &'a str, lex: &'a Lexicon, segments: &[Segment]) -> Doc<'a> {
        let mut tokens = Vec::with_capacity(text.len() / 5);
        let sentences = split_sentences(text, segments, lex, &mut tokens);
        let mut buf = String::new();
        let words = tokens
            .iter()
            .map(|t| {
                // Clitics too: "'ll" is a cue of the future, "'t" of negation.
                if t.shape != TokenShape::Punct {
                    lex.word_id(t.span.of(text), &mut buf).unwrap_or(NO_WORD)
                } else {
                    NO_WORD
                }
            })
            .collect();
        let mut sentence_of = vec![0u32; tokens.len()];
        let mut shouting = Vec::with_capacity(sentences.len());
        let mut capitals = Vec::with_capacity(sentences.len());
        for (n, s) in sentences.iter().enumerate() {
            for i in s.tokens.clone() {
                sentence_of[i] = n as u32;
            }
            let (mut upper, mut lower, mut capitalized, mut small) = (0, 0, 0, 0);
            for t in &tokens[s.tokens.clone()] {
                match t.shape {
                    TokenShape::Upper => upper += 1,
                    TokenShape::Capitalized => {
                        lower += 1;
                        capitalized += 1;
                    }
                    TokenShape::Lower => {
                        lower += 1;
                        if t.span.len() <= 4 {
                            small += 1;
                        }
                    }
                    _ => {}
                }
            }
            let all_caps = upper >= 3 && upper > 2 * lower;
            // "Kerry in Moscow to Push for Political Transition": a headline in title case,
            // where only the short words stay lower case.
            let title_case = s.headline
                && capitalized >= 4
                && lower - capitalized <= small
                && capitalized * 2 >= lower;
            shouting.push(all_caps || title_case);
            capitals.push(all_caps);
        }
        let has_body = shouting.iter().any(|&shouts| !shouts);
        // Only a document with a line in capitals needs to know what its body capitalises.
        let mut named = FxHashSet::default();
        if has_body && capitals.iter().any(|&caps| caps) {
            for (s, _) in sentences
                .iter()
                .zip(&shouting)
                .filter(|(_, shouts)| !**shouts)
            {
                for t in &tokens[s.tokens.clone()] {
                    if t.is_capitalized() {
                        named.insert(folded_hash(t.span.of(text)));
                    }
                }
            }
        }
        Doc {
            text,
            lex,
            tokens,
            words,
            sentences,
            shouting,
            sentence_of,
            named,
            has_body,
            all_caps: capitals,
        }
    }

    /// For a word in a line of capitals: true unless the body, written in ordinary case,
    /// never capitalises it ("ENVOY ADVISES NAKASONE": "advises" is no name). A title-case
    /// line (a results line, a headline) is not judged this way: its names may be its own.
    pub fn shouted_name_confirmed(&self, i: usize) -> bool {
        let in_capitals = self
            .sentence_of
            .get(i)
            .is_some_and(|&s| self.all_caps[s as usize]);
        !in_capitals || !self.has_body || self.named.contains(&folded_hash(self.s(i)))
    }

    /// What the lexicon says of token `i`.
    pub fn info(&self, i: usize) -> &'a WordInfo {
        match self.words.get(i) {
            Some(&w) if w != NO_WORD => self.lex.info(w),
            _ => &NOTHING,
        }
    }

    /// The lexicon word id of token `i`.
    pub fn word(&self, i: usize) -> Option<u32> {
        self.words.get(i).copied().filter(|&w| w != NO_WORD)
    }

    /// Token `i`, or an empty punctuation token past the end, so that rules may look ahead
    /// without checking bounds.
    pub fn tok(&self, i: usize) -> Token {
        self.tokens.get(i).copied().unwrap_or(Token {
            span: Span::new(self.text.len(), self.text.len()),
            shape: TokenShape::Punct,
        })
    }

    /// The text of token `i` (empty past the end).
    pub fn s(&self, i: usize) -> &'a str {
        self.tok(i).span.of(self.text)
    }

    /// The text of tokens `from..to`.
    pub fn range_text(&self, from: usize, to: usize) -> &'a str {
        Span::new(self.tokens[from].span.start, self.tokens[to - 1].span.end).of(self.text)
    }

    /// The span of tokens `from..to`.
    pub fn range_span(&self, from: usize, to: usize) -> Span {
        Span::new(self.tokens[from].span.start, self.tokens[to - 1].span.end)
    }

    /// True when token `i` exists and is `word`, ignoring ASCII case.
    pub fn is(&self, i: usize, word: &str) -> bool {
        i < self.tokens.len() && self.s(i).eq_ignore_ascii_case(word)
    }

    /// The comma that ends a phrase opening sentence `s` before its subject: a preposition of the
    /// `phrase_opener` class ("After talks with X, Y said"), or a participle ("Speaking in
    /// Cardiff, X said", "Realising his error, Mr Campbell ..."). `None` when the sentence opens
    /// with its subject.
    pub fn fronted_phrase_end(&self, s: usize) -> Option<usize> {
        let sentence = &self.sentences[s];
        let (start, end) = (sentence.tokens.start, sentence.tokens.end);
        let mut first = (start..end).find(|&j| self.tokens[j].shape != TokenShape::Punct)?;
        // "But in an interview with Reuters, Lyng said": a conjunction before the phrase.
        if self.is_any(first, &["but", "and", "yet"]) && first + 1 < end {
            first += 1;
        }
        let word = self.s(first);
        let info = self.info(first);
        let participle = self.tokens[first].shape == TokenShape::Capitalized
            && !info.any(flag::GIVEN)
            && info.entity.is_none()
            && (word.len() > 5 && word.ends_with("ing")
                || info
                    .verb
                    .is_some_and(|v| matches!(v.tense, Tense::Ing | Tense::PastParticiple)));
        if !info.is(Cue::PhraseOpener) && !participle {
            return None;
        }
        let limit = end.min(first + 40);
        let comma = (first + 1..limit).find(|&j| self.punct(j, &[","]))?;
        Some(self.past_a_list(comma, limit))
    }

    /// "After meetings with Bush, Shultz and Baldrige, Clark said": the comma after a list of
    /// names that goes on from the one at `comma` (segments of capitalised words, the last
    /// joined by "and"), else `comma` itself.
    fn past_a_list(&self, comma: usize, limit: usize) -> usize {
        let mut at = comma;
        loop {
            let Some(next) = (at + 1..limit).find(|&j| self.punct(j, &[","])) else {
                return comma;
            };
            let segment = at + 1..next;
            let names_only = !segment.is_empty()
                && segment.clone().all(|j| {
                    self.tokens[j].shape != TokenShape::Lower
                        || self.is_any(j, &["of", "and", "the", "for"])
                });
            if !names_only {
                return comma;
            }
            if segment.clone().any(|j| self.is(j, "and")) {
                return next;
            }
            at = next;
        }
    }

    /// The comma before the main clause of sentence `s`, after its opening phrase and any
    /// relative clause on that phrase's last noun ("During his trip to Washington, which runs
    /// to April 29, Bangemann will meet ...").
    pub fn main_clause_comma(&self, s: usize) -> Option<usize> {
        let end = self.sentences[s].tokens.end;
        let mut comma = self.fronted_phrase_end(s)?;
        while self.is_any(comma + 1, &["which", "who", "where", "when"]) {
            match (comma + 2..end).find(|&j| self.punct(j, &[","])) {
                Some(next) => comma = next,
                None => break,
            }
        }
        Some(comma)
    }

    /// True when token `i` is a word of the cue class (from `cues.tsv`).
    pub fn cue(&self, i: usize, cue: Cue) -> bool {
        self.info(i).is(cue)
    }

    /// True when token `i` exists and is one of `words`, ignoring ASCII case.
    pub fn is_any(&self, i: usize, words: &[&str]) -> bool {
        i < self.tokens.len() && {
            let s = self.s(i);
            words.iter().any(|w| s.eq_ignore_ascii_case(w))
        }
    }

    pub fn shape(&self, i: usize) -> TokenShape {
        self.tok(i).shape
    }

    /// True when token `i` is punctuation equal to one of `marks`.
    pub fn punct(&self, i: usize, marks: &[&str]) -> bool {
        i < self.tokens.len()
            && self.tokens[i].shape == TokenShape::Punct
            && marks.contains(&self.s(i))
    }

    /// True when token `i` opens its sentence, ignoring opening quotes and brackets.
    pub fn starts_sentence(&self, i: usize) -> bool {
        let Some(&s) = self.sentence_of.get(i) else {
            return false;
        };
        let start = self.sentences[s as usize].tokens.start;
        (start..i).all(|j| self.tokens[j].shape == TokenShape::Punct)
    }

    /// True when token `i` opens a sentence or a quotation inside one (`said "If Poehl is
    /// confirmed ..."`): a place where any word is written with a capital.
    pub fn capital_by_position(&self, i: usize) -> bool {
        self.starts_sentence(i) || self.opens_quote(i)
    }

    /// True when token `k` is a double quotation mark, straight or curly.
    pub fn quote_mark(&self, k: usize) -> bool {
        self.punct(k, &["\"", "\u{201c}", "\u{201d}"])
    }

    /// True when token `i` comes right after an opening double quote: one with a space (or
    /// nothing) before it and token `i` touching it.
    fn opens_quote(&self, i: usize) -> bool {
        let Some(q) = i.checked_sub(1) else {
            return false;
        };
        let quote = self.tokens[q].span;
        self.punct(q, &["\"", "\u{201c}"])
            && quote.end == self.tokens[i].span.start
            && (q == 0 || self.tokens[q - 1].span.end < quote.start)
    }

    /// True when token `i` is written in capitals in a way that may mark a name: capitalised
    /// anywhere, or in a shouting line any word.
    pub fn capitalized(&self, i: usize) -> bool {
        self.tok(i).is_capitalized()
    }

    pub fn is_shouting(&self, i: usize) -> bool {
        self.sentence_of
            .get(i)
            .is_some_and(|&s| self.shouting[s as usize])
    }
}
