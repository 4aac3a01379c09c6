"""Is a file's container complete? Checked from its bytes, before anything is decoded.

A memo synced in two halves, with a pause longer than the settle time, looks
finished to a size-and-mtime check, and PyAV decodes the half that is there
without complaint. Most containers say where they end, so we read that:

- Ogg (.ogg .oga .opus): the last page carries the end-of-stream flag;
- MP4 (.m4a .mp4 .aac in MP4): the top-level boxes tile the file exactly and
  one of them is `moov` (phones write it last, or first after a rewrite);
- WAV: the RIFF size and the `data` chunk both fit the file as it is;
- FLAC: the STREAMINFO sample count is checked later, against the decoded length.

Formats without an end marker (MP3, raw AAC, WebM while recording) return
None: for those the settle time is all we have, and it is longer for a file
seen growing (see `inbox.Settling`).
"""

from __future__ import annotations

import os
import struct
from pathlib import Path

_OGG_TAIL = 1 << 16  # an Ogg page is at most ~64 KiB, so the last one starts in the last 64 KiB
_EOS = 0x04


def is_complete(path: Path) -> bool | None:
    """True or False where the container can tell; None where it cannot."""
    with open(path, "rb") as f:
        head = f.read(12)
        if head[:4] == b"OggS":
            return _ogg_complete(f)
        if head[:4] == b"RIFF" and head[8:12] == b"WAVE":
            return _wav_complete(f)
        if head[4:8] == b"ftyp":
            return _mp4_complete(f)
    return None


def _size(f) -> int:
    return os.fstat(f.fileno()).st_size


def _ogg_complete(f) -> bool:
    size = _size(f)
    f.seek(max(0, size - _OGG_TAIL))
    tail = f.read()
    last = tail.rfind(b"OggS")
    if last < 0 or last + 27 > len(tail):
        return False
    header_type, segments = tail[last + 5], tail[last + 26]
    if last + 27 + segments > len(tail):
        return False
    body = sum(tail[last + 27: last + 27 + segments])
    ends_at_page_end = last + 27 + segments + body == len(tail)
    return bool(header_type & _EOS) and ends_at_page_end


def _wav_complete(f) -> bool:
    size = _size(f)
    f.seek(4)
    riff_size = struct.unpack("<I", f.read(4))[0]
    if riff_size + 8 > size:
        return False
    offset = 12
    while offset + 8 <= size:
        f.seek(offset)
        chunk, length = struct.unpack("<4sI", f.read(8))
        if chunk == b"data":
            return offset + 8 + length <= size
        offset += 8 + length + (length & 1)
    return False


def _mp4_complete(f) -> bool:
    size, offset, boxes = _size(f), 0, set()
    while offset < size:
        f.seek(offset)
        header = f.read(16)
        if len(header) < 8:
            return False
        length, kind = struct.unpack(">I4s", header[:8])
        if length == 1:  # 64-bit size follows
            if len(header) < 16:
                return False
            length = struct.unpack(">Q", header[8:16])[0]
        elif length == 0:  # box runs to the end of the file
            length = size - offset
        if length < 8 or offset + length > size:
            return False
        boxes.add(kind)
        offset += length
    return b"moov" in boxes
