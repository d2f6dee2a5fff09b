"""Outage and status announcements: staff publish incidents, a banner shows them while
they last, followers and those affected are told of updates and of the end."""
