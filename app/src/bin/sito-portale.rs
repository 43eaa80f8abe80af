//! Entry point of the portal's everyday pages (`portale.html`): what a first visit hydrates.

fn main() {
    sito_app::start::run(sito_app::PortaleApp);
}
