// Portable schema shared by SQLite and PostgreSQL: text ids, naive UTC timestamps.

diesel::table! {
    tenants (id) {
        id -> Text,
        name -> Text,
        api_key_hash -> Text,
        api_key_prefix -> Text,
        webhook_url -> Nullable<Text>,
        webhook_secret_enc -> Text,
        webhook_secret_key_id -> Text,
        redirect_urls -> Text,
        activity_url_template -> Nullable<Text>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        previous_webhook_secret_enc -> Nullable<Text>,
        previous_webhook_secret_key_id -> Nullable<Text>,
        previous_webhook_secret_until -> Nullable<Timestamp>,
        webhook_disabled_at -> Nullable<Timestamp>,
        webhook_failures -> Integer,
        webhook_open_until -> Nullable<Timestamp>,
        previous_api_key_hash -> Nullable<Text>,
        previous_api_key_until -> Nullable<Timestamp>,
        webhook_events -> Text,
    }
}

diesel::table! {
    connect_sessions (id) {
        id -> Text,
        tenant_id -> Text,
        user_id -> Text,
        redirect_url -> Nullable<Text>,
        scopes -> Text,
        status -> Text,
        error -> Nullable<Text>,
        created_at -> Timestamp,
        expires_at -> Timestamp,
        used_at -> Nullable<Timestamp>,
        completed_at -> Nullable<Timestamp>,
        extra_trips -> Integer,
        athlete_id -> Nullable<Text>,
        prior_scopes -> Nullable<Text>,
        owed_scopes -> Nullable<Text>,
    }
}

diesel::table! {
    /// Partner dashboard sessions: the SHA-256 of the cookie's token, never the token.
    dashboard_sessions (token_hash) {
        token_hash -> Text,
        tenant_id -> Text,
        csrf_token -> Text,
        created_at -> Timestamp,
        expires_at -> Timestamp,
        api_key_hash -> Text,
    }
}

diesel::table! {
    tokens (id) {
        id -> Text,
        client_id -> Text,
        athlete_id -> Text,
        athlete_name -> Nullable<Text>,
        access_token_enc -> Text,
        key_id -> Text,
        scopes -> Text,
        status -> Text,
        status_reason -> Nullable<Text>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    connections (id) {
        id -> Text,
        tenant_id -> Text,
        user_id -> Text,
        athlete_id -> Text,
        token_id -> Text,
        scopes -> Text,
        connected_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    events (id) {
        id -> Text,
        tenant_id -> Text,
        user_id -> Nullable<Text>,
        athlete_id -> Nullable<Text>,
        event_type -> Text,
        payload -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    uploads (id) {
        id -> Text,
        tenant_id -> Text,
        athlete_id -> Text,
        user_id -> Text,
        external_id -> Text,
        status -> Text,
        activity_id -> Nullable<Text>,
        activity_ids -> Nullable<Text>,
        duplicate -> Bool,
        file_sha256 -> Nullable<Text>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        instance_id -> Nullable<Text>,
    }
}

diesel::table! {
    planned_workouts (id) {
        id -> Text,
        tenant_id -> Text,
        user_id -> Text,
        external_id -> Text,
        event_id -> Text,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    wellness_records (id) {
        id -> Text,
        tenant_id -> Text,
        user_id -> Text,
        athlete_id -> Text,
        day -> Text,
        fields -> Text,
        version -> BigInt,
        pushed_version -> BigInt,
        push_now -> Bool,
        last_error -> Nullable<Text>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        pushed_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    inbound_events (id) {
        id -> Text,
        dedupe_hash -> Text,
        athlete_id -> Nullable<Text>,
        event_type -> Text,
        payload -> Text,
        received_at -> Timestamp,
        routed_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    webhook_deliveries (id) {
        id -> Text,
        event_id -> Text,
        tenant_id -> Text,
        url -> Text,
        status -> Text,
        attempts -> Integer,
        next_attempt_at -> Nullable<Timestamp>,
        last_status_code -> Nullable<Integer>,
        last_error -> Nullable<Text>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        delivered_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    webhook_attempts (id) {
        id -> Text,
        delivery_id -> Text,
        attempt -> Integer,
        status_code -> Nullable<Integer>,
        error -> Nullable<Text>,
        latency_ms -> BigInt,
        created_at -> Timestamp,
    }
}

diesel::table! {
    cache_generations (athlete_id, area) {
        athlete_id -> Text,
        area -> Text,
        generation -> BigInt,
        changed_at -> Timestamp,
    }
}

diesel::table! {
    idempotency_keys (tenant_id, idempotency_key) {
        tenant_id -> Text,
        idempotency_key -> Text,
        request_hash -> Text,
        status -> Nullable<Integer>,
        content_type -> Nullable<Text>,
        body -> Nullable<Text>,
        created_at -> Timestamp,
    }
}

diesel::joinable!(webhook_deliveries -> events (event_id));
diesel::joinable!(webhook_attempts -> webhook_deliveries (delivery_id));
diesel::joinable!(connections -> tokens (token_id));
diesel::joinable!(connections -> tenants (tenant_id));
diesel::joinable!(connect_sessions -> tenants (tenant_id));
diesel::joinable!(dashboard_sessions -> tenants (tenant_id));
diesel::allow_tables_to_appear_in_same_query!(
    tenants,
    dashboard_sessions,
    connect_sessions,
    tokens,
    connections,
    events,
    uploads,
    planned_workouts,
    wellness_records,
    inbound_events,
    webhook_deliveries,
    webhook_attempts
);

diesel::table! {
    jobs (id) {
        id -> Text,
        queue -> Text,
        kind -> Text,
        payload -> Text,
        status -> Text,
        attempts -> Integer,
        max_attempts -> Integer,
        run_at -> Timestamp,
        locked_until -> Nullable<Timestamp>,
        locked_by -> Nullable<Text>,
        last_error -> Nullable<Text>,
        dedupe_key -> Nullable<Text>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        finished_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    job_slots (name, slot) {
        name -> Text,
        slot -> Text,
        claimed_by -> Text,
        claimed_at -> Timestamp,
    }
}

diesel::table! {
    upstream_usage (day, athlete_id) {
        day -> Text,
        athlete_id -> Text,
        calls -> BigInt,
    }
}

diesel::table! {
    bridge_instances (id) {
        id -> Text,
        started_at -> Timestamp,
        last_seen -> Timestamp,
    }
}

diesel::table! {
    /// SQLite only: bumped by triggers when tenants, tokens or connections change.
    auth_epoch (id) {
        id -> Integer,
        version -> BigInt,
    }
}
