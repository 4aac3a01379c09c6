"""The SQLite database: what enters is one memo's ledger row, Transcript and Debrief
(written by intake in one `BEGIN IMMEDIATE` transaction, `db`), a manager's
correction or a forget (`corrections`, `tombstones`), and SQL typed by a person
(`readonly`); what leaves is a database opened with its schema brought up to
date by append-only migrations (`migrations`), and rows read from the `debriefs`
view (`queries`), where a manager's correction stands over the machine's value.
Nothing here imports spaCy or Whisper: the only stages below are `records` and
`config`.
"""
