//! Statements: direct quotes (`"...," X said`, `X said: "..."`) and reported speech ("X said
//! (that) ...", "..., X said"), each a SAID relation to a quote.

use super::{Events, Sent, one_line};
use crate::extract::entities::Ref;
use crate::lexicon::{Cue, Tense, VerbClass, flag};
use crate::model::{EntityId, RelationKind, Rule, Status};
use crate::text::{Span, TokenShape};

impl Events<'_, '_> {
    /// Direct quotes and their speakers: `"...," X said`, `"...," said X`, `X said: "..."`.
    pub(super) fn quotes(&mut self) {
        let doc = self.doc;
        let mut k = 0;
        let n = doc.tokens.len();
        while k < n {
            let open = doc.punct(k, &["\u{201c}", "\""])
                && (k + 1 < n && doc.tokens[k + 1].span.start == doc.tokens[k].span.end);
            if !open {
                k += 1;
                continue;
            }
            let closer: &[&str] = if doc.s(k) == "\"" {
                &["\""]
            } else {
                &["\u{201d}", "\""]
            };
            let mut e = k + 1;
            while e < n && !doc.punct(e, closer) {
                e += 1;
            }
            if e >= n {
                break;
            }
            let inner = Span::new(doc.tokens[k].span.end, doc.tokens[e].span.start);
            let words = (k + 1..e).filter(|&x| doc.tok(x).is_word()).count();
            // Five words or more: shorter quoted fragments ("affordable", "six or seven
            // million") are scare quotes, not statements.
            if words >= 5
                && let Some((speaker, s)) = self.speaker(k, e)
            {
                let text = one_line(inner.of(doc.text).trim().trim_end_matches([',', ' ']));
                let quote = self.emit.quote(text);
                // The quote may open in an earlier sentence: the evidence covers it.
                let mut sent = self.sent(s);
                sent.span = sent.span.cover(doc.tokens[k].span);
                let mut rel =
                    self.base_relation(sent, e, RelationKind::Said, speaker, quote, Rule::Quote);
                rel.status = Status::Happened;
                let quoted_topics = self.topics_in(sent, k + 1, e, &[speaker]);
                rel.topics = quoted_topics
                    .into_iter()
                    .filter(|&t| !self.emit.is_topic(t))
                    .collect();
                self.emit.push(rel);
            }
            k = e + 1;
        }
    }

    /// Reported speech in sentences without quote marks: "Lavrov said (that) CLAUSE",
    /// "X told reporters CLAUSE", "CLAUSE, Peskov said." The clause becomes the quote.
    pub(super) fn reported_speech(&mut self) {
        let doc = self.doc;
        for s in 0..doc.sentences.len() {
            let sent = self.sent(s);
            if (sent.start..sent.end).any(|j| doc.punct(j, &["\u{201c}", "\u{201d}", "\""])) {
                continue;
            }
            let Some(v) = (sent.start..sent.end).find(|&j| self.says(sent, j)) else {
                continue;
            };
            let Some((speaker, from, mut to)) = self
                .tail_speaker(sent, v)
                .or_else(|| self.head_speaker(sent, v))
            else {
                continue;
            };
            while to > from && doc.tok(to - 1).shape == TokenShape::Punct {
                to -= 1;
            }
            if (from..to).filter(|&j| doc.tok(j).is_word()).count() < 4 {
                continue;
            }
            let text: String = one_line(doc.range_text(from, to))
                .chars()
                .take(400)
                .collect();
            let quote = self.emit.quote(text);
            let mut rel =
                self.base_relation(sent, v, RelationKind::Said, speaker, quote, Rule::SaidThat);
            rel.status = Status::Happened;
            rel.topics = self
                .topics_in(sent, from, to, &[speaker])
                .into_iter()
                .filter(|&t| !self.emit.is_topic(t))
                .collect();
            self.emit.push(rel);
        }
    }

    /// True when token `j` is a verb of saying. A present form ("claims", "says") is a verb only
    /// right after its subject: "opposition claims he was ..." is a noun.
    fn says(&self, sent: Sent, j: usize) -> bool {
        let doc = self.doc;
        doc.shape(j) == TokenShape::Lower
            && doc.info(j).verb.is_some_and(|v| {
                v.class == VerbClass::Say
                    && (v.tense == Tense::Past
                        || v.tense == Tense::Present
                            && j > sent.start
                            && self.ref_covering(j - 1).is_some())
            })
    }

