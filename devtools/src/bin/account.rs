//! `account create-admin <email> <name>` prints the SQL that creates an administrator, with the
//! password read from the first line of standard input (so that it never appears in the shell
//! history or the process list). `scripts/create-admin.sh` runs it against D1.

use std::{env, io::BufRead, process::ExitCode};

use sito_core::account::Role;
use sito_devtools::{account_sql, NewAccount};

fn main() -> ExitCode {
    let args: Vec<String> = env::args().skip(1).collect();
    let result = match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["create-admin", email, name] => read_password().and_then(|password| {
            let now = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
            account_sql(
                &NewAccount {
                    email,
                    name,
                    role: Role::Admin,
                    password: &password,
                    group: None,
                },
                &now,
            )
        }),
        _ => Err("usage: account create-admin <email> <name>  (password on standard input)".into()),
    };
    match result {
        Ok(sql) => {
            print!("{sql}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("account: {e}");
            ExitCode::FAILURE
        }
    }
}

fn read_password() -> Result<String, String> {
    let mut line = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut line)
        .map_err(|e| e.to_string())?;
    Ok(line.trim_end_matches(['\n', '\r']).to_owned())
}
