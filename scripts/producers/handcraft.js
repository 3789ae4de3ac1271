/**
 * Hand-crafted edge files: the filled return (exceljs-filled.xlsx) with one part rewritten in the
 * zip (fflate), each file one thing that valid SpreadsheetML allows and that some producer writes:
 *
 *   hand-x-prefix.xlsx           every SpreadsheetML part with an `x:` prefix (Open XML SDK style)
 *   hand-no-r.xlsx               cells without `r` (each takes the next column; gaps as empty <c/>)
 *   hand-sheet-part-name.xlsx    the sheet part named xl/worksheets/data.xml, not sheetN.xml
 *   hand-date1904.xlsx           date1904="true", and a date typed into a source cell (1904 serial)
 *   hand-comment-cdata.xlsx      XML comments and CDATA sections inside <v> and <t>; a comment
 *                                holding a decoy <v> before a cell's real one
 *   hand-inline-strings.xlsx     every string an inline string (<is>), no shared strings part
 *   hand-formulas-cached.xlsx    formulas with their cached results (0 for scenario "zeroFormulas")
 *   hand-formula-uncached.xlsx   scenario "scriptFormulas" as formulas with no <v> at all
 *
 *   node handcraft.js <exceljs-filled.xlsx> <contract.json> <scenario.json> <out dir>
 */
const fs = require('node:fs');
const path = require('node:path');
const { strFromU8, strToU8, unzipSync, zipSync } = require('fflate');

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const SHEET = 'xl/worksheets/sheet1.xml';

const text = (files, part) => strFromU8(files[part]);
const put = (files, part, xml) => void (files[part] = strToU8(xml));
/** Rewrites a part's text. */
const edit = (files, part, change) => put(files, part, change(text(files, part)));
const escapeXml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The <c …>…</c> (or <c …/>) element at `address`, or throws: every edit must land. */
function cellElement(xml, address) {
  const re = new RegExp(`<c r="${address}"(?: [^>]*?)?(?:/>|>[\\s\\S]*?</c>)`);
  const m = re.exec(xml);
  if (!m) throw new Error(`no cell ${address}`);
  return m[0];
}

function replaceCell(xml, address, make) {
  const old = cellElement(xml, address);
  const s = /\bs="(\d+)"/.exec(old);
  return xml.replace(old, make(s ? ` s="${s[1]}"` : ''));
}

function sharedStrings(files) {
  const xml = text(files, 'xl/sharedStrings.xml');
  return [...xml.matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => m[1]);
}

/** Every element of the SpreadsheetML namespace prefixed with x:, the default namespace declared as x. */
function prefixed(xml) {
  if (!xml.includes(`xmlns="${MAIN_NS}"`)) throw new Error('not a SpreadsheetML part');
  return xml
    .replace(`xmlns="${MAIN_NS}"`, `xmlns:x="${MAIN_NS}"`)
    .replace(/<(\/?)([A-Za-z][\w.-]*)(?=[\s/>])/g, (_, slash, name) => `<${slash}x:${name}`);
}

