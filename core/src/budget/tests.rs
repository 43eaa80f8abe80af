use proptest::prelude::*;
use strum::VariantArray;

use super::*;

const RULES: BudgetRules = BudgetRules {
    ceiling: Cents(500_000),
    cofinancing_bp: 2000,
};

fn line(category: BudgetCategory, quantity: u32, unit: i64) -> BudgetLine {
    BudgetLine {
        category,
        description: "Voce".into(),
        quantity,
        unit_cost: Cents(unit),
    }
}

#[test]
fn amounts_are_read_as_typed_in_italy_and_written_back() {
    for (typed, cents) in [
        ("1.234,56", 123_456),
        ("1234,5", 123_450),
        ("€ 80", 8_000),
        ("80 €", 8_000),
        ("1 234,00", 123_400),
        ("12.50", 1_250),
        ("1.250", 125_000),
        ("0,05", 5),
    ] {
        assert_eq!(Cents::parse(typed), Some(Cents(cents)), "{typed}");
    }
    for bad in [
        "",
        "abc",
        "-5",
        "1,234,5",
        "1,2345",
        "12.345.6",
        "99999999999",
    ] {
        assert_eq!(Cents::parse(bad), None, "{bad}");
    }
    assert_eq!(Cents(123_456).to_string(), "1.234,56 €");
    assert_eq!(Cents(5).to_string(), "0,05 €");
    assert_eq!(Cents(100_000_000).to_string(), "1.000.000,00 €");
}

#[test]
fn a_budget_within_the_rules_gives_the_treasurers_totals() {
    let budget = Budget {
        lines: vec![
            line(BudgetCategory::Staff, 20, 2_500),
            line(BudgetCategory::Materials, 3, 3_333),
            line(BudgetCategory::Staff, 1, 10_000),
        ],
        requested: Cents(48_000),
    };
    let totals = budget.validate(&RULES).unwrap();
    assert_eq!(totals.total, Cents(69_999));
    assert_eq!(
        totals.by_category,
        vec![
            (BudgetCategory::Staff, Cents(60_000)),
            (BudgetCategory::Materials, Cents(9_999))
        ]
    );
    assert_eq!(totals.cofinancing, Cents(21_999));
    assert_eq!(
        totals.cofinancing_required,
        Cents(14_000),
        "20% of 699,99 € rounded up to the cent"
    );
}

#[test]
fn each_broken_rule_is_named_in_italian() {
    let budget = Budget {
        lines: vec![line(BudgetCategory::Travel, 10, 60_000)],
        requested: Cents(550_000),
    };
    let errors = budget.validate(&RULES).unwrap_err();
    let codes: Vec<&str> = errors.0.iter().map(|e| e.code.as_str()).collect();
    assert_eq!(codes, ["over_ceiling", "cofinancing"]);
    assert_eq!(
        errors.0[0].message,
        "Il bando finanzia al massimo 5.000,00 € per progetto."
    );
    assert!(
        errors.0[1]
            .message
            .contains("almeno il 20% del totale: 1.200,00 €"),
        "{}",
        errors.0[1].message
    );
    let empty = Budget::default().validate(&RULES).unwrap_err();
    assert_eq!(empty.0[0].code, "required");
}

proptest! {
    #[test]
    fn totals_are_exact_sums_of_lines(lines in prop::collection::vec((0usize..7, 1u32..500, 1i64..1_000_000), 0..30), requested in 0i64..2_000_000) {
        let budget = Budget {
            lines: lines.iter().map(|(c, q, u)| line(BudgetCategory::VARIANTS[*c], *q, *u)).collect(),
            requested: Cents(requested),
        };
        let expected: i64 = lines.iter().map(|(_, q, u)| i64::from(*q) * u).sum();
        match budget.totals(&RULES) {
            Some(totals) => {
                prop_assert_eq!(totals.total, Cents(expected));
                prop_assert_eq!(totals.by_category.iter().map(|(_, c)| c.0).sum::<i64>(), expected);
                prop_assert_eq!(totals.requested.0 + totals.cofinancing.0, expected);
                prop_assert!(totals.cofinancing_required.0 * 10_000 >= expected * 2000);
                prop_assert!((totals.cofinancing_required.0 - 1) * 10_000 < expected * 2000 || expected == 0);
            }
            None => prop_assert!(expected > MAX_CENTS),
        }
    }

    #[test]
    fn a_valid_budget_never_asks_more_than_the_ceiling_or_the_total(lines in prop::collection::vec((1u32..50, 1i64..100_000), 1..10), requested in 0i64..1_000_000) {
        let budget = Budget {
            lines: lines.iter().map(|(q, u)| line(BudgetCategory::Other, *q, *u)).collect(),
            requested: Cents(requested),
        };
        if let Ok(totals) = budget.validate(&RULES) {
            prop_assert!(totals.requested <= RULES.ceiling);
            prop_assert!(totals.requested <= totals.total);
            prop_assert!(totals.cofinancing >= totals.cofinancing_required);
        }
    }

    #[test]
    fn written_amounts_read_back(cents in 0i64..MAX_CENTS) {
        let written = Cents(cents).to_string();
        prop_assert_eq!(Cents::parse(&written), Some(Cents(cents)));
    }
}
