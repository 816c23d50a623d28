"""Number formatting for the app (no Qt needed)."""
import math

from ui import formatting as fmt


def test_money_and_rates():
    assert fmt.yi(1019.2236937) == "1,019.22 亿元"
    assert fmt.yi(None) == fmt.DASH
    assert fmt.yi(math.nan) == fmt.DASH
    assert fmt.signed_yi(-4) == "−4.00 亿元"
    assert fmt.signed_yi(12.3) == "+12.30 亿元"
    assert fmt.percent(0.156) == "15.60%"
    assert fmt.percent(None) == fmt.DASH
    assert fmt.year(None) == fmt.DASH and fmt.year(2027) == "2027"


def test_axis_steps_are_round():
    assert fmt.axis_step(1936.8) == 500
    assert fmt.axis_max(1936.8) == 2000
    assert fmt.axis_max(2831) == 3000
    assert fmt.axis_max(0) == 1.0
