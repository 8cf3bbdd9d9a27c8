"""`python -m peerdesk` runs the same command as `peerdesk`."""

import sys

from peerdesk.cli.main import main

sys.exit(main())
