"""``python -m newslint``."""

import sys

from newslint.launch import main

sys.exit(main())
