//! Deleting a registration (rules AC-9, PV-6): personal data erased, an anonymous
//! tombstone kept so statistics still count the account.

use chrono::{DateTime, Utc};

use crate::{Result, Tx, in_tx};

/// Erases the account's personal data and everything that could identify the person.
pub async fn erase_user(tx: &mut Tx, user_ref: i64, now: DateTime<Utc>) -> Result<()> {
    const USER: &str = "UPDATE users SET state = 'deleted', user_id = 'deleted-' || CAST(id AS TEXT),
        user_key = 'deleted-' || CAST(id AS TEXT), password_hash = '', name = '', name_kana = '', address = '',
        email = '', phone = '', job_seeker_number = NULL, residence_status = NULL, stay_until = NULL, home_office = NULL, suspended_reason = NULL, locked_at = NULL, failures_locked_until = NULL, deleted_at = $2 WHERE id = $1";
    // Mail to the person (sent or waiting) carries their address, name and bookings; it
    // goes before the address itself is erased.
    const MAIL: &str = "DELETE FROM outbox WHERE lower(recipient) = (SELECT lower(email) FROM users WHERE id = $1)";
    const FAILURES: &str = "DELETE FROM sign_in_failures WHERE user_key = (SELECT user_key FROM users WHERE id = $1)";
    // The sign-in limit's row is named after the user ID.
    const ATTEMPT_KEY: &str =
        "DELETE FROM attempt_keys WHERE key = 'user:' || (SELECT user_key FROM users WHERE id = $1)";
    // AC-8: self-service reset requests are counted under the typed user ID and an address.
    const RESET_REQUESTS: &str =
        "DELETE FROM password_reset_requests WHERE user_key = (SELECT user_key FROM users WHERE id = $1)";
    const RESET_KEY: &str =
        "DELETE FROM attempt_keys WHERE key = 'reset-user:' || (SELECT user_key FROM users WHERE id = $1)";
    const CHILDREN: [&str; 11] = [
        "DELETE FROM sessions WHERE user_ref = $1",
        "DELETE FROM email_tokens WHERE user_ref = $1",
        "DELETE FROM inbox WHERE user_ref = $1",
        // Keep which terms were accepted and when (anonymous); drop the client address.
        "UPDATE terms_acceptances SET client_addr = '' WHERE user_ref = $1",
        // Bookings stay for statistics (PV-6) under the anonymous key only: the name and
        // job-seeker number given for identification, the companion and the topic go.
        "UPDATE reservations SET verify_name = '', verify_number = '', companion = '', topic = '' WHERE user_ref = $1",
        "UPDATE seminar_registrations SET verify_name = '', verify_number = '' WHERE user_ref = $1",
        // A restriction lift keeps when and by whom, not the reason typed about the person.
        "UPDATE restriction_lifts SET reason = '' WHERE user_ref = $1",
        // An open request is withdrawn: nobody is left to schedule it for.
        "UPDATE reservation_requests SET topic = '', decline_reason = '',
            state = CASE WHEN state = 'open' THEN 'withdrawn' ELSE state END WHERE user_ref = $1",
        // A second consultation allowed (BK-4) keeps its day, not the reason typed about the person.
        "UPDATE day_overrides SET reason = '' WHERE user_ref = $1",
        // The history of each booking (BK-16) keeps what happened and when, not the reasons
        // staff typed (an office's cancellation, an early end); 'moved' is the system's word.
        "UPDATE reservation_events SET note = '' WHERE note NOT IN ('', 'moved')
            AND reservation_id IN (SELECT id FROM reservations WHERE user_ref = $1)",
        "UPDATE seminar_registration_events SET note = '' WHERE note <> ''
            AND registration_id IN (SELECT id FROM seminar_registrations WHERE user_ref = $1)",
    ];
    // The audit keeps who looked at whom and when, and why (a purpose code, PV-4), but not
    // free text typed about the person (a suspension's or removal's reason), nor the user ID
    // a refused search typed.
    const AUDIT_TEXT: &str = "UPDATE audit_log SET detail = ''
        WHERE user_ref = $1 AND action NOT IN ('view_job_seeker', 'view_residence')";
    const AUDIT_SEARCHES: &str = "UPDATE audit_log SET detail = 'deleted' || substr(detail, length($1) + 1)
        WHERE action = 'search_denied' AND substr(detail, 1, length($1) + 1) = $1 || ':'";
    in_tx!(tx, |c| {
        let key: Option<String> = sqlx::query_scalar("SELECT user_key FROM users WHERE id = $1")
            .bind(user_ref)
            .fetch_optional(&mut *c)
            .await?;
        if let Some(key) = key {
            sqlx::query(AUDIT_SEARCHES).bind(key).execute(&mut *c).await?;
        }
        sqlx::query(AUDIT_TEXT).bind(user_ref).execute(&mut *c).await?;
        sqlx::query(MAIL).bind(user_ref).execute(&mut *c).await?;
        // The key's row first, as a sign-in takes it, so the two never wait for each other.
        sqlx::query(ATTEMPT_KEY).bind(user_ref).execute(&mut *c).await?;
        sqlx::query(FAILURES).bind(user_ref).execute(&mut *c).await?;
        sqlx::query(RESET_KEY).bind(user_ref).execute(&mut *c).await?;
        sqlx::query(RESET_REQUESTS).bind(user_ref).execute(&mut *c).await?;
        sqlx::query(USER).bind(user_ref).bind(now).execute(&mut *c).await?;
        for sql in CHILDREN {
            sqlx::query(sql).bind(user_ref).execute(&mut *c).await?;
        }
    });
    // Interviews (IV-5): shares, links and notes go; the employer's and job's data stay.
    crate::interviews::erase_user(tx, user_ref, now).await?;
    Ok(())
}
