"""A file's text: size limit, links and permissions, then the encoding, detected and never assumed.

UTF-8 (with or without a byte-order mark) is tried first, because a file that decodes as
UTF-8 almost always is. Otherwise charset-normalizer chooses, first among the encodings
English-language newsrooms actually produce (UTF-16 and UTF-32 with or without a BOM,
Windows-1252, Latin-1), so that a short Western text is not mistaken for a rarer code page,
and then among every encoding it knows. Bytes that no encoding explains are binary.
"""
from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from charset_normalizer import from_bytes

WESTERN = ["utf_16", "utf_16_le", "utf_16_be", "utf_32", "utf_32_le", "utf_32_be", "cp1252", "latin_1"]


class NotText(ValueError):
    """The bytes are not text in any encoding we can tell."""


def decode(data: bytes) -> str:
    """The text the bytes encode; raises NotText for binary data."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = None
    if text is None or "\x00" in text:  # UTF-16 without a BOM is valid UTF-8 full of NULs
        best = from_bytes(data, cp_isolation=WESTERN).best() or from_bytes(data).best()
        if best is None:
            raise NotText("binary file, or text in an encoding that cannot be detected")
        text = str(best)
    if "\x00" in text:
        raise NotText("binary file (contains NUL characters)")
    return text


def normalise_newlines(text: str) -> str:
    """CRLF and lone CR become LF: one character per line end keeps line numbers as written."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_bytes(path: Path, max_bytes: int) -> bytes:
    """The bytes of a regular file no larger than `max_bytes`; raises OSError or ValueError saying why not."""
    info = path.stat()
    if stat.S_ISDIR(info.st_mode):
        raise ValueError("a directory, not a file")
    if not stat.S_ISREG(info.st_mode):
        raise ValueError("not a regular file (a device, pipe or socket)")
    too_big = ValueError(f"larger than the size limit of {max_bytes:,} bytes (raise it with --max-bytes)")
    if info.st_size > max_bytes:
        raise too_big
    with path.open("rb") as handle:
        data = handle.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise too_big
    return data


def os_reason(path: Path, exc: OSError) -> str:
    """Why the system could not read a file, in words a user can act on."""
    if path.is_symlink() and exc.errno in (errno.ENOENT, errno.ELOOP):
        kind = "a symbolic link loop" if exc.errno == errno.ELOOP else "a broken symbolic link"
        return f"{kind} (it points to '{os.readlink(path)}')"
    if exc.errno == errno.EACCES:
        return "permission denied"
    return exc.strerror or str(exc)


def read_text(path: Path, max_bytes: int) -> str:
    """The decoded text of a file, line ends normalised; raises OSError or ValueError saying why it cannot be read."""
    return normalise_newlines(decode(read_bytes(path, max_bytes)))
