-- AC-10: when the notice before deletion for inactivity was sent (cleared by a sign-in).
ALTER TABLE users ADD COLUMN inactivity_notice_at TIMESTAMPTZ;
