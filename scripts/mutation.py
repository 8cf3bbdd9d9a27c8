"""Mutation testing of the safety rules with mutmut (run it through scripts/mutation.sh).

mutmut copies peerdesk/ into mutants/ and plants one small bug at a time there, running only
the tests that reach the changed function; peerdesk/ itself is never modified. The files are
listed in [tool.mutmut] in pyproject.toml; MODULES below chooses, per safety module, the
functions that hold the rule (mutmut's names: x_function, or xǁClassǁmethod for a method).

Two kinds of mutant are switched off because they test wording, not rules: logging calls
(do_not_mutate_patterns in pyproject.toml) and string literals (mutmut has no setting for
those, so this script removes its string operator before it runs). mutmut never mutates
module-level constants such as the pairing TRANSITIONS table, so those are pinned by tests
that check every entry.

A survivor that no test could ever kill goes in EQUIVALENT with the reason; the summary
counts it apart, and exits 1 while any other mutant survives.
"""

from __future__ import annotations

import fnmatch
import json
import subprocess
import sys
from pathlib import Path

CONSENTS = "peerdesk.services.data_protection.consents."
BACKUPS = "peerdesk.services.safety.backups."
PAIRINGS = "peerdesk.services.mentoring.pairings."
SESSIONS = "peerdesk.services.mentoring.sessions."
REFERRALS = "peerdesk.services.mentoring.referrals."
ERASURE = "peerdesk.services.data_protection.erasure."

#: Module name -> (what is mutated, mutmut name patterns).
MODULES: dict[str, tuple[str, list[str]]] = {
    "suppression": (
        "services/figures/suppression.py (whole file)",
        ["peerdesk.services.figures.suppression.*"],
    ),
    "consents": (
        "services/data_protection/gates.py (whole file); services/data_protection/consents.py: current_consent, "
        "latest_consents, answered_kinds, flagged_kinds, LatestAnswer.gap_state, "
        "ConsentService.has_current and .gaps",
        [
            "peerdesk.services.data_protection.gates.*",
            CONSENTS + "x_current_consent*",
            CONSENTS + "x_latest_consents*",
            CONSENTS + "x_answered_kinds*",
            CONSENTS + "x_flagged_kinds*",
            CONSENTS + "xǁLatestAnswerǁgap_state*",
            CONSENTS + "xǁConsentServiceǁhas_current*",
            CONSENTS + "xǁConsentServiceǁgaps*",
        ],
    ),
    "erasure": (
        "services/data_protection/erasure.py (whole file)",
        ["peerdesk.services.data_protection.erasure.*"],
    ),
    "import": (
        "services/importing/apply.py (whole file: the write step); services/importing/"
        "service.py: ImportService.run (the one transaction around it)",
        [
            "peerdesk.services.importing.apply.*",
            "peerdesk.services.importing.service.xǁImportServiceǁrun*",
        ],
    ),
    "keys": (
        "data/keys.py and data/encryption.py (whole files)",
        ["peerdesk.data.keys.*", "peerdesk.data.encryption.*"],
    ),
    "pairings": (
        "services/mentoring/pairings.py: the transition methods, _transition, _check_end_date, "
        "_close_open_referrals; services/mentoring/ending.py (whole file: the sessions planned "
        "after an ending)",
        [
            PAIRINGS + "xǁPairingServiceǁintroduce*",
            PAIRINGS + "xǁPairingServiceǁactivate*",
            PAIRINGS + "xǁPairingServiceǁpause*",
            PAIRINGS + "xǁPairingServiceǁresume*",
            PAIRINGS + "xǁPairingServiceǁend*",
            PAIRINGS + "xǁPairingServiceǁplanned_after*",
            PAIRINGS + "xǁPairingServiceǁ_transition*",
            PAIRINGS + "x_check_end_date*",
            PAIRINGS + "x_close_open_referrals*",
            "peerdesk.services.mentoring.ending.*",
        ],
    ),
    "sessions": (
        "services/mentoring/sessions.py: SessionService.rearrange, _not_rearrangeable, "
        "_check_against_ending, _kept_at_ending (a held session is never rearranged; sessions "
        "against a pairing's ending)",
        [
            SESSIONS + "xǁSessionServiceǁrearrange__*",
            SESSIONS + "x_not_rearrangeable*",
            SESSIONS + "x_check_against_ending*",
            SESSIONS + "x_kept_at_ending*",
        ],
    ),
    "referrals": (
        "services/mentoring/referrals.py: allowed_actions, ReferralService.start, "
        "start_with_person, _checked, _add, assess, accept, not_taken_forward, close, reopen, "
        "_step, _accepted, _refuse_if_open; services/mentoring/referral_views.py: referral_steps "
        "and is_open_status (the bodies of ReferralView.steps and .is_open: mutmut does not "
        "mutate properties)",
        [
            REFERRALS + "x_allowed_actions*",
            REFERRALS + "xǁReferralServiceǁstart*",
            REFERRALS + "xǁReferralServiceǁ_checked*",
            REFERRALS + "xǁReferralServiceǁ_add*",
            REFERRALS + "xǁReferralServiceǁassess*",
            REFERRALS + "xǁReferralServiceǁaccept*",
            REFERRALS + "xǁReferralServiceǁnot_taken_forward*",
            REFERRALS + "xǁReferralServiceǁclose*",
            REFERRALS + "xǁReferralServiceǁreopen*",
            REFERRALS + "xǁReferralServiceǁ_step*",
            REFERRALS + "x_accepted*",
            REFERRALS + "x_refuse_if_open*",
            "peerdesk.services.mentoring.referral_views.x_referral_steps*",
            "peerdesk.services.mentoring.referral_views.x_is_open_status*",
        ],
    ),
    "backup": (
        "data/backup.py (whole file); services/safety/backups.py: is_restorable, check_backup, "
        "BackupService.restore, .reapply_erasures, ._reapply_minimally",
        [
            "peerdesk.data.backup.*",
            BACKUPS + "x_is_restorable*",
            BACKUPS + "x_check_backup*",
            BACKUPS + "xǁBackupServiceǁrestore*",
            BACKUPS + "xǁBackupServiceǁreapply_erasures*",
            BACKUPS + "xǁBackupServiceǁ_reapply_minimally*",
        ],
    ),
}

