//! Every route of the bridge, registered in one place. The documented ones are `service`s of
//! handlers annotated with `#[utoipa::path]`, so this table is also the OpenAPI document's list
//! of operations (`openapi::document`); the browser flow, the partner dashboard, the link-back
//! and Intervals.icu's webhook receiver are plain routes that the partner document leaves out.

use actix_web::web;
use utoipa_actix_web::scope;
use utoipa_actix_web::service_config::ServiceConfig;

use crate::web::errors;
use crate::web::{api, connect, dashboard, docs, ops};

/// JSON bodies of the partner API are small; uploads have their own limits.
const JSON_LIMIT: usize = 256 * 1024;

pub fn configure(cfg: &mut ServiceConfig) {
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
    .service(ops::healthz)
    .service(ops::readyz)
    .route("/metrics", web::get().to(ops::metrics))
    .route("/openapi.json", web::get().to(ops::openapi_json))
    .route("/docs", web::get().to(docs::docs))
    .route("/assets/bridge.css", web::get().to(docs::stylesheet))
    .route(
        "/assets/dashboard.css",
        web::get().to(dashboard::stylesheet),
    )
    .route("/assets/docs.css", web::get().to(docs::docs_stylesheet))
    // Browser flow
    .route("/connect/{token}", web::get().to(connect::consent_page))
    .route("/connect/{token}", web::post().to(connect::consent_submit))
    .route("/oauth/callback", web::get().to(connect::callback))
    .route("/oauth/top-up", web::post().to(connect::top_up_submit))
    .route(
        "/links/activities/{external_id}",
        web::get().to(api::activities::link_back),
    )
    // Partner dashboard
    .map(|cfg| {
        cfg.service(
            web::scope("/dashboard")
                .app_data(web::PayloadConfig::new(dashboard::BODY_LIMIT))
                .route("", web::get().to(dashboard::index))
                .route("/sign-in", web::post().to(dashboard::sign_in))
                .route("/sign-out", web::post().to(dashboard::sign_out))
                .route("/users", web::get().to(dashboard::users))
                .route("/users/{user_id}", web::get().to(dashboard::user))
                .route(
                    "/users/{user_id}/connect-link",
                    web::post().to(dashboard::connect_link),
                )
                .route(
                    "/users/{user_id}/disconnect",
                    web::post().to(dashboard::disconnect),
                )
                .route("/deliveries", web::get().to(dashboard::deliveries))
                .route("/deliveries/{id}", web::get().to(dashboard::delivery))
                .route("/deliveries/{id}/resend", web::post().to(dashboard::resend))
                .route("/settings", web::get().to(dashboard::settings))
                .route("/settings", web::post().to(dashboard::save_settings))
                .route(
                    "/settings/webhook-secret",
                    web::post().to(dashboard::rotate_webhook_secret),
                )
                .route(
                    "/settings/webhook-secret/reveal",
                    web::post().to(dashboard::reveal_webhook_secret),
                )
                .route(
                    "/settings/api-key",
                    web::post().to(dashboard::rotate_api_key),
                )
                .route(
                    "/settings/test-event",
                    web::post().to(dashboard::send_test_event),
                ),
        )
    })
    // Intervals.icu's webhooks
    .map(|cfg| {
        cfg.service(
            web::resource("/webhooks/intervals")
                .app_data(web::PayloadConfig::new(api::intervals_webhook::BODY_LIMIT))
                .route(web::post().to(api::intervals_webhook::receive)),
        )
    })
    // The passthrough: every method, before the partner API's scope (which would answer 404).
    .map(|cfg| {
        cfg.service(
            web::resource("/v1/users/{user_id}/icu/{tail:.*}")
                .route(web::route().to(api::passthrough::forward)),
        )
    })
    // Partner API
    .service(
        scope::scope("/v1")
            .service(api::connect_sessions::create)
            .service(api::users::list)
            .service(api::users::get)
            .service(api::users::delete)
            .service(api::activities::upload)
            .service(api::activities::list)
            .service(api::activities::original_file)
            .service(api::activities::fit_file)
            .service(api::activities::get_one)
            .service(api::activities::delete_one)
            .service(api::workouts::list)
            .service(api::workouts::upsert)
            .service(api::workouts::delete)
            .service(api::workouts::file)
            .service(api::sport_settings::list)
            .service(api::wellness::intake)
            .service(api::wellness::read)
            .service(api::wellness::pending)
            .service(api::tenant::get)
            .service(api::tenant::update)
            .service(api::tenant::rotate_webhook_secret)
            .service(api::tenant::rotate_api_key)
            .service(api::deliveries::list)
            .service(api::deliveries::retry)
            .service(api::webhook_test::send),
    );
}
