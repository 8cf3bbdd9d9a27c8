"""The expenses ledger: volunteers' claims with dated lines, approval and payment."""
