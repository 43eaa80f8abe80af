//! `seed demo <dir>` prints SQL for the demo content in `<dir>` (opportunities, guides, news,
//! organisations); `seed synthetic <count>` prints SQL for that many generated opportunities
//! (benchmarks).

use std::{env, fs, path::Path, process::ExitCode};

use sito_core::{
    Content, ContentKind, District, Guide, News, Opportunity, OpportunityInput, OpportunityKind,
    Organisation,
};
use sito_devtools::{insert_sql, publish, sql_for, Seed};

fn main() -> ExitCode {
    let args: Vec<String> = env::args().skip(1).collect();
    let now = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    let result = match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["demo", dir] => demo(Path::new(dir), &now),
        ["synthetic", count] => count
            .parse::<usize>()
            .map_err(|_| "count must be a number".to_owned())
            .and_then(|n| synthetic_sql(n, &now)),
        _ => Err("usage: seed demo <dir> | seed synthetic <count>".to_owned()),
    };
    match result {
        Ok(sql) => {
            print!("{sql}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("seed: {e}");
            ExitCode::FAILURE
        }
    }
}

fn demo(dir: &Path, now: &str) -> Result<String, String> {
    fn file<T: Content>(dir: &Path, name: &str, now: &str, sql: &mut String) -> Result<(), String> {
        let path = dir.join(name);
        let json = fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let (count, part) =
            sql_for::<T>(&json, now).map_err(|e| format!("{}: {e}", path.display()))?;
        eprintln!("{count} {}", T::KIND.plural());
        sql.push_str(&part);
        Ok(())
    }
    let mut sql = String::new();
    file::<Opportunity>(dir, "opportunities.json", now, &mut sql)?;
    file::<Guide>(dir, "guides.json", now, &mut sql)?;
    file::<News>(dir, "news.json", now, &mut sql)?;
    file::<Organisation>(dir, "organisations.json", now, &mut sql)?;
    Ok(sql)
}

fn synthetic_sql(count: usize, now: &str) -> Result<String, String> {
    let mut sql = String::new();
    for n in 0..count {
        let item: Opportunity = publish(synthetic(n), now)?;
        let body = serde_json::to_string(&item).map_err(|e| e.to_string())?;
        sql.push_str(&insert_sql(ContentKind::Opportunity, &item.id, &body, now));
    }
    Ok(sql)
}

/// A plausible, varied opportunity of about 1.2 KB of JSON, as the sync budget assumes.
pub fn synthetic(n: usize) -> Seed<OpportunityInput> {
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
    Seed {
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
