"""Projects or funding streams: the Settings panel and its window."""
