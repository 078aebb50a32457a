"""`python -m assistant ...` is the same as the `assistant` console script."""
import sys

from .cli import main

sys.exit(main())
