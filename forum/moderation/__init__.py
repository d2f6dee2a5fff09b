"""Moderation: hiding and restoring posts, pinning and locking threads, and the
audit log that records every moderation and admin action."""
