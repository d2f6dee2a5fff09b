"""Sign-offs of the demo service agent (Jana) and moderator (Tobias), shared by the
hand-written threads and the generator."""

JANA = "Viele Grüße\nJana vom Kundenservice"
TOBIAS = "Gruß\nTobias (Moderation)"
