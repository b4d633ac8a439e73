//! The flowchart: the top boxes over two columns.

use super::*;

/// The flowchart: top boxes side by side, the left and right columns below them under their
/// headings, arrows down from the top row and down each column; anything else in a row at the
/// bottom.
pub fn flowchart_layout(results: &[ElementResult], frame: Frame, legend: f64) -> Layout {
    let f = frame.font;
    let width = frame.width.max(2.0 * (8.0 * f + 2.0 * f));
    let groups: Vec<&str> = results.iter().map(|r| r.element.group.as_str()).collect();
    let column = |wanted: &str| -> Vec<usize> {
        (0..groups.len()).filter(|&i| groups[i] == wanted).collect()
    };
    let (tops, left, right) = (column(TOP), column(LEFT), column(RIGHT));
    let others: Vec<usize> = (0..groups.len())
        .filter(|&i| ![TOP, LEFT, RIGHT].contains(&groups[i]))
        .collect();
    let min_gap = arrow_min(f) + 2.0 * GAP + 2.0;
    let col_w = (width / 2.0 - 2.0 * f).min(16.0 * f);
    let row_w = |n: usize| (width / n.max(1) as f64 - f).min(16.0 * f);
    let chars_for = |i: usize| {
        let w = if groups[i] == TOP {
            row_w(tops.len())
        } else if groups[i] == LEFT || groups[i] == RIGHT {
            col_w
        } else {
            row_w(others.len())
        };
        frame.chars(w - f)
    };
    let lines: Vec<Vec<String>> = results
        .iter()
        .enumerate()
        .map(|(i, r)| box_lines(r, chars_for(i)))
        .collect();
    let bh = box_height(frame, &lines);
    let deepest = left.len().max(right.len());
    let heading = frame.line();
    // Rows: the top boxes, a heading, the columns, the others; spare height spreads the gaps.
    let rows = usize::from(!tops.is_empty()) + deepest + usize::from(!others.is_empty());
    let fixed = rows as f64 * bh + heading + legend;
    let gaps = (rows + 1) as f64;
    let gap = ((frame.height - fixed) / gaps).max(min_gap);
    let height = (fixed + gap * gaps).max(frame.height);
    let mut places = vec![
        Place {
            x: width / 2.0,
            y: 0.0,
            w: col_w,
            h: bh
        };
        groups.len()
    ];
    let mut y = gap / 2.0;
    let mut arrows = Vec::new();
    let top_bottom = (!tops.is_empty()).then(|| {
        let w = width / tops.len() as f64;
        for (k, &i) in tops.iter().enumerate() {
            places[i] = Place {
                x: w * (k as f64 + 0.5),
                y: y + bh / 2.0,
                w: row_w(tops.len()),
                h: bh,
            };
        }
        y += bh + gap;
        y - gap
    });
    let heading_y = y + heading / 2.0;
    y += heading;
    let mut headings = Vec::new();
    for (items, x, label) in [
        (&left, width / 4.0, "Operational processes"),
        (&right, width * 3.0 / 4.0, "Relational processes"),
    ] {
        if items.is_empty() {
            continue;
        }
        headings.push((x, heading_y, label));
        let mut from = top_bottom.map(|b| b + GAP);
        for (k, &i) in items.iter().enumerate() {
            let p = Place {
                x,
                y: y + gap * (k as f64 + 0.5) + bh * (k as f64 + 0.5),
                w: col_w,
                h: bh,
            };
            places[i] = p;
            if let Some(y1) = from {
                // The first arrow stops above the column's heading.
                let y2 = if k == 0 {
                    heading_y - heading / 2.0 - GAP
                } else {
                    p.y - bh / 2.0 - GAP
                };
                if y2 - y1 >= arrow_min(f) / 2.0 {
                    arrows.push(((x, y1), (x, y2)));
                }
            }
            from = Some(p.y + bh / 2.0 + GAP);
        }
    }
    y += deepest as f64 * (bh + gap);
    let w = width / others.len().max(1) as f64;
    for (k, &i) in others.iter().enumerate() {
        places[i] = Place {
            x: w * (k as f64 + 0.5),
            y: y + gap / 2.0 + bh / 2.0,
            w: row_w(others.len()),
            h: bh,
        };
    }
    Layout {
        places,
        arrows,
        headings,
        legend_top: height - legend,
        width,
        height,
        lines,
    }
}
