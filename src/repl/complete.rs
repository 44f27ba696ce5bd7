//! Tab completion: what the grammar expects at the cursor, not a fixed word list.
//!
//! For a question, the text before the word under the cursor is handed to
//! [`query::expected_at`], which asks the pest grammar what it would accept there: keywords are
//! offered as they are, and where a name may start, the graph's entity names are offered, ranked
//! by how often they are mentioned, matched without regard to case or accents and through their
//! aliases (`Lav` offers `Sergei Lavrov`), and always completed whole (`John K` becomes `John
//! Kerry`, a name holding a keyword comes quoted). For a `:command`, the command names, then
//! each command's own arguments; file arguments are left to rustyline's filename completer.

use std::collections::HashSet;

use kg::graph::KnowledgeGraph;
use kg::model::EntityKind;
use kg::names::normalize;
use kg::query::{self, Name};
use kg::text::Span;
use rustyline::completion::Pair;

/// The meta-commands, as completed and as listed by `:help`.
pub const COMMANDS: [&str; 13] = [
    "help", "quit", "schema", "stats", "docs", "mode", "evidence", "explain", "why", "open",
    "load", "save", "export",
];

/// The topics of `:help`.
pub const HELP_TOPICS: [&str; 7] = [
    "questions",
    "conditions",
    "patterns",
    "commands",
    "keys",
    "modes",
    "why",
];

/// At most this many names are offered for an empty fragment, the most mentioned first.
const MAX_NAMES: usize = 100;

/// The graph's names as completion and highlighting need them, built once per graph.
#[derive(Default)]
pub struct Names {
    entries: Vec<Entry>,
    /// Every folded name and alias, for highlighting names as they are typed.
    known: HashSet<String>,
}

struct Entry {
    /// The canonical name, as inserted.
    name: String,
    /// The folded canonical name, then the folded aliases.
    keys: Vec<String>,
    /// The aliases, to show which one matched.
    aliases: Vec<String>,
    mentions: u32,
    /// A place: offered after `in`.
    place: bool,
}

impl Names {
    /// The names of every entity but quotes, most mentioned first.
    pub fn of(graph: &KnowledgeGraph) -> Names {
        let mut entries: Vec<Entry> = graph
            .nodes()
            .filter(|(_, node)| node.kind != EntityKind::Quote)
            .map(|(_, node)| {
                let aliases: Vec<String> = node.aliases.iter().cloned().collect();
                let keys = std::iter::once(&node.name)
                    .chain(&aliases)
                    .map(|name| normalize(name))
                    .collect();
                Entry {
                    name: node.name.clone(),
                    keys,
                    aliases,
                    mentions: node.mentions,
                    place: node.kind == EntityKind::Place,
                }
            })
            .collect();
        entries.sort_by(|a, b| b.mentions.cmp(&a.mentions).then(a.name.cmp(&b.name)));
        let known = entries
            .iter()
            .flat_map(|e| e.keys.iter().cloned())
            .collect();
        Names { entries, known }
    }

    /// True when `text` is a name or alias of some entity, as the resolver folds names.
    pub fn is_known(&self, text: &str) -> bool {
        self.known.contains(&normalize(text))
    }

