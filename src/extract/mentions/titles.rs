//! Titles and the names they stand before: "U.S. Secretary of State John Kerry", "the mayor of
//! Paris", "his Russian counterpart Sergey Lavrov", and role phrases with no name after them.

use super::{Cand, CandKind, Of, RoleRef, Scanner};
use crate::extract::doc::Doc;
use crate::lexicon::{Cue, PhraseTarget, flag};
use crate::model::{EntityKind, PlaceKind};
use crate::text::TokenShape;

/// The most modifiers read before a title ("former Russian Foreign Ministry spokeswoman" has
/// two): a bound, so a run of names with no title costs what its length does.
const MAX_MODIFIERS: usize = 4;
/// The most words of an organisation's name read before a title ("Home Office" in "Home Office
/// Minister").
const MAX_ORG_WORDS: usize = 8;

/// A modifier before a title: its tokens and what it names ("Russian", "NASA", "Russia's").
type Modifier = (usize, usize, CandKind);

/// What follows a title: what it is of, where the title's own words end (past fields such as
/// "of Defence"), and where the whole phrase ends.
struct TitleTail {
    of: Option<Modifier>,
    title_end: usize,
    end: usize,
}

impl Scanner<'_, '_> {
    /// A title at `i`: prefixes and fields ending in an office or occupation word. Returns its
    /// end, whether it is an office, and its gender bits.
    pub(super) fn title_at(&self, i: usize) -> Option<(usize, bool, u32)> {
        let doc = self.doc;
        let mut k = i;
        let mut head: Option<(usize, bool, u32)> = None;
        while k < self.end && doc.tok(k).is_word() {
            let info = self.info(k);
            // A title phrase of several words ("secretary of state", "prime minister").
            let mut phrase_end = None;
            if info.has(flag::PHRASE_START)
                && let Some(first) = doc.word(k)
            {
                for phrase in doc.lex.phrases_from(first) {
                    let PhraseTarget::Title(t) = phrase.target else {
                        continue;
                    };
                    let n = phrase.words.len();
                    if k + n <= self.end
                        && phrase
                            .words
                            .iter()
                            .enumerate()
                            .all(|(j, &w)| doc.word(k + j) == Some(w))
                    {
                        let tf = doc.lex.title(t).flags;
                        if tf & flag::HONORIFIC == 0 {
                            phrase_end = Some((k + n, tf));
                            break;
                        }
                    }
                }
            }
            if let Some((end, tf)) = phrase_end {
                head = Some((
                    end,
                    tf & flag::OCCUPATION == 0,
                    tf & (flag::MALE | flag::FEMALE),
                ));
                k = end;
                continue;
            }
            // "Vice-Premiers Li Peng and Tian Jiyun": an office in the plural, before the
            // names of those who hold it.
            let in_plural = || {
                doc.capitalized(k)
                    && doc.s(k).ends_with('s')
                    && plural_office(doc.lex, doc.s(k)).is_some()
                    && self.holders_listed(k + 1)
            };
            if (info.any(flag::OFFICE | flag::OCCUPATION) || in_plural())
                && !self.is_name_not_title(k)
            {
                k += 1;
                // An abbreviated title keeps its stop: "Gen. Petraeus" (but "... the shadow
                // chancellor." ends a sentence).
                if doc.punct(k, &["."])
                    && doc.tok(k).span.start == doc.tok(k - 1).span.end
                    && doc
                        .word(k - 1)
                        .is_some_and(|w| doc.lex.expansion(w).is_some())
                {
                    k += 1;
                }
                head = Some((
                    k,
                    info.has(flag::OFFICE),
                    info.flags & (flag::MALE | flag::FEMALE),
                ));
                continue;
            }
            // "ex-foreign secretary", "ex-president": a prefix written onto the next word.
            if head.is_none()
                && let Some((pre, rest)) = doc.s(k).split_once('-')
                && ["ex", "vice", "deputy", "former", "co"]
                    .iter()
                    .any(|p| pre.eq_ignore_ascii_case(p))
                && let Some(w) = plural_office(doc.lex, rest)
                    .filter(|_| doc.capitalized(k) && self.holders_listed(k + 1))
                    .or_else(|| {
                        doc.lex
                            .word_id(rest, &mut String::new())
                            .filter(|&w| doc.lex.info(w).any(flag::FIELD | flag::OFFICE))
                    })
            {
                let rest = doc.lex.info(w);
                k += 1;
                if rest.has(flag::OFFICE) {
                    head = Some((k, true, rest.flags & (flag::MALE | flag::FEMALE)));
                }
                continue;
            }
            if head.is_none() && info.any(flag::PREFIX | flag::FIELD) {
                k += 1;
                // "Children's Minister", "Women's Minister": a field in the possessive.
                if info.has(flag::FIELD)
                    && k < self.end
                    && doc.tok(k).shape == TokenShape::Clitic
                    && self.info(k + 1).any(flag::FIELD | flag::OFFICE)
                {
                    k += 1;
                }
                // "Trade and Industry Secretary", "Work and Pensions Secretary".
                if info.has(flag::FIELD)
                    && doc.is_any(k, &["and", "&"])
                    && self.info(k + 1).has(flag::FIELD)
                    && doc.shape(k + 1) == doc.shape(k - 1)
                {
                    k += 1;
                }
                // "ex-" and "vice-" are written with a hyphen token.
                if doc.punct(k, &["-"]) {
                    k += 1;
                }
                continue;
            }
            break;
        }
        head
    }

