"""Builds a return from scratch with xlsxwriter (Debian's python3-xlsxwriter), as a department's
export does: xlsxwriter cannot read, so the cells come from our template's contract
(contract.json, written by base.ts: every CT_* name's sheet, address, value and number format)
and the figures from scenario.json. Every contract name is defined workbook-scoped, the way the
cell contract says.

    /usr/bin/python3 xlsxwriter_build.py <contract.json> <scenario.json> <out.xlsx>

Formulas carry their results, as xlsxwriter writes them when given one (value=...): the
"zeroFormulas" of scenario.json with the cached result 0 (a figure of 0% must read as 0, not as
empty) and the "scriptFormulas" with their figure as the cached result.
"""
import json
import sys

import xlsxwriter


def main(contract_file, scenario_file, out):
    contract = json.load(open(contract_file, encoding="utf-8"))
    scenario = json.load(open(scenario_file, encoding="utf-8"))
    wb = xlsxwriter.Workbook(out)
    sheet_name = contract["CT_UNIT_ID"]["sheet"]
    ws = wb.add_worksheet(sheet_name)
    formats = {}

    def fmt(code):
        if not code or code == "General":
            return None
        if code not in formats:
            formats[code] = wb.add_format({"num_format": code})
        return formats[code]

    formulas = {**scenario["scriptFormulas"], **scenario["zeroFormulas"]}
    for name, c in contract.items():
        spec = scenario["cells"].get(name)
        spec = spec if isinstance(spec, dict) else ({"value": spec} if spec is not None else {"value": c["value"]})
        value = spec["value"]
        cell_format = fmt(spec.get("format", c["numFmt"]))
        if name in formulas:
            ws.write_formula(c["address"], f"={formulas[name]}", cell_format, value)
        elif value is None:
            ws.write_blank(c["address"], None, cell_format)
        elif isinstance(value, str):
            ws.write_string(c["address"], value, cell_format)
        else:
            ws.write_number(c["address"], value, cell_format)
        quoted = sheet_name.replace("'", "''")
        row_col = c["address"]
        letters = "".join(ch for ch in row_col if ch.isalpha())
        digits = row_col[len(letters):]
        wb.define_name(name, f"='{quoted}'!${letters}${digits}")
    wb.close()


if __name__ == "__main__":
    main(*sys.argv[1:4])
