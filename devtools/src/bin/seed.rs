//! `seed demo <file.json>` prints SQL for the demo opportunities;
//! `seed synthetic <count>` prints SQL for that many generated ones (benchmarks).

use std::{env, fs, process::ExitCode};

use sito_core::{ContentKind, District, OpportunityInput, OpportunityKind};
use sito_devtools::{insert_sql, publish, SeedOpportunity};

fn main() -> ExitCode {
    let args: Vec<String> = env::args().skip(1).collect();
    let now = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    let seeds = match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["demo", path] => match fs::read_to_string(path)
            .map_err(|e| e.to_string())
            .and_then(|t| {
                serde_json::from_str::<Vec<SeedOpportunity>>(&t).map_err(|e| e.to_string())
            }) {
            Ok(seeds) => seeds,
            Err(e) => {
                eprintln!("seed: {path}: {e}");
                return ExitCode::FAILURE;
            }
        },
        ["synthetic", count] => match count.parse::<usize>() {
            Ok(n) => (0..n).map(synthetic).collect(),
            Err(_) => {
                eprintln!("seed: count must be a number");
                return ExitCode::FAILURE;
            }
        },
        _ => {
            eprintln!("usage: seed demo <file.json> | seed synthetic <count>");
            return ExitCode::FAILURE;
        }
    };
    let mut sql = String::new();
    for seed in seeds {
        match publish(seed, &now) {
            Ok(item) => {
                let body = serde_json::to_string(&item).expect("an opportunity serialises");
                sql.push_str(&insert_sql(ContentKind::Opportunity, &item.id, &body, &now));
            }
            Err(e) => {
                eprintln!("seed: {e}");
                return ExitCode::FAILURE;
            }
        }
    }
    print!("{sql}");
    ExitCode::SUCCESS
}

/// A plausible, varied opportunity of about 1.2 KB of JSON, as the sync budget assumes.
fn synthetic(n: usize) -> SeedOpportunity {
    const TOWNS: [&str; 6] = [
        "Cremona",
        "Crema",
        "Casalmaggiore",
        "Soresina",
        "Pizzighettone",
        "Viadana",
    ];
    const ROLES: [&str; 8] = [
        "Addetto alle vendite",
        "Educatore",
        "Magazziniere",
        "Cameriere di sala",
        "Operatore socio-sanitario",
        "Tecnico informatico",
        "Impiegato amministrativo",
        "Animatore",
    ];
    let kind = OpportunityKind::ALL[n % OpportunityKind::ALL.len()];
    let district = District::ALL[n % District::ALL.len()];
    let town = TOWNS[n % TOWNS.len()];
    let role = ROLES[(n / 3) % ROLES.len()];
    let day = 1 + (n % 28) as u32;
    let month = 1 + ((n / 28) % 12) as u32;
    SeedOpportunity {
        id: format!("synthetic-{n:05}"),
        input: OpportunityInput {
            kind,
            title: format!("{role} a {town} ({})", kind.label_it()),
            organisation: format!("Cooperativa sociale Esempio {}", n % 97),
            district,
            place: town.to_owned(),
            summary: format!(
                "Opportunità numero {n} per giovani: {role} presso una realtà del territorio di {town}, con affiancamento e formazione iniziale."
            ),
            description_md: format!(
                "## Che cosa farai\n\nAffiancherai il responsabile nelle attività quotidiane di **{role}**, con un percorso di inserimento graduale.\n\n## Requisiti\n\n- diploma o qualifica professionale\n- disponibilità a orari flessibili\n- buona conoscenza della lingua italiana\n\n## Che cosa offriamo\n\nContratto o rimborso secondo la normativa vigente, tutor dedicato e attestato finale."
            ),
            age_min: Some(18),
            age_max: Some(29 + (n % 7) as u8),
            starts_on: None,
            ends_on: None,
            deadline: chrono::NaiveDate::from_ymd_opt(2027, month, day),
            how_to_apply: "Invia il curriculum all'indirizzo indicato dall'ente, citando il codice dell'annuncio.".to_owned(),
            source_url: Some(format!("https://example.org/opportunita/{n}")),
        },
    }
}