    /// True when the names of those who hold an office in the plural are listed from `k`: a
    /// name that is no title's or body's, then "and" or a comma and another ("Ministers Hale
    /// and Petrov", "Commissioners Hale, Petrov and Lowe"; not "Council of Ministers", "Bank
    /// Officers Union", "Purchasing Managers Composite Index, a ...").
    fn holders_listed(&self, k: usize) -> bool {
        let doc = self.doc;
        let person = |from: usize| {
            self.name_run(from).filter(|&end| {
                self.holder_name(from)
                    && !self
                        .info(end - 1)
                        .any(flag::ORG_HEAD | flag::ORG_SUFFIX | flag::ORG_CORPORATE)
            })
        };
        let Some(end) = person(k) else {
            return false;
        };
        doc.is(end, "and")
            || doc.punct(end, &[","])
                && person(end + 1).is_some_and(|e| doc.is(e, "and") || doc.punct(e, &[","]))
    }

    /// "Vice-Premiers Li Peng and Tian Jiyun": after the first holder `cand` of a title that
    /// ends at `title_end`, whose name ends at `end`, the others of an office in the plural,
    /// each with the same role. Where the last name ends.
    fn other_holders(&mut self, cand: &Cand, title_end: usize, end: usize) -> usize {
        let mut last = end;
        if plural_office(self.doc.lex, self.doc.s(title_end - 1)).is_none() {
            return last;
        }
        while let Some(next) = self.next_holder(last) {
            let to = self.name_run(next).unwrap_or(next + 1);
            self.found.cands.push(Cand {
                from: next,
                to,
                gender: self.info(next).flags & (flag::MALE | flag::FEMALE),
                ..cand.clone()
            });
            last = to;
        }
        last
    }

    /// Where the next holder of an office in the plural is named after a holder's name that
    /// ends at `end` (", Petrov", "and Petrov", ", and Petrov"), if one is.
    fn next_holder(&self, end: usize) -> Option<usize> {
        let doc = self.doc;
        let mut k = end;
        if doc.punct(k, &[","]) {
            k += 1;
        }
        if doc.is(k, "and") {
            k += 1;
        }
        (k > end
            && self.holder_name(k)
            && self.honorific_at(k).is_none()
            && self.title_at(k).is_none()
            && self.name_run(k).is_some())
        .then_some(k)
    }

    /// True when token `k` may open the name of an office's holder: capitalised, and no
    /// title's, body's or common word.
    fn holder_name(&self, k: usize) -> bool {
        self.doc.tok(k).shape == TokenShape::Capitalized
            && !self.info(k).any(
                flag::OFFICE
                    | flag::OCCUPATION
                    | flag::PREFIX
                    | flag::FIELD
                    | flag::ORG_HEAD
                    | flag::ORG_SUFFIX
                    | flag::COMMON,
            )
    }

    /// A capitalised title word that is really a name here: "General Motors" is not a general,
    /// "Major" after a given name is a surname.
    pub(super) fn is_name_not_title(&self, k: usize) -> bool {
        let doc = self.doc;
        // A title word right after a given name is a surname ("John Major", "Fred Chancellor").
        k > 0 && doc.capitalized(k) && doc.capitalized(k - 1) && self.info(k - 1).has(flag::GIVEN)
    }

