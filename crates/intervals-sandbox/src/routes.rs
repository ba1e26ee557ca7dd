//! Every route of the sandbox in one place, relative to where it is mounted, with the middleware
//! around `/api` (request log, rate limit, outage, faults, webhook release) and `/_sandbox`
//! (webhook release).

use actix_web::body::BoxBody;
use actix_web::dev::{Service, ServiceResponse};
use actix_web::http::StatusCode;
use actix_web::{web, HttpMessage, HttpRequest, HttpResponse, Resource};
use chrono::Utc;
use futures_util::future::{ready, Either};

use crate::errors::{control_not_found, not_simulated, spring_error};
use crate::handlers::{
    activities, athlete, calendar, control, day, event_writes, events, index, oauth,
    sport_settings, webhooks, wellness,
};
use crate::operations::{match_operation, Operation};

use crate::outbox::release_after;
use crate::pages;
use crate::request::{upstream_path, UpstreamPath};
use crate::store::gate::Admission;
use crate::store::requests::LoggedRequest;
use crate::store::Shared;

pub(crate) fn configure(cfg: &mut web::ServiceConfig, sandbox: &Shared) {
    // Data is attached per resource and scope rather than through `cfg.app_data` so that
    // mounting at the root of someone else's app adds nothing app-wide.
    cfg.service(
        web::resource("/oauth/authorize")
            .app_data(sandbox.clone())
            .route(web::get().to(oauth::authorize_page))
            .route(web::post().to(oauth::authorize_submit))
            .default_service(web::to(pages::method_not_allowed)),
    );
    let gate = sandbox.clone();
    cfg.service(
        web::scope("/api")
            .app_data(sandbox.clone())
            .configure(api)
            .default_service(web::to(api_not_found))
            .wrap_fn(move |req, srv| {
                let path = format!("/api{}", req.match_info().unprocessed());
                let header = |name| {
                    req.headers()
                        .get(name)
                        .and_then(|v| v.to_str().ok())
                        .map(str::to_owned)
                };
                let mut entry = LoggedRequest {
                    method: req.method().to_string(),
                    path: path.clone(),
                    query: req.query_string().to_owned(),
                    time: Utc::now(),
                    status: 0,
                    user_agent: header(actix_web::http::header::USER_AGENT),
                    content_type: header(actix_web::http::header::CONTENT_TYPE),
                };
                let ip = req.peer_addr().map(|a| a.ip());
                let Admission {
                    answer,
                    replace,
                    latency,
                } = gate.gate.admit(&path, req.method(), ip);
                req.extensions_mut().insert(UpstreamPath(path));
                let fut = match answer {
                    Some(res) => Either::Left(ready(Ok::<ServiceResponse<BoxBody>, _>(
                        req.into_response(res),
                    ))),
                    None => Either::Right(srv.call(req)),
                };
                let sandbox = gate.clone();
                async move {
                    let mut res = fut.await;
                    // Phase "after": the handler did its work; the client sees only the error.
                    if let Some(replacement) = replace {
                        res = res.map(|r| r.into_response(replacement));
                    }
                    if !latency.is_zero() {
                        actix_web::rt::time::sleep(latency).await;
                    }
                    entry.status = match &res {
                        Ok(r) => r.status().as_u16(),
                        Err(e) => e.as_response_error().status_code().as_u16(),
                    };
                    sandbox.requests.push(entry);
                    // Even after an injected "after" error: the work was done.
                    res.map(|r| release_after(&sandbox, r))
                }
            }),
    );
    let controls = sandbox.clone();
    cfg.service(
        web::scope("/_sandbox")
            .app_data(sandbox.clone())
            .configure(control)
            .default_service(web::to(control_not_found))
            .wrap_fn(move |req, srv| {
                let sandbox = controls.clone();
                let fut = srv.call(req);
                async move { fut.await.map(|r| release_after(&sandbox, r)) }
            }),
    );
}

/// An upstream resource: a method it does not take is Spring's 405.
fn upstream(path: &str) -> Resource {
    web::resource(path).default_service(web::to(method_not_allowed))
}

