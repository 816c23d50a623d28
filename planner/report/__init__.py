"""The leadership report (汇报材料): a Word document of sentences, tables and charts.

gather (document → run JSON + analyses) → content (numbers → sentences and tables, no
files) → charts (matplotlib, Agg) → docx_writer; command.py is the CLI. No Qt here.
"""
