"""The import assistant (file → columns → preview → import → summary) and list exports."""
