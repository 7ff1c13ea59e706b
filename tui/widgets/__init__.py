"""The widgets of the review app, each named for its role."""

from tui.widgets.block_list import BlockList
from tui.widgets.panes import AlignedView, InfoPanel, SourcePane, StatusBar, TargetEditor, TargetView

__all__ = ["AlignedView", "BlockList", "InfoPanel", "SourcePane", "StatusBar", "TargetEditor", "TargetView"]
