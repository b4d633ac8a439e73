//! The example's concept map: the team's vision, as the paper's figure draws it.

use super::*;

pub(super) fn vision_map(w: &Workshop) -> ConceptMap {
    let mut map = Template::Vision.build("m-vision".into(), &w.title, &w.roster);
    // The paper's nodes (Fig. 1) with links and two responses the example's group added: the
    // links are the example's, not the paper's.
    map.title = "Team vision, extended by the group (illustrative)".into();
    let node = |map: &ConceptMap, label: &str| {
        map.nodes
            .iter()
            .find(|n| n.label == label)
            .map(|n| n.id)
            .expect("the vision template has this node")
    };
    let centre = node(&map, "People with low agency");
    let lonely = node(&map, "Loneliness and isolation");
    let attenders = node(&map, "Frequent attenders at GP practices");
    let inequalities = node(&map, "Health inequalities");
    let diseases = node(&map, "Poorly managed diseases");
    let cost = node(&map, "High cost to NHS and social services");

    let response = map.add_kind("Response");
    map.edit_kind(response, |k| {
        k.colour = 2;
        k.shape = Shape::Box;
    });
    let link_workers = map.add_node(
        "Link workers in practices and community venues",
        Point::new(-430.0, -430.0),
        Some(response),
    );
    let groups = map.add_node(
        "Voluntary and community groups",
        Point::new(430.0, -430.0),
        Some(response),
    );
    let labelled =
        |map: &mut ConceptMap, from, to, label: &str, direction: Direction, polarity: Polarity| {
            if let Some(l) = map.add_link(from, to) {
                map.edit_link(l, |l| {
                    l.label = label.into();
                    l.direction = direction;
                    l.polarity = polarity;
                });
            }
        };
    labelled(
        &mut map,
        lonely,
        attenders,
        "can lead to",
        Direction::Forward,
        Polarity::Positive,
    );
    labelled(
        &mut map,
        diseases,
        cost,
        "drive up",
        Direction::Forward,
        Polarity::Positive,
    );
    labelled(
        &mut map,
        diseases,
        inequalities,
        "widen",
        Direction::Forward,
        Polarity::Positive,
    );
    labelled(
        &mut map,
        link_workers,
        centre,
        "build confidence and agency",
        Direction::Forward,
        Polarity::None,
    );
    labelled(
        &mut map,
        link_workers,
        groups,
        "refer people to",
        Direction::Forward,
        Polarity::None,
    );
    labelled(
        &mut map,
        groups,
        lonely,
        "reduce",
        Direction::Forward,
        Polarity::Negative,
    );
    // The map's own tip says to label every link: the template's links from the centre too.
    for (to, label) in [
        (lonely, "often live with"),
        (attenders, "are often"),
        (inequalities, "bear the"),
        (diseases, "more often have"),
        (cost, "add to the"),
    ] {
        let id = map
            .links
            .iter()
            .find(|l| l.from == centre && l.to == to)
            .map(|l| l.id);
        if let Some(id) = id {
            map.edit_link(id, |l| {
                l.label = label.into();
                l.direction = Direction::Forward;
            });
        }
    }
    // Notes on two ideas, as a group would keep them (the app's words, not the paper's).
    map.set_notes(
        centre,
        "Who the scheme is for: people who find it hard to change their health and \
         circumstances on their own, whatever brings them to the practice.",
    );
    map.set_notes(
        link_workers,
        "Our addition. Ask the GPs: how do patients meet a link worker now, and how long do \
         they wait?",
    );
    crate::analysis::placement::untangle_map(&mut map);
    if let Some(bounds) = map.bounds(Metrics::STANDARD) {
        // The canvas beside the inspector on a 1280 × 720 projector.
        map.view = Viewport::fit(bounds, 880.0, 490.0);
    }
    map
}
