"""The wire contract (shared/contract.md) as pydantic v2 models, one module per message.

The JSON Schema files beside these modules are generated from the models by
``milestones schemas`` and checked in: they are the published contract.
"""

from schemas.alert import Alert, AlertDirection, AlertKind
from schemas.article import Article
from schemas.index_move import Direction, IndexMove
from schemas.quote import Quote

__all__ = ["Alert", "AlertDirection", "AlertKind", "Article", "Direction", "IndexMove", "Quote"]