    /// Entity names matching a typed fragment, the most mentioned first (a user most often means
    /// the name the news mentions most): those whose name or an alias starts with it, or when
    /// there are none, those with a later word starting with it. Each comes with the alias that matched, if any.
    fn matching(&self, fragment: &str, places: bool) -> Vec<(&str, Option<&str>)> {
        let mut folded = normalize(fragment);
        let entries = self.entries.iter().filter(|e| !places || e.place);
        if folded.is_empty() {
            return entries
                .take(MAX_NAMES)
                .map(|e| (e.name.as_str(), None))
                .collect();
        }
        // `John ` must go on with another word, not match `Johnson`.
        if fragment.ends_with(char::is_whitespace) {
            folded.push(' ');
        }
        let inner = format!(" {folded}");
        let mut found: Vec<(u8, &Entry, Option<&str>)> = Vec::new();
        for entry in entries {
            let prefix = entry.keys.iter().position(|key| key.starts_with(&folded));
            let rank = match prefix {
                Some(i) => Some((0, i)),
                None => entry
                    .keys
                    .iter()
                    .position(|key| key.contains(&inner))
                    .map(|i| (1, i)),
            };
            if let Some((rank, i)) = rank {
                let alias = i.checked_sub(1).map(|a| entry.aliases[a].as_str());
                found.push((rank, entry, alias));
            }
        }
        // A later word is only searched when no name starts so: Tab then completes `Syr` to
        // `Syria` rather than stopping at what `Syria` and `International Syria ...` share.
        if found.iter().any(|&(rank, ..)| rank == 0) {
            found.retain(|&(rank, ..)| rank == 0);
        }
        let mut seen = HashSet::new();
        found
            .into_iter()
            .filter(|(_, entry, _)| seen.insert(entry.name.as_str()))
            .take(MAX_NAMES)
            .map(|(_, entry, alias)| (entry.name.as_str(), alias))
            .collect()
    }
}

/// What completion found for a line.
pub enum Completion {
    /// Replace the text from this byte offset to the cursor by one of these.
    Candidates(usize, Vec<Pair>),
    /// The cursor is on a file argument: rustyline's filename completer takes over.
    Path,
}

/// Completes `line` at byte offset `pos`.
pub fn complete(line: &str, pos: usize, names: &Names) -> Completion {
    let Some(before) = line.get(..pos) else {
        return Completion::Candidates(pos, Vec::new());
    };
    let indent = before.len() - before.trim_start().len();
    match before[indent..].strip_prefix(':') {
        Some(command) => complete_command(before, indent + 1, command, names),
        None => complete_question(before, indent, names),
    }
}

/// `:com`, or the argument of a command; `start` is where the command's name begins.
fn complete_command(before: &str, start: usize, command: &str, names: &Names) -> Completion {
    let Some((name, rest)) = command.split_once(char::is_whitespace) else {
        let pairs = COMMANDS
            .iter()
            .filter(|c| c.starts_with(command))
            .map(|c| pair(c, format!("{c} ")))
            .collect();
        return Completion::Candidates(start, pairs);
    };
    let arg_start = before.len() - rest.trim_start().len();
    let arg = &before[arg_start..];
    let words = |choices: &[&str]| {
        let pairs = choices
            .iter()
            .filter(|c| c.starts_with(arg))
            .map(|c| pair(c, (*c).to_string()))
            .collect();
        Completion::Candidates(arg_start, pairs)
    };
    match name {
        "mode" => words(&["table", "json", "csv"]),
        "evidence" => words(&["on", "off"]),
        "help" | "h" | "?" => words(&HELP_TOPICS),
        "load" | "save" => Completion::Path,
        "export" if !arg.contains(char::is_whitespace) => {
            words(&kg::export::Format::ALL.map(kg::export::Format::name))
        }
        "export" => Completion::Path,
        "explain" => complete_question(before, arg_start, names),
        _ => Completion::Candidates(before.len(), Vec::new()),
    }
}

