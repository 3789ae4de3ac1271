"""The same merge written the obvious way with openpyxl, for `npm run bench:merge` to compare:
open each returned workbook, read the defined names CT_*, take each one's cell value, and write
one summary workbook (a row per return, a column per name). Usage:
    python3 scripts/merge-openpyxl.py <folder> <out.xlsx>
"""
import os
import sys

import openpyxl


def names_of(wb):
    """(name, destinations) for every workbook-scoped defined name, on openpyxl 3.0 and 3.1."""
    dn = wb.defined_names
    if hasattr(dn, "definedName"):  # 3.0
        items = [(d.name, d) for d in dn.definedName]
    else:  # 3.1: a dict
        items = list(dn.items())
    for name, d in items:
        if name.startswith("CT_"):
            yield name, list(d.destinations)


def main(folder, out):
    files = sorted(f for f in os.listdir(folder) if f.lower().endswith(".xlsx") and not f.startswith("~$"))
    header = None
    rows = []
    skipped = 0
    for f in files:
        try:
            wb = openpyxl.load_workbook(os.path.join(folder, f), data_only=True)
        except Exception:
            skipped += 1
            continue
        values = {}
        for name, dests in names_of(wb):
            for sheet, ref in dests:
                if sheet in wb.sheetnames:
                    values[name] = wb[sheet][ref.replace("$", "").split(":")[0]].value
        if header is None:
            header = sorted(values)
        rows.append([f] + [values.get(n) for n in header])
        wb.close()
    summary = openpyxl.Workbook()
    ws = summary.active
    ws.title = "Summary"
    ws.append(["file"] + (header or []))
    for r in rows:
        ws.append([v if isinstance(v, (int, float, str)) or v is None else str(v) for v in r])
    summary.save(out)
    print(f"openpyxl merge: {len(rows)} returns, {skipped} skipped")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
