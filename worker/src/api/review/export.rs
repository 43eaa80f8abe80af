//! The export of a call's proposals for the commission's minutes: one row per proposal (withdrawn
//! ones left out), in protocol order. Written for a spreadsheet set to Italian: `;` between
//! fields, decimal commas (`1.234,56`), and a byte-order mark so that accents survive. Text that
//! people typed (names, titles, reasons) goes through [`csv_cell::text`], so that a spreadsheet
//! never runs it as a formula; amounts and scores are numbers the code formats and stay numbers.

use sito_core::{budget::Cents, call::Criterion, csv_cell, proposal::Decision};

use crate::db::{proposals::ProposalRow, review::StoredReview};
use crate::service::review::views::{
    average, criterion_averages, decision_label, euros, hundredths,
};

/// The header row for a call's scoring grid.
pub fn header(criteria: &[Criterion]) -> Vec<String> {
    let mut header: Vec<String> = [
        "Protocollo",
        "Gruppo",
        "Titolo",
        "Costo totale (€)",
        "Contributo richiesto (€)",
        "Stato",
    ]
    .map(str::to_owned)
    .to_vec();
    header.extend(
        criteria
            .iter()
            .map(|c| csv_cell::text(&format!("{} (peso {}): media su 10", c.name, c.weight))),
    );
    header.extend(
        [
            "Punteggio ponderato medio (su 100)",
            "Valutazioni",
            "Decisione proposta",
            "Importo concesso (€)",
            "Motivazioni",
            "Decisione pubblicata",
        ]
        .map(str::to_owned),
    );
    header
}

/// One proposal's row.
pub fn row(
    criteria: &[Criterion],
    proposal: &ProposalRow,
    reviews: &[StoredReview],
) -> Vec<String> {
    let own: Vec<&StoredReview> = reviews
        .iter()
        .filter(|r| r.proposal_id == proposal.id)
        .collect();
    let scores: Vec<Vec<u8>> = own.iter().map(|r| r.scores()).collect();
    let decision = proposal.decision();
    let mut row = vec![
        csv_cell::text(&proposal.protocol),
        csv_cell::text(&proposal.group_name),
        csv_cell::text(&proposal.title),
        euros(Cents(proposal.total)),
        euros(Cents(proposal.requested)),
        proposal.group_status().label_it().to_owned(),
    ];
    row.extend(
        criterion_averages(criteria.len(), &scores)
            .into_iter()
            .map(|a| a.map(hundredths).unwrap_or_default()),
    );
    row.push(
        average(own.iter().map(|r| r.weighted))
            .map(hundredths)
            .unwrap_or_default(),
    );
    row.push(own.len().to_string());
    row.push(
        decision
            .as_ref()
            .map(decision_label)
            .unwrap_or_default()
            .to_owned(),
    );
    row.push(match &decision {
        Some(Decision::Funded { amount }) => euros(*amount),
        _ => String::new(),
    });
    row.push(match &decision {
        Some(Decision::NotFunded { reasons }) => csv_cell::text(reasons),
        _ => String::new(),
    });
    row.push(
        if proposal.decision_published_at.is_some() {
            "sì"
        } else {
            "no"
        }
        .to_owned(),
    );
    row
}

