//! Inline citations, "(Author et al., 2021)" or "(A, 1977; B et al., 2015)",
//! found in course text so each can be matched to a reference.

/// Longest text between brackets that is still read as a citation group.
const MAX_GROUP_LEN: usize = 300;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Citation {
    pub cite: String,
    pub line: usize,
}

/// "Name..., 2021" (an optional letter may follow the year).
fn looks_like_citation(part: &str) -> bool {
    let Some((names, year)) = part.rsplit_once(", ") else {
        return false;
    };
    let year = year.trim_end_matches(|c: char| c.is_ascii_lowercase());
    year.len() == 4
        && year.chars().all(|c| c.is_ascii_digit())
        && names.chars().any(char::is_alphabetic)
        && !names.trim().is_empty()
}

/// Every citation in `text`, with its line. A bracket group counts when at
/// least one of its `;`-separated parts has the "Name, Year" shape; its
/// other parts are then returned too, so a typo in one is not lost.
pub fn find_citations(text: &str) -> Vec<Citation> {
    let mut found = Vec::new();
    let bytes = text.as_bytes();
    // Lines are counted as the scan moves on, so a long file stays linear.
    let (mut line, mut counted_to) = (1, 0);
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'(' {
            i += 1;
            continue;
        }
        let start = i + 1;
        let Some(len) = text[start..].find([')', '(']) else {
            break;
        };
        let end = start + len;
        if bytes[end] == b'(' || len > MAX_GROUP_LEN {
            i = start;
            continue;
        }
        let group = text[start..end]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let parts: Vec<&str> = group.split(';').map(str::trim).collect();
        if parts.iter().any(|p| looks_like_citation(p)) {
            line += bytes[counted_to..i].iter().filter(|b| **b == b'\n').count();
            counted_to = i;
            found.extend(
                parts
                    .into_iter()
                    .filter(|p| !p.is_empty())
                    .map(|p| Citation {
                        cite: p.to_owned(),
                        line,
                    }),
            );
        }
        i = end + 1;
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cites(text: &str) -> Vec<(String, usize)> {
        find_citations(text)
            .into_iter()
            .map(|c| (c.cite, c.line))
            .collect()
    }

    #[test]
    fn a_single_citation_is_found_with_its_line() {
        assert_eq!(
            cites("a\nPain is an alarm (Basbaum et al., 2009)."),
            vec![("Basbaum et al., 2009".into(), 2)]
        );
    }

    #[test]
    fn a_group_is_split_on_semicolons() {
        assert_eq!(
            cites("(Engel, 1977; Hall et al., 2021)"),
            vec![("Engel, 1977".into(), 1), ("Hall et al., 2021".into(), 1)]
        );
    }

    #[test]
    fn a_citation_wrapped_over_two_lines_is_joined() {
        assert_eq!(
            cites("see (Brinjikji et al.,\n2015) here"),
            vec![("Brinjikji et al., 2015".into(), 1)]
        );
    }

    #[test]
    fn brackets_that_are_not_citations_are_ignored() {
        assert!(cites("(about 3.7 out of 10) and (OR 1.24) and [x](https://a.b/c)").is_empty());
    }

    #[test]
    fn a_malformed_part_beside_a_real_citation_is_still_returned() {
        assert_eq!(
            cites("(Engel, 1977; Hayden 2021)"),
            vec![("Engel, 1977".into(), 1), ("Hayden 2021".into(), 1)]
        );
    }

    #[test]
    fn a_year_with_a_letter_counts() {
        assert_eq!(cites("(Smith, 2020a)").len(), 1);
    }

    #[test]
    fn unbalanced_brackets_do_not_hang_or_panic() {
        assert!(cites("((((").is_empty());
        assert!(cites("(Engel, 1977").is_empty());
        assert_eq!(cites("((Engel, 1977)").len(), 1);
    }
}
