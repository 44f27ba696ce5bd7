//! The planner's unit tests.

use super::names::Names;
use super::shape::plan_with;
use super::*;

fn sample() -> KnowledgeGraph {
    let lexicon = crate::lexicon::Lexicon::builtin();
    let mut graph = KnowledgeGraph::new();
    for doc in crate::sample::documents() {
        let extraction = crate::extract::extract(&doc, lexicon);
        graph.add(&doc, &extraction);
    }
    graph
}

/// `who met Kerry and Kerry and ...`: the name is resolved once and walked once.
#[test]
fn repeated_names_resolve_once() -> std::result::Result<(), QueryError> {
    let graph = sample();
    let question = format!("who met Kerry{}", " and Kerry".repeat(23));
    let query = crate::query::parse(&question)?;
    let pattern = crate::query::pattern_for(&graph, &query);
    assert_eq!(pattern.parts.len(), 24);
    let mut names = Names::new(&graph);
    let plan = plan_with(&mut names, &pattern)?;
    assert_eq!(names.seen.len(), 1);
    let Shape::Star(star) = &plan.shape else {
        panic!("not a star: {:?}", plan.shape);
    };
    assert_eq!(star.arms.len(), 1);
    // Two names of one person are two lookups, still one walk.
    let query = crate::query::parse("who met Kerry and John Kerry and kerry")?;
    let mut names = Names::new(&graph);
    let plan = plan_with(&mut names, &crate::query::pattern_for(&graph, &query))?;
    assert_eq!(names.seen.len(), 3);
    assert!(matches!(&plan.shape, Shape::Star(star) if star.arms.len() == 1));
    Ok(())
}
