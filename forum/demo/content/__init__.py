"""German demo content for the forum: boards, community members, hand-written threads and a
fragment-based generator, kept apart from the seeding code so it reads as text. The data is
split into modules by responsibility (boards, hand-written threads per board group, generator
fragments, generator) because a single file grew far beyond the project's ~400-line limit."""

from .boards import CATEGORIES, COMMUNITY_MEMBERS
from .generated import generated_threads
from .handwritten import HANDWRITTEN_THREADS

__all__ = ["CATEGORIES", "COMMUNITY_MEMBERS", "HANDWRITTEN_THREADS", "generated_threads"]
