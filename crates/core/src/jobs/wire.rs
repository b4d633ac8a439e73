//! The protocol's messages read back from JSON by hand ([`crate::model::tagged`]): the JSON is
//! what the derived `Serialize` writes (the tag `job`, `outcome` or `reply` beside the
//! variant's fields), read from one `serde_json::Value` without serde's `Content` buffering,
//! so a map, picture or analysis in a message is read by the same compiled code as a map or
//! picture in a workshop file.

use serde_json::{Error, Value};

use super::{Job, Outcome, Reply, Request};
use crate::model::tagged::{Fields, deserialize_via_value, unknown_variant};

const JOBS: &[&str] = &[
    "import_map",
    "import_picture",
    "import_workshops",
    "layout",
    "analyse",
];
const OUTCOMES: &[&str] = &[
    "map",
    "picture",
    "workshops",
    "placed",
    "analysis",
    "unreadable",
];
const REPLIES: &[&str] = &["ready", "progress", "done", "refused"];

impl Request {
    /// A request from its JSON head (`#[serde(deny_unknown_fields)]`: any other field is an
    /// error, here and in the job).
    pub(super) fn from_json(value: Value) -> Result<Request, Error> {
        let mut f = Fields::of(value)?;
        let request = Request {
            v: f.take("v")?,
            id: f.take("id")?,
            job: Job::from_json(f.take_value("job"))?,
            trap: f.take_or_default("trap")?,
        };
        f.deny_unknown(&["v", "id", "job", "trap"])?;
        Ok(request)
    }
}

impl Job {
    pub fn from_json(value: Value) -> Result<Job, Error> {
        let (tag, mut f) = Fields::tagged(value, "job")?;
        let (job, fields): (Job, &'static [&'static str]) = match tag.as_str() {
            "import_map" => (
                Job::ImportMap {
                    names: f.take("names")?,
                    id: f.take("id")?,
                },
                &["names", "id"],
            ),
            "import_picture" => (
                Job::ImportPicture {
                    name: f.take("name")?,
                },
                &["name"],
            ),
            "import_workshops" => (
                Job::ImportWorkshops {
                    name: f.take("name")?,
                    placeholder: f.take("placeholder")?,
                },
                &["name", "placeholder"],
            ),
            "layout" => (
                Job::Layout {
                    layout: f.take("layout")?,
                    map: f.take("map")?,
                    sizes: f.take("sizes")?,
                    focus: f.take("focus")?,
                    font: f.take("font")?,
                },
                &["layout", "map", "sizes", "focus", "font"],
            ),
            "analyse" => (
                Job::Analyse {
                    map: f.take("map")?,
                },
                &["map"],
            ),
            _ => return Err(unknown_variant(&tag, JOBS)),
        };
        f.deny_unknown(fields)?;
        Ok(job)
    }
}

impl Outcome {
    pub fn from_json(value: Value) -> Result<Outcome, Error> {
        let (tag, mut f) = Fields::tagged(value, "outcome")?;
        Ok(match tag.as_str() {
            "map" => Outcome::Map {
                map: f.take("map")?,
                source: f.take("source")?,
                notes: f.take("notes")?,
            },
            "picture" => Outcome::Picture {
                picture: f.take("picture")?,
                notes: f.take("notes")?,
            },
            "workshops" => Outcome::Workshops {
                records: f.take("records")?,
                repairs: f.take("repairs")?,
            },
            "placed" => Outcome::Placed {
                placed: f.take("placed")?,
            },
            "analysis" => Outcome::Analysis {
                analysis: f.take("analysis")?,
                loops_found: f.take("loops_found")?,
                timings: f.take("timings")?,
            },
            "unreadable" => Outcome::Unreadable {
                why: f.take("why")?,
            },
            _ => return Err(unknown_variant(&tag, OUTCOMES)),
        })
    }
}

impl Reply {
    pub fn from_json(value: Value) -> Result<Reply, Error> {
        let (tag, mut f) = Fields::tagged(value, "reply")?;
        Ok(match tag.as_str() {
            "ready" => Reply::Ready { v: f.take("v")? },
            "progress" => Reply::Progress {
                id: f.take("id")?,
                done: f.take("done")?,
            },
            "done" => Reply::Done {
                id: f.take("id")?,
                ms: f.take("ms")?,
                outcome: Box::new(Outcome::from_json(f.take_value("outcome"))?),
            },
            "refused" => Reply::Refused {
                id: f.take("id")?,
                why: f.take("why")?,
            },
            _ => return Err(unknown_variant(&tag, REPLIES)),
        })
    }
}

deserialize_via_value!(Job, Job::from_json);
deserialize_via_value!(Outcome, Outcome::from_json);
deserialize_via_value!(Reply, Reply::from_json);