    /// An honorific at `i` (Mr, Sir, Baroness), with an optional full stop after it.
    pub(super) fn honorific_at(&self, i: usize) -> Option<usize> {
        if i < self.end && self.info(i).has(flag::HONORIFIC) && self.doc.capitalized(i) {
            let next = if self.doc.punct(i + 1, &["."]) {
                i + 2
            } else {
                i + 1
            };
            // "Mr Wellington", "Mrs Paris": a one-word known name after an honorific is a
            // surname; a longer one ("Sir Lanka Cricket Board") is not.
            if self.name_word(next)
                && self
                    .known_at(next)
                    .is_none_or(|m| m.demonym || m.end == next + 1)
            {
                return Some(next);
            }
        }
        None
    }

    /// A capitalised run ending in an organisation head word that a title follows
    /// ("Home Office" in "Home Office Minister"). Returns its end.
    pub(super) fn org_run_before_title(&self, i: usize) -> Option<usize> {
        let mut k = i;
        let end = self.end.min(i + MAX_ORG_WORDS);
        while k < end && self.capital(k) && self.title_at(k).is_none() {
            if self.info(k).has(flag::ORG_HEAD) && self.title_at(k + 1).is_some() {
                return Some(k + 1);
            }
            k += 1;
        }
        None
    }

    /// A firm's name right before an occupation and a name ("Merrill Lynch analyst John
    /// Smith", "Carroll McEntee and McGinley analyst Brian Singer", "Salomon Brothers chairman
    /// John Gutfreund"): the organisation the title belongs to. Returns where the title starts.
    fn firm_before_title(&self, i: usize) -> Option<usize> {
        let doc = self.doc;
        // Most words are no capitalised name: no title is looked for after them.
        if !self.capital(i) {
            return None;
        }
        let limit = self.end.min(i + MAX_ORG_WORDS);
        let mut k = i;
        while k < limit && self.title_at(k).is_none() {
            let word = doc.tok(k).is_word()
                && self.capital(k)
                && !self.shouting(k)
                && !doc.cue(k, Cue::Determiner)
                && !(doc.capital_by_position(k) && self.info(k).has(flag::COMMON));
            let joins =
                k > i && doc.is_any(k, &["and", "&"]) && k + 1 < limit && self.capital(k + 1);
            if !word && !joins {
                return None;
            }
            k += 1;
        }
        // "Mulroney and President Reagan": a name and another's title, not a firm.
        if k == i || k >= limit || doc.is_any(k - 1, &["and", "&"]) {
            return None;
        }
        let (title_end, office, _) = self.title_at(k)?;
        let firm_title = !office || doc.is(k, "chairman");
        (firm_title && self.name_run(title_end).is_some()).then_some(k)
    }

