import sys

from h2h.cli import main

sys.exit(main())
