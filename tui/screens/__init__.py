"""Modal screens of the review app: help, quit confirmation, small forms."""

from tui.screens.dialogs import ConfirmQuit, GlossaryEntryScreen, HelpScreen, LanguageScreen, SetAsideJournal

__all__ = ["ConfirmQuit", "GlossaryEntryScreen", "HelpScreen", "LanguageScreen", "SetAsideJournal"]
