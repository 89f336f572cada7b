//! The per-page time budget (`--page-timeout-ms`). A thread cannot be
//! preempted, so the budget is cooperative: [`extract_html`] and
//! [`extract_text`] start a [`PageBudget`] for the page being extracted on
//! the current thread, and the long loops (the parser between input
//! pieces, each extraction stage) call [`check`], which fails with
//! [`PageError::Timeout`] once the budget is spent.
//!
//! The deadline lives in a thread-local so that the loops deep inside the
//! stages need no extra parameter; the guard restores the previous value
//! when dropped (also on panic), so a nested page (a rayon task stolen
//! while another page's extraction waits) does not inherit the outer one.
//!
//! [`extract_html`]: crate::extract_html
//! [`extract_text`]: crate::extract_text

use std::cell::Cell;
use std::time::{Duration, Instant};

use crate::error::PageError;

/// The deadline of the page being extracted on this thread, with its budget
/// (for the error message).
#[derive(Clone, Copy, Debug)]
struct Deadline {
    at: Instant,
    budget: Duration,
}

thread_local! {
    static CURRENT: Cell<Option<Deadline>> = const { Cell::new(None) };
}

/// The time budget of one page on the current thread; dropping it ends the
/// budget (restoring the enclosing one, if any).
#[must_use = "the budget ends when the guard is dropped"]
pub struct PageBudget {
    previous: Option<Deadline>,
}

/// Starts the budget of a page extracted on this thread. `None` (or a
/// budget too large to represent as an instant) means no deadline.
pub fn start(budget: Option<Duration>) -> PageBudget {
    let deadline = budget.and_then(|budget| {
        Instant::now()
            .checked_add(budget)
            .map(|at| Deadline { at, budget })
    });
    PageBudget {
        previous: CURRENT.replace(deadline),
    }
}

impl Drop for PageBudget {
    fn drop(&mut self) {
        CURRENT.set(self.previous);
    }
}

/// Fails with [`PageError::Timeout`] when the current page's budget is
/// spent; Ok when it is not, or when no budget is running.
pub fn check() -> Result<(), PageError> {
    match CURRENT.get() {
        Some(deadline) if Instant::now() >= deadline.at => Err(PageError::Timeout {
            limit_ms: u64::try_from(deadline.budget.as_millis()).unwrap_or(u64::MAX),
        }),
        _ => Ok(()),
    }
}

/// Whether the current page's budget is spent (for loops that stop early
/// and let their caller report the timeout through [`check`]).
pub fn expired() -> bool {
    check().is_err()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_budget_never_expires() {
        let _budget = start(None);
        assert!(check().is_ok());
    }

    #[test]
    fn a_spent_budget_names_its_limit() {
        let _budget = start(Some(Duration::ZERO));
        assert_eq!(check(), Err(PageError::Timeout { limit_ms: 0 }));
    }

    #[test]
    fn dropping_the_guard_restores_the_enclosing_budget() {
        let outer = start(None);
        {
            let _inner = start(Some(Duration::ZERO));
            assert!(expired());
        }
        assert!(!expired());
        drop(outer);
        assert!(CURRENT.get().is_none());
    }

    #[test]
    fn a_huge_budget_is_no_deadline_rather_than_an_overflow() {
        let _budget = start(Some(Duration::MAX));
        assert!(check().is_ok());
    }
}
