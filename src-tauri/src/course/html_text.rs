//! Text made safe to put in HTML, as an element's text or a double-quoted
//! attribute: the one escape every page and file the app writes uses.

pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_and_quotes_become_text() {
        assert_eq!(
            escape("<img src=\"x\" onerror='a'> & b"),
            "&lt;img src=&quot;x&quot; onerror=&#39;a&#39;&gt; &amp; b"
        );
        assert_eq!(escape("Walking, 10 minutes"), "Walking, 10 minutes");
    }
}
