"""From a folder of audio to stored debriefs: what enters is an inbox path, run
options, a worker pool and an analyzer (handed in by the CLI, so this stage never
imports spaCy); what leaves is a `records.RunSummary` of one pass, each memo
committed to the store with its state in the ledger, and its audio kept, moved to
processed/ or quarantine/, or deleted later. `pipeline` drives one pass: `inbox`
finds settled memos and hashes them (`container` tells a cut-short file), `ledger`
claims each one in SQLite, `snapshot` copies the claimed bytes, `worker` decodes
and transcribes the copy in a child process with a time limit, `archive` moves the
audio after the commit, and `watch` repeats passes. `faults` injects failures by
stage, for the tests that prove one bad file never stops the inbox.
"""
