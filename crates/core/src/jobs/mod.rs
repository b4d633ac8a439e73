//! Heavy work run off the page's thread: the message protocol between the page and the Web
//! Worker (`src/bin/cstw-worker.rs`), and [`run`], which does one job. Pure: the worker and the
//! page only move these messages; everything here is tested natively.
//!
//! A message is a JSON head plus attachments (the bytes of the files an import reads, sent
//! beside the head so they are never spelled out as JSON numbers). The page sends a
//! [`Request`]: a job id, the [`Job`] and its attachments. The worker answers with [`Reply`]s:
//! `Ready` once when it has started, any number of `Progress` for a job, then one `Done`, or
//! `Refused` for a message it cannot read (it never panics on one).
//!
//! Cancelling is the page's: it ends the worker (`Worker.terminate`) and starts a fresh one, so
//! a job stops at once however busy the worker is, and nothing it computed is applied. The same
//! happens when the worker traps, panics or runs past the job's time limit; then the page says
//! the file could not be read. A reply names its job id, so anything a replaced worker still
//! sends is ignored.

use serde::{Deserialize, Serialize};

use crate::analysis::graph::{self, Analysis};
use crate::analysis::placement::{self, Layout};
use crate::model::map::{ConceptMap, Metrics, NodeId, Point, Size};
use crate::model::picture::Picture;

mod run;
mod wire;

pub use run::run;

/// The protocol version: a page and a worker from different builds refuse each other's messages.
pub const VERSION: u32 = 1;

/// The largest head accepted (a 5,000-node map with long labels is a few MB).
pub const MAX_HEAD_BYTES: usize = 64 * 1024 * 1024;

/// Loops found at most by an analysis.
pub const LOOP_LIMIT: usize = 500;
/// Loops sent back, the shortest (the panel lists 25): a long loop on a large map names
/// hundreds of nodes, and 500 of them made a 6.8 MB reply that took the page 100 ms to read.
pub const LOOPS_SENT: usize = 25;

/// The map fonts a layout job may name (the themes use 16 and 24 px).
const MIN_FONT: f64 = 4.0;
const MAX_FONT: f64 = 200.0;

/// The layouts a map can be given.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LayoutKind {
    Radial,
    Force,
    Layered,
    Tidy,
}

/// One piece of work. Read back by hand (`wire.rs`: the same JSON, without serde's buffering
/// of tagged enums).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "job", rename_all = "snake_case")]
pub enum Job {
    /// A map from one file, or the two CSV tables: one attachment per name, in order.
    ImportMap { names: Vec<String>, id: String },
    /// A rich picture from one file (one attachment).
    ImportPicture { name: String },
    /// Every workshop in a workshop or library file (one attachment: its bytes); one without an
    /// id gets `placeholder` and its place in the file.
    ImportWorkshops { name: String, placeholder: String },
    /// A layout of `map`; `sizes[i]` is the box of `map.nodes[i]` as `[w, h]`; `font` is the
    /// theme's map font, for the link labels the result must keep clear of.
    Layout {
        layout: LayoutKind,
        map: ConceptMap,
        sizes: Vec<[f64; 2]>,
        focus: Option<NodeId>,
        font: f64,
    },
    /// Degrees, betweenness, components and feedback loops of `map`.
    Analyse { map: ConceptMap },
}

impl Job {
    /// How many attachments the job carries.
    fn attachments(&self) -> usize {
        match self {
            Job::ImportMap { names, .. } => names.len(),
            Job::ImportPicture { .. } | Job::ImportWorkshops { .. } => 1,
            Job::Layout { .. } | Job::Analyse { .. } => 0,
        }
    }
}

/// What the page sends. Read back by hand (`wire.rs`), refusing unknown fields.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Request {
    pub v: u32,
    pub id: u32,
    pub job: Job,
    /// Test only: the worker traps (a real WebAssembly trap) instead of doing the job. The page
    /// sets it only when a browser test has armed it by script (`window.cstwTest`), never from
    /// anything a user can type, click or open.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub trap: bool,
}

