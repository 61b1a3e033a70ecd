//! The knowledge base over HTTP: `GET /v1/indicators` (what is loaded, with sources),
//! `GET /v1/indicators/search` (an analyst's name lookup over the party watchlist) and
//! `POST /v1/indicators/reload` (rebuild and swap the knowledge base).
//!
//! Search runs inline on the HTTP worker rather than the blocking pool: one query is scored
//! against at most `CANDIDATES_PER_QUERY` candidates (well under a millisecond), which costs less
//! than the hop to another thread. Hits are grouped by listed entity (its best-scoring name or
//! alias) by `screening::search`, the same code `names search` uses.

use actix_web::{web, HttpResponse};
use serde::{Deserialize, Serialize};
use serde_json::json;

use crate::indicators::{EntityType, KbSummary, ListedEntity, Source};
use crate::names::NameKind;
use crate::screening::search::search_entities;
use crate::screening::Warning;
use crate::server::auth::Caller;
use crate::server::error::{ApiError, ErrorBody, ErrorCode};
use crate::server::state::{AppState, Reloaded};

/// Longest accepted query, in characters: longer than any listed name, short enough to bound work.
pub const MAX_QUERY_CHARS: usize = 200;
/// Hits returned when `limit` is not given.
pub const DEFAULT_LIMIT: usize = 10;
/// Most hits one query may ask for.
pub const MAX_LIMIT: usize = 100;
/// Lowest score shown to an analyst (the CLI's `names search` default): below it, names share
/// little more than common words.
pub const SEARCH_MIN_SCORE: f32 = 0.5;

/// What the knowledge base holds: version, counts by list, kind and tier, and every source with
/// its date and the number of indicators resting on it.
#[utoipa::path(
    get,
    path = "/v1/indicators",
    tag = "indicators",
    responses(
        (status = 200, description = "`kb.summary()`: `version` {id, content_hash, ofac_date, curated_date}, `list_age_days` (age of the OFAC list today), `max_list_age_days`, `warnings` (`STALE_LIST` when the list is older than that), `entities_by_list`, `indicators_by_tier`, `indicators_by_kind`, `ofac` statistics, `sources` [{source {title, date, url}, indicators}]", body = KbView),
        (status = 503, description = "not_ready", body = ErrorBody),
    )
)]
pub async fn summary(
    state: web::Data<AppState>,
    _caller: Caller,
) -> Result<HttpResponse, ApiError> {
    let screener = state.screener()?;
    Ok(HttpResponse::Ok().json(KbView {
        summary: screener.kb().summary(),
        list_age_days: screener.list_age_days(),
        max_list_age_days: screener.options().max_list_age_days,
        warnings: screener.list_warning().into_iter().collect(),
    }))
}

/// The knowledge-base summary with the age of its OFAC list as of today.
#[derive(Serialize, utoipa::ToSchema)]
pub struct KbView {
    #[serde(flatten)]
    pub summary: KbSummary,
    /// Days since the OFAC list's date (`null` when the list has no readable date).
    pub list_age_days: Option<i64>,
    /// The configured limit; an older list gives every result a `STALE_LIST` warning.
    pub max_list_age_days: u32,
    /// `STALE_LIST` when the list is older than the limit.
    pub warnings: Vec<Warning>,
}

/// Kinds of party a search may be limited to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum PartyKind {
    Person,
    Organization,
}

/// Query parameters of `GET /v1/indicators/search`.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SearchParams {
    /// The name to look up (1 to 200 characters), in any romanization or in Hangul.
    #[param(min_length = 1, max_length = 200)]
    pub q: String,
    /// Only people or only organizations.
    pub kind: Option<PartyKind>,
    /// Hits to return, 1 to 100 (default 10).
    #[param(minimum = 1, maximum = 100)]
    pub limit: Option<usize>,
}