#: Module name -> the tests that may kill its mutants (path prefixes). mutmut runs, for each
#: mutant, every selected test that reached the function; opening a database reads the key
#: header and makes a pairing, so hundreds of unrelated tests reach those. Keeping to the
#: module's own unit and integration tests is what makes a full run fit in about an hour.
TESTS: dict[str, list[str]] = {
    "suppression": [
        "tests/unit/figures/",
        "tests/unit/test_suppression_",
        "tests/integration/test_figures_exports.py",
    ],
    "consents": [
        "tests/unit/test_gates_consents.py",
        "tests/unit/test_consent_rules.py",
        "tests/unit/test_consent_gap_edges.py",
        "tests/unit/test_consent_entered_in_error.py",
        "tests/unit/test_attention_people_rules.py",
        "tests/unit/test_attention_sql_equivalence.py",
    ],
    "erasure": [
        "tests/unit/test_erasure_",
        "tests/unit/test_retention_review.py",
        "tests/unit/test_concern_retention.py",
        "tests/integration/test_person_cli.py",
        "tests/integration/test_restore_roundtrip.py",
    ],
    "import": [
        "tests/unit/importing/",
        "tests/unit/test_import_apply_rules.py",
        "tests/integration/test_import_",
    ],
    "keys": [
        "tests/unit/test_keys_rules.py",
        "tests/unit/test_encryption_",
        "tests/unit/test_database_open.py",
        "tests/integration/test_encryption_",
    ],
    "pairings": [
        "tests/unit/test_pairing_transitions.py",
        "tests/unit/test_pairings_lifecycle.py",
        "tests/unit/test_gates_consents.py",
        "tests/unit/test_ending_and_rearranging.py",
        "tests/unit/test_ending_planned_sessions.py",
        "tests/unit/test_pairing_ending_record.py",
        "tests/unit/test_pairing_refusals.py",
    ],
    "sessions": [
        "tests/unit/test_ending_and_rearranging.py",
        "tests/unit/test_ending_planned_sessions.py",
        "tests/unit/test_rearranging_keeps_arrangements.py",
        "tests/unit/test_sessions_log.py",
        "tests/unit/test_pairings_lifecycle.py",
    ],
    "referrals": [
        "tests/unit/test_referral_",
        "tests/unit/test_pairings_lifecycle.py",
        "tests/unit/test_services_validation.py",
        "tests/unit/test_attention_people_rules.py",
    ],
    "backup": [
        "tests/unit/test_backup_",
        "tests/integration/test_backup_",
        "tests/integration/test_restore_roundtrip.py",
        "tests/integration/test_corruption_recovery.py",
        "tests/integration/test_encryption_convert.py",
    ],
}

