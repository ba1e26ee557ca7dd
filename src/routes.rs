//! Every route of the bridge, registered in one place.

use actix_web::web;

use crate::errors;
use crate::{api, connect, ops};

/// JSON bodies of the partner API are small; uploads have their own limits.
const JSON_LIMIT: usize = 256 * 1024;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.app_data(
        web::JsonConfig::default()
            .limit(JSON_LIMIT)
            .error_handler(errors::json_error_handler),
    )
    .app_data(web::QueryConfig::default().error_handler(errors::query_error_handler))
    .app_data(web::PathConfig::default().error_handler(errors::path_error_handler))
    .app_data(
        web::FormConfig::default()
            .limit(16 * 1024)
            .error_handler(errors::form_error_handler),
    )
    // Operations
    .route("/healthz", web::get().to(ops::healthz))
    .route("/readyz", web::get().to(ops::readyz))
    .route("/metrics", web::get().to(ops::metrics))
    .route("/openapi.json", web::get().to(ops::openapi_json))
    .route("/docs", web::get().to(ops::docs))
    .route("/assets/bridge.css", web::get().to(ops::stylesheet))
    // Browser flow
    .route("/connect/{token}", web::get().to(connect::consent_page))
    .route("/connect/{token}", web::post().to(connect::consent_submit))
    .route("/oauth/callback", web::get().to(connect::callback))
    .route(
        "/links/activities/{external_id}",
        web::get().to(api::activities::link_back),
    )
    // Intervals.icu's webhooks
    .service(
        web::resource("/webhooks/intervals")
            .app_data(web::PayloadConfig::new(api::intervals_webhook::BODY_LIMIT))
            .route(web::post().to(api::intervals_webhook::receive)),
    )
    // Partner API
    .service(
        web::scope("/v1")
            .route(
                "/connect-sessions",
                web::post().to(api::connect_sessions::create),
            )
            .route("/users", web::get().to(api::users::list))
            .route("/users/{user_id}", web::get().to(api::users::get))
            .route("/users/{user_id}", web::delete().to(api::users::delete))
            .route(
                "/users/{user_id}/activities",
                web::post().to(api::activities::upload),
            )
            .route(
                "/users/{user_id}/activities",
                web::get().to(api::activities::list),
            )
            .route(
                "/users/{user_id}/activities/{activity_id}/file",
                web::get().to(api::activities::original_file),
            )
            .route(
                "/users/{user_id}/activities/{activity_id}/fit-file",
                web::get().to(api::activities::fit_file),
            )
            .route(
                "/users/{user_id}/workouts",
                web::get().to(api::workouts::list),
            )
            .route(
                "/users/{user_id}/workouts/{event_id}/file",
                web::get().to(api::workouts::file),
            )
            .route(
                "/users/{user_id}/wellness",
                web::put().to(api::wellness::intake),
            )
            .route(
                "/users/{user_id}/wellness",
                web::get().to(api::wellness::read),
            )
            .route(
                "/users/{user_id}/wellness/pending",
                web::get().to(api::wellness::pending),
            )
            .route("/webhook-deliveries", web::get().to(api::deliveries::list))
            .route(
                "/webhook-deliveries/{id}/retry",
                web::post().to(api::deliveries::retry),
            ),
    );
}