/// Completes a question that starts at byte `start` of `before` (the line up to the cursor).
fn complete_question(before: &str, start: usize, names: &Names) -> Completion {
    let question = &before[start..];
    let at = |offset: usize| start + offset;

    // Inside an open quote: the quoted text so far is a name.
    if let Some(quote) = kg::query::open_quote(question) {
        let wants = query::expected_at(&question[..quote]);
        let pairs = if wants.name {
            names
                .matching(&question[quote + 1..], wants.place)
                .into_iter()
                .map(|(name, alias)| name_pair(name, alias, true))
                .collect()
        } else {
            Vec::new()
        };
        return Completion::Candidates(at(quote), pairs);
    }

    let word_start = question
        .rfind(|c: char| c.is_whitespace() || "\"()[]{},".contains(c))
        .map_or(0, |i| {
            i + question[i..].chars().next().map_or(1, char::len_utf8)
        });
    let fragment = &question[word_start..];
    let expected = query::expected_at(&question[..word_start]);
    // After the `>` or `>!` of an output clause (one the grammar expected there, not a pattern's
    // `->` or `>`): a file name, which rustyline's file name completer knows.
    let before = question[..word_start].trim_end();
    let redirect = before
        .strip_suffix(">!")
        .or_else(|| before.strip_suffix('>'));
    if redirect.is_some_and(|b| {
        query::expected_at(&format!("{} ", b.trim_end()))
            .punctuation
            .contains(&">")
    }) {
        return Completion::Path;
    }

    // A name may have begun a few words back (`who met John K`): try each word start, the
    // earliest first, and keep the first where the grammar wants a name and some name matches.
    let mut starts: Vec<usize> = word_starts(question)
        .into_iter()
        .filter(|&s| s < word_start)
        .collect();
    starts = starts.split_off(starts.len().saturating_sub(5));
    starts.push(word_start);
    let mut name_start = word_start;
    let mut name_pairs = Vec::new();
    for s in starts {
        let wants = query::expected_at(&question[..s]);
        if !wants.name {
            continue;
        }
        let found = names.matching(&question[s..], wants.place);
        if !found.is_empty() {
            name_start = s;
            name_pairs = found
                .into_iter()
                .map(|(name, alias)| name_pair(name, alias, false))
                .collect();
            break;
        }
    }

    // Keywords replace only the word under the cursor; when names replace more, the words in
    // between are put back in front of each keyword.
    let kept = &question[name_start..word_start];
    let lower = fragment.to_lowercase();
    // `>` and `>!` after `as FORMAT` are offered like keywords; a pattern's own punctuation is
    // not (typing `(` is quicker than choosing it).
    let redirects = expected
        .punctuation
        .iter()
        .filter(|p| p.starts_with('>'))
        .copied();
    let keywords = expected
        .keywords
        .iter()
        .copied()
        .chain(redirects)
        .filter(|k| k.starts_with(&lower))
        .map(|k| Pair {
            display: k.to_string(),
            replacement: format!("{kept}{k} "),
        });
    let mut pairs: Vec<Pair> = keywords.collect();
    pairs.extend(name_pairs);
    Completion::Candidates(at(name_start), pairs)
}

/// Where each word of `text` starts.
fn word_starts(text: &str) -> Vec<usize> {
    let mut starts = Vec::new();
    let mut previous_space = true;
    for (i, c) in text.char_indices() {
        let space = c.is_whitespace();
        if previous_space && !space {
            starts.push(i);
        }
        previous_space = space;
    }
    starts
}

fn pair(display: &str, replacement: String) -> Pair {
    Pair {
        display: display.to_string(),
        replacement,
    }
}