#: Survivors that behave exactly like the original, with the reason (shown in the summary).
#: mutmut numbers a function's mutants in order, so an entry holds until that function changes.
EQUIVALENT: dict[str, str] = {
    CONSENTS + "xǁConsentServiceǁgaps__mutmut_113": (
        "'expiring' ranked 5 instead of 4: the rank only orders the list, and it is still last"
    ),
    **{
        CONSENTS + f"xǁConsentServiceǁgaps__mutmut_{n}": (
            "no default for a role missing from NEEDED_BY_ROLE: every Role has an entry there"
        )
        for n in (29, 31)
    },
    **{
        CONSENTS + f"xǁConsentServiceǁgaps__mutmut_{n}": (
            "gaps() without flagged_by: every latest answer comes back instead of the flagged "
            "ones, and gap_state drops the unflagged ones (None) the same; the SQL filter only "
            "saves reading ten years of consents into Python"
        )
        for n in (39, 43)
    },
    **{
        f"peerdesk.services.data_protection.gates.x_current_sharing__mutmut_{n}": (
            "without the id tie-break: SQLite returns answers given on the same day in the order "
            "they were recorded, so the later one still counts (the two-answers-on-one-day test "
            "passes); the explicit order keeps that true on any engine"
        )
        for n in (4, 6)
    },
    "peerdesk.services.data_protection.gates.xǁGateServiceǁfor_pairing_activation__mutmut_16": (
        "the role's name in a not-found message: a pairing's mentor and mentee always exist "
        "(foreign keys; erasure keeps a stub person)"
    ),
    PAIRINGS + "xǁPairingServiceǁ_transition__mutmut_1": (
        "cancel_planned defaulting to True: it is read only when ending, and end() always passes it"
    ),
    "peerdesk.services.mentoring.ending.x_cancel_planned_after__mutmut_14": (
        "unlinking no rearranged session by hand: mentoring_session.rearranged_to_id is ON "
        "DELETE SET NULL, so the database unlinks them as the planned sessions are deleted"
    ),
    SESSIONS + "xǁSessionServiceǁrearrange__mutmut_21": (
        "the pairing's name in a not-found message: a session's pairing always exists "
        "(foreign keys are on and sessions are deleted with their pairing)"
    ),
    **{
        f"peerdesk.services.mentoring.ending.x_planned_after__mutmut_{n}": (
            "without the id as a tie-break: only sessions on the same date swap places, and "
            "callers use only their dates (listed, or all cancelled), which are then equal"
        )
        for n in (4, 6)
    },
    **{
        REFERRALS + f"xǁReferralServiceǁ_checked__mutmut_{n}": (
            f"person_id={change} on the checked referral: a placeholder, always set to the "
            "person's id in _add before the referral is saved"
        )
        for n, change in ((35, "None"), (51, "left out"), (67, "1"))
    },
    REFERRALS + "xǁReferralServiceǁstart__mutmut_6": (
        "PeopleService(None, ...) for the preferences: it is only asked to validate them, "
        "which never reads the database"
    ),
    REFERRALS + "xǁReferralServiceǁstart_with_person__mutmut_13": (
        "PeopleService(None, ...).validated(person): validated only checks the details and "
        "never reads the database, so no database is the same as this one"
    ),
    **{
        ERASURE + f"xǁErasureServiceǁreapply__mutmut_{n}": (
            f"first_name={change} on the reserved stub: _stub sets first_name to "
            "ERASED_FIRST_NAME before it is added"
        )
        for n, change in ((25, "None"), (27, "left out"))
    },
    **{
        ERASURE + f"xǁErasureServiceǁcheckpoint__mutmut_{n}": (
            "what to do when PRAGMA wal_checkpoint returns no row: it always returns one row"
        )
        for n in (7, 10)
    },
    ERASURE + "x__has_personal_data__mutmut_8": (
        "sa_select(None) selects NULL from the same rows, and only whether a row exists is read"
    ),
    **{
        ERASURE + f"x__has_personal_data__mutmut_{n}": (
            f"limit({change}) instead of limit(1): .first() reads only the first row either way"
        )
        for n, change in ((11, "None"), (12, "2"))
    },
    ERASURE + "x__clear__mutmut_23": (
        "without `column != value`: a text already [erased] is set to [erased] again, the same "
        "value (no trigger or history is attached to these core updates)"
    ),
    **{
        ERASURE + f"x__erase__mutmut_{n}": (
            "= instead of += on the report's count: each table is deleted from or cleared once "
            "in that loop or step (one entry per table), so the count started at 0"
        )
        for n in (27, 37, 55, 76, 86)
    },
    ERASURE + "x__remove_names__mutmut_8": (
        "= instead of += for the full names: they are the first names replaced, so the count "
        "is still 0 there"
    ),
    ERASURE + "x__remove_names__mutmut_13": (
        "capitalised_only=None instead of False: _replace only reads `not capitalised_only`, "
        "the same for both"
    ),
    **{
        ERASURE + f"x__remove_names__mutmut_{n}": (
            f"{change} in the supervisions that discussed their pairings: when they are the "
            "mentor those are their own supervisions (a supervision may discuss only its "
            "mentor's pairings), whose free text the supervision policy has already cleared"
        )
        for n, change in ((42, "or_(None, mentee)"), (44, "mentee only"))
    },
    ERASURE + "x__replace__mutmut_21": (
        "match.group(1) instead of group(0): the whole pattern is the one group"
    ),
    **{
        ERASURE + f"x__replace__mutmut_{n}": (
            f"autoescape={change} in the LIKE that narrows the rows: unescaped, a % or _ in a "
            "name matches more rows, never fewer, and the pattern decides what is replaced"
        )
        for n, change in ((40, "None"), (42, "left out"), (44, "False"))
    },
    **{
        ERASURE + f"x__like_fragment__mutmut_{n}": (
            "the alphabetically last run of the name instead of the longest: every run (plain "
            "ASCII, no i, s or k) is in every spelling the pattern matches, so it narrows the "
            "rows less, never wrongly; the pattern decides what is replaced"
        )
        for n in (2, 4)
    },
    ERASURE + "x__stub__mutmut_9": (
        "always the field's default, never None: the only Person fields without a default "
        "(first_name, created_at, updated_at) are the ones _stub skips"
    ),
}

