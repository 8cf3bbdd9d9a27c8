"""Entry point of the `peerdesk` command.

Start-up happens in a visible order: error hook, arguments, paths, log file, then either a
headless subcommand or the desktop app (which opens the database and builds its windows).
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence

from peerdesk import __version__
from peerdesk.cli.commands import COMMANDS
from peerdesk.cli.context import CommandContext, paths_from
from peerdesk.cli.targets import check_arguments, check_database, describe_os_error
from peerdesk.errors import DatabaseDamagedError, PeerdeskError
from peerdesk.logging_setup import configure_logging

log = logging.getLogger("peerdesk")

EXIT_OK = 0
EXIT_PROBLEM = 1
EXIT_REFUSED = 2
EXIT_BUG = 3


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="peerdesk",
        description="Records, forms and funder figures for peer-support groups. "
        "With no command, opens the desktop app.",
    )
    parser.add_argument("--version", action="version", version=f"peerdesk {__version__}")
    parser.add_argument(
        "--db",
        metavar="PATH",
        help="the database file to use (default: your peerdesk data folder; "
        "the PEERDESK_DB environment variable works too)",
    )
    parser.add_argument("--verbose", action="store_true", help="write more detail to the log")
    # For the packaging smoke test: start the app, show the main window, then quit.
    parser.add_argument("--exit-after-start", action="store_true", help=argparse.SUPPRESS)
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for command in COMMANDS:
        command.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    sys.excepthook = _log_unexpected
    parser = build_parser()
    args = parser.parse_args(argv)
    paths = paths_from(args)
    try:
        # Before any folder is made or file opened: a folder, pipe or device as --db, the
        # import file or --out is refused in words, and nothing is created.
        check_database(paths.database)
        check_arguments(args)
    except PeerdeskError as error:
        print(f"peerdesk: {error}", file=sys.stderr)
        return EXIT_REFUSED
    try:
        paths.ensure()
        configure_logging(paths.log_dir, verbose=args.verbose)
    except OSError as error:
        print(
            f"peerdesk cannot write to its folders ({error.strerror}). "
            "Check the disk has space and the folders are not read-only.",
            file=sys.stderr,
        )
        return EXIT_REFUSED
    if args.command is None:
        if not _display_available():
            print(
                "peerdesk: there is no display here, so the window cannot be shown. Run it "
                "from a desktop session (or under Xvfb: xvfb-run ./run.sh). Subcommands such "
                "as 'peerdesk check' work without a display.",
                file=sys.stderr,
            )
            return EXIT_PROBLEM
        from peerdesk.ui.app import run_app  # Qt is loaded only for the desktop app

        return run_app(paths, args)
    context = CommandContext(args=args, paths=paths)
    try:
        result: int = args.handler(context)
        return result
    except PeerdeskError as error:
        log.info("command %s refused: %s", args.command, type(error).__name__)
        print(f"peerdesk: {error}", file=sys.stderr)
        if isinstance(error, DatabaseDamagedError) and args.command not in ("restore", "check"):
            # The words say what is wrong; on the command line also say what to do next.
            print(
                "peerdesk: to put your newest good backup back, open the peerdesk app (it "
                "offers it), or run 'peerdesk restore PATH' with one of your backups (in the "
                f"backup folder chosen in Settings; peerdesk's own is {paths.backup_dir}).",
                file=sys.stderr,
            )
        return EXIT_REFUSED
    except OSError as error:
        # A disk or file fault no service translated (e.g. a full disk while a form's PDF is
        # written): still a sentence and exit 2. The log holds the kind, not the path.
        log.warning("command %s: %s (errno %s)", args.command, type(error).__name__, error.errno)
        print(f"peerdesk: {describe_os_error(error)}", file=sys.stderr)
        return EXIT_REFUSED
    except KeyboardInterrupt:
        print("peerdesk: stopped.", file=sys.stderr)
        return EXIT_REFUSED
    except Exception:
        log.exception("unexpected error in command %s", args.command)
        print(
            "peerdesk: something went wrong that should not have. Nothing was half-saved; "
            f"details are in the log file in {paths.log_dir}.",
            file=sys.stderr,
        )
        return EXIT_BUG


def _display_available() -> bool:
    """Without a display (and no offscreen platform chosen) Qt would abort the process."""
    if not sys.platform.startswith("linux"):
        return True
    return any(os.environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))


def _log_unexpected(kind: type[BaseException], value: BaseException, tb: object) -> None:
    logging.getLogger("peerdesk").critical("uncaught error", exc_info=(kind, value, tb))  # type: ignore[arg-type]
    print(
        "peerdesk: something went wrong that should not have; details are in the log file.",
        file=sys.stderr,
    )


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
