//! Statements: direct quotes (`"...," X said`, `X said: "..."`) and reported speech ("X said
//! (that) ...", "..., X said"), each a SAID relation to a quote.

use super::{Events, Sent, one_line};
use crate::extract::entities::{Ref, UNNAMED, opens_with_unnamed_speaker};
use crate::lexicon::{Cue, Tense, VerbClass, flag};
use crate::model::{EntityId, RelationKind, Rule, Status};
use crate::text::{Span, TokenShape};

impl Events<'_, '_> {
    /// Statements, sentence by sentence: direct quotes and their speakers (`"...," X said`,
    /// `"...," said X`, `X said: "..."`), and reported speech in sentences that quote no
    /// statement ("Lavrov said (that) CLAUSE", "X told reporters CLAUSE", "CLAUSE, Peskov
    /// said"). A quote with no speaker of its own goes on with the statement before it, in its
    /// paragraph or the one before ("..., he said. "We will go on."").
    pub(super) fn statements(&mut self) {
        let doc = self.doc;
        let quotes = self.quoted();
        let mut next_quote = 0;
        // The last speaker, and the paragraph they spoke in.
        let mut last: Option<(EntityId, u32)> = None;
        // Sentences before this token are inside a quote already read.
        let mut quoted_until = 0;
        for s in 0..doc.sentences.len() {
            let sent = self.sent(s);
            let paragraph = doc.sentences[s].paragraph;
            let inside = sent.start < quoted_until;
            let mut quoting = false;
            while next_quote < quotes.len() && quotes[next_quote].0 < sent.end {
                let (open, close) = quotes[next_quote];
                next_quote += 1;
                quoting = true;
                quoted_until = quoted_until.max(close);
                let own = self
                    .speaker(open, close)
                    .map(|(who, at)| (who, at, Rule::Quote));
                // A quotation someone unnamed said does not go on with the last speaker.
                let continued = || {
                    let (who, said_in) = last?;
                    (paragraph <= said_in + 1 && !self.said_by_someone_unnamed(open, close, s))
                        .then_some((who, s, Rule::QuoteContinued))
                };
                if let Some((who, at, rule)) = own.or_else(continued) {
                    self.push_quote(open, close, who, at, rule);
                    last = Some((who, paragraph));
                }
            }
            if inside || quoting {
                continue;
            }
            if let Some(who) = self.reported(sent) {
                last = Some((who, paragraph));
            }
        }
    }

