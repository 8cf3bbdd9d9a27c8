"""The `peerdesk` command: the desktop app by default, subcommands for headless jobs."""
