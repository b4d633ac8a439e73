//! Presenting in a live room (issue 25): the step shown goes to the room, and a co-facilitator
//! can tick "Follow the presenter" to have their screen move with it. Nothing here without a
//! room (the `LiveStep` context comes with the live bar, in a build with a relay).

use leptos::prelude::*;

use super::Presenting;
use crate::model::slides;
use crate::ui::LiveStep;
use crate::ui::lean::{When, effect};

#[component]
pub(super) fn Follow(pr: Presenting) -> impl IntoView {
    let Some(live) = use_context::<LiveStep>() else {
        return ().into_any();
    };
    let follow = RwSignal::new(false);
    // Presenting (not following): this step is the room's.
    effect(move || {
        let slug = pr.slide().map(|s| s.slug());
        if !follow.get() {
            live.mine.set(slug);
        }
    });
    // Following: go where the room is.
    effect(move || {
        if !follow.get() {
            return;
        }
        let Some(slug) = live.room.get() else { return };
        let at = pr.shown.with(|s| slides::find(s, &slug));
        if let Some(i) = at
            && i != pr.current.get_untracked()
        {
            pr.go(i);
        }
    });
    on_cleanup(move || {
        let _ = live.mine.try_set(None);
    });
    view! {
        <When when=live.open>
            <label class="check present-follow">
                <input type="checkbox" prop:checked=move || follow.get()
                    on:change=move |e| follow.set(event_target_checked(&e)) />
                "Follow the presenter"
            </label>
        </When>
    }
    .into_any()
}
