"""`python -m cli`: the `translator` command."""

import sys

from cli.main import main

sys.exit(main())
