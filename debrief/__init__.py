"""debrief: voice memos from sales meetings become structured, evidenced debriefs."""

__version__ = "0.1.0"
