"""``python -m xref``: the command line."""

from xref.cli import main

raise SystemExit(main())
