//! Generated opportunities for benchmarks (sync volume, offline search): varied enough that
//! search and compression behave as with real listings, and about 1.2 KB of JSON each.

use crate::{Content, District, Opportunity, OpportunityInput, OpportunityKind, PublishMeta};
use strum::VariantArray;

/// Queries a young person might type, from one word to a few, with and without accents.
pub const BENCH_QUERIES: [&str; 8] = [
    "tirocinio",
    "servizio civile crema",
    "educatore",
    "magazzino cremona",
    "opportunità formazione",
    "cameriere sala",
    "volontariato estero",
    "tecnico informatico casalmaggiore",
];

/// `count` synthetic opportunities, published with `render` for their Markdown.
pub fn published(count: usize, render: fn(&str) -> String) -> Vec<Opportunity> {
    (0..count)
        .map(|n| {
            let (id, input) = synthetic(n);
            Opportunity::publish(
                id,
                input,
                PublishMeta {
                    version: 1,
                    updated_at: crate::time::parse("2026-11-22T00:00:00Z")
                        .expect("the bench's fixed time is RFC 3339"),
                    published_by: "bench",
                    render,
                },
            )
        })
        .collect()
}

/// A plausible, varied opportunity of about 1.2 KB of JSON, as the sync budget assumes.
pub fn synthetic(n: usize) -> (String, OpportunityInput) {
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
    let kind = OpportunityKind::VARIANTS[n % OpportunityKind::VARIANTS.len()];
    let district = District::VARIANTS[n % District::VARIANTS.len()];
    let town = TOWNS[n % TOWNS.len()];
    let role = ROLES[(n / 3) % ROLES.len()];
    let day = 1 + (n % 28) as u32;
    let month = 1 + ((n / 28) % 12) as u32;
    (
        format!("synthetic-{n:05}"),
        OpportunityInput {
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
    )
}

/// A profile that sets every criterion, for the "Per te" ranking benchmarks: every item's text
/// is read for sectors, education, languages and skills.
pub fn bench_profile() -> crate::matching::Profile {
    use crate::{
        cv::Cefr,
        matching::{Education, Language, Profile, Reach, Sector, Spoken},
    };
    Profile {
        district: Some(District::Crema),
        reach: Reach::Neighbours,
        age: Some(24),
        kinds: vec![
            OpportunityKind::Job,
            OpportunityKind::Internship,
            OpportunityKind::Volunteering,
        ],
        sectors: vec![Sector::Logistics, Sector::Social],
        available_from: chrono::NaiveDate::from_ymd_opt(2027, 1, 1),
        available_until: None,
        languages: vec![
            Spoken {
                language: Language::Italian,
                level: Cefr::C2,
            },
            Spoken {
                language: Language::English,
                level: Cefr::B2,
            },
        ],
        education: Some(Education::Diploma),
        skills: vec!["Excel".into(), "patente B".into(), "HACCP".into()],
    }
}