ENCRYPTION = "peerdesk.data.encryption."
EQUIVALENT.update(
    {
        **{
            ENCRYPTION + f"x__prove_same__mutmut_{n}": (
                f"fingerprint(source{change}): every caller's source is a plain file, "
                "so source_key is always None"
            )
            for n, change in ((3, ", None"), (5, ""))
        },
        ENCRYPTION + "x__prove_same__mutmut_11": (
            "same = None instead of False when the copy cannot be read: `not same` is true for both"
        ),
        **{
            ENCRYPTION + f"x_change_passphrase__mutmut_{n}": (
                f"read_only={change} for the check after the change: the file was just re-keyed "
                "through a read-write connection, and the check only reads"
            )
            for n, change in ((21, "None"), (24, "left out"), (26, "False"))
        },
        **{
            ENCRYPTION + f"x_encrypt_database__mutmut_{n}": (
                f"salt={change} for the new encrypted file: connect_raw then gives the new "
                "file a fresh random salt (salt_for of a missing file), as os.urandom does"
            )
            for n, change in ((15, "None"), (20, "left out"))
        },
        **{
            ENCRYPTION + f"x_opens_with__mutmut_{n}": (
                f"read_only={change} beside immutable=True: connect_raw opens read-only "
                "(mode=ro&immutable=1) when either is set"
            )
            for n, change in ((8, "None"), (12, "left out"), (15, "False"))
        },
        ENCRYPTION + "x_rekey_backups__mutmut_2": (
            "`and` for `or`: a plain backup is still skipped (opens_with refuses a key for it), "
            "and one that does not open with the old passphrase fails change_passphrase's first "
            "read, which is caught and leaves it as it was"
        ),
        "peerdesk.data.keys.x_looks_encrypted__mutmut_25": (
            "/ 2 for // 2: the header is always 16 bytes there (the file is at least 512), "
            "and 16 / 2 == 16 // 2"
        ),
    }
)

