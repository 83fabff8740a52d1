"""Pure alerting core: the contract's alert rules as a state machine, and an in-process backtest.

    AlertRules ◀── load_alert_rules(path | None)           (streams/config/alert_rules.toml)
    IndexState ──advance(state, move, rules)──▶ (IndexState, [Alert])
    stored value ──apply_move(stored, move, position, rules)──▶ Applied  (the alert agent's step)
    [Extraction] ──backtest(extractions, rules)──▶ [Alert]   (AlertEngine: one IndexState per index)
    Alert ──alert_line / alert_summary / alert_cells──▶ text for people  (display.py: tail, backtest
                                                         --pretty, the demo and the worker's log)

No Kafka and no I/O, except reading the rules file in ``load_alert_rules``.
"""

from __future__ import annotations

from streams.alerting.apply import Applied, apply_move
from streams.alerting.backtest import AlertEngine, backtest, order_by_published
from streams.alerting.display import alert_cells, alert_line, alert_summary
from streams.alerting.rules import AlertRules, alert_rules_from_mapping, load_alert_rules
from streams.alerting.state import (
    STATE_VERSION,
    IndexState,
    advance,
    alert_id,
    canonical_number,
    implausible_figures,
)

__all__ = [
    "STATE_VERSION",
    "AlertEngine",
    "AlertRules",
    "Applied",
    "IndexState",
    "advance",
    "alert_cells",
    "alert_id",
    "alert_line",
    "alert_rules_from_mapping",
    "alert_summary",
    "apply_move",
    "backtest",
    "canonical_number",
    "implausible_figures",
    "load_alert_rules",
    "order_by_published",
]
