"""The main window's screens, each built the first time it is asked for.

Building all of them up front cost about half a second of start-up, though only Today is seen
first. `window.screens["people"]` still answers with the People screen, building it then."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping

from peerdesk.ui.screens.base import Screen


class LazyScreens(Mapping[str, Screen]):
    def __init__(self, keys: list[str], build: Callable[[str], Screen]) -> None:
        self._keys = list(keys)
        self._build = build
        self._built: dict[str, Screen] = {}

    def __getitem__(self, key: str) -> Screen:
        screen = self._built.get(key)
        if screen is None:
            if key not in self._keys:
                raise KeyError(key)
            screen = self._build(key)
            self._built[key] = screen
        return screen

    def __contains__(self, key: object) -> bool:
        return key in self._keys

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)

    def built(self, key: str) -> Screen | None:
        """The screen if it has been built already, without building it."""
        return self._built.get(key)
