"""Copies the return sheet in LibreOffice, for real, as a person does to keep a backup before
changing figures: Sheet > Duplicate Sheet (the API's copyByName). LibreOffice then gives the copy
a sheet-scoped duplicate of every CT_* name (localSheetId in the saved file) pointing at the copy.
The copy then gets different figures (scenario.json "backup"): a correct reader reads the
workbook-scoped names (the original sheet) and never these.

    /usr/bin/python3 lo_copy_sheet.py <in.xlsx> <out.xlsx> <contract.json> <scenario.json> <profile dir>

Needs Debian's python3-uno (the LibreOffice bridge) and libreoffice-calc-nogui.
"""
import json
import os
import subprocess
import sys
import time

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def connect(pipe):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    last = None
    for _ in range(120):
        try:
            return resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
        except Exception as error:  # NoConnectException until soffice is up
            last = error
            time.sleep(0.25)
    raise RuntimeError(f"LibreOffice did not start: {last}")


def main(src, out, contract_file, scenario_file, profile):
    contract = json.load(open(contract_file, encoding="utf-8"))
    scenario = json.load(open(scenario_file, encoding="utf-8"))
    pipe = f"chitieu_corpus_{os.getpid()}"
    office = subprocess.Popen([
        "soffice", f"-env:UserInstallation=file://{os.path.abspath(profile)}", "--headless", "--invisible",
        "--nologo", "--norestore", f"--accept=pipe,name={pipe};urp;",
    ])
    try:
        ctx = connect(pipe)
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(src)), "_blank", 0, (prop("Hidden", True),))
        sheet_name = contract["CT_UNIT_ID"]["sheet"]
        copy_name = f"{sheet_name} (sao lưu)"
        sheets = doc.Sheets
        # The template's sheet is protected (without a password): a person unprotects it to edit the copy.
        sheets.copyByName(sheet_name, copy_name, sheets.Count)
        copy = sheets.getByName(copy_name)
        copy.unprotect("")
        for name, value in scenario["backup"].items():
            cell = copy.getCellRangeByName(contract[name]["address"])
            if isinstance(value, str):
                cell.setString(value)
            else:
                cell.setValue(value)
        doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(out)), (prop("FilterName", "Calc MS Excel 2007 XML"),))
        doc.close(True)
    finally:
        try:
            desktop.terminate()
        except Exception:
            pass
        try:
            office.wait(timeout=30)
        except subprocess.TimeoutExpired:
            office.kill()


if __name__ == "__main__":
    main(*sys.argv[1:6])
