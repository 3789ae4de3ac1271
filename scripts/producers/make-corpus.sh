#!/usr/bin/env bash
# Regenerates tests/fixtures/producers/: one return (scripts/producers/scenario.json) written by
# the tools units really use, plus hand-crafted edge files, and expected.json (what a correct
# reading of each gives). The files are committed: CI and `npm test` need none of these tools.
#
# Regenerate (Debian 12, Node 20, from the repository's root, after `npm ci`):
#   apt-get install -y libreoffice-calc-nogui python3-uno gnumeric python3-openpyxl python3-xlsxwriter
#   bash scripts/producers/make-corpus.sh            # or: … make-corpus.sh <other output dir>
# then run tests/unit/producers and commit the changed files. Bytes differ from run to run (tools
# stamp times into docProps); what the files say does not.
#
# Steps: `chitieu template` writes our template; base.ts exports its contract (names, addresses,
# formats) and fills it with ExcelJS (exceljs-filled.xlsx); then each tool writes its file from the
# template (openpyxl, SheetJS, xlsx-populate fill it; xlsxwriter builds from the contract) or from
# a filled file (LibreOffice, gnumeric re-save it; LibreOffice duplicates its sheet);
# handcraft.js rewrites parts of exceljs-filled.xlsx; expected.ts writes expected.json.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
HERE=$ROOT/scripts/producers
OUT=$(realpath -m "${1:-$ROOT/tests/fixtures/producers}")
# Debian's python3 has openpyxl, xlsxwriter and uno; a pyenv or venv python3 on PATH may not.
PY=/usr/bin/python3
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cd "$ROOT"

need() { command -v "$1" >/dev/null || { echo "make-corpus: $1 is missing (apt-get install -y $2)" >&2; exit 1; }; }
need soffice libreoffice-calc-nogui
need ssconvert gnumeric
"$PY" -c 'import openpyxl, xlsxwriter' || { echo "make-corpus: apt-get install -y python3-openpyxl python3-xlsxwriter" >&2; exit 1; }
"$PY" -c 'import uno' || { echo "make-corpus: apt-get install -y python3-uno" >&2; exit 1; }
node -e "require('xlsx'); require('xlsx-populate')" || {
  echo "make-corpus: npm ci first (xlsx, xlsx-populate are devDependencies)" >&2
  exit 1
}

SCENARIO=$HERE/scenario.json
UNIT=$(node -p "require('$SCENARIO').unit")
YEAR=$(node -p "require('$SCENARIO').year")
mkdir -p "$OUT"
rm -f "$OUT"/*.xlsx "$OUT"/expected.json

# LibreOffice with a profile of its own (a person's profile and settings never change the files).
LO_PROFILE=$WORK/lo-profile
lo_convert() { # <source.xlsx> <target name>
  local dir
  dir=$(mktemp -d -p "$WORK")
  soffice -env:UserInstallation=file://"$LO_PROFILE" --headless --convert-to xlsx --outdir "$dir" "$1" >/dev/null 2>&1
  mv "$dir/$(basename "$1")" "$OUT/$2"
}

echo "template: $UNIT $YEAR"
node bin/chitieu.js template --unit "$UNIT" --year "$YEAR" --out "$WORK/template.xlsx" --force >/dev/null
node bin/run-ts.js "$HERE/base.ts" "$WORK/template.xlsx" "$WORK" "$OUT"

echo "openpyxl"
"$PY" "$HERE/openpyxl_fill.py" "$WORK/template.xlsx" "$SCENARIO" "$OUT/openpyxl-filled.xlsx"
"$PY" "$HERE/openpyxl_fill.py" "$WORK/template.xlsx" "$SCENARIO" "$OUT/openpyxl-formulas.xlsx" --script-formulas

echo "xlsxwriter"
"$PY" "$HERE/xlsxwriter_build.py" "$WORK/contract.json" "$SCENARIO" "$OUT/xlsxwriter-scratch.xlsx"

echo "LibreOffice"
cp "$OUT/exceljs-filled.xlsx" "$WORK/libreoffice-resave.xlsx"
lo_convert "$WORK/libreoffice-resave.xlsx" libreoffice-resave.xlsx
cp "$OUT/openpyxl-formulas.xlsx" "$WORK/libreoffice-recalculated.xlsx"
lo_convert "$WORK/libreoffice-recalculated.xlsx" libreoffice-recalculated.xlsx
"$PY" "$HERE/lo_copy_sheet.py" "$OUT/exceljs-filled.xlsx" "$OUT/libreoffice-copied-sheet.xlsx" \
  "$WORK/contract.json" "$SCENARIO" "$LO_PROFILE"

echo "gnumeric"
ssconvert "$OUT/exceljs-filled.xlsx" "$OUT/gnumeric-resave.xlsx" 2>/dev/null
ssconvert "$OUT/openpyxl-formulas.xlsx" "$OUT/gnumeric-recalculated.xlsx" 2>/dev/null

echo "SheetJS, xlsx-populate"
node "$HERE/sheetjs_fill.js" "$WORK/template.xlsx" "$SCENARIO" "$OUT/sheetjs-filled.xlsx"
node "$HERE/xlsx_populate_fill.js" "$WORK/template.xlsx" "$SCENARIO" "$OUT/xlsx-populate-filled.xlsx"

echo "hand-crafted"
node "$HERE/handcraft.js" "$OUT/exceljs-filled.xlsx" "$WORK/contract.json" "$SCENARIO" "$OUT"

# The versions that made the files, recorded beside what they made.
node -e '
const [lo, gn, opx, xw] = process.argv.slice(1);
// Read from node_modules directly: some packages (fflate) do not export their package.json.
const v = (m) => JSON.parse(require("fs").readFileSync("node_modules/" + m + "/package.json", "utf8")).version;
console.log(JSON.stringify({ exceljs: v("exceljs"), libreoffice: lo, gnumeric: gn, openpyxl: opx, xlsxwriter: xw,
  sheetjs: v("xlsx"), "xlsx-populate": v("xlsx-populate"), hand: "fflate " + v("fflate") }));
' "$(soffice --version 2>/dev/null | head -n1 | awk '{print $2}')" \
  "$(ssconvert --version 2>&1 | sed -n "s/^ssconvert version '\(.*\)'/\1/p")" \
  "$("$PY" -c 'import openpyxl; print(openpyxl.__version__)')" \
  "$("$PY" -c 'import xlsxwriter; print(xlsxwriter.__version__)')" > "$WORK/versions.json"
node bin/run-ts.js "$HERE/expected.ts" "$OUT" "$WORK/versions.json"

ls -l "$OUT"