BACKUP = "peerdesk.data.backup."
EQUIVALENT.update(
    {
        **{
            BACKUP + f"x_replace_with_backup__mutmut_{n}": (
                f"salt_for(database) read {change}: the salt is used only with a key, and "
                "with a key and a plain or missing database salt_for gives a fresh salt, as "
                "None does (connect_raw then salts the new file afresh)"
            )
            for n, change in ((11, "always"), (13, "with `or`"))
        },
        **{
            name: (
                f"the checkpoint before the swap {change}: the checkpoint copies the -wal's "
                "frames into the file as they are, without reading them, so it folds the log "
                "in with or without the key (test_a_failed_restore_keeps_what_only_the_write_"
                "ahead_log_held passes either way)"
            )
            for name, change in (
                (BACKUP + "x_replace_with_backup__mutmut_52", "without the key"),
                (BACKUP + "x_replace_with_backup__mutmut_55", "without the key"),
                (BACKUP + "x_swap_in__mutmut_2", "without the key"),
                (BACKUP + "x_swap_in__mutmut_4", "without the key"),
                (BACKUP + "x_swap_in__mutmut_5", "without the key"),
                (BACKUP + "x_swap_in__mutmut_6", "with the key on a plain file too"),
                (BACKUP + "x_checkpoint__mutmut_6", "without the key"),
                (BACKUP + "x_checkpoint__mutmut_8", "without the key"),
            )
        },
        **{
            BACKUP + f"x_backup_database__mutmut_{n}": (
                f"discard {change} for the half-written copy: the copy's connection is closed "
                "(rolled back, its journal deleted) before the discard runs, so removing the "
                "file alone, the default, leaves the same nothing behind"
            )
            for n, change in ((20, "None"), (23, "left out"))
        },
        BACKUP + "x_backup_database__mutmut_27": (
            "the key used for a plain source too: every caller passes the database's own key, "
            "which is None for a plain database"
        ),
        BACKUP + "x_backup_database__mutmut_31": (
            "salt_for(source) for a plain source too: the salt is used only with a key, and a "
            "plain source is copied without one"
        ),
        **{
            BACKUP + f"x_remove_quietly__mutmut_{n}": (
                f"missing_ok={change}: a file already gone then raises FileNotFoundError, an "
                "OSError, which the same per-file suppress swallows"
            )
            for n, change in ((3, "None"), (4, "False"))
        },
        BACKUP + "x_parse_old_backup_name__mutmut_3": (
            "tagged=None for False: _parsed reads only whether it is true"
        ),
    }
)

EQUIVALENT.update(
    {
        f"peerdesk.services.importing.apply.x__current_conditions__mutmut_{n}": (
            f"the join's condition {change}: SQLAlchemy then joins on the one foreign key "
            "between person_condition and condition, the same condition"
        )
        for n, change in ((5, "None"), (7, "left out"))
    }
    | {
        "peerdesk.services.importing.apply.x_apply_links__mutmut_30": (
            "group_id None: the group is then found by name, and a matched group's op carries "
            "that group's own name (links_plan), so the same group"
        ),
        "peerdesk.services.importing.apply.x_apply_links__mutmut_40": (
            "kind=None: SQLModel stores the field's default, drop_in, the same value "
            "(test_import_links_write_rules reads it back)"
        ),
        "peerdesk.services.importing.apply.x_apply_links__mutmut_42": (
            "kind left out: the field's default is drop_in, the same value"
        ),
    }
    | {
        f"peerdesk.services.importing.apply.x_apply_links__mutmut_{n}": (
            f"the meetings cache {change}: the meeting is then found by its query, which sees "
            "the meetings this import flushed, the same meeting (the cache only saves a query)"
        )
        for n, change in ((49, "skipped"), (50, "looked up under None"))
    }
)

KILLED = {"killed", "timeout", "caught by type check"}