/// The whole file.
pub fn csv(
    criteria: &[Criterion],
    proposals: &[ProposalRow],
    reviews: &[StoredReview],
) -> Result<String, csv::Error> {
    let mut writer = csv::WriterBuilder::new()
        .delimiter(b';')
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    writer.write_record(header(criteria))?;
    for proposal in proposals {
        writer.write_record(row(criteria, proposal, reviews))?;
    }
    let bytes = writer
        .into_inner()
        .map_err(|e| csv::Error::from(e.into_error()))?;
    // Every field is a Rust string: the bytes are UTF-8.
    Ok(format!("\u{feff}{}", String::from_utf8_lossy(&bytes)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn proposal(id: &str, decision: Option<(&str, Option<i64>, Option<&str>)>) -> ProposalRow {
        ProposalRow {
            id: id.into(),
            account_id: "g".into(),
            call_id: "tt".into(),
            protocol_seq: id.parse().unwrap_or(0),
            protocol: format!("PG-2027-{id}"),
            revision: 1,
            body: "{}".into(),
            body_hash: String::new(),
            title: "Cinema; sul \"fiume\"".into(),
            group_name: "Giovani del Po".into(),
            total: 108_500,
            requested: 80_000,
            status: sito_core::proposal::ProposalStatus::InReview,
            first_submitted_at: chrono::DateTime::UNIX_EPOCH,
            submitted_at: chrono::DateTime::UNIX_EPOCH,
            updated_at: chrono::DateTime::UNIX_EPOCH,
            decision: decision.map(|d| d.0.to_owned()),
            decision_amount: decision.and_then(|d| d.1),
            decision_reasons: decision.and_then(|d| d.2.map(str::to_owned)),
            decided_by: None,
            decision_published_at: None,
        }
    }

    fn review(proposal_id: &str, scores: &str, weighted: u32) -> StoredReview {
        StoredReview {
            proposal_id: proposal_id.into(),
            reviewer_id: "r".into(),
            reviewer: "R".into(),
            scores: scores.into(),
            weighted,
            comment: String::new(),
            note: "privata".into(),
            updated_at: chrono::DateTime::UNIX_EPOCH,
        }
    }

    #[test]
    fn the_export_has_italian_numbers_one_column_per_criterion_and_quotes_what_needs_it() {
        let criteria = vec![
            Criterion {
                name: "Coerenza".into(),
                weight: 60,
            },
            Criterion {
                name: "Budget".into(),
                weight: 40,
            },
        ];
        let proposals = [
            proposal("00001", Some(("funded", Some(75_050), None))),
            proposal("00002", Some(("not_funded", None, Some("Fuori tema")))),
            proposal("00003", None),
        ];
        let reviews = [
            review("00001", "[7,5]", 6200),
            review("00001", "[8,6]", 7200),
            review("00002", "[2,3]", 2400),
        ];
        let text = csv(&criteria, &proposals, &reviews).unwrap();
        assert!(text.starts_with('\u{feff}'));
        let lines: Vec<&str> = text.trim_start_matches('\u{feff}').split("\r\n").collect();
        assert_eq!(lines.len(), 5, "{lines:?}");
        assert!(lines[0].starts_with("Protocollo;Gruppo;Titolo;Costo totale (€)"));
        assert!(lines[0].contains("Coerenza (peso 60): media su 10;Budget (peso 40): media su 10"));
        assert_eq!(
            lines[1],
            "PG-2027-00001;Giovani del Po;\"Cinema; sul \"\"fiume\"\"\";1.085,00;800,00;In valutazione;7,50;5,50;67,00;2;Finanziata;750,50;;no"
        );
        assert!(lines[2].ends_with(";2,00;3,00;24,00;1;Non finanziata;;Fuori tema;no"));
        assert!(lines[3].ends_with(";In valutazione;;;;0;;;;no"));
        assert!(
            !text.contains("privata"),
            "private notes never leave the desk"
        );
    }

    #[test]
    fn text_that_a_spreadsheet_would_run_as_a_formula_starts_with_a_quote() {
        let criteria = vec![Criterion {
            name: "=1+1".into(),
            weight: 100,
        }];
        let mut hostile = proposal(
            "00001",
            Some(("not_funded", None, Some("-fuori tema, +costi"))),
        );
        hostile.group_name = "@SUM(1+1)*cmd|' /C calc'!A0".into();
        hostile.title = "=HYPERLINK(\"https://evil.example\")".into();
        let text = csv(&criteria, &[hostile], &[review("00001", "[4]", 4000)]).unwrap();
        let lines: Vec<&str> = text.trim_start_matches('\u{feff}').split("\r\n").collect();
        assert!(
            lines[0].contains(";'=1+1 (peso 100): media su 10;"),
            "{}",
            lines[0]
        );
        assert!(
            lines[1].starts_with(
                "PG-2027-00001;'@SUM(1+1)*cmd|' /C calc'!A0;\"'=HYPERLINK(\"\"https://evil.example\"\")\";"
            ),
            "{}",
            lines[1]
        );
        assert!(
            lines[1].ends_with(";Non finanziata;;'-fuori tema, +costi;no"),
            "{}",
            lines[1]
        );
    }
}