    /// The quotations of five words or more, as (opening mark, closing mark) tokens; shorter
    /// quoted fragments ("affordable", "six or seven million") are scare quotes, not statements.
    fn quoted(&self) -> Vec<(usize, usize)> {
        let doc = self.doc;
        let n = doc.tokens.len();
        let mut out = Vec::new();
        let mut k = 0;
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
            // ("'Reduce the budget deficit,' Volcker responded": a quotation opening its
            // sentence and closed by a comma is one, however short.)
            let words = (k + 1..e).filter(|&x| doc.tok(x).is_word()).count();
            let opening = doc.starts_sentence(k) && doc.punct(e - 1, &[","]);
            if words >= 5 || opening && words >= 2 {
                out.push((k, e));
            }
            k = e + 1;
        }
        out
    }

    /// SAID from `speaker` to the quotation between tokens `open` and `close`, read in
    /// sentence `s`.
    fn push_quote(&mut self, open: usize, close: usize, speaker: EntityId, s: usize, rule: Rule) {
        let doc = self.doc;
        let inner = Span::new(doc.tokens[open].span.end, doc.tokens[close].span.start);
        let text = one_line(inner.of(doc.text).trim().trim_end_matches([',', ' ']));
        let quote = self.emit.quote(text);
        // The quote may open in an earlier sentence: the evidence covers it.
        let mut sent = self.sent(s);
        sent.span = sent.span.cover(doc.tokens[open].span);
        let mut rel = self.base_relation(sent, close, RelationKind::Said, speaker, quote, rule);
        rel.status = Status::Happened;
        let quoted_topics = self.topics_in(sent, open + 1, close, &[speaker]);
        rel.topics = quoted_topics
            .into_iter()
            .filter(|&t| !self.emit.is_topic(t))
            .collect();
        self.emit.push(rel);
    }

    /// Reported speech in a sentence that quotes no statement; the speaker, when there is one
    /// (even when what they said is too short to keep).
    /// A sentence may have a participle of saying ("..., saying ...") before a finite verb of
    /// saying ("... the court had stressed ..."): the first one reports.
    fn reported(&mut self, sent: Sent) -> Option<EntityId> {
        if self.anonymous_tail(sent) {
            return None;
        }
        let finite = (sent.start..sent.end).find(|&j| self.says(sent, j));
        let participle = self.saying_participle(sent);
        let found = match (finite, participle) {
            (Some(v), Some(p)) if p.0 < v => Some(p),
            (Some(v), _) => self
                .tail_speaker(sent, v)
                .or_else(|| self.head_speaker(sent, v))
                .map(|found| (v, found))
                .or(participle),
            (None, participle) => participle,
        };
        let (v, found) = found?;
        self.said_that(sent, v, found)
    }

    /// A statement of `speaker` at the verb `v`, the words `from..to` (less the reporter's
    /// own attribution closing them); the speaker even when it is too short to keep.
    fn said_that(
        &mut self,
        sent: Sent,
        v: usize,
        (speaker, from, mut to): (EntityId, usize, usize),
    ) -> Option<EntityId> {
        let doc = self.doc;
        while to > from && doc.tok(to - 1).shape == TokenShape::Punct {
            to -= 1;
        }
        // "Volcker said the dollar's slide has been enough, a Fed spokesman said": the
        // reporter's own attribution closing the sentence is not the statement.
        if let Some(comma) = (from + 1..to)
            .rev()
            .take(8)
            .find(|&j| doc.punct(j, &[","]))
            .filter(|&c| (c + 1..to).any(|j| j != v && self.says(sent, j)))
        {
            to = comma;
        }
        // "told Brazil the bank will cooperate, but he refrained from any commitment": the
        // narrator's own clause about the speaker after the statement is not part of it.
        if v < from
            && let Some(comma) = (from + 1..to).find(|&j| {
                doc.punct(j, &[","])
                    && doc.is_any(j + 1, &["but", "and", "while", "although"])
                    && doc.is_any(j + 2, &["he", "she"])
            })
        {
            to = comma;
        }
        // Too short to be a statement ("said it was vital"), but the speaker still spoke.
        if (from..to).filter(|&j| doc.tok(j).is_word()).count() < 4 {
            return Some(speaker);
        }
        let text: String = one_line(doc.range_text(from, to))
            .chars()
            .take(400)
            .collect();
        let quote = self.emit.quote(text);
        let mut rel =
            self.base_relation(sent, v, RelationKind::Said, speaker, quote, Rule::SaidThat);
        rel.status = Status::Happened;
        // "Neira denied he was responding to the protests": he said it was not so.
        if doc.is_any(v, &["deny", "denies", "denied", "denying"]) {
            rel.status = Status::Denied;
        }
        rel.topics = self
            .topics_in(sent, from, to, &[speaker])
            .into_iter()
            .filter(|&t| !self.emit.is_topic(t))
            .collect();
        self.emit.push(rel);
        Some(speaker)
    }

    /// "Kohl has written to Delors, complaining that the plans would hit farmers": a participle
    /// of saying after a comma reports what the subject of the clause before it said.
    fn saying_participle(&self, sent: Sent) -> Option<(usize, (EntityId, usize, usize))> {
        let doc = self.doc;
        let v = (sent.start + 2..sent.end).find(|&j| {
            doc.punct(j - 1, &[","])
                && doc.shape(j) == TokenShape::Lower
                && doc
                    .info(j)
                    .verb
                    .is_some_and(|v| v.class == VerbClass::Say && v.tense == Tense::Ing)
        })?;
        let speaker = self
            .subject(sent, v - 1)
            .into_iter()
            .find(|r| self.agent(r))?
            .entity;
        let from = if doc.is(v + 1, "that") {
            v + 2
        } else {
            self.clause_start(sent, v + 1)?
        };
        Some((v, (speaker, from, sent.end)))
    }

    /// True when token `j` is a verb of saying. A present form ("claims", "says") is a verb only
    /// right after its subject or "and": "opposition claims he was ..." is a noun.
    /// True when the sentence ends in ", council sources said." or ", officials say": its
    /// words are unnamed people's, whoever else it names ("X has asked the council to approve
    /// ..., council sources said").
    fn anonymous_tail(&self, sent: Sent) -> bool {
        let doc = self.doc;
        let mut v = sent.end;
        while v > sent.start
            && (doc.tok(v - 1).shape == TokenShape::Punct
                || doc.info(v - 1).any(flag::WEEKDAY)
                || doc.is_any(
                    v - 1,
                    &["on", "yesterday", "today", "tonight", "late", "early"],
                ))
        {
            v -= 1;
        }
        let Some(v) = v.checked_sub(1) else {
            return false;
        };
        if !doc
            .info(v)
            .verb
            .is_some_and(|verb| verb.class == VerbClass::Say)
        {
            return false;
        }
        let mut j = v;
        while j > sent.start && j + 4 > v && doc.shape(j - 1) == TokenShape::Lower {
            j -= 1;
        }
        j < v
            && j > sent.start
            && doc.punct(j - 1, &[","])
            && self.ref_covering(j).is_none()
            && !doc.is_any(j, &["he", "she", "they", "it", "we", "i"])
    }

    fn says(&self, sent: Sent, j: usize) -> bool {
        let doc = self.doc;
        doc.shape(j) == TokenShape::Lower
            && doc.info(j).verb.is_some_and(|v| {
                v.class == VerbClass::Say
                    && (v.tense == Tense::Past
                        || v.tense == Tense::Present
                            && j > sent.start
                            // "His comments followed": a possessive's noun, not a verb.
                            && (self.ref_covering(j - 1).is_some()
                                && !doc.is_any(j - 1, &["his", "her", "its", "their"])
                                // "... and says he will write": a second verb of its subject.
                                || doc.is_any(j - 1, &["and", "but"])))
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
                // ", said lead manager Halvard Brothers Inc.": past a title in small letters.
                let mut s = v + 1;
                while s < end
                    && s < v + 5
                    && doc.shape(s) == TokenShape::Lower
                    && (self.title_word(s)
                        || doc.cue(s, Cue::Determiner)
                        || doc.shape(s + 1) == TokenShape::Lower && self.title_word(s + 1))
                {
                    s += 1;
                }
                let (found, after) = self.objects(sent, s, speaking);
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
                (c > start + 4 && doc.punct(c - 1, &[","])).then(|| (r.entity, start, c - 1))
            })
    }

    /// "Lavrov said (that) CLAUSE", "X told reporters CLAUSE": the subject of the verb at `v`,
    /// and the clause after it.
    fn head_speaker(&self, sent: Sent, v: usize) -> Option<(EntityId, usize, usize)> {
        let doc = self.doc;
        let end = sent.end;
        let speaker = self.speaker_of_verb(sent, v)?;
        // The clause: after "that" within a few words ("told reporters on Monday that", "told a
        // meeting of businessmen that"), else right after the verb and its hearer ("told the
        // BBC") and any words of when ("said on Monday the talks ...").
        // Not past an auxiliary: the clause began before it ("said two men were convicted
        // following allegations that ...": the "that" is the allegations').
        let that = (v + 1..(v + 12).min(end))
            .take_while(|&j| !doc.punct(j, &[".", ";", "\""]) && !doc.is_any(j, FINITE_AUXILIARIES))
            .find(|&j| doc.is(j, "that"));
        let from = match that {
            Some(t) => t + 1,
            None if doc.is(v, "told") => {
                let (hearer, after) = self.objects(sent, v + 1, |_| true);
                // The words of an audience or a medium: "reporters", "business executives",
                // "television interviewers".
                let past_audience = |mut j: usize| {
                    while j < end && doc.cue(j, Cue::Audience) && !doc.cue(j, Cue::Determiner) {
                        j += 1;
                    }
                    j
                };
                let mut from = if hearer.is_empty() {
                    // "told reporters the ...": the audience is passed.
                    let past = past_audience(v + 1);
                    if past == v + 1 && !doc.is_any(v + 1, &["parliament", "mps"]) {
                        return None;
                    }
                    past.max(v + 2)
                } else {
                    // "told Belgian television the measures had worked", "told Japanese
                    // reporters": a name before the medium or the audience says whose it is.
                    let past = past_audience(after);
                    if past > after && past < end && !doc.punct(past, &[".", ",", ";", ":"]) {
                        past
                    } else {
                        after
                    }
                };
                // "told reporters in Tokyo the talks went well": where is not said.
                if doc.is_any(from, &["in", "at"])
                    && self.ref_starting(from + 1).is_some_and(|r| self.place(r))
                    && let Some(r) = self.ref_starting(from + 1)
                {
                    from = r.to;
                }
                // "told reporters after a speech", "told the SEC last week he sold": words of
                // when are passed, a phrase of where or how is no clause; nor is a hearer that
                // goes on ("he told the Confederation's annual dinner").
                if from >= end || doc.tok(from).shape == TokenShape::Clitic {
                    return None;
                }
                self.clause_start(sent, from)?
            }
            None => self.clause_start(sent, v + 1)?,
        };
        Some((speaker, from, end))
    }

    /// Who said what the verb of saying at `v` introduces: its subject; after "but" or "and"
    /// ("He did not say whether ..., but said ..."), the subject of the sentence's first clause.
    fn speaker_of_verb(&self, sent: Sent, v: usize) -> Option<EntityId> {
        let doc = self.doc;
        if let Some(r) = self.subject(sent, v).into_iter().find(|r| self.agent(r)) {
            return Some(r.entity);
        }
        let mut j = v;
        while j > sent.start && (doc.cue(j - 1, Cue::AdverbAfter) || doc.is(j - 1, "also")) {
            j -= 1;
        }
        let coordinated = j > sent.start + 1 && doc.is_any(j - 1, &["but", "and"]);
        coordinated
            .then(|| self.main_subject(sent, j - 1))
            .flatten()
    }

    /// The subject of the first clause of the sentence, before token `before`: its first person
    /// or organisation that no preposition or verb governs.
    fn main_subject(&self, sent: Sent, before: usize) -> Option<EntityId> {
        let lo = self.refs.partition_point(|r| r.from < sent.start);
        self.refs[lo..]
            .iter()
            .take_while(|r| r.from < before)
            .find(|r| self.agent(r) && !self.governed(sent, r.from))
            .map(|r| r.entity)
    }

    /// Where the clause a verb of saying introduces starts, from token `x` right after the verb:
    /// past words of when ("yesterday", "on Monday", "last week"), at the first word that can
    /// open a clause ("said both he and ...", "said an agreement ..."). `None` when a
    /// preposition, "to" or a gerund follows: "said in a statement", "said to be", "denied
    /// meeting him".
    fn clause_start(&self, sent: Sent, mut x: usize) -> Option<usize> {
        let doc = self.doc;
        for _ in 0..3 {
            if doc.is_any(
                x,
                &["yesterday", "today", "tonight", "later", "earlier", "again"],
            ) {
                x += 1;
            } else if doc.is_any(x, &["on", "last", "this", "next"])
                && (doc.info(x + 1).any(flag::WEEKDAY | flag::MONTH)
                    || doc.is_any(x + 1, &["night", "week", "month", "year", "weekend"]))
            {
                x += 2;
            } else if doc.punct(x, &[","]) {
                x += 1;
            } else {
                break;
            }
        }
        // "said in an interview the talks ...", "told reporters after a cabinet meeting the
        // budget ...": a phrase of where or how, then the clause.
        if doc.cue(x, Cue::Preposition) && !doc.is(x, "to") {
            x = self.past_phrase(sent, x)?;
        }
        // "denied meeting Xi": a gerund is what was denied, not a clause.
        let gerund = doc.info(x).verb.is_some_and(|v| v.tense == Tense::Ing);
        let opens = x < sent.end
            && doc.tok(x).is_word()
            && !gerund
            && !doc.cue(x, Cue::Preposition)
            && !doc.is_any(x, &["to", "so", "not", "nothing", "goodbye"]);
        opens.then_some(x)
    }

    /// Where a clause starts after the prepositional phrase at `p` ("in an interview", "after
    /// a meeting with bankers"): the first determiner, pronoun or name that follows a word of
    /// the phrase's noun, within a few words. `None` when the sentence ends in the phrase
    /// ("said after the annual meeting", "told reporters at the World Petroleum Congress").
    fn past_phrase(&self, sent: Sent, p: usize) -> Option<usize> {
        let doc = self.doc;
        let end = sent.end.min(p + 10);
        (p + 2..end).find(|&x| {
            let before = x - 1;
            let ends_noun = doc.tok(before).is_word()
                && !doc.cue(before, Cue::Preposition)
                && !doc.cue(before, Cue::Determiner)
                && !doc.is_any(before, &["and", "or", "of", "to"])
                && self.ref_covering(before).is_none_or(|r| r.to == x);
            let opens = doc.cue(x, Cue::Determiner)
                && !doc.is_any(x, &["his", "her", "its", "their"])
                || doc.is_any(x, &["he", "she", "it", "they", "we", "i"])
                || self
                    .ref_starting(x)
                    .is_some_and(|r| self.agent(r) || self.place(r));
            // The phrase has a noun of its own: "in an interview", not "after almost".
            let has_noun = (p + 1..x).any(|y| {
                doc.cue(y, Cue::Determiner)
                    || doc.shape(y) == TokenShape::Number
                    || self.ref_covering(y).is_some()
            });
            ends_noun
                && opens
                && has_noun
                && x + 3 < sent.end
                && (x + 1..sent.end).any(|y| self.verbish(y))
        })
    }

    /// True when the word at `x` can carry a clause's verb: a verb the lists know, an
    /// auxiliary, or a regular past or present form ("dropped", "rises").
    fn verbish(&self, x: usize) -> bool {
        let doc = self.doc;
        let w = doc.s(x);
        doc.shape(x) == TokenShape::Lower
            && (doc.info(x).verb.is_some()
                || w.ends_with("ed")
                || w.len() > 3 && w.ends_with('s') && !w.ends_with("ss")
                || VERB_WORDS.contains(&w))
    }

    /// True when the quotation between `open` and `close`, read in sentence `s`, is said by
    /// someone no name gives: `One fund manager said, "..."`; `"...," one dealer said`;
    /// `"...," said a director at one bank`; a sentence ending ", the fund manager said"; or
    /// `"...," he said` after a sentence opening with "A third arbitrageur noted". (Not "the
    /// company said, '...'" nor "It added, '...'": they go back to who spoke.)
    fn said_by_someone_unnamed(&self, open: usize, close: usize, s: usize) -> bool {
        let doc = self.doc;
        let unnamed_he = doc.is_any(close + 1, &["he", "she"])
            && self.ref_starting(close + 1).is_none()
            && s > 0
            && opens_with_unnamed_speaker(doc, self.refs, s - 1);
        let said_before = open >= 2
            && doc.punct(open - 1, &[",", ":"])
            && doc
                .info(open - 2)
                .verb
                .is_some_and(|v| v.class == VerbClass::Say && v.tense == Tense::Past)
            && (open.saturating_sub(8)..open - 2)
                .rev()
                .take_while(|&j| doc.tok(j).is_word() && self.ref_covering(j).is_none())
                .any(|j| doc.is_any(j, UNNAMED));
        unnamed_he
            || said_before
            || self.attributed_after(close)
            || self.anonymous_tail(self.sent(doc.sentence_of[close] as usize))
    }

    /// True when the words right after the closing mark `close` say that someone unnamed
    /// spoke: `," one dealer said`, `," said a director at one merchant bank`.
    fn attributed_after(&self, close: usize) -> bool {
        let doc = self.doc;
        let n = doc.tokens.len();
        let says = |j: usize| j < n && doc.info(j).verb.is_some_and(|v| v.class == VerbClass::Say);
        let mut j = close + 1;
        while j < n && doc.punct(j, &[",", "\u{201d}", "\""]) {
            j += 1;
        }
        let unnamed = |x: usize| doc.is_any(x, UNNAMED);
        if j >= n {
            return false;
        }
        // `," said one dealer`, `," the papers said`.
        says(j) && unnamed(j + 1)
            // (`," one leading options analyst said`: up to four words before the verb.)
            || unnamed(j)
                && (j + 1..(j + 6).min(n))
                    .take_while(|&x| doc.tok(x).is_word() && self.ref_starting(x).is_none())
                    .any(says)
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
        if let Some(r) = self.named_before_verb(open, close, j) {
            return Some((r, doc.sentence_of[j] as usize));
        }
        // Before: `X said: "`, `X said that "`, `X told the BBC: "`, and `X agreed, "` (any
        // verb right before the quote's comma or colon).
        let s = doc.sentence_of[open] as usize;
        let start = doc.sentences[s].tokens.start;
        if open >= start + 2
            && doc.punct(open - 1, &[",", ":"])
            && doc.shape(open - 2) == TokenShape::Lower
            && match doc.info(open - 2).verb {
                Some(v) => matches!(v.tense, Tense::Past | Tense::Present),
                // A verb no list has: "agreed", "replied", "insisted".
                None => doc.s(open - 2).ends_with("ed"),
            }
            && let Some(r) = self
                .subject(self.sent(s), open - 2)
                .into_iter()
                .find(|r| speaking(r))
        {
            return Some((r.entity, s));
        }
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
            if doc.quote_mark(j) {
                return None;
            }
        }
        None
    }

    /// `...," Westinghouse chairman Douglas Danforth told Reuters`: the person named right
    /// before the verb of saying that follows a quotation (from `j`, past its closing marks),
    /// past a firm and a title in small letters; only when the quotation ends in a comma and
    /// the verb is in its sentence.
    fn named_before_verb(&self, open: usize, close: usize, j: usize) -> Option<EntityId> {
        let doc = self.doc;
        let n = doc.tokens.len();
        let says = |x: usize| x < n && doc.info(x).verb.is_some_and(|v| v.class == VerbClass::Say);
        if close <= open + 1
            || !doc.punct(close - 1, &[",", "?", "!"])
            || j >= n
            || doc.sentence_of[j] != doc.sentence_of[close]
        {
            return None;
        }
        let v = (j..(j + 9).min(n))
            .take_while(|&x| !doc.punct(x, &[",", ".", ";", ":", "\""]))
            .find(|&x| says(x))?;
        self.refs
            .iter()
            .find(|r| {
                r.to == v
                    && r.from > j
                    && self.agent(r)
                    && self.kind(r) == crate::model::EntityKind::Person
            })
            .map(|r| r.entity)
    }
}

/// Auxiliaries and common irregular verbs: a clause with one has a verb.
const VERB_WORDS: &[&str] = &[
    "is", "are", "was", "were", "be", "has", "have", "had", "will", "would", "shall", "should",
    "can", "could", "may", "might", "must", "did", "does", "do", "sold", "bought", "made", "took",
    "gave", "got", "paid", "fell", "rose", "grew", "won", "lost", "cut", "put", "set", "saw",
    "became", "began", "kept", "left", "led", "ran", "held", "went", "came", "need", "want",
];

/// Auxiliaries that make a clause finite: a clause that has one has begun.
const FINITE_AUXILIARIES: &[&str] = &[
    "is", "are", "was", "were", "has", "have", "had", "will", "would", "shall", "should", "can",
    "could", "may", "might", "must", "did", "does",
];
