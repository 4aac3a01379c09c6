"""What counts as a memo in an inbox fed by sync tools, and when it is done arriving."""

import os
import time

from debrief.intake.inbox import Settling, display_name, find_memo_paths, is_memo_name, rep_for


def _touch(path, data=b"x"):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def test_sync_tools_leftovers_are_ignored(tmp_path):
    inbox = tmp_path / "inbox"
    keep = [_touch(inbox / "ana" / n) for n in ("Recording.m4a", "memo two.MP3", "x.opus", "y.webm")]
    for name in ("a.m4a.part", "b.partial", "c.crdownload", "d.tmp", ".syncthing.e.m4a.tmp", "~syncthing~f.m4a",
                 "g.m4a.icloud", "~$h.m4a", "._i.m4a", ".DS_Store", "Thumbs.db", ".hidden.m4a", "notes.txt"):
        _touch(inbox / "ana" / name)
    for folder in (".stfolder", ".stversions", "@eaDir", ".dropbox.cache", ".hidden"):
        _touch(inbox / "ana" / folder / "copy.m4a")
    assert find_memo_paths(inbox) == sorted(keep)


def test_links_leading_out_of_the_inbox_are_not_followed(tmp_path):
    inbox, outside = tmp_path / "inbox", _touch(tmp_path / "private" / "secret.m4a")
    inside = _touch(inbox / "ana" / "real.m4a")
    (inbox / "ana" / "escape.m4a").symlink_to(outside)
    (inbox / "ana" / "alias.m4a").symlink_to(inside)
    (inbox / "ana" / "dangling.m4a").symlink_to(tmp_path / "nowhere.m4a")
    (inbox / "linked-folder").symlink_to(outside.parent, target_is_directory=True)
    assert [p.name for p in find_memo_paths(inbox)] == ["alias.m4a", "real.m4a"]


def test_a_file_is_taken_only_once_it_has_stopped_changing(tmp_path):
    path = _touch(tmp_path / "m.m4a", b"a")
    settling = Settling(0.6, growing_s=0.6)  # the longer wait for a grown file is tested apart
    assert not settling.is_settled(path)  # just written
    time.sleep(0.35)
    path.write_bytes(b"ab")  # still growing
    assert not settling.is_settled(path)
    time.sleep(0.7)
    assert settling.is_settled(path)
    old = _touch(tmp_path / "old.m4a")
    os.utime(old, (time.time() - 60, time.time() - 60))
    assert Settling(5).is_settled(old)  # unchanged for a minute already


def test_odd_names_are_stored_safely(tmp_path):
    weird = os.fsdecode(b"caf\xe9 \"quoted\" memo.m4a")  # Latin-1 bytes, not UTF-8
    assert display_name(weird) == 'caf\\xe9 "quoted" memo.m4a'
    assert display_name("Grüße.m4a") == "Grüße.m4a"
    assert is_memo_name("Grüße.m4a") and is_memo_name(display_name(weird))
    inbox = tmp_path / "inbox"
    assert rep_for(_touch(inbox / "José" / "a.m4a"), inbox) == "José"
