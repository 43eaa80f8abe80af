//! Entry point of the CV tool (`cv.html`): the same panic hook, the CV routes only.

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(sito_app::CvApp);
}