/// Under `/api`, as Intervals.icu names them.
fn api(cfg: &mut web::ServiceConfig) {
    // Bulk wellness pushes are larger than actix's default body cap.
    let wellness_limit = web::PayloadConfig::new(wellness::MAX_BODY_BYTES);
    // Workout files travel base64-encoded inside event JSON.
    let events_limit = web::PayloadConfig::new(event_writes::MAX_BODY_BYTES);
    cfg.service(upstream("/oauth/token").route(web::post().to(oauth::token)))
        .service(upstream("/v1/athlete/{id}").route(web::get().to(athlete::get_athlete)))
        .service(upstream("/v1/athlete/{id}/profile").route(web::get().to(athlete::get_profile)))
        .service(upstream("/v1/athlete/{id}/event-tags").route(web::get().to(events::tags)))
        .service(upstream("/v1/athlete/{id}/activity-tags").route(web::get().to(activities::tags)))
        .service(upstream("/v1/disconnect-app").route(web::delete().to(athlete::disconnect)))
        .service(
            upstream("/v1/athlete/{id}/activities")
                .route(web::get().to(activities::list))
                .route(web::post().to(activities::upload)),
        )
        .service(
            upstream("/v1/activity/{id}")
                .route(web::get().to(activities::get_one))
                .route(web::put().to(activities::update))
                .route(web::delete().to(activities::delete)),
        )
        // Before `/activities/{ids}`, which would otherwise take `manual` as an id.
        .service(
            upstream("/v1/athlete/{id}/activities/manual")
                .route(web::post().to(activities::create_manual)),
        )
        .service(upstream("/v1/athlete/{id}/activities.csv").route(web::get().to(activities::csv)))
        .service(
            upstream("/v1/athlete/{id}/activities/{ids}").route(web::get().to(activities::by_ids)),
        )
        .service(upstream("/v1/activity/{id}/file").route(web::get().to(activities::original_file)))
        .service(upstream("/v1/activity/{id}/fit-file").route(web::get().to(activities::fit_file)))
        .service(upstream("/v1/activity/{id}/gpx-file").route(web::get().to(activities::gpx_file)))
        .service(
            upstream("/v1/activity/{id}/intervals").route(web::get().to(activities::intervals)),
        )
        // `/streams{ext}` upstream: no suffix and `.json` answer JSON, `.csv` CSV.
        .service(upstream("/v1/activity/{id}/streams").route(web::get().to(activities::streams)))
        .service(
            upstream("/v1/activity/{id}/streams.json").route(web::get().to(activities::streams)),
        )
        .service(
            upstream("/v1/activity/{id}/streams.csv").route(web::get().to(activities::streams)),
        )
        // `/events{format}` upstream: no suffix and `.json` both answer JSON, `.csv` CSV.
        .service(
            upstream("/v1/athlete/{id}/events")
                .app_data(events_limit.clone())
                .route(web::get().to(events::list))
                .route(web::post().to(event_writes::create_one))
                .route(web::put().to(event_writes::update_range))
                .route(web::delete().to(event_writes::delete_range)),
        )
        .service(
            upstream("/v1/athlete/{id}/workouts.zip").route(web::get().to(events::workouts_zip)),
        )
        .service(upstream("/v1/athlete/{id}/events.json").route(web::get().to(events::list)))
        .service(upstream("/v1/athlete/{id}/events.csv").route(web::get().to(events::list)))
        // Before `/events/{event_id}`, which would otherwise take these names as ids.
        .service(
            upstream("/v1/athlete/{id}/events/bulk")
                .app_data(events_limit.clone())
                .route(web::post().to(event_writes::bulk)),
        )
        .service(
            upstream("/v1/athlete/{id}/events/bulk-delete")
                .route(web::put().to(event_writes::bulk_delete)),
        )
        .service(
            upstream("/v1/athlete/{id}/events/{event_id}")
                .app_data(events_limit)
                .route(web::get().to(events::get_one))
                .route(web::put().to(event_writes::update))
                .route(web::delete().to(event_writes::delete_one)),
        )
        .service(
            upstream("/v1/athlete/{id}/events/{event_id}/download{ext}")
                .route(web::get().to(events::download)),
        )
        .service(
            upstream("/v1/athlete/{id}/sport-settings").route(web::get().to(sport_settings::list)),
        )
        .service(
            upstream("/v1/athlete/{id}/sport-settings/{settings_id}")
                .route(web::get().to(sport_settings::get_one))
                .route(web::put().to(sport_settings::update)),
        )
        .service(
            upstream("/v1/athlete/{id}/wellness-bulk")
                .app_data(wellness_limit.clone())
                .route(web::put().to(wellness::put_bulk)),
        )
        // `/wellness{ext}` upstream: no suffix and `.json` both answer JSON; the bare path also
        // takes a PUT of one record whose `id` names the day.
        .service(
            upstream("/v1/athlete/{id}/wellness")
                .app_data(wellness_limit.clone())
                .route(web::get().to(wellness::list))
                .route(web::put().to(wellness::put_by_body_id))
                .route(web::post().to(wellness::upload_csv)),
        )
        .service(upstream("/v1/athlete/{id}/wellness.json").route(web::get().to(wellness::list)))
        .service(upstream("/v1/athlete/{id}/wellness.csv").route(web::get().to(wellness::list)))
        .service(
            upstream("/v1/athlete/{id}/wellness/{date}")
                .app_data(wellness_limit)
                .route(web::get().to(wellness::get_one))
                .route(web::put().to(wellness::put_one)),
        );
}

