"""The concerns log: the Concerns screen and its dialogs."""
