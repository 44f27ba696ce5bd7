//! Prints what `kg` finds in one text file, in a form a person can read: entities with their
//! aliases and roles, then the relations with the sentence each came from.
//!
//! ```text
//! cargo run --example extract -- article.txt
//! ```

use kg::extract::extract;
use kg::lexicon::Lexicon;
use kg::model::EntityKind;

fn main() -> std::io::Result<()> {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: extract FILE");
        std::process::exit(2);
    };
    // A byte order mark is dropped and bad UTF-8 replaced, as `kg` itself reads a text.
    let (doc, warning) = kg::build::records::text_document(path.clone(), std::fs::read(&path)?);
    if let Some(w) = warning {
        eprintln!("warning: {w}");
    }
    let ex = extract(&doc, Lexicon::builtin());
    println!("date: {:?}", ex.date);
    for (i, e) in ex.entities.iter().enumerate() {
        if matches!(e.kind, EntityKind::Quote) {
            continue;
        }
        let kind = e.place_kind.map_or(e.kind.to_string(), |k| {
            format!("{} ({})", e.kind, k.as_str())
        });
        let roles: Vec<String> = e.roles.iter().map(ToString::to_string).collect();
        println!(
            "E{i:<3} {kind:<22} {:<32} aliases {:?} roles {:?}",
            e.name, e.aliases, roles
        );
    }
    for r in &ex.relations {
        let name = |i: usize| ex.entities[i].name.chars().take(60).collect::<String>();
        let target = r.target.map_or_else(|| "-".to_string(), name);
        let topics: Vec<String> = r.topics.iter().map(|&t| name(t)).collect();
        println!(
            "{:<10} {:<24} -> {:<32} {:<9} topics {:?} place {:?} date {:?} [{}] role {:?}",
            r.kind.as_str(),
            name(r.source),
            target,
            r.status.as_str(),
            topics,
            r.place.map(name),
            r.date.as_ref().map(|d| d.iso()),
            r.rule,
            r.role
        );
        println!(
            "           | {}",
            r.sentence
                .of(&doc.text)
                .chars()
                .take(160)
                .collect::<String>()
        );
    }
    Ok(())
}