/// A name as a candidate: written so that it reads back as this name (quoted when it holds a
/// keyword, or always inside an open quote), followed by a space.
fn name_pair(name: &str, alias: Option<&str>, quoted: bool) -> Pair {
    let written = Name {
        text: name.to_string(),
        span: Span::new(0, 0),
    }
    .to_string();
    let replacement = if quoted && !written.starts_with('"') {
        format!("\"{}\" ", name.replace('\\', "\\\\").replace('"', "\\\""))
    } else {
        format!("{written} ")
    };
    let display = match alias {
        Some(alias) if alias != name => format!("{name} ({alias})"),
        _ => name.to_string(),
    };
    Pair {
        display,
        replacement,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Names {
        let mut graph = KnowledgeGraph::new();
        for doc in kg::sample::documents() {
            let ex = kg::extract::extract(&doc, kg::lexicon::Lexicon::builtin());
            graph.add(&doc, &ex);
        }
        Names::of(&graph)
    }

    /// The replacements offered for the line, cursor at its end, and the offset they replace from.
    fn offered(names: &Names, line: &str) -> (usize, Vec<String>) {
        match complete(line, line.len(), names) {
            Completion::Candidates(start, pairs) => {
                (start, pairs.into_iter().map(|p| p.replacement).collect())
            }
            Completion::Path => (usize::MAX, Vec::new()),
        }
    }

    #[test]
    fn an_output_clause_offers_its_redirections_then_files() {
        let names = sample();
        let (_, words) = offered(&names, "who met Kerry as dot ");
        assert!(words.ends_with(&["> ".into(), ">! ".into()]), "{words:?}");
        let (_, words) = offered(&names, "who met Kerry as dot >");
        assert_eq!(words, ["> ", ">! "]);
        assert!(matches!(
            complete("who met Kerry as dot > ans", 26, &names),
            Completion::Path
        ));
        assert!(matches!(
            complete("who met Kerry as dot >! ans", 27, &names),
            Completion::Path
        ));
    }

    #[test]
    fn completes_what_the_grammar_expects() {
        let names = sample();
        // Whatever other question words the grammar has, these three come first.
        let (start, words) = offered(&names, "wh");
        assert_eq!(start, 0);
        assert!(
            words.starts_with(&["who ".into(), "what ".into(), "where ".into()]),
            "{words:?}"
        );
        let (start, words) = offered(&names, "where did Kerry g");
        assert_eq!((start, words), (16, vec!["go ".into(), "gone ".into()]));
        let (_, words) = offered(&names, "who met Kerry ");
        assert!(words.contains(&"about ".to_string()), "{words:?}");
        assert!(words.contains(&"and ".to_string()), "{words:?}");
        let (start, words) = offered(&names, "what did Lavrov say about Syr");
        assert_eq!(
            (start, words.first().map(String::as_str)),
            (26, Some("Syria ")),
            "{words:?}"
        );
        // Nothing fits after a word the grammar cannot take.
        assert_eq!(offered(&names, "who frobnicated K").1, Vec::<String>::new());
    }

    #[test]
    fn completes_names_whole_through_aliases_and_case() {
        let names = sample();
        let (start, words) = offered(&names, "who met ker");
        assert_eq!(start, 8);
        assert_eq!(words.first().map(String::as_str), Some("John Kerry "));
        let (start, words) = offered(&names, "who met John K");
        assert_eq!(
            (start, words.first().map(String::as_str)),
            (8, Some("John Kerry "))
        );
        let (_, words) = offered(&names, "who met lavr");
        assert_eq!(words.first().map(String::as_str), Some("Sergei Lavrov "));
        // Inside an open quote the name comes back quoted.
        let (start, words) = offered(&names, "who met \"Lavr");
        assert_eq!(
            (start, words.first().map(String::as_str)),
            (8, Some("\"Sergei Lavrov\" "))
        );
    }

    #[test]
    fn a_later_word_is_matched_only_when_no_name_or_alias_starts_so() {
        let doc = kg::text::Document::new("a.txt", "Aaron Putnam. Vladimir Putin, or Putin.");
        let mut putin = kg::model::Entity::new("Vladimir Putin", EntityKind::Person);
        putin.aliases = vec!["Putin".into()];
        let ex = kg::model::Extraction {
            doc: doc.id.clone(),
            entities: vec![
                kg::model::Entity::new("Aaron Putnam", EntityKind::Person),
                putin,
            ],
            ..kg::model::Extraction::default()
        };
        let mut graph = KnowledgeGraph::new();
        graph.add(&doc, &ex);
        let names = Names::of(&graph);
        let (_, words) = offered(&names, "who met put");
        assert_eq!(words, ["Vladimir Putin "]);
        let (_, words) = offered(&names, "who met putn");
        assert_eq!(words, ["Aaron Putnam "]);
    }

    #[test]
    fn completes_commands_and_their_arguments() {
        let names = sample();
        assert_eq!(offered(&names, ":sc"), (1, vec!["schema ".into()]));
        assert_eq!(offered(&names, ":mode j"), (6, vec!["json".into()]));
        assert_eq!(
            offered(&names, ":explain who met Ker")
                .1
                .first()
                .map(String::as_str),
            Some("John Kerry ")
        );
        assert!(matches!(complete(":save gr", 8, &names), Completion::Path));
    }
}
