"""Everything that computes or touches files; no Qt."""
import os

# python-docx (the report) brings lxml, and openpyxl would then parse workbooks with lxml,
# which defusedxml does not guard (an entity bomb would be expanded, not refused). Keep
# openpyxl on the standard-library parser that defusedxml protects. openpyxl reads this
# when it is first imported, and every reader of workbooks here imports planner first.
os.environ["OPENPYXL_LXML"] = "False"
