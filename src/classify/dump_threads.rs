//! Comment threads in a text dump. A dump keeps each comment's header
//! line ("Jane on May 2, 2019 at 4:47 pm said:", "3. Peter sagt:"); the
//! header is removed by its shape, but the comments under it are prose of
//! their own. Two headers or more make a thread: from the first header on,
//! every line as deep as the headers is the thread's (a layout-keeping
//! converter nests the comments in their list, and the page furniture
//! after the thread sits shallower).

use super::Kind;
use super::dump_furniture::{Dump, remove};
use crate::rules::dump_furniture::{
    COMMENT_HEADER_VERBS, MAX_COMMENT_HEADER_CHARS, MIN_COMMENT_HEADERS,
};

/// True if the line is a comment's header: short, ending in a verb of
/// saying and a colon.
pub fn is_comment_header(text: &str) -> bool {
    if text.chars().count() > MAX_COMMENT_HEADER_CHARS {
        return false;
    }
    let Some(head) = text.trim_end().strip_suffix(':') else {
        return false;
    };
    let head = head.trim_end().to_lowercase();
    COMMENT_HEADER_VERBS.iter().any(|verb| {
        head.strip_suffix(verb)
            .is_some_and(|name| name.ends_with(char::is_whitespace) && !name.trim().is_empty())
    })
}

/// Removes the thread under the comment headers as comments.
pub fn apply(dump: &Dump, kinds: &mut [Kind]) {
    let headers: Vec<usize> = (0..dump.len())
        .filter(|&i| is_comment_header(dump.text(i)))
        .collect();
    if headers.len() < MIN_COMMENT_HEADERS {
        return;
    }
    let (Some(&first), Some(depth)) = (
        headers.first(),
        headers.iter().map(|&i| dump.indent(i)).min(),
    ) else {
        return;
    };
    for i in (first..dump.len()).take_while(|&i| dump.indent(i) >= depth) {
        remove(kinds, i, Kind::Comment);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classify::test_support::text_body;
    use crate::classify::test_support::{P1, P2};

    const C1: &str = "I think the council got this one right, even if the roads will have to \
        wait another year before anyone repairs the potholes on my street, which is a shame.";
    const C2: &str = "Thanks for the question. We will publish the full budget documents next \
        week, once the auditors have signed them off, and we will link them from this article.";

    #[test]
    fn comment_headers_end_in_a_verb_of_saying() {
        assert!(is_comment_header(
            "* Milan Griffes on September 12, 2018 at 4:47 pm said:"
        ));
        assert!(is_comment_header("3. Peter sagt:"));
        assert!(!is_comment_header(""));
        assert!(!is_comment_header("Here is what the mayor said"));
        assert!(!is_comment_header("said:"));
    }

    #[test]
    fn a_thread_under_comment_headers_is_removed() {
        // The comments are nested deeper than the article; the footer after
        // the thread sits shallower again.
        let dump = format!(
            "    {P1}\n\n    {P2}\n\n    Comments\n\n        * Ann on May 2, 2019 at 4:47 pm said:\n\n\
             \x20       {C1}\n\n        * Editor on May 3, 2019 at 9:10 am said:\n\n        {C2}\n\n\
             \x20 About us\n"
        );
        assert_eq!(text_body(&dump), [P1, P2]);
    }

    #[test]
    fn one_header_alone_is_not_a_thread() {
        // An article may introduce a quote with a line of its own.
        let dump = format!("{P1}\n\nThe mayor then wrote:\n\n{C2}\n\n{P2}\n");
        assert!(text_body(&dump).contains(&C2.to_string()));
    }
}
