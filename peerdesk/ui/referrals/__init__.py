"""Referrals in the app: taking one (for someone on record or someone new), each step's
small dialog, and the referral section of a person's page."""
