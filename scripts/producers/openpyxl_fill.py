"""Fills our template the way a department's openpyxl script does: load, set the figures through
the defined names (workbook-scoped, the cell contract), save. Debian's python3-openpyxl:

    /usr/bin/python3 openpyxl_fill.py <template.xlsx> <scenario.json> <out.xlsx> [--script-formulas]

With --script-formulas the cells scenario.json lists under "scriptFormulas" are written as
formulas ("=0.425"): openpyxl cannot compute them, so the file holds no cached result for them,
and a correct reader says "formula without a calculated value" rather than reading them as empty.
openpyxl writes absolute relationship targets (/xl/worksheets/sheet1.xml) and drops the VML of
cell comments' shapes; it keeps number formats.
"""
import json
import sys

import openpyxl


def destinations(wb):
    """name -> (sheet, "E30") for every workbook-scoped defined name, on openpyxl 3.0 and 3.1."""
    dn = wb.defined_names
    items = [(d.name, d) for d in dn.definedName] if hasattr(dn, "definedName") else list(dn.items())
    out = {}
    for name, d in items:
        if d.localSheetId is not None:
            continue
        for sheet, ref in d.destinations:
            out[name] = (sheet, ref.replace("$", ""))
    return out


def main(template, scenario_file, out, *flags):
    scenario = json.load(open(scenario_file, encoding="utf-8"))
    formulas = scenario["scriptFormulas"] if "--script-formulas" in flags else {}
    wb = openpyxl.load_workbook(template)
    at = destinations(wb)
    for name, spec in scenario["cells"].items():
        spec = spec if isinstance(spec, dict) else {"value": spec}
        sheet, ref = at[name]
        cell = wb[sheet][ref]
        # A figure typed as 0 stays the number 0 (openpyxl writes <v>0</v>), not an empty cell.
        cell.value = f"={formulas[name]}" if name in formulas else spec["value"]
        if "format" in spec:
            cell.number_format = spec["format"]
    wb.save(out)


if __name__ == "__main__":
    main(*sys.argv[1:])
