//! Editors write Markdown; phones get HTML that was rendered and sanitised once, here.

use pulldown_cmark::{html, Options, Parser};

/// Renders Markdown to HTML and strips everything executable (scripts, event handlers,
/// `javascript:` links); links get `rel="noopener noreferrer"`.
pub fn render(markdown: &str) -> String {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let mut unsafe_html = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut unsafe_html, Parser::new_ext(markdown, options));
    ammonia::clean(&unsafe_html)
}

#[cfg(test)]
mod tests {
    use super::render;

    #[test]
    fn renders_emphasis_and_lists() {
        assert_eq!(
            render("Un **tirocinio** retribuito:\n\n- 6 mesi\n- a Crema"),
            "<p>Un <strong>tirocinio</strong> retribuito:</p>\n<ul>\n<li>6 mesi</li>\n<li>a Crema</li>\n</ul>\n"
        );
    }

    #[test]
    fn leaves_nothing_executable() {
        let html = render(
            "<script>alert(1)</script>\n\n[premi qui](javascript:alert(1))\n\n\
             <img src=x onerror=alert(1)> <a href=\"#\" onclick=\"alert(1)\">x</a>",
        );
        assert!(html.contains("premi qui"), "the link text stays: {html}");
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("href=\"javascript:"), "{html}");
        assert!(!html.contains("onerror"), "{html}");
        assert!(!html.contains("onclick"), "{html}");
    }
}