    /// "CLAUSE, Peskov said." / "CLAUSE, said Peskov.": a speaker who ends the sentence after
    /// the verb at `v` (", said Peskov." or ", Peskov said on Monday."), with the clause before.
    fn tail_speaker(&self, sent: Sent, v: usize) -> Option<(EntityId, usize, usize)> {
        let doc = self.doc;
        let (start, end) = (sent.start, sent.end);
        let speaking = |r: &Ref| self.agent(r);
        let ends_here = |j: usize| {
            j >= end
                || doc.tok(j).shape == TokenShape::Punct
                || doc.info(j).any(flag::WEEKDAY)
                || doc.is_any(j, &["on", "yesterday", "today", "later", "in"])
        };
        (v > start + 4 && doc.punct(v - 1, &[","]))
            .then(|| {
                let (found, after) = self.objects(sent, v + 1, speaking);
                found
                    .first()
                    .filter(|_| ends_here(after))
                    .map(|r| (r.entity, start, v - 1))
            })
            .flatten()
            .or_else(|| {
                if !ends_here(v + 1) {
                    return None;
                }
                let r = self
                    .refs
                    .iter()
                    .find(|r| r.to == v && r.from > start && speaking(r))?;
                let mut c = r.from;
                while c > start && (doc.cue(c - 1, Cue::Determiner) || self.title_word(c - 1)) {
                    c -= 1;
                }
                (c > start + 4 && doc.punct(c - 1, &[","])).then_some((r.entity, start, c - 1))
            })
    }

    /// "Lavrov said (that) CLAUSE", "X told reporters CLAUSE": the subject of the verb at `v`,
    /// and the clause after it.
    fn head_speaker(&self, sent: Sent, v: usize) -> Option<(EntityId, usize, usize)> {
        let doc = self.doc;
        let end = sent.end;
        let speaker = self
            .subject(sent, v)
            .into_iter()
            .find(|r| self.agent(r))
            .map(|r| r.entity)?;
        // The clause: after "that" within a few words ("told reporters on Monday that"), else
        // right after the verb and its hearer ("told the BBC").
        let that = (v + 1..(v + 8).min(end))
            .take_while(|&j| !doc.punct(j, &[".", ";"]))
            .find(|&j| doc.is(j, "that"));
        let from = match that {
            Some(t) => t + 1,
            None if doc.is(v, "told") => {
                let (hearer, after) = self.objects(sent, v + 1, |_| true);
                if hearer.is_empty()
                    && !doc.is_any(v + 1, &["reporters", "journalists", "parliament", "mps"])
                {
                    return None;
                }
                let mut from = if hearer.is_empty() { v + 2 } else { after };
                // "told reporters in Tokyo the talks went well": where is not said.
                if doc.is_any(from, &["in", "at"])
                    && self.ref_starting(from + 1).is_some_and(|r| self.place(r))
                    && let Some(r) = self.ref_starting(from + 1)
                {
                    from = r.to;
                }
                from
            }
            None if doc.tok(v + 1).is_capitalized()
                || doc.is_any(
                    v + 1,
                    &[
                        "the", "a", "he", "she", "it", "they", "there", "this", "his", "her",
                        "its", "their",
                    ],
                ) =>
            {
                v + 1
            }
            None => return None,
        };
        Some((speaker, from, end))
    }

    /// The speaker of the quote between tokens `open` and `close`.
    pub(super) fn speaker(&self, open: usize, close: usize) -> Option<(EntityId, usize)> {
        let doc = self.doc;
        let n = doc.tokens.len();
        let says = |j: usize| j < n && doc.info(j).verb.is_some_and(|v| v.class == VerbClass::Say);
        let speaking = |r: &Ref| self.agent(r);
        // After: `," he said`, `," said X`, `," X told reporters`.
        let mut j = close + 1;
        while j < n && doc.punct(j, &[",", "\u{201d}", "\""]) {
            j += 1;
        }
        if says(j) {
            let (objs, _) = self.objects(self.sent(doc.sentence_of[j] as usize), j + 1, speaking);
            if let Some(r) = objs.first() {
                return Some((r.entity, doc.sentence_of[j] as usize));
            }
        }
        if let Some(r) = self.ref_starting(j).or_else(|| {
            if doc.is(j, "the") {
                self.ref_starting(j + 1)
            } else {
                None
            }
        }) && speaking(r)
            && (says(r.to) || says(r.to + 1))
        {
            return Some((r.entity, doc.sentence_of[j] as usize));
        }
        // Before: `X said: "`, `X said that "`, `X told the BBC: "`.
        let s = doc.sentence_of[open] as usize;
        let start = doc.sentences[s].tokens.start;
        let mut j = open;
        while j > start {
            j -= 1;
            if says(j) {
                if let Some(r) = self
                    .subject(self.sent(s), j)
                    .into_iter()
                    .find(|r| speaking(r))
                {
                    return Some((r.entity, s));
                }
                return None;
            }
            if doc.punct(j, &["\u{201d}", "\u{201c}", "\""]) {
                return None;
            }
        }
        None
    }
}
