"""newslint's built-in rule plugins.

Each module is a plugin registered through the ``newslint`` entry-point group,
exactly as a third-party plugin is, and uses only newslint's public API.
"""
