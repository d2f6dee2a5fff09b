"""Every permission the forum checks, named once. Values are "<resource>:<action>"."""

from enum import StrEnum


class Permission(StrEnum):
    AUDIT_READ = "admin:audit:read"
    ADMIN_AREA = "admin:area"
    BOARD_MODERATORS_MANAGE = "admin:board-moderators"
    BOARD_READ = "board:read"
    CASE_ASSIGN = "case:assign"
    CASE_HISTORY_READ = "case:history:read"
    CASE_OPEN = "case:open"
    CASE_PUBLISH = "case:publish"
    CUSTOMER_VERIFY = "customer:verify"
    FAQ_OBJECT = "faq:object"
    INCIDENT_MANAGE = "incident:manage"
    NAME_IMITATIONS = "moderation:name-imitations"
    OFFICIAL_NAME = "profile:official-name"
    POST_EDIT = "post:edit"
    POST_HIDE = "post:hide"
    POST_REPORT = "post:report"
    REPORT_QUEUE = "moderation:reports"
    SEARCH_ADMIN = "admin:search"
    POST_READ = "post:read"
    STAFF_NOTE_READ = "staff-note:read"
    STAFF_NOTE_WRITE = "staff-note:write"
    STAFF_QUEUE = "staff:queue"
    STAFF_VERIFY = "admin:staff:write"
    THREAD_AFFECTED = "thread:affected"
    THREAD_CLOSE = "thread:close"
    THREAD_CREATE = "thread:create"
    THREAD_MODERATE = "thread:moderate"
    THREAD_READ = "thread:read"
    USER_MODERATE = "moderation:users"
    THREAD_REPLY = "thread:reply"
    THREAD_SOLVE = "thread:solve"
    TRASH_MANAGE = "admin:trash"


# Permissions about the forum as a whole: checked without a target.
GLOBAL_PERMISSIONS = frozenset(
    {
        Permission.ADMIN_AREA,
        Permission.AUDIT_READ,
        Permission.BOARD_MODERATORS_MANAGE,
        Permission.CUSTOMER_VERIFY,
        Permission.INCIDENT_MANAGE,
        Permission.NAME_IMITATIONS,
        Permission.OFFICIAL_NAME,
        Permission.REPORT_QUEUE,
        Permission.USER_MODERATE,
        Permission.SEARCH_ADMIN,
        Permission.STAFF_QUEUE,
        Permission.STAFF_VERIFY,
        Permission.TRASH_MANAGE,
    }
)
