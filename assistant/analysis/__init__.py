"""Analysis stage: read the community's data tables (survey, postings, supply, technology needs,
industry statistics) and compute the figures and forecasts that drafting and the lists cite."""
from .core import *  # noqa: F401,F403
from .core import DATA_DIR, TABLE_KINDS  # noqa: F401
from .columns import FieldMatch, load_overrides, map_headers  # noqa: F401
from .tables import PerformanceWorkbook, UnreadableFile  # noqa: F401
from .values import Problem, check_report_year, problems_line  # noqa: F401
from .forecast import *  # noqa: F401,F403
from .forecast import METHOD_NAMES, DEFAULT_MESSAGES, Z  # noqa: F401