/// A request the worker could not read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Refusal {
    /// The job id, when the head got as far as naming one.
    pub id: Option<u32>,
    pub why: String,
}

impl Request {
    pub fn new(id: u32, job: Job) -> Request {
        Request {
            v: VERSION,
            id,
            job,
            trap: false,
        }
    }

    /// The head to send (the attachments travel beside it).
    pub fn encode(&self) -> String {
        serde_json::to_string(self).expect("requests always serialise")
    }

    /// Reads a request from its head and attachments; a bad one is refused, never a panic.
    pub fn decode(head: &str, attachments: &[Vec<u8>]) -> Result<Request, Refusal> {
        if head.len() > MAX_HEAD_BYTES {
            return Err(Refusal {
                id: None,
                why: format!("the message is {} bytes long", head.len()),
            });
        }
        let value: serde_json::Value = serde_json::from_str(head).map_err(|e| Refusal {
            id: None,
            why: format!("the message is not JSON ({e})"),
        })?;
        let id = value
            .get("id")
            .and_then(serde_json::Value::as_u64)
            .and_then(|i| u32::try_from(i).ok());
        let refuse = |why: String| Refusal { id, why };
        match value.get("v").and_then(serde_json::Value::as_u64) {
            Some(v) if v == u64::from(VERSION) => {}
            other => {
                return Err(refuse(format!(
                    "protocol version {other:?}, this worker speaks {VERSION}"
                )));
            }
        }
        let mut request =
            Request::from_json(value).map_err(|e| refuse(format!("bad request ({e})")))?;
        let wanted = request.job.attachments();
        if attachments.len() != wanted
            || matches!(&request.job, Job::ImportMap { names, .. } if names.is_empty() || names.len() > 2)
        {
            return Err(refuse(format!(
                "{} attachment(s) where the job needs {wanted} (one or two files for a map)",
                attachments.len()
            )));
        }
        match &mut request.job {
            Job::Layout {
                map, sizes, font, ..
            } => {
                if !(MIN_FONT..=MAX_FONT).contains(font) {
                    return Err(refuse(format!("a map font of {font} px")));
                }
                if sizes.len() != map.nodes.len() {
                    return Err(refuse(format!(
                        "{} sizes for {} nodes",
                        sizes.len(),
                        map.nodes.len()
                    )));
                }
                if sizes.iter().flatten().any(|v| !v.is_finite() || *v < 0.0) {
                    return Err(refuse("a size that is not a finite width or height".into()));
                }
                guard_map(map).map_err(refuse)?;
            }
            Job::Analyse { map } => guard_map(map).map_err(refuse)?,
            _ => {}
        }
        Ok(request)
    }
}

/// A map the page sent is its own, but the worker still checks what indexing relies on: ids in
/// order and unique, finite places (the layouts' arithmetic), links between nodes that exist.
fn guard_map(map: &mut ConceptMap) -> Result<(), String> {
    if map.nodes.len() > crate::import::map::MAX_NODES * 2
        || map.links.len() > crate::import::map::MAX_LINKS * 2
    {
        return Err(format!(
            "a map of {} nodes and {} links is larger than any the app makes",
            map.nodes.len(),
            map.links.len()
        ));
    }
    let mut notes = Vec::new();
    map.repair(&mut notes);
    Ok(())
}

