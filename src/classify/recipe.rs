//! Recipes: the ingredient list belongs to the article.
//!
//! A recipe page's prose is its steps, so the container chosen for the
//! most prose is the steps' box; the ingredient list (short lines of a
//! quantity and a unit, weighted down as short text) sits in a sibling
//! box, often with the servings and the cook's notes beside it. When
//! such a list stands outside the container, the container grows to the
//! nearest ancestor holding it: the recipe's own box.

use std::sync::LazyLock;

use regex::Regex;

use crate::blocks::{Block, Page};
use crate::rules::contains_word;
use crate::rules::phrases::RECIPE_UNITS;
use crate::rules::thresholds::{
    MAX_INGREDIENT_LINE_CHARS, MAX_RECIPE_WIDEN_LEVELS, MIN_INGREDIENT_LINES,
};

/// A quantity opening a line: "125", "1,5", "1/2", "½", "1-2", "ca. 200",
/// then the word after it (the unit, if the line is an ingredient's).
static QUANTITY_THEN_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:ca\.?\s*|approx\.?\s*|about\s+)?(?:\d+(?:[.,/]\d+)?|[½¼¾⅓⅔⅛])(?:\s*[-–]\s*\d+(?:[.,/]\d+)?)?\s*(\p{L}+)",
    )
    .unwrap_or_else(|_| unreachable!("the quantity pattern is a valid regex"))
});

/// True if the block is one line of an ingredient list (see
/// [`is_ingredient_text`]).
pub fn is_ingredient_line(block: &Block) -> bool {
    block.chars <= MAX_INGREDIENT_LINE_CHARS && is_ingredient_text(&block.text)
}

/// True if the block's lines (`<br>` separated) are an ingredient list of
/// their own: a cocktail's five lines in one paragraph.
pub fn is_ingredient_list(block: &Block) -> bool {
    block
        .text
        .lines()
        .filter(|line| {
            line.chars().count() <= MAX_INGREDIENT_LINE_CHARS && is_ingredient_text(line)
        })
        .count()
        >= MIN_INGREDIENT_LINES
}

/// True if the text opens on a quantity followed by a unit of
/// [`RECIPE_UNITS`]: "125 g Mehl", "1-2 Spritzer Bitters", "½ cup milk".
fn is_ingredient_text(text: &str) -> bool {
    let lower = text.trim_start().to_lowercase();
    QUANTITY_THEN_WORD
        .captures(&lower)
        .and_then(|c| c.get(1))
        .is_some_and(|unit| contains_word(RECIPE_UNITS, unit.as_str()))
}

/// The container, grown to the nearest unmarked ancestor (at most
/// [`MAX_RECIPE_WIDEN_LEVELS`] up) that holds an ingredient list the
/// container lacks. Unchanged if the container holds one already, or no
/// ancestor near enough does.
pub fn widen_to_ingredients(page: &Page, container: usize) -> usize {
    let outside: Vec<usize> = page
        .blocks
        .iter()
        .filter(|b| b.mark.is_none() && is_ingredient_line(b))
        .map(|b| b.element)
        .filter(|&e| !page.is_within(e, container))
        .collect();
    if outside.len() < MIN_INGREDIENT_LINES {
        return container;
    }
    let mut probe = container;
    for _ in 0..MAX_RECIPE_WIDEN_LEVELS {
        let Some(parent) = page.elements.get(probe).and_then(|e| e.parent) else {
            break;
        };
        if page.elements.get(parent).is_some_and(|p| p.mark.is_some()) {
            break;
        }
        let held = outside
            .iter()
            .filter(|&&e| page.is_within(e, parent))
            .count();
        if held >= MIN_INGREDIENT_LINES {
            return parent;
        }
        probe = parent;
    }
    container
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classify::test_support::html_body;

    const STEP: &str = "Mix the flour with the sugar in a large bowl, then stir in the milk \
                        until the batter is smooth and no lumps remain.";

    fn recipe_page(ingredients: &str) -> String {
        format!(
            "<body><nav><a href=/>Home</a> <a href=/r>Recipes</a></nav>\
             <div class=recipe><h1>Pancakes</h1><div class=meta>Serves 4</div>{ingredients}\
             <div class=method><div class=time>20 min</div>\
             <div class=steps><p>{STEP}</p><p>{STEP} Twice.</p><p>{STEP} Again.</p></div></div></div>\
             <div class=more><a href=/a>Waffles with cream and cherries</a>\
             <a href=/b>Crêpes with lemon and sugar</a></div></body>"
        )
    }

    #[test]
    fn the_ingredient_list_beside_the_steps_is_the_recipes() {
        let list = "<div class=box><ul><li>250 g flour</li><li>2 tbsp sugar</li>\
                    <li>500 ml milk</li><li>1 pinch salt</li></ul></div>";
        let body = html_body(&recipe_page(list));
        assert!(body.iter().any(|b| b == "250 g flour"), "{body:?}");
        assert!(body.iter().any(|b| b == "1 pinch salt"), "{body:?}");
        assert!(!body.iter().any(|b| b.contains("Waffles")), "{body:?}");
    }

    #[test]
    fn short_lines_without_units_do_not_widen_the_container() {
        let list = "<div class=box><ul><li>2019 season</li><li>3 goals</li>\
                    <li>12 matches</li><li>1 title</li></ul></div>";
        let body = html_body(&recipe_page(list));
        assert!(!body.iter().any(|b| b == "3 goals"), "{body:?}");
    }

    #[test]
    fn an_ingredient_list_in_a_sidebar_is_not_the_articles() {
        let page = format!(
            "<body><article><p>{STEP}</p><p>{STEP} Twice.</p><p>{STEP} Again.</p></article>\
             <aside><h3>Recipe of the week</h3><ul><li>250 g flour</li><li>2 tbsp sugar</li>\
             <li>500 ml milk</li></ul></aside></body>"
        );
        let body = html_body(&page);
        assert_eq!(body.len(), 3, "{body:?}");
    }

    #[test]
    fn a_linked_ingredient_is_still_an_ingredient() {
        let list = "<table class=box><tr><td>250 g</td><td>flour</td></tr>\
                    <tr><td>1 pck.</td><td><a href=/p>Vanilla sugar</a></td></tr>\
                    <tr><td>500 ml</td><td>milk</td></tr></table>";
        let body = html_body(&recipe_page(list));
        assert!(
            body.iter().any(|b| b == "1 pck. | Vanilla sugar"),
            "{body:?}"
        );
    }

    #[test]
    fn a_cocktails_lines_in_a_widget_box_are_body() {
        let page = format!(
            "<body><article><p>{STEP}</p><div class=widget><p>1 Würfelzucker<br>1-2 Spritzer \
             Bitters<br>1 TL Wasser<br>5 cl Rye Whiskey</p></div><p>{STEP} Twice.</p></article></body>"
        );
        let body = html_body(&page);
        assert!(
            body.iter().any(|b| b.contains("5 cl Rye Whiskey")),
            "{body:?}"
        );
    }

    #[test]
    fn ingredient_lines_need_a_quantity_and_a_unit() {
        for yes in [
            "125 g Mehl",
            "2 Dose/n Mandarinen",
            "½ cup milk",
            "1-2 Spritzer Bitters",
        ] {
            assert!(is_ingredient_text(yes), "{yes}");
        }
        for no in [
            "3 goals in 90 minutes",
            "2019 Bundesliga",
            "Mehl 125 g",
            "g flour",
        ] {
            assert!(!is_ingredient_text(no), "{no}");
        }
    }
}