    /// 1. A titled name or a role phrase at `i`: modifiers ("Russian", "NASA"), the title, what
    ///    it is of ("of Defence", "for the Kremlin"), then an honorific and a name, or none.
    pub(super) fn titled(&mut self, i: usize) -> Option<usize> {
        let doc = self.doc;
        let (lead, mods, title_start) = self.title_modifiers(i);
        let (title_end, office, gender) = self.title_at(title_start)?;
        let tail = self.title_tail(title_end);
        let title_end = tail.title_end;
        let tail_end = tail.end;
        // An honorific, then the name.
        let mut name_start = tail_end;
        let mut honorific = None;
        if let Some(next) = self.honorific_at(name_start) {
            honorific = Some(name_start);
            name_start = next;
        }
        if honorific.is_none()
            && let Some(end) = self.place_named_with_a_title(&mods, title_start, name_start)
        {
            return Some(end);
        }
        // The name must not be a known place or organisation that covers it whole.
        // Nor a lone common word: "a General Election", "the President Hotel".
        let name_end = self.name_run(name_start).filter(|&end| {
            self.known_at(name_start)
                .is_none_or(|m| m.end < end && self.info(name_start).has(flag::GIVEN))
                && !(end == name_start + 1
                    && honorific.is_none()
                    && self.info(name_start).has(flag::COMMON)
                    && !self.info(name_start).has(flag::GIVEN))
        });
        if honorific.is_none()
            && let Some(end) = name_end
            && self.firm_named_with_a_title(i, title_start, name_start, end)
        {
            return Some(end);
        }
        let title = match lead {
            Some(p) => format!(
                "{} {}",
                title_text(doc, p, p + 1),
                title_text(doc, title_start, title_end)
            ),
            None => title_text(doc, title_start, title_end),
        };
        // Emit the modifiers and the "of" entity as mentions of their own.
        let mut of_ref = None;
        for (from, to, kind) in mods.iter().copied().chain(tail.of) {
            let index = self.push(from, to, kind, None);
            of_ref = Some(match kind {
                CandKind::Known(id) | CandKind::Demonym(id) => Of::Known(id),
                _ => Of::Cand(index),
            });
        }
        // "King Philippe of Belgium": the country may follow the name.
        let mut after_name = name_end;
        if of_ref.is_none()
            && let Some(end) = name_end
            && doc.is(end, "of")
            && let Some(m) = self.known_at(end + 1)
            && !m.demonym
            && doc.lex.known(m.id).kind == EntityKind::Place
        {
            self.push(end + 1, m.end, CandKind::Known(m.id), None);
            of_ref = Some(Of::Known(m.id));
            after_name = Some(m.end);
        }
        let (relational, counterpart_of) = self.counterpart(i, title_start, title_end);
        let role = RoleRef {
            from: title_start,
            to: tail_end,
            title,
            of: of_ref,
            office,
            counterpart_of,
        };
        match name_end {
            Some(end) => {
                let keep = honorific.is_some_and(|h| keeps_honorific(doc.s(h)));
                let gender = gender
                    | honorific.map_or(0, |h| self.info(h).flags & (flag::MALE | flag::FEMALE));
                let given = self.info(name_start).flags & (flag::MALE | flag::FEMALE);
                let cand = Cand {
                    from: name_start,
                    to: end,
                    kind: CandKind::Typed(EntityKind::Person, None),
                    honorific,
                    keep_honorific: keep,
                    role: (!relational || counterpart_of.is_some()).then_some(role),
                    gender: if gender != 0 { gender } else { given },
                    hints: 0,
                };
                self.found.cands.push(cand.clone());
                let last = if after_name == Some(end) {
                    self.other_holders(&cand, title_end, end)
                } else {
                    end
                };
                Some(after_name.map_or(last, |a| a.max(last)))
            }
            None => {
                // A role phrase with no name: kept for an apposition ("Their lawyer, X,"),
                // and for linking when it is an office.
                if !relational {
                    self.found.role_phrases.push(role);
                }
                Some(tail_end.max(title_start + 1))
            }
        }
    }

    /// "Chancellor Corp", "American Executive Holdings Ltd", "General Accounting Office": a
    /// company or body named with a title's word, not a titled person. Pushes it and returns
    /// true when the name from `name_start` to `end` after the title at `title_start` (its
    /// modifiers from `i`) is one.
    fn firm_named_with_a_title(
        &mut self,
        i: usize,
        title_start: usize,
        name_start: usize,
        end: usize,
    ) -> bool {
        let firm = self
            .info(end - 1)
            .any(flag::ORG_SUFFIX | flag::ORG_CORPORATE)
            || self.info(end - 1).has(flag::ORG_HEAD)
                && end > name_start + 1
                && !self.info(name_start).has(flag::GIVEN);
        if !firm {
            return false;
        }
        // A title in small letters is no part of the name: "market researcher Dataquest Inc"
        // is Dataquest Inc.
        let from = if self.doc.shape(title_start) == TokenShape::Lower {
            name_start
        } else {
            i
        };
        self.push(
            from,
            end,
            CandKind::Typed(EntityKind::Organization, None),
            None,
        );
        true
    }

    /// "King's Cross station", "Prince Albert Road": a place named with a title's word after
    /// the title's modifiers (but "spokesman Rich Hall" is a person). The end of the place
    /// when it is one, with it and the modifiers pushed.
    fn place_named_with_a_title(
        &mut self,
        mods: &[(usize, usize, CandKind)],
        title_start: usize,
        name_start: usize,
    ) -> Option<usize> {
        let end = self.name_run(name_start)?;
        let place = self.lower_place_head(end).is_some()
            || self.info(end - 1).has(flag::PLACE_HEAD)
                && end > name_start + 1
                && !self.surname_head(end - 1);
        if !place {
            return None;
        }
        // ("London's King's Cross station": the modifier is a name of its own.)
        for &(from, to, kind) in mods {
            self.push(from, to, kind, None);
        }
        let kind = self.info(end - 1).place_kind.or(Some(PlaceKind::Facility));
        self.push(
            title_start,
            end,
            CandKind::Typed(EntityKind::Place, kind),
            None,
        );
        Some(end)
    }