const edits = {
  'hand-x-prefix.xlsx'(files) {
    for (const part of ['xl/workbook.xml', SHEET, 'xl/sharedStrings.xml', 'xl/styles.xml']) put(files, part, prefixed(text(files, part)));
  },

  'hand-no-r.xlsx'(files) {
    const columnNumber = (letters) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    const xml = text(files, SHEET).replace(/(<row\b[^>]*>)([\s\S]*?)(<\/row>)/g, (_, open, body, close) => {
      let next = 1;
      const cells = body.replace(/<c r="([A-Z]+)\d+"/g, (m, letters) => {
        const column = columnNumber(letters);
        // A cell without r is the next column of its row: empty cells fill the gaps.
        const gap = '<c/>'.repeat(column - next);
        next = column + 1;
        return `${gap}<c`;
      });
      return open + cells + close;
    });
    put(files, SHEET, xml);
  },

  'hand-sheet-part-name.xlsx'(files) {
    files['xl/worksheets/data.xml'] = files[SHEET];
    delete files[SHEET];
    files['xl/worksheets/_rels/data.xml.rels'] = files['xl/worksheets/_rels/sheet1.xml.rels'];
    delete files['xl/worksheets/_rels/sheet1.xml.rels'];
    edit(files, 'xl/_rels/workbook.xml.rels', (xml) => xml.replace('worksheets/sheet1.xml', 'worksheets/data.xml'));
    edit(files, '[Content_Types].xml', (xml) => xml.replace('/xl/worksheets/sheet1.xml', '/xl/worksheets/data.xml'));
  },

  'hand-date1904.xlsx'(files, { contract, scenario }) {
    edit(files, 'xl/workbook.xml', (wb) => {
      if (/<workbookPr\b/.test(wb)) return wb.replace(/<workbookPr\b/, '<workbookPr date1904="true"');
      return wb.replace(/<sheets>/, '<workbookPr date1904="true"/><sheets>');
    });
    // A date format of our own, and a style using it.
    let styles = text(files, 'xl/styles.xml');
    const { name, date, format } = scenario.dateSource;
    const numFmt = `<numFmt numFmtId="200" formatCode="${escapeXml(format)}"/>`;
    styles = styles.replace(/<numFmts count="(\d+)">/, (_, n) => `<numFmts count="${Number(n) + 1}">${numFmt}`);
    const xfCount = Number(/<cellXfs count="(\d+)"/.exec(styles)[1]);
    const xf = '<xf numFmtId="200" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>';
    styles = styles.replace(/<cellXfs count="\d+">([\s\S]*?)<\/cellXfs>/, (_, body) => {
      return `<cellXfs count="${xfCount + 1}">${body}${xf}</cellXfs>`;
    });
    put(files, 'xl/styles.xml', styles);
    // Days since 1904-01-01 (the 1904 system's day 0).
    const serial = (Date.parse(`${date}T00:00:00Z`) - Date.parse('1904-01-01T00:00:00Z')) / 86400000;
    const r = contract[name].address;
    edit(files, SHEET, (xml) => replaceCell(xml, r, () => `<c r="${r}" s="${xfCount}"><v>${serial}</v></c>`));
  },

  'hand-comment-cdata.xlsx'(files, { contract, scenario }) {
    let xml = text(files, SHEET);
    /** The cell of `name` with `body` inside it (its style kept). */
    const set = (name, body) => {
      const r = contract[name].address;
      xml = replaceCell(xml, r, (s) => `<c r="${r}"${s}>${body}</c>`);
    };
    // 0.4 split by a comment; 0.425 in a CDATA section; 0.3 after a comment holding a decoy value.
    const [whole, frac] = String(scenario.cells.CT_1_5_Q1).split('.');
    set('CT_1_5_Q1', `<v>${whole}.<!-- ${frac} follows -->${frac}</v>`);
    set('CT_1_5_Q2', `<v><![CDATA[${scenario.cells.CT_1_5_Q2}]]></v>`);
    set('CT_2_9_Q1', `<!-- <v>0.99</v></c> --><v>${scenario.cells.CT_2_9_Q1}</v>`);
    put(files, SHEET, xml);
    // In shared strings: a comment inside <t>, and a CDATA section holding < and & unescaped.
    let sst = text(files, 'xl/sharedStrings.xml');
    const withComment = scenario.cells.CT_1_1_Q1_INTL;
    const cut = withComment.indexOf(' ');
    const commented = `${escapeXml(withComment.slice(0, cut))}<!-- ITU figure -->${escapeXml(withComment.slice(cut))}`;
    sst = sst.replace(`<t>${escapeXml(withComment)}</t>`, `<t>${commented}</t>`);
    const raw = scenario.cells.CT_2_3_Q1_INTL;
    sst = sst.replace(`<t>${escapeXml(raw)}</t>`, `<t><![CDATA[${raw}]]></t>`);
    if (!sst.includes('<!-- ITU figure -->') || !sst.includes('<![CDATA[')) throw new Error('shared strings not edited');
    put(files, 'xl/sharedStrings.xml', sst);
  },

  'hand-inline-strings.xlsx'(files) {
    const items = sharedStrings(files);
    const xml = text(files, SHEET).replace(/<c r="([A-Z]+\d+)"((?: s="\d+")?) t="s"><v>(\d+)<\/v><\/c>/g, (_, r, s, i) => {
      const body = items[Number(i)];
      // xml:space keeps leading or trailing spaces, as Excel writes them.
      return `<c r="${r}"${s} t="inlineStr"><is>${body.replace(/<t>/g, '<t xml:space="preserve">')}</is></c>`;
    });
    if (/ t="s"/.test(xml)) throw new Error('a shared string cell was left');
    put(files, SHEET, xml);
    delete files['xl/sharedStrings.xml'];
    edit(files, 'xl/_rels/workbook.xml.rels', (xml) => xml.replace(/<Relationship [^>]*sharedStrings[^>]*\/>/, ''));
    edit(files, '[Content_Types].xml', (xml) => xml.replace(/<Override PartName="\/xl\/sharedStrings.xml"[^>]*\/>/, ''));
  },

  'hand-formulas-cached.xlsx'(files, { contract, scenario }) {
    let xml = text(files, SHEET);
    for (const [name, formula] of Object.entries({ ...scenario.scriptFormulas, ...scenario.zeroFormulas })) {
      const r = contract[name].address;
      xml = replaceCell(xml, r, (s) => `<c r="${r}"${s}><f>${escapeXml(formula)}</f><v>${scenario.cells[name]}</v></c>`);
    }
    put(files, SHEET, xml);
  },

  'hand-formula-uncached.xlsx'(files, { contract, scenario }) {
    let xml = text(files, SHEET);
    for (const [name, formula] of Object.entries(scenario.scriptFormulas)) {
      const r = contract[name].address;
      xml = replaceCell(xml, r, (s) => `<c r="${r}"${s}><f>${escapeXml(formula)}</f></c>`);
    }
    put(files, SHEET, xml);
  },
};

function main(base, contractFile, scenarioFile, outDir) {
  const json = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));
  const context = { contract: json(contractFile), scenario: json(scenarioFile) };
  const bytes = fs.readFileSync(base);
  // The zip entries' times are fixed: only the edit differs from the base file.
  const mtime = new Date('2025-07-01T00:00:00Z');
  for (const [file, change] of Object.entries(edits)) {
    const files = unzipSync(bytes);
    change(files, context);
    const entries = Object.fromEntries(Object.entries(files).map(([name, data]) => [name, [data, { mtime }]]));
    fs.writeFileSync(path.join(outDir, file), zipSync(entries, { level: 6 }));
  }
}

main(...process.argv.slice(2));
