"""A review process killed in the middle of a save loses nothing: the file is whole, the journal replays."""

from __future__ import annotations

from pathlib import Path

import polib

from tests.conftest import kill_after_first_line
from tui.session import ReviewSession

CHILD = """
import sys, time
from pathlib import Path
import translator.files as atomic
from tui.session import ReviewSession

def stuck_replace(source, target):
    print("SAVING", flush=True)
    time.sleep(120)

atomic.os.replace = stuck_replace
session = ReviewSession(Path(sys.argv[1]))
for unit in session.units[:3]:
    session.edit(unit.block.id, "approved " + unit.block.id)
    session.approve(unit.block.id)
session.save()
"""


def test_kill_during_save_loses_no_approved_work(demo_po: Path) -> None:
    before = demo_po.read_bytes()
    assert kill_after_first_line(CHILD, str(demo_po)) == "SAVING"
    assert demo_po.read_bytes() == before  # the old file, whole
    polib.pofile(str(demo_po))
    session = ReviewSession(demo_po)
    assert session.replayed == 3
    approved = [unit for unit in session.units if unit.status == "reviewed"]
    assert [unit.target for unit in approved] == [f"approved {unit.block.id}" for unit in approved]
    session.save()
    reopened = ReviewSession(demo_po)
    assert reopened.replayed == 0 and reopened.reviewed == 3