    /// What comes before a title at `i`: a prefix that belongs to it ("Former Tory leader X"),
    /// and modifiers (countries, demonyms, organisations, each maybe with "'s"). Returns the
    /// prefix, the modifiers, and where the title itself may start.
    fn title_modifiers(&self, i: usize) -> (Option<usize>, Vec<Modifier>, usize) {
        let doc = self.doc;
        // "Former Tory leader X", "former Metropolitan Police Commissioner": a prefix may come
        // before the modifiers; it belongs to the title.
        let lead = (self.info(i).has(flag::PREFIX)
            && i + 1 < self.end
            && (self.known_at(i + 1).is_some() || self.org_run_before_title(i + 1).is_some()))
        .then_some(i);
        let mut k = lead.map_or(i, |p| p + 1);
        let mut mods: Vec<Modifier> = Vec::new();
        while mods.len() < MAX_MODIFIERS {
            // "Russian Foreign Ministry Spokeswoman": a demonym and an organisation read as one.
            if let Some(&(from, to, CandKind::Demonym(_))) = mods.last()
                && to == k
                && let Some(end) = self.org_run_before_title(k)
            {
                mods.pop();
                mods.push((from, end, CandKind::Typed(EntityKind::Organization, None)));
                k = end;
                continue;
            }
            // "Japanese government spokesman": the government is the country's.
            if let Some(&(_, to, CandKind::Demonym(_) | CandKind::Known(_))) = mods.last()
                && to == k
                && doc.is(k, "government")
                && doc.shape(k) == TokenShape::Lower
            {
                k += 1;
                continue;
            }
            if let Some(m) = self.known_at(k) {
                let kind = if m.demonym {
                    CandKind::Demonym(m.id)
                } else {
                    CandKind::Known(m.id)
                };
                let known_kind = doc.lex.known(m.id).kind;
                if known_kind == EntityKind::Person {
                    break;
                }
                mods.push((k, m.end, kind));
                k = m.end;
            } else if let Some(end) = self.org_run_before_title(k) {
                mods.push((k, end, CandKind::Typed(EntityKind::Organization, None)));
                k = end;
            } else if let Some(end) = self.firm_before_title(k) {
                mods.push((k, end, CandKind::Typed(EntityKind::Organization, None)));
                k = end;
            } else if doc.shape(k) == TokenShape::Upper
                && !self.shouting(k)
                && doc.s(k).len() >= 2
                && self.title_at(k + 1).is_some()
            {
                // An acronym before a title is the organisation the title belongs to.
                mods.push((k, k + 1, CandKind::Typed(EntityKind::Organization, None)));
                k += 1;
            } else {
                break;
            }
            if k < self.end && doc.tok(k).shape == TokenShape::Clitic {
                k += 1;
            }
        }
        (lead, mods, k)
    }

