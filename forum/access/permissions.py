"""Every permission the forum checks, named once. Values are "<resource>:<action>"."""

from enum import StrEnum


class Permission(StrEnum):
    BOARD_READ = "board:read"
    POST_EDIT = "post:edit"
    POST_READ = "post:read"
    THREAD_CREATE = "thread:create"
    THREAD_READ = "thread:read"
    THREAD_REPLY = "thread:reply"
