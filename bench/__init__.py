"""peerdesk benchmarks: each reports ratios against a floor measured in the same run."""
