//! Entry point of the whole portal (`index.html`, also the service worker's offline shell).

fn main() {
    sito_app::start::run(sito_app::App);
}
