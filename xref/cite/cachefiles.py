"""Files that the cite stage keeps between runs: the analysed grammar (Lark's cache) and the
compiled Hyperscan database of the scan's anchors.

They live in the user's own cache folder (``$XDG_CACHE_HOME/xref``, else ``~/.cache/xref``),
made private (mode 0700). A folder or file that someone else owns or may write to is not used:
such a file could have been put there by anyone, and the grammar's cache is unpickled.
"""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["private_cache_file"]


def private_cache_file(name: str) -> Path | None:
    """The path of the cache file ``name`` in the user's private cache folder (made when
    missing); None when there is no such folder, or the folder or an existing file there is
    not the user's own or may be written by others."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    folder = Path(base) / "xref"
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = folder.stat()
    except OSError:
        return None
    if info.st_uid != os.getuid() or info.st_mode & 0o022 or not os.access(folder, os.W_OK):
        return None
    path = folder / name
    try:
        own = path.stat()
    except FileNotFoundError:
        return path
    except OSError:
        return None
    if own.st_uid != os.getuid() or own.st_mode & 0o022:
        return None
    return path
