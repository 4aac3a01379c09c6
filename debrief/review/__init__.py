"""What a manager reads: what enters is the stored debriefs (an open database or
its path), labeled memos and an analyzer; what leaves is something for a person
or a program to read. `report` builds the per-rep scorecard and its HTML page,
`render` turns results into a terminal table, JSON or CSV (file names escaped),
`evaluate` and `metrics` score the verdicts against labeled memos, `overrule`
scores the current rules against managers' corrections, `doctor` checks that a
machine is ready, and `web/` serves all of it as pages (`debrief serve`). The
writes a manager makes, corrections and forgetting, are store-level and live in
`store.corrections`.
"""
