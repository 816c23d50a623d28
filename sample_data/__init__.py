"""The bundled 乐山高新区 sample (sample-data.md)."""
from pathlib import Path

SAMPLE_WORKBOOK = Path(__file__).with_name("leshan_2023.xlsx")
