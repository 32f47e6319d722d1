"""The pluggy markers: one project name, ``newslint``, for specs and implementations."""

import pluggy

__all__ = ["PROJECT", "hookimpl", "hookspec"]

PROJECT = "newslint"

hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)
