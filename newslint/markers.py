"""The pluggy markers: one project name, ``newslint``, for specs and implementations."""

import pluggy

PROJECT = "newslint"

hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)