def switch_off_string_mutants() -> None:
    from mutmut.mutation import mutators

    mutators.mutation_operators[:] = [
        (node, op) for node, op in mutators.mutation_operators if op is not mutators.operator_string
    ]


def keep_to_module_tests() -> None:
    """After mutmut has loaded which tests reach which function, keep, for the functions of
    each module, only that module's tests (TESTS)."""
    import mutmut.__main__ as mutmut_main
    from mutmut.state import state

    collect = mutmut_main.collect_or_load_stats

    def collect_then_narrow(*args: object, **kwargs: object) -> None:
        collect(*args, **kwargs)  # type: ignore[arg-type]
        for function, tests in state().tests_by_mangled_function_name.items():
            for module, (_, patterns) in MODULES.items():
                if any(fnmatch.fnmatch(function + "__mutmut_1", p) for p in patterns):
                    tests.intersection_update(
                        t for t in tests if t.startswith(tuple(TESTS[module]))
                    )

    mutmut_main.collect_or_load_stats = collect_then_narrow  # type: ignore[assignment]


def run(patterns: list[str]) -> None:
    switch_off_string_mutants()
    keep_to_module_tests()
    from mutmut.__main__ import cli

    try:
        cli.main(["run", "--max-children", "2", *patterns], standalone_mode=False)
    except SystemExit as stop:  # mutmut exits when the clean tests fail
        if stop.code:
            raise


def results() -> dict[str, int | None]:
    found: dict[str, int | None] = {}
    for meta in Path("mutants").rglob("*.py.meta"):
        found.update(json.loads(meta.read_text())["exit_code_by_key"])
    return found


def summary(modules: list[str]) -> int:
    from mutmut.stats import status_by_exit_code

    codes = results()
    left: list[str] = []
    stats = Path("mutants/mutmut-stats.json")
    commit = json.loads(stats.read_text()).get("git_commit") if stats.exists() else None
    head = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=False
    ).stdout.strip()
    print(
        f"\nCode and tests at commit {head or 'unknown'}; tests first mapped to functions at "
        f"{str(commit or 'unknown')[:7]} (new tests are mapped as they appear)."
    )
    print(f"\n{'module':<12} {'mutants':>8} {'killed':>7} {'survived':>9} {'equivalent':>11}")
    for module in modules:
        patterns = MODULES[module][1]
        names = sorted(n for n in codes if any(fnmatch.fnmatch(n, p) for p in patterns))
        status = {n: status_by_exit_code[codes[n]] for n in names}
        killed = [n for n in names if status[n] in KILLED]
        equivalent = [n for n in names if n in EQUIVALENT and status[n] not in KILLED]
        survived = [n for n in names if status[n] not in KILLED and n not in EQUIVALENT]
        print(
            f"{module:<12} {len(names):>8} {len(killed):>7} {len(survived):>9} {len(equivalent):>11}"
        )
        left += [f"  {n}: {status[n]}" for n in survived]
        left += [f"  {n}: equivalent ({EQUIVALENT[n]})" for n in equivalent]
    if left:
        print("\nNot killed (see one with: .venv/bin/mutmut show NAME):")
        print("\n".join(left))
    return 1 if any("equivalent (" not in line for line in left) else 0


def not_killed(modules: list[str]) -> list[str]:
    """The mutants of these modules that the last run did not kill (to try again after
    adding tests, without re-running the thousands already killed)."""
    from mutmut.stats import status_by_exit_code

    patterns = [p for m in modules for p in MODULES[m][1]]
    return sorted(
        name
        for name, code in results().items()
        if status_by_exit_code[code] not in KILLED
        and any(fnmatch.fnmatch(name, p) for p in patterns)
    )


def main(argv: list[str]) -> int:
    modules = [a for a in argv if not a.startswith("--")] or list(MODULES)
    unknown = [m for m in modules if m not in MODULES]
    if unknown:
        print(f"Unknown module {', '.join(unknown)}; choose from {', '.join(MODULES)}.")
        return 2
    if "--again" in argv:
        left = not_killed(modules)
        if left:
            run(left)
    elif "--summary" not in argv:
        run([p for m in modules for p in MODULES[m][1]])
    return summary(modules)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
