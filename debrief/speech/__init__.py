"""Audio to words: what enters is the path of one audio file (in practice the
private snapshot intake made of a claimed memo); what leaves is an `AudioInfo`
and 16 kHz mono samples whose decoded length has been checked against the
length the container states, or an `AudioError` saying why the bytes cannot
be trusted (`audio`), and then a `records.Transcript` with word times from
faster-whisper, loaded from a local model folder only (`transcribe`).
PyAV and faster-whisper are imported inside the functions that use them.
"""
