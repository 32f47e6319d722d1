"""newslint's version: a leaf module, so any part of newslint may read it without importing the package's API."""

__all__ = ["__version__"]

__version__ = "0.1.0"