    /// What follows a title ending at `title_end`: "of [the] X" / "for [the] X", a country, an
    /// organisation, a field ("Minister of Defence", "Secretary of State for Health"), another
    /// title ("Press Secretary of the President of Russia").
    fn title_tail(&self, title_end: usize) -> TitleTail {
        let doc = self.doc;
        let mut tail = TitleTail {
            of: None,
            title_end,
            end: title_end,
        };
        let mut j = title_end;
        // "Turkish Ambassador to Athens Nazmi Akiman", "envoy to the UN": where an office is
        // held, as part of the title; what it is of is said before it.
        if doc.is(j, "to") {
            let x = if doc.is(j + 1, "the") { j + 2 } else { j + 1 };
            if let Some(m) = self.known_at(x).filter(|m| !m.demonym)
                && self.name_word(m.end)
            {
                tail.end = m.end;
                j = m.end;
            }
        }
        while doc.is(j, "of") || doc.is(j, "for") {
            let mut x = j + 1;
            if doc.is(x, "the") {
                x += 1;
            }
            if let Some(m) = self.known_at(x) {
                let org = CandKind::Typed(EntityKind::Organization, None);
                // "the United States Department of State": a country before an organisation's
                // name is part of it.
                if let Some(end) = self.org_name_at(m.end) {
                    tail.of = Some((x, end, org));
                    j = end;
                } else if !m.demonym
                    && self.name_word(m.end)
                    && !self.info(m.end).has(flag::GIVEN)
                    && self.honorific_at(m.end).is_none()
                    && let Some(end) = self.name_run(m.end)
                {
                    // "spokesman for North East Says No": capitalised words that go on after
                    // the known name are the rest of the organisation's name, unless a given
                    // name starts a person ("the spokesman for the Kremlin Dmitry Peskov").
                    tail.of = Some((x, end, org));
                    j = end;
                } else {
                    let kind = if m.demonym {
                        CandKind::Demonym(m.id)
                    } else {
                        CandKind::Known(m.id)
                    };
                    tail.of = Some((x, m.end, kind));
                    j = m.end;
                }
            } else if let Some(end) = self
                .name_run(x)
                .filter(|&end| self.info(end - 1).has(flag::ORG_SUFFIX))
            {
                // "chairman of King World Productions Inc": a company, whatever its first word.
                tail.of = Some((x, end, CandKind::Typed(EntityKind::Organization, None)));
                j = end;
            } else if let Some((end, _, _)) = self.title_at(x) {
                j = end;
            } else if let Some(end) = self.org_name_at(x)
                && !(x..end).all(|f| self.info(f).has(flag::FIELD))
            {
                tail.of = Some((x, end, CandKind::Typed(EntityKind::Organization, None)));
                j = end;
            } else {
                // "Minister of Energy and Mines": fields may be joined by "and".
                let mut f = x;
                loop {
                    while f < self.end && self.info(f).has(flag::FIELD) {
                        f += 1;
                    }
                    if f > x
                        && (doc.is(f, "and") || doc.s(f) == "&")
                        && self.info(f + 1).has(flag::FIELD)
                    {
                        f += 1;
                        continue;
                    }
                    break;
                }
                // A field phrase after "of" ends in a noun: an adjective that qualifies a word
                // of no field is not the title's, "Director of Economic Studies", "Minister
                // of Regional and Industrial Expansion".
                while f > x && adjective_field(doc.s(f - 1)) {
                    f -= 1;
                    if f > x && (doc.is(f - 1, "and") || doc.s(f - 1) == "&") {
                        f -= 1;
                    }
                }
                // Fields that qualify what follows them are not the title's: "head of the
                // government's Agriculture Department", "head of the political science
                // department", "officer of local 174".
                let qualifies = f < self.end
                    && (doc.tok(f).shape == TokenShape::Clitic
                        || doc.shape(f) == TokenShape::Number
                        || self.info(f).has(flag::ORG_HEAD));
                if f == x || qualifies {
                    break;
                }
                tail.title_end = f;
                j = f;
            }
            tail.end = j;
        }
        tail
    }

    /// "his Russian counterpart Sergey Lavrov": read like a title, but not a role of his; it says
    /// he holds the possessor's office for Russia. Returns whether the title at
    /// `title_start..title_end` is relational, and the possessor's token when it is a
    /// counterpart.
    fn counterpart(&self, i: usize, title_start: usize, title_end: usize) -> (bool, Option<usize>) {
        let doc = self.doc;
        let relational = (title_start..title_end).any(|t| self.info(t).has(flag::RELATIONAL));
        let counterpart_of =
            if !relational || !doc.is_any(title_start, &["counterpart", "counterparts"]) {
                None
            } else if i > 0 && doc.is_any(i - 1, &["his", "her", "their"]) {
                Some(i - 1)
            } else if i > 1 && doc.tok(i - 1).shape == TokenShape::Clitic {
                Some(i - 2)
            } else {
                None
            };
        (relational, counterpart_of)
    }

    /// An organisation name at `i` (for "spokesman for the X"): a capitalised run ending in an
    /// organisation head, or starting with an organisation lead word.
    pub(super) fn org_name_at(&self, i: usize) -> Option<usize> {
        if !self.capital(i) {
            return None;
        }
        let end = self.name_run(i)?;
        let last = end - 1;
        if self.info(last).has(flag::ORG_HEAD) || self.info(i).has(flag::ORG_LEAD) && end > i + 1 {
            Some(end)
        } else {
            None
        }
    }
}

