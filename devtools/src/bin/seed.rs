//! `seed demo <dir>` prints SQL for the demo content in `<dir>` (opportunities, guides, news,
//! organisations, calls, recruiting days); `seed accounts` prints the development accounts of `DEMO_ACCOUNTS`;
//! `seed synthetic <count>` prints SQL for that many generated opportunities
//! (benchmarks). `seed year` prints a year of generated activity (10,000 opportunities, 3,000
//! questions, 400 proposals, 200 labs, a year of desk appointments, a year of reach counters) for
//! measuring the monitoring report.

use std::{env, fs, path::Path, process::ExitCode};

use sito_core::{
    synthetic::synthetic, Call, Content, ContentKind, Guide, News, Opportunity, Organisation,
};
use sito_devtools::{
    account_sql, entry_sql, insert_sql, publish, sql_for, NewAccount, Seed, DEMO_ACCOUNTS,
};

fn main() -> ExitCode {
    let args: Vec<String> = env::args().skip(1).collect();
    // The text the worker writes, so that a seeded item's body and its row say the same time.
    let now = sito_core::time::format(&chrono::Utc::now());
    let result = match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["demo", dir] => demo(Path::new(dir), &now),
        ["accounts"] => demo_accounts(&now),
        ["synthetic", count] => count
            .parse::<usize>()
            .map_err(|_| "count must be a number".to_owned())
            .and_then(|n| synthetic_sql(n, &now)),
        ["year"] => sito_devtools::year::year_sql(chrono::Utc::now()),
        _ => Err(
            "usage: seed demo <dir> | seed accounts | seed synthetic <count> | seed year"
                .to_owned(),
        ),
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
    file::<Call>(dir, "calls.json", now, &mut sql)?;
    file::<sito_core::recruiting::RecruitingDay>(dir, "recruiting_days.json", now, &mut sql)?;
    Ok(sql)
}

/// The development accounts, one per role (`DEMO_ACCOUNTS`); never for production.
fn demo_accounts(now: &str) -> Result<String, String> {
    let mut sql = String::new();
    eprintln!("development accounts (e-mail, password, role):");
    for (email, name, role, password) in DEMO_ACCOUNTS {
        eprintln!("  {email:<32} {password:<24} {}", role.label_it());
        let group = (role == sito_core::account::Role::Applicant).then_some((
            "association",
            "crema",
            "Marta Rossi",
        ));
        sql.push_str(&account_sql(
            &NewAccount {
                email,
                name,
                role,
                password,
                group,
            },
            now,
        )?);
    }
    Ok(sql)
}

fn synthetic_sql(count: usize, now: &str) -> Result<String, String> {
    let mut sql = String::new();
    for n in 0..count {
        let (id, input) = synthetic(n);
        let value = serde_json::to_value(&input).map_err(|e| e.to_string())?;
        let item: Opportunity = publish(Seed { id, input }, now)?;
        let body = serde_json::to_string(&item).map_err(|e| e.to_string())?;
        sql.push_str(&insert_sql(ContentKind::Opportunity, &item.id, &body, now));
        sql.push_str(&entry_sql(
            ContentKind::Opportunity,
            &item.id,
            &item.title,
            &value,
            now,
        ));
    }
    Ok(sql)
}
