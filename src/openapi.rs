//! The OpenAPI document: generated from the handlers' annotations as the route table registers
//! them, so a route and its documentation cannot drift apart.

use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .description(Some(
                        "The tenant API key from `intervals-bridge tenant create`.",
                    ))
                    .build(),
            ),
        );
    }
}

#[derive(OpenApi)]
#[openapi(
    info(
        title = "intervals-bridge",
        description = "One REST API for partner apps to work with their users' Intervals.icu accounts. \
Errors are RFC 9457 application/problem+json with a stable `type`.",
    ),
    modifiers(&BearerAuth),
    tags(
        (name = "connect", description = "Start the browser connect flow"),
        (name = "users", description = "Connected users"),
        (name = "activities", description = "Upload completed activities; read activities and their files"),
        (name = "workouts", description = "Planned workouts and their files"),
        (name = "wellness", description = "Wellness handed to us and pushed to Intervals.icu nightly"),
        (name = "webhooks", description = "The outbound webhook log (Standard Webhooks, signed with the tenant's whsec_ secret)"),
        (name = "operations", description = "Health and documentation"),
    )
)]
pub struct ApiDoc;

/// The document's frame: title, description, tags and the bearer scheme. Its operations come
/// from the route table.
pub fn base() -> utoipa::openapi::OpenApi {
    ApiDoc::openapi()
}
