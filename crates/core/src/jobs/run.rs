//! Doing one job: the readers, layouts and analysis the worker runs, through their public entry
//! points. Every refusal of a reader becomes [`Outcome::Unreadable`] with its own message.

use super::{Job, Outcome, analyse, layout_of};
use crate::import::{map as map_import, picture as picture_import};
use crate::model::map::{Metrics, Size};
use crate::persist::document;

/// Runs `job` on its `files` (the request's attachments), calling `progress` with the share
/// done (0 to 1); `clock` gives milliseconds, for the analysis' timings.
pub fn run(
    job: Job,
    files: Vec<Vec<u8>>,
    progress: &mut dyn FnMut(f64),
    clock: &dyn Fn() -> f64,
) -> Outcome {
    let unreadable = |why: String| Outcome::Unreadable { why };
    match job {
        Job::ImportMap { names, id } => {
            let files: Vec<(String, Vec<u8>)> = names.into_iter().zip(files).collect();
            match map_import::import(&files, id) {
                Ok(i) => Outcome::Map {
                    map: i.map,
                    source: i.source.name().to_string(),
                    notes: i.notes,
                },
                Err(e) => unreadable(e),
            }
        }
        Job::ImportPicture { .. } => {
            let bytes = files.into_iter().next().unwrap_or_default();
            match picture_import::read_with_notes(&bytes) {
                Ok((picture, notes)) => Outcome::Picture { picture, notes },
                Err(e) => unreadable(e),
            }
        }
        Job::ImportWorkshops { placeholder, .. } => {
            let bytes = files.into_iter().next().unwrap_or_default();
            let text = match crate::import::text::decode(&bytes) {
                Ok(t) => t,
                Err(e) => return unreadable(format!("The file {e}.")),
            };
            match document::read_import(&text, &|i| format!("{placeholder}{i}")) {
                Ok(restored) => Outcome::Workshops {
                    repairs: restored.iter().map(|r| r.repairs.len()).sum(),
                    records: restored.iter().map(|r| r.saved.to_json()).collect(),
                },
                Err(e) => unreadable(e.to_string()),
            }
        }
        Job::Layout {
            layout,
            map,
            sizes,
            focus,
            font,
        } => {
            let sizes: Vec<Size> = sizes.iter().map(|[w, h]| Size { w: *w, h: *h }).collect();
            Outcome::Placed {
                placed: layout_of(layout, &map, &sizes, focus, Metrics { font }, progress),
            }
        }
        Job::Analyse { map } => {
            let (mut analysis, timings) = analyse(&map, progress, clock);
            let loops_found = analysis.loops.loops.len();
            analysis.loops.loops.truncate(super::LOOPS_SENT);
            Outcome::Analysis {
                analysis,
                loops_found,
                timings,
            }
        }
    }
}