/// Peers are named with their title: "Lord Goldsmith", "Baroness Morgan".
pub(super) fn keeps_honorific(word: &str) -> bool {
    [
        "lord", "lady", "baroness", "baron", "duke", "duchess", "dame",
    ]
    .iter()
    .any(|w| word.eq_ignore_ascii_case(w))
}

/// True for a word of three letters or more in a headline written in capitals ("KING"), which
/// is no acronym to keep as written.
fn shouted_word(doc: &Doc, k: usize) -> bool {
    doc.is_shouting(k) && doc.s(k).len() >= 3
}

/// The office a word names in the plural ("Premiers", "Ministers"), if it does: its singular's
/// word id.
pub(crate) fn plural_office(lex: &crate::lexicon::Lexicon, word: &str) -> Option<u32> {
    // "Vice-Premiers": the last part says.
    let word = word.rsplit('-').next().unwrap_or(word);
    let singular = word.strip_suffix('s').filter(|w| !w.ends_with('s'))?;
    let mut buf = String::new();
    if lex
        .word_id(word, &mut buf)
        .is_some_and(|w| lex.info(w).has(flag::OFFICE))
    {
        return None;
    }
    lex.word_id(singular, &mut buf)
        .filter(|&w| lex.info(w).has(flag::OFFICE))
}

/// A title written as a title: "foreign Minister" -> "Foreign Minister", "secretary of state"
/// -> "Secretary of State", "Vice-Premiers" -> "Vice-Premier" (each holds one office).
pub(crate) fn title_text(doc: &Doc, from: usize, to: usize) -> String {
    let mut out = String::new();
    for k in from..to {
        let mut w = doc.s(k);
        if k + 1 == to && w.ends_with('s') && plural_office(doc.lex, w).is_some() {
            w = &w[..w.len() - 1];
        }
        if doc.shape(k) == TokenShape::Punct {
            // The stop of an abbreviation that was spelt out is dropped with it.
            if !(w == "."
                && k > from
                && doc
                    .word(k - 1)
                    .and_then(|id| doc.lex.expansion(id))
                    .is_some())
            {
                out.push_str(w);
            }
            continue;
        }
        if doc.shape(k) == TokenShape::Clitic {
            // "Children's Minister".
            out.push_str(w);
            continue;
        }
        if !out.is_empty() && !out.ends_with('-') {
            out.push(' ');
        }
        if let Some(full) = doc.word(k).and_then(|id| doc.lex.expansion(id)) {
            out.push_str(full);
        } else if ["of", "for", "the", "and"]
            .iter()
            .any(|c| w.eq_ignore_ascii_case(c))
        {
            out.push_str(&w.to_lowercase());
        } else if doc.shape(k) == TokenShape::Upper && w.len() <= 4 && !shouted_word(doc, k)
            || doc.shape(k) == TokenShape::Capitalized
        {
            // As written: "UN", "Secretary-General", "Minister".
            out.push_str(w);
        } else {
            // "foreign" -> "Foreign", "vice-president" -> "Vice-President", "MINISTER" -> "Minister".
            for (n, part) in w.split('-').enumerate() {
                if n > 0 {
                    out.push('-');
                }
                // "d'affaires" -> "d'Affaires": an elided article stays small.
                let (article, part) = match part.split_once('\'') {
                    Some((a, rest)) if a.len() == 1 => (Some(a), rest),
                    _ => (None, part),
                };
                if let Some(a) = article {
                    out.push_str(&a.to_lowercase());
                    out.push('\'');
                }
                let mut chars = part.chars();
                if let Some(c) = chars.next() {
                    out.extend(c.to_uppercase());
                    out.push_str(&chars.as_str().to_lowercase());
                }
            }
        }
    }
    out
}

/// A field word that is an adjective ("economic", "regional", "foreign", "monetary",
/// "corporate"): it qualifies a noun, so it cannot end the field of a title's tail.
fn adjective_field(word: &str) -> bool {
    let word = word.as_bytes();
    ["ic", "al", "ary", "ate", "ign"].iter().any(|end| {
        word.len() > end.len()
            && word[word.len() - end.len()..].eq_ignore_ascii_case(end.as_bytes())
    })
}
