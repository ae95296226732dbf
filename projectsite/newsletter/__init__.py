"""The newsletter: announcements of events and news, rendered from the same data as the site."""