/// Under `/_sandbox`: the test controls, listed in the crate documentation.
fn control(cfg: &mut web::ServiceConfig) {
    cfg.service(web::resource("").route(web::get().to(index::index)))
        .service(web::resource("/").route(web::get().to(index::index)));
    cfg.service(
        web::resource("/requests")
            .route(web::get().to(control::requests))
            .route(web::delete().to(control::clear_requests)),
    )
    .service(web::resource("/clients").route(web::post().to(control::register_client)))
    .service(web::resource("/settings").route(web::post().to(control::settings)))
    .service(web::resource("/codes/expire").route(web::post().to(control::expire_codes)))
    .service(web::resource("/tokens").route(web::get().to(control::tokens)))
    .service(web::resource("/tokens/mint").route(web::post().to(control::mint)))
    .service(web::resource("/tokens/revoke").route(web::post().to(control::revoke)))
    .service(web::resource("/outage").route(web::post().to(control::outage)))
    .service(web::resource("/athletes").route(web::get().to(control::athletes)))
    .service(
        web::resource("/day")
            .route(web::get().to(day::status))
            .route(web::post().to(day::start))
            .route(web::delete().to(day::stop)),
    )
    .service(web::resource("/athletes/{id}").route(web::get().to(control::athlete)))
    .service(web::resource("/athletes/{id}/change").route(web::post().to(day::change)))
    .service(web::resource("/athletes/{id}/changes").route(web::get().to(day::changes)))
    .service(
        web::resource("/faults")
            .route(web::get().to(control::get_faults))
            .route(web::post().to(control::set_faults))
            .route(web::delete().to(control::reset_faults)),
    )
    .service(
        web::resource("/stats")
            .route(web::get().to(control::stats))
            .route(web::delete().to(control::reset_stats)),
    )
    .service(web::resource("/activities/{athlete_id}").route(web::get().to(control::activities)))
    .service(web::resource("/tokens/scope").route(web::post().to(control::narrow_scope)))
    .service(web::resource("/coaches").route(web::post().to(control::add_coach)))
    .service(web::resource("/wellness/{athlete_id}").route(web::get().to(wellness::stored)))
    .service(
        web::resource("/wellness-pushes")
            .route(web::get().to(wellness::pushes))
            .route(web::delete().to(wellness::clear_pushes)),
    )
    .service(
        web::resource("/webhooks")
            .route(web::get().to(webhooks::list_configs))
            .route(web::post().to(webhooks::set_config))
            .route(web::delete().to(webhooks::remove_configs)),
    )
    .service(
        web::resource("/webhooks/log")
            .route(web::get().to(webhooks::get_log))
            .route(web::delete().to(webhooks::clear_log)),
    )
    .service(web::resource("/webhooks/trigger").route(web::post().to(webhooks::trigger)))
    .service(
        web::resource("/calendar/{athlete_id}")
            .route(web::get().to(calendar::show))
            .route(web::post().to(calendar::edit)),
    );
}

/// The operations of Intervals.icu's OpenAPI document that the routes above serve, by
/// `operationId`. Every other operation of the document answers 501 naming it; the README's
/// list is generated from this one (and checked by a test).
pub(crate) const SERVED: &[&str] = &[
    "getAthlete",
    "getAthleteProfile",
    "listTags_1",
    "listTags_2",
    "updateEvents",
    "disconnectApp",
    "listActivities",
    "uploadActivity",
    "getActivity",
    "deleteActivity",
    "updateActivity",
    "createManualActivity",
    "downloadActivitiesAsCSV",
    "getActivities",
    "downloadActivityFile",
    "downloadActivityFitFile",
    "downloadActivityGpxFile",
    "getIntervals",
    "getActivityStreams",
    "listEvents",
    "createEvent",
    "deleteEvents",
    "downloadWorkouts",
    "createMultipleEvents",
    "deleteEventsBulk",
    "showEvent",
    "updateEvent",
    "deleteEvent",
    "downloadWorkout_1",
    "listSettings",
    "getSettings_1",
    "updateSettings",
    "updateWellnessBulk",
    "listWellnessRecords",
    "uploadWellness",
    "updateWellness_1",
    "getRecord",
    "updateWellness",
];

/// A documented operation that no route above took because the sandbox does not serve it.
fn unserved_operation(req: &HttpRequest) -> Option<&'static Operation> {
    match_operation(req.method().as_str(), &upstream_path(req))
        .filter(|op| !SERVED.contains(&op.operation_id))
}

/// Unknown paths under `/api/`: 501 for an operation of the document the sandbox does not
/// simulate, else Spring's 404 with the upstream path.
async fn api_not_found(req: HttpRequest) -> HttpResponse {
    match unserved_operation(&req) {
        Some(op) => not_simulated(op),
        None => spring_error(StatusCode::NOT_FOUND, &upstream_path(&req)),
    }
}

/// A known `/api/` path with a method it does not take: 501 for an operation of the document
/// the sandbox does not simulate, else Spring's 405.
async fn method_not_allowed(req: HttpRequest) -> HttpResponse {
    match unserved_operation(&req) {
        Some(op) => not_simulated(op),
        None => spring_error(StatusCode::METHOD_NOT_ALLOWED, &upstream_path(&req)),
    }
}

#[cfg(test)]
mod tests {
    use super::SERVED;
    use crate::operations::by_id;

    #[test]
    fn every_served_operation_is_in_the_document_once() {
        for (i, id) in SERVED.iter().enumerate() {
            assert!(
                by_id(id).is_some(),
                "{id} is not an operation of the document"
            );
            assert!(!SERVED[..i].contains(id), "{id} is listed twice");
        }
    }
}
