"""``python -m carevoice``."""

import sys

from carevoice.cli import main

sys.exit(main())
