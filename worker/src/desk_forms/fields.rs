//! What each kind's form holds: its fields in order, with Italian labels, hints, widgets, and
//! the choices of its selects.

use sito_core::VariantArray;
use sito_core::{
    call::Eligible,
    guide::GuideArea,
    lab::{Audience, LabFormat},
    opportunity::District,
    organisation::OrganisationCategory,
    question::Topic,
    ContentKind, OpportunityKind,
};

use super::Widget;

pub struct Field {
    pub name: &'static str,
    pub label: &'static str,
    pub widget: Widget,
    pub required: bool,
    pub hint: &'static str,
}

const fn field(name: &'static str, label: &'static str, widget: Widget, required: bool) -> Field {
    Field {
        name,
        label,
        widget,
        required,
        hint: "",
    }
}

const fn hinted(field: Field, hint: &'static str) -> Field {
    Field { hint, ..field }
}

fn serde_name<T: serde::Serialize>(value: T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

fn opportunity_kinds() -> Vec<(String, &'static str)> {
    OpportunityKind::VARIANTS
        .iter()
        .copied()
        .map(|k| (serde_name(k), k.label_it()))
        .collect()
}

fn districts() -> Vec<(String, &'static str)> {
    District::VARIANTS
        .iter()
        .copied()
        .map(|d| (serde_name(d), d.label_it()))
        .collect()
}

fn guide_areas() -> Vec<(String, &'static str)> {
    GuideArea::VARIANTS
        .iter()
        .copied()
        .map(|a| {
            let label = match a {
                GuideArea::JobSearch => "Ricerca del lavoro",
                GuideArea::Information => "Informazioni",
                GuideArea::Professions => "Aree professionali",
            };
            (serde_name(a), label)
        })
        .collect()
}

fn categories() -> Vec<(String, &'static str)> {
    OrganisationCategory::VARIANTS
        .iter()
        .copied()
        .map(|c| {
            let label = match c {
                OrganisationCategory::EmploymentCentre => "Centro per l'Impiego",
                OrganisationCategory::Informagiovani => "Informagiovani",
                OrganisationCategory::Training => "Formazione",
                OrganisationCategory::Union => "Sindacato",
                OrganisationCategory::EmployerAssociation => "Associazione di categoria",
                OrganisationCategory::VolunteeringCentre => "Centro servizi per il volontariato",
                OrganisationCategory::SocialCooperative => "Cooperativa sociale",
                OrganisationCategory::PublicService => "Servizio pubblico",
                OrganisationCategory::SchoolUniversity => "Scuola e università",
            };
            (serde_name(c), label)
        })
        .collect()
}

fn eligibles() -> Vec<(String, &'static str)> {
    Eligible::VARIANTS
        .iter()
        .copied()
        .map(|e| (serde_name(e), e.label_it()))
        .collect()
}

fn lab_formats() -> Vec<(String, &'static str)> {
    LabFormat::VARIANTS
        .iter()
        .copied()
        .map(|f| (serde_name(f), f.label_it()))
        .collect()
}

fn audiences() -> Vec<(String, &'static str)> {
    Audience::VARIANTS
        .iter()
        .copied()
        .map(|a| (serde_name(a), a.label_it()))
        .collect()
}

pub fn topics() -> Vec<(String, &'static str)> {
    Topic::VARIANTS
        .iter()
        .copied()
        .map(|t| (t.as_ref().to_owned(), t.label_it()))
        .collect()
}

const MARKDOWN_HINT: &str = "Markdown: **grassetto**, _corsivo_, elenchi con «-», titoli con «##», link [testo](https://…).";

/// The fields of `kind`'s input, in the order the form shows them.
pub fn fields(kind: ContentKind) -> Vec<Field> {
    use Widget::*;
    let select = |options, optional| Select { options, optional };
    match kind {
        ContentKind::Opportunity => vec![
            field("kind", "Tipo", select(opportunity_kinds, false), true),
            field("title", "Titolo", Text, true),
            field("organisation", "Ente o azienda", Text, true),
            field("district", "Territorio", select(districts, false), true),
            hinted(field("place", "Luogo", Text, false), "Comune o indirizzo; vuoto se online."),
            hinted(field("summary", "Sintesi", Area, true), "Una o due frasi: compare negli elenchi."),
            hinted(field("description_md", "Descrizione", Markdown, true), MARKDOWN_HINT),
            field("age_min", "Età minima", Number, false),
            field("age_max", "Età massima", Number, false),
            field("starts_on", "Inizio", Date, false),
            field("ends_on", "Fine", Date, false),
            hinted(field("deadline", "Scadenza", Date, false), "Vuoto se sempre aperta."),
            field("how_to_apply", "Come candidarsi", Area, true),
            field("source_url", "Fonte (indirizzo web)", Url, false),
        ],
        ContentKind::Guide => vec![
            field("area", "Area", select(guide_areas, false), true),
            field("title", "Titolo", Text, true),
            field("summary", "Sintesi", Area, true),
            hinted(field("body_md", "Testo", Markdown, true), MARKDOWN_HINT),
            hinted(
                field("steps", "Passi del tutorial", Steps, false),
                "Facoltativi: ogni passo ha un titolo e un testo. I passi vuoti non vengono salvati.",
            ),
        ],
        ContentKind::News => vec![
            field("title", "Titolo", Text, true),
            field("summary", "Sintesi", Area, true),
            hinted(field("body_md", "Testo", Markdown, true), MARKDOWN_HINT),
            field("published_on", "Data della notizia", Date, true),
            field("district", "Territorio", select(districts, true), false),
        ],
        ContentKind::Organisation => vec![
            field("category", "Categoria", select(categories, false), true),
            field("name", "Nome", Text, true),
            field("district", "Territorio", select(districts, false), true),
            field("town", "Comune", Text, true),
            field("address", "Indirizzo", Text, true),
            hinted(field("description_md", "Descrizione", Markdown, false), MARKDOWN_HINT),
            hinted(field("services", "Servizi", Lines, false), "Un servizio per riga."),
            field("hours", "Orari", Text, false),
            field("phone", "Telefono", Text, false),
            field("email", "E-mail", Email, false),
            field("website", "Sito web", Url, false),
        ],
        ContentKind::Answer => vec![
            field("topic", "Argomento", select(topics, false), true),
            hinted(
                field("question", "Domanda (come sarà pubblicata)", Area, true),
                "Togli nomi e dati personali prima di pubblicare.",
            ),
            field("nickname", "Nome di fantasia", Text, false),
            hinted(field("answer_md", "Risposta", Markdown, true), MARKDOWN_HINT),
            hinted(
                field("answered_by", "Risponde", Text, true),
                "L'ente che firma la risposta, per esempio «Centro per l'Impiego di Crema».",
            ),
            field("asked_on", "Data della domanda", Date, true),
        ],
        ContentKind::Call => vec![
            field("title", "Titolo del bando", Text, true),
            hinted(field("summary", "Sintesi", Area, true), "Una o due frasi: compare negli elenchi."),
            hinted(field("description_md", "Descrizione", Markdown, true), MARKDOWN_HINT),
            field("eligible", "Chi può partecipare", select(eligibles, false), true),
            field("age_min", "Età minima dei giovani", Number, true),
            field("age_max", "Età massima dei giovani", Number, true),
            hinted(
                field("district", "Territorio", select(districts, true), false),
                "Vuoto: tutta la provincia.",
            ),
            hinted(field("ceiling", "Contributo massimo per progetto (€)", Money, true), "Per esempio 5.000,00."),
            hinted(
                field("cofinancing_percent", "Cofinanziamento minimo (% del costo totale)", Number, true),
                "La quota del costo che il gruppo copre da sé; 0 se non richiesta.",
            ),
            hinted(
                field("criteria", "Criteri di valutazione", Criteria, true),
                "Un criterio per riga, con il peso dopo una barra: «Coerenza tra bisogni e obiettivi | 30». I pesi sommano 100.",
            ),
            hinted(field("opens_at", "Apertura (ora italiana)", DateTime, true), "Da quando si possono inviare le proposte."),
            hinted(field("closes_at", "Chiusura (ora italiana)", DateTime, true), "Dopo quest'ora non si può più inviare né modificare."),
            hinted(field("attachments", "Allegati richiesti", Lines, false), "Uno per riga, descritto a parole."),
        ],
        ContentKind::Lab => vec![
            field("format", "Tipo", select(lab_formats, false), true),
            field("title", "Titolo", Text, true),
            hinted(field("summary", "Sintesi", Area, true), "Una o due frasi: compare negli elenchi."),
            hinted(field("description_md", "Descrizione", Markdown, true), MARKDOWN_HINT),
            hinted(
                field("modules", "Moduli e incontri (ora italiana)", Sessions, true),
                "Un incontro per riga: modulo | inizio | fine | luogo o link, per esempio «Il colloquio | 2027-01-12 17:00 | 19:30 | Informagiovani, via Palestro 11». Le righe dello stesso modulo formano un modulo.",
            ),
            field("audience", "Per chi", select(audiences, false), true),
            field("age_min", "Età minima", Number, true),
            field("age_max", "Età massima", Number, true),
            hinted(
                field("districts", "Territori", Lines, false),
                "Uno per riga tra cremona, crema, casalmaggiore; vuoto: tutta la provincia.",
            ),
            hinted(field("min_places", "Minimo di partecipanti", Number, true), "Sotto questo numero, alla chiusura il laboratorio si può annullare."),
            field("max_places", "Posti", Number, true),
            field("signup_opens_at", "Apertura iscrizioni (ora italiana)", DateTime, true),
            field("signup_closes_at", "Chiusura iscrizioni (ora italiana)", DateTime, true),
            hinted(field("organiser", "Organizza", Text, true), "L'ente che tiene il laboratorio, per esempio «Informagiovani di Cremona»."),
        ],
        ContentKind::RecruitingDay => vec![
            field("title", "Titolo", Text, true),
            hinted(field("summary", "Sintesi", Area, true), "Una o due frasi: compare negli elenchi."),
            hinted(field("starts_at", "Inizio (ora italiana)", DateTime, true), "Data e ora in cui apre la giornata."),
            hinted(field("ends_at", "Fine (ora italiana)", DateTime, true), "Lo stesso giorno."),
            hinted(field("place", "Luogo", Text, true), "Indirizzo completo, per esempio «Centro per l'Impiego di Cremona, via Dante 136»."),
            field("district", "Territorio", select(districts, false), true),
            hinted(
                field("companies", "Aziende e ruoli aperti", Companies, true),
                "Un'azienda per riga: azienda | settore | ruolo (posti); ruolo (posti). Il settore può restare vuoto. Per esempio «Trattoria del Po | ristorazione | Cameriere/a di sala (3); Aiuto cuoco/a (1)». Dopo i posti puoi aggiungere una descrizione: «Magazziniere/a (2): patentino del muletto».",
            ),
            hinted(
                field("slots", "Orari dei colloqui (ora italiana)", Slots, false),
                "Gli orari di inizio, separati da virgole («9:30, 10:00, 10:30») oppure un intervallo: «9:30-12:00 ogni 20». Vuoto se i colloqui non sono su appuntamento.",
            ),
            hinted(field("description_md", "Descrizione", Markdown, true), MARKDOWN_HINT),
            hinted(field("age_min", "Età minima", Number, false), "Vuota: nessun limite."),
            hinted(field("age_max", "Età massima", Number, false), "Vuota: nessun limite."),
            hinted(field("organiser", "Organizza", Text, true), "L'ente che organizza la giornata, per esempio «Centro per l'Impiego di Cremona»."),
        ],
    }
}