/// What a job gives back. Read back by hand (`wire.rs`).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum Outcome {
    /// A map read from files; `source` names the format as messages do.
    Map {
        map: ConceptMap,
        source: String,
        notes: Vec<String>,
    },
    Picture {
        picture: Picture,
        notes: Vec<String>,
    },
    /// Every workshop read from a file, each as its stored record (restored and repaired, so the
    /// page reads it back as its own), and how many repairs the reading made.
    Workshops {
        records: Vec<String>,
        repairs: usize,
    },
    /// A centre for each node.
    Placed { placed: Vec<(NodeId, Point)> },
    /// The analysis with its [`LOOPS_SENT`] shortest loops, how many loops were found, and how
    /// long its parts took (ms), for the page's performance measures.
    Analysis {
        analysis: Analysis,
        loops_found: usize,
        timings: Vec<(String, f64)>,
    },
    /// The reader refused the file, with its plain-language reason.
    Unreadable { why: String },
}

/// What the worker sends. Read back by hand (`wire.rs`).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "reply", rename_all = "snake_case")]
pub enum Reply {
    /// The worker has started and reads messages from now on.
    Ready { v: u32 },
    /// `done` of the job (0 to 1).
    Progress { id: u32, done: f64 },
    /// The job's outcome and how long it took in the worker (ms).
    Done {
        id: u32,
        ms: f64,
        outcome: Box<Outcome>,
    },
    /// A message that could not be read.
    Refused { id: Option<u32>, why: String },
}

impl Reply {
    pub fn encode(&self) -> String {
        serde_json::to_string(self).expect("replies always serialise")
    }

    /// Reads a reply; anything else (another build's worker, damage) is an error, never a panic.
    pub fn decode(text: &str) -> Result<Reply, String> {
        if text.len() > MAX_HEAD_BYTES {
            return Err("the reply is too long".into());
        }
        serde_json::from_str::<serde_json::Value>(text)
            .and_then(Reply::from_json)
            .map_err(|e| format!("not a reply ({e})"))
    }
}

impl From<Refusal> for Reply {
    fn from(r: Refusal) -> Reply {
        Reply::Refused {
            id: r.id,
            why: r.why,
        }
    }
}

/// The sizes a layout job carries, from the map's boxes.
pub fn sizes_of(sizes: &[Size]) -> Vec<[f64; 2]> {
    sizes.iter().map(|s| [s.w, s.h]).collect()
}

/// A layout of `map` (what [`Job::Layout`] runs), with progress for the force layout, then
/// untangled at `metrics` so no node covers another node or a link label
/// ([`placement::arrange_with`], the same code the placement tests check).
pub fn layout_of(
    kind: LayoutKind,
    map: &ConceptMap,
    sizes: &[Size],
    focus: Option<NodeId>,
    metrics: Metrics,
    progress: &mut dyn FnMut(f64),
) -> Vec<(NodeId, Point)> {
    let which = match kind {
        LayoutKind::Radial => Layout::Radial,
        LayoutKind::Force => Layout::Force,
        LayoutKind::Layered => Layout::Layered,
        LayoutKind::Tidy => Layout::Tidy,
    };
    placement::arrange_with(map, sizes, metrics, which, focus, progress)
}

/// The analysis the panel shows (what [`Job::Analyse`] runs), with progress and the time of
/// betweenness and loop finding by `clock` (ms).
pub fn analyse(
    map: &ConceptMap,
    progress: &mut dyn FnMut(f64),
    clock: &dyn Fn() -> f64,
) -> (Analysis, Vec<(String, f64)>) {
    let t0 = clock();
    let betweenness = graph::betweenness_with(map, &mut |d| progress(d * 0.8));
    let t1 = clock();
    let loops = graph::feedback_loops(map, LOOP_LIMIT);
    let t2 = clock();
    progress(0.95);
    let degrees = graph::degrees(map);
    let isolated = degrees
        .iter()
        .filter(|d| d.total() == 0)
        .map(|d| d.node)
        .collect();
    let analysis = Analysis {
        degrees,
        betweenness,
        isolated,
        components: graph::components(map),
        loops,
    };
    let timings = vec![
        ("cstw-betweenness".to_string(), t1 - t0),
        ("cstw-loops".to_string(), t2 - t1),
    ];
    (analysis, timings)
}
