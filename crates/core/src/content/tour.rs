//! The first-run tour of the home page: its stops, in order (shown by `ui::learn::tour`).

/// One stop of the first-run tour of the home page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TourStop {
    pub title: &'static str,
    pub text: &'static str,
    /// A CSS selector for the part of the page the stop is about, marked while it is shown.
    pub target: Option<&'static str>,
}

/// The tour, in order. The last stop offers "Try it on your own case".
pub const TOUR: [TourStop; 6] = [
    TourStop {
        title: "Welcome to CST Workbench",
        text: "This is a workbench for critical systems thinking workshops: question the \
               boundaries of a plan with the people it touches, map and draw the situation, and \
               score what keeps people committed. It runs entirely in this browser, and nothing \
               you type is sent anywhere.",
        target: None,
    },
    TourStop {
        title: "Start with the example",
        text: "The example workshop is the Shropshire social prescribing case from the paper \
               the app is built on, worked through every step. Open it to see what a finished \
               workshop looks like. Change anything you like: it can be reset to a fresh copy.",
        target: Some(".example-box"),
    },
    TourStop {
        title: "Make a workshop of your own",
        text: "\u{201c}New workshop\u{201d} starts one of your own. A title is enough to begin; \
               the rest fills in as you go. Your workshops are listed below it, saved as you \
               type.",
        target: Some("details.create"),
    },
    TourStop {
        title: "Six steps in one workshop",
        text: "Every workshop has the same sections: details and roster, boundary critique, \
               concept maps, rich pictures, scoring, and a report that gathers it all. Work \
               through them in that order, or go straight to the one you need.",
        target: None,
    },
    TourStop {
        title: "Learning mode and the glossary",
        text: "Learning mode puts a short explanation beside each step, with its key words \
               linked to the glossary. It is off unless you turn it on, so a facilitator in \
               front of a room is never interrupted by it.",
        target: Some("#learn-toggle"),
    },
    TourStop {
        title: "Shortcuts and help",
        text: "Press ? at any time for the keyboard shortcuts. The About page lists the sources \
               and can start this tour again. Ready? Try the method on a case of your own.",
        target: Some(".app-footer button"),
    },
];
