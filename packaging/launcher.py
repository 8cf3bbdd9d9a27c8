"""The frozen app's entry point: the same `peerdesk` command as from source."""

import sys

from peerdesk.cli.main import main

if __name__ == "__main__":
    sys.exit(main())