/// The answer to a search.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct SearchAnswer {
    pub query: String,
    pub indicators_version: String,
    /// Best first; one per listed entity.
    pub hits: Vec<SearchHit>,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct SearchHit {
    /// Name similarity in [0, 1], three decimals.
    pub score: f32,
    /// The listed name or alias that matched.
    pub matched_name: String,
    /// True when the match is an exact match to one of OFAC's weak aliases (short or generic
    /// a.k.a.s): a possible match only, unless another field agrees.
    pub weak_alias: bool,
    pub entity: EntityView,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct EntityView {
    /// `ofac:<ent_num>`, `cbp:<slug>`, `inv:<slug>` or `treas:<slug>`.
    pub id: String,
    pub name: String,
    /// `person` or `organization`.
    pub entity_type: String,
    /// `ofac_north_korea`, `ofac_other`, `cbp_enforcement` or `reported_employer`.
    pub list: String,
    /// Evidence tier: `gov_designation`, `gov_enforcement`, `investigative_report`, `advisory`.
    pub tier: String,
    pub programs: Vec<String>,
    pub source: SourceView,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct SourceView {
    pub title: String,
    pub date: String,
    pub url: String,
}

impl From<&Source> for SourceView {
    fn from(source: &Source) -> SourceView {
        SourceView {
            title: source.title.clone(),
            date: source.date.clone(),
            url: source.url.clone(),
        }
    }
}

impl From<&ListedEntity> for EntityView {
    fn from(e: &ListedEntity) -> EntityView {
        let entity_type = match e.entity_type {
            EntityType::Person => "person",
            EntityType::Organization => "organization",
            EntityType::Vessel => "vessel",
            EntityType::Aircraft => "aircraft",
        };
        EntityView {
            id: e.id.clone(),
            name: e.name.clone(),
            entity_type: entity_type.to_owned(),
            list: e.list.as_str().to_owned(),
            tier: e.tier.as_str().to_owned(),
            programs: e.programs.clone(),
            source: (&e.source).into(),
        }
    }
}

/// Look up a name in the party watchlist.
///
/// Uses the same matcher as screening (romanization keys, Hangul, weighted alignment). A hit is
/// a lead for review, not a finding about the party.
#[utoipa::path(
    get,
    path = "/v1/indicators/search",
    tag = "indicators",
    params(SearchParams),
    responses(
        (status = 200, description = "Hits, best first", body = SearchAnswer),
        (status = 400, description = "invalid_query", body = ErrorBody),
        (status = 503, description = "not_ready", body = ErrorBody),
    )
)]
pub async fn search(
    params: web::Query<SearchParams>,
    state: web::Data<AppState>,
    _caller: Caller,
) -> Result<HttpResponse, ApiError> {
    let params = params.into_inner();
    let (query, limit) = validate(&params)?;
    let screener = state.screener()?;
    let entities = &screener.kb().entities;
    let kind = params.kind.map(|k| match k {
        PartyKind::Person => NameKind::Person,
        PartyKind::Organization => NameKind::Organization,
    });
    let hits: Vec<SearchHit> =
        search_entities(screener.parties(), query, kind, SEARCH_MIN_SCORE, limit)
            .into_iter()
            .filter_map(|hit| {
                Some(SearchHit {
                    score: (hit.score * 1000.0).round() / 1000.0,
                    matched_name: hit.matched_name,
                    weak_alias: hit.weak_alias,
                    entity: entities.get(hit.entity)?.into(),
                })
            })
            .collect();
    Ok(HttpResponse::Ok().json(SearchAnswer {
        query: query.to_owned(),
        indicators_version: screener.kb().version.id.clone(),
        hits,
    }))
}

/// The trimmed query and the limit, or `invalid_query` saying which parameter is wrong.
fn validate(params: &SearchParams) -> Result<(&str, usize), ApiError> {
    let invalid = |parameter: &str, message: String| {
        ApiError::new(ErrorCode::InvalidQuery, message)
            .with_details(vec![json!({ "parameter": parameter })])
    };
    let query = params.q.trim();
    if query.is_empty() {
        return Err(invalid(
            "q",
            "`q` is empty: give the name to look up, e.g. ?q=Korea+Ryonbong".to_owned(),
        ));
    }
    let chars = query.chars().count();
    if chars > MAX_QUERY_CHARS {
        return Err(invalid(
            "q",
            format!("`q` has {chars} characters; at most {MAX_QUERY_CHARS} are accepted"),
        ));
    }
    let limit = params.limit.unwrap_or(DEFAULT_LIMIT);
    if !(1..=MAX_LIMIT).contains(&limit) {
        return Err(invalid(
            "limit",
            format!("`limit={limit}` is out of range: use 1 to {MAX_LIMIT}"),
        ));
    }
    Ok((query, limit))
}

/// Rebuild the knowledge base and swap it in.
///
/// Loads from the configured `indicators` path (or the built-in knowledge base) on a blocking
/// thread; requests in flight finish on the version they started with. On failure the previous
/// version stays in service. Also triggered by SIGHUP.
#[utoipa::path(
    post,
    path = "/v1/indicators/reload",
    tag = "indicators",
    responses(
        (status = 200, description = "The version now in service", body = Reloaded),
        (status = 401, description = "unauthorized", body = ErrorBody),
        (status = 403, description = "forbidden: the key is not an admin key", body = ErrorBody),
        (status = 500, description = "reload_failed: the previous version stays in service", body = ErrorBody),
    )
)]
pub async fn reload(state: web::Data<AppState>, caller: Caller) -> Result<HttpResponse, ApiError> {
    caller.require_admin("reloading the knowledge base")?;
    tracing::info!(by = %caller.name, tenant = %caller.tenant, "reload requested");
    Ok(HttpResponse::Ok().json(state.reload().await?))
}
