"""Errors a person can act on. Every error dateline raises is a DatelineError."""

from __future__ import annotations


class DatelineError(Exception):
    """Base class: the message says what went wrong and what to do about it."""


class InputError(DatelineError):
    """The input cannot be read as a news page (empty, binary, undecodable, too large)."""


class EmptyInput(InputError):
    pass


class BinaryInput(InputError):
    pass


class InputTooLarge(InputError):
    pass


class DecodeError(InputError):
    pass


class InvalidRecord(InputError):
    """A record read back (JSON lines) that breaks the record contract: a field of the wrong type,
    an offset outside the text; the message names the field."""


class SourceError(DatelineError):
    """A path, URL or stream could not be opened."""


class TruncatedInput(SourceError):
    """The bytes stop before their end (a gzip stream cut short, a WARC record the file ends in)."""


class ConfigError(DatelineError):
    """A setting or an optional dependency is missing or wrong."""


class ModelNotInstalled(ConfigError):
    pass
