/**
 * A small formula evaluator, so a formula cell reads back a value (as in Excel, `values` holds
 * results, `formulas` the text) and custom rules can be judged on the preview page. Supports
 * literals, references (A1, $A$1, Sheet!A1:B2, defined names), arithmetic, comparison, &, %,
 * and a handful of functions. Anything else evaluates to #NAME? rather than guessing.
 */
import { columnIndex, MAX_COLUMNS, MAX_ROWS, type Rect } from './address';
import { existingCellsIn, findSheet, getCell, type CellScalar, type SheetState, type WorkbookState } from './model';

export interface Evaluated {
  value: CellScalar;
  isError: boolean;
}

export interface FormulaEnv {
  wb: WorkbookState;
  /** The sheet the formula belongs to. */
  sheet: SheetState;
  /** Shift applied to relative references: a rule written for a range's top-left, judged at another cell. */
  offset?: { rows: number; cols: number };
  depth?: number;
}

interface RefPart {
  row: number;
  col: number;
  rowAbs: boolean;
  colAbs: boolean;
}

type Tok =
  | { k: 'num'; v: number }
  | { k: 'str'; v: string }
  | { k: 'bool'; v: boolean }
  | { k: 'err'; v: string }
  | { k: 'ref'; sheet: string | null; a: RefPart; b?: RefPart }
  | { k: 'name'; v: string }
  | { k: 'func'; v: string }
  | { k: 'op'; v: string }
  | { k: '(' | ')' | ',' };

type Node =
  | { k: 'lit'; v: Evaluated }
  | { k: 'ref'; sheet: string | null; a: RefPart; b?: RefPart }
  | { k: 'name'; v: string }
  | { k: 'call'; f: string; args: Node[] }
  | { k: 'bin'; op: string; l: Node; r: Node }
  | { k: 'neg'; e: Node }
  | { k: 'pct'; e: Node };

type RangeVal = { k: 'range'; sheet: SheetState; rect: Rect };
type Val = Evaluated | RangeVal;

const err = (v: string): Evaluated => ({ value: v, isError: true });
const ok = (v: CellScalar): Evaluated => ({ value: v, isError: false });

const CELL_PART = String.raw`\$?[A-Za-z]{1,3}\$?\d{1,7}`;
const QUALIFIED = new RegExp(String.raw`^(?:'((?:[^']|'')+)'|([\p{L}_][\p{L}\p{N}_.]*))!(${CELL_PART})(?::(${CELL_PART}))?`, 'u');
const LOCAL = new RegExp(String.raw`^(${CELL_PART})(?::(${CELL_PART}))?(?![\p{L}\p{N}_.(!])`, 'u');
const ERROR_LITERAL = /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A)/i;

function refPart(text: string): RefPart {
  const m = /^(\$?)([A-Za-z]{1,3})(\$?)(\d+)$/.exec(text)!;
  return { colAbs: m[1] === '$', col: columnIndex(m[2]!), rowAbs: m[3] === '$', row: Number(m[4]) };
}

function tokenize(src: string): Tok[] | null {
  const out: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const rest = src.slice(i);
    const ch = src[i]!;
    let m: RegExpExecArray | null;
    if (/\s/.test(ch)) {
      i++;
    } else if ((m = /^(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?/.exec(rest))) {
      out.push({ k: 'num', v: Number(m[0]) });
      i += m[0].length;
    } else if ((m = /^"((?:[^"]|"")*)"/.exec(rest))) {
      out.push({ k: 'str', v: m[1]!.replace(/""/g, '"') });
      i += m[0].length;
    } else if ((m = ERROR_LITERAL.exec(rest))) {
      out.push({ k: 'err', v: m[0].toUpperCase() });
      i += m[0].length;
      // "#REF!$E$12": a reference whose sheet was deleted.
      const dangling = new RegExp(`^${CELL_PART}(?::${CELL_PART})?`).exec(src.slice(i));
      if (dangling) i += dangling[0].length;
    } else if ((m = QUALIFIED.exec(rest))) {
      const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2]!;
      out.push({ k: 'ref', sheet, a: refPart(m[3]!), ...(m[4] ? { b: refPart(m[4]) } : {}) });
      i += m[0].length;
    } else if ((m = LOCAL.exec(rest))) {
      out.push({ k: 'ref', sheet: null, a: refPart(m[1]!), ...(m[2] ? { b: refPart(m[2]) } : {}) });
      i += m[0].length;
    } else if ((m = /^[\p{L}_\\][\p{L}\p{N}_.]*/u.exec(rest))) {
      const word = m[0];
      i += word.length;
      const after = src.slice(i).trimStart();
      if (after.startsWith('(')) out.push({ k: 'func', v: word.toUpperCase() });
      else if (/^(TRUE|FALSE)$/i.test(word)) out.push({ k: 'bool', v: word.toUpperCase() === 'TRUE' });
      else out.push({ k: 'name', v: word });
    } else if ((m = /^(<=|>=|<>|[-+*/^&=<>%])/.exec(rest))) {
      out.push({ k: 'op', v: m[0] });
      i += m[0].length;
    } else if (ch === '(' || ch === ')' || ch === ',') {
      out.push({ k: ch });
      i++;
    } else {
      return null;
    }
  }
  return out;
}

class Parser {
  private i = 0;
  constructor(private readonly toks: Tok[]) {}

  parse(): Node | null {
    const node = this.comparison();
    return node && this.i === this.toks.length ? node : null;
  }

  private peekOp(...ops: string[]): string | null {
    const t = this.toks[this.i];
    return t?.k === 'op' && ops.includes(t.v) ? t.v : null;
  }

  private binary(next: () => Node | null, ops: string[]): Node | null {
    let l = next();
    let op: string | null;
    while (l && (op = this.peekOp(...ops))) {
      this.i++;
      const r = next();
      if (!r) return null;
      l = { k: 'bin', op, l, r };
    }
    return l;
  }

  private comparison = (): Node | null => this.binary(this.concat, ['=', '<>', '<', '>', '<=', '>=']);
  private concat = (): Node | null => this.binary(this.additive, ['&']);
  private additive = (): Node | null => this.binary(this.multiplicative, ['+', '-']);
  private multiplicative = (): Node | null => this.binary(this.power, ['*', '/']);
  private power = (): Node | null => this.binary(this.percent, ['^']);

  private percent = (): Node | null => {
    let e = this.unary();
    while (e && this.peekOp('%')) {
      this.i++;
      e = { k: 'pct', e };
    }
    return e;
  };

  private unary = (): Node | null => {
    const op = this.peekOp('-', '+');
    if (op) {
      this.i++;
      const e = this.unary();
      return e && (op === '-' ? { k: 'neg', e } : e);
    }
    return this.primary();
  };

  private primary(): Node | null {
    const t = this.toks[this.i++];
    if (!t) return null;
    switch (t.k) {
      case 'num':
        return { k: 'lit', v: ok(t.v) };
      case 'str':
        return { k: 'lit', v: ok(t.v) };
      case 'bool':
        return { k: 'lit', v: ok(t.v) };
      case 'err':
        return { k: 'lit', v: err(t.v) };
      case 'ref':
        return { k: 'ref', sheet: t.sheet, a: t.a, ...(t.b ? { b: t.b } : {}) };
      case 'name':
        return { k: 'name', v: t.v };
      case '(': {
        const e = this.comparison();
        return e && this.toks[this.i++]?.k === ')' ? e : null;
      }
      case 'func': {
        if (this.toks[this.i++]?.k !== '(') return null;
        const args: Node[] = [];
        if (this.toks[this.i]?.k === ')') {
          this.i++;
          return { k: 'call', f: t.v, args };
        }
        for (;;) {
          const a = this.comparison();
          if (!a) return null;
          args.push(a);
          const sep = this.toks[this.i++];
          if (sep?.k === ')') return { k: 'call', f: t.v, args };
          if (sep?.k !== ',') return null;
        }
      }
      default:
        return null;
    }
  }
}

/** Whether our parser understands the formula; Excel may still accept one we do not. */
export function parseFormula(formula: string): boolean {
  const toks = tokenize(formula.replace(/^=/, ''));
  return toks !== null && new Parser(toks).parse() !== null;
}

export function evaluateFormula(formula: string, env: FormulaEnv): Evaluated {
  if ((env.depth ?? 0) > 64) return ok(0);
  const toks = tokenize(formula.replace(/^=/, ''));
  const node = toks && new Parser(toks).parse();
  if (!node) return err('#NAME?');
  return scalar(evaluate(node, env), env);
}

/** A cell's value, evaluating its formula when it has one. */
export function cellResult(wb: WorkbookState, sheet: SheetState, row: number, col: number, depth = 0): Evaluated {
  const cell = getCell(sheet, row, col);
  if (!cell) return ok('');
  if (cell.formula !== null) return evaluateFormula(cell.formula, { wb, sheet, depth: depth + 1 });
  return { value: cell.value, isError: cell.isError };
}

function shift(p: RefPart, env: FormulaEnv): { row: number; col: number } {
  return { row: p.rowAbs ? p.row : p.row + (env.offset?.rows ?? 0), col: p.colAbs ? p.col : p.col + (env.offset?.cols ?? 0) };
}

function evaluate(node: Node, env: FormulaEnv): Val {
  switch (node.k) {
    case 'lit':
      return node.v;
    case 'ref': {
      const sheet = node.sheet === null ? env.sheet : findSheet(env.wb, node.sheet);
      if (!sheet) return err('#REF!');
      const a = shift(node.a, env);
      const b = node.b ? shift(node.b, env) : a;
      const rect = { top: Math.min(a.row, b.row), bottom: Math.max(a.row, b.row), left: Math.min(a.col, b.col), right: Math.max(a.col, b.col) };
      if (rect.top < 1 || rect.left < 1 || rect.bottom > MAX_ROWS || rect.right > MAX_COLUMNS) return err('#REF!');
      return { k: 'range', sheet, rect };
    }
    case 'name': {
      const lower = node.v.toLowerCase();
      const found =
        env.wb.names.find((n) => !n.deleted && n.scope === env.sheet && n.name.toLowerCase() === lower) ??
        env.wb.names.find((n) => !n.deleted && n.scope === null && n.name.toLowerCase() === lower);
      if (!found) return err('#NAME?');
      if (found.target.kind === 'range') {
        if (found.target.rects.length !== 1) return err('#VALUE!');
        return { k: 'range', sheet: found.target.sheet, rect: found.target.rects[0]! };
      }
      return evaluateFormula(found.target.formula, { ...env, offset: undefined, depth: (env.depth ?? 0) + 1 });
    }
    case 'neg': {
      const n = toNumber(scalar(evaluate(node.e, env), env));
      return typeof n === 'number' ? ok(-n) : n;
    }
    case 'pct': {
      const n = toNumber(scalar(evaluate(node.e, env), env));
      return typeof n === 'number' ? ok(n / 100) : n;
    }
    case 'bin':
      return binary(node.op, scalar(evaluate(node.l, env), env), scalar(evaluate(node.r, env), env));
    case 'call':
      return call(node.f, node.args.map((a) => evaluate(a, env)), env);
  }
}

function scalar(v: Val, env: FormulaEnv): Evaluated {
  if ('k' in v) {
    if (v.rect.top !== v.rect.bottom || v.rect.left !== v.rect.right) return err('#VALUE!');
    return cellResult(env.wb, v.sheet, v.rect.top, v.rect.left, env.depth ?? 0);
  }
  return v;
}

function toNumber(v: Evaluated): number | Evaluated {
  if (v.isError) return v;
  if (typeof v.value === 'number') return v.value;
  if (typeof v.value === 'boolean') return v.value ? 1 : 0;
  if (v.value === '') return 0;
  const n = Number(v.value.trim());
  return v.value.trim() !== '' && Number.isFinite(n) ? n : err('#VALUE!');
}

function toText(v: Evaluated): string {
  if (typeof v.value === 'boolean') return v.value ? 'TRUE' : 'FALSE';
  return String(v.value);
}

/** Excel orders numbers < text < logicals, text case-insensitively; blanks act as 0 or "". */
function compare(a: Evaluated, b: Evaluated): number {
  const rank = (v: CellScalar) => (typeof v === 'number' ? 0 : typeof v === 'string' ? 1 : 2);
  let x = a.value;
  let y = b.value;
  if (x === '' && typeof y === 'number') x = 0;
  if (y === '' && typeof x === 'number') y = 0;
  if (x === '' && typeof y === 'boolean') x = false;
  if (y === '' && typeof x === 'boolean') y = false;
  if (rank(x) !== rank(y)) return rank(x) - rank(y);
  if (typeof x === 'string') return x.toLowerCase().localeCompare(String(y).toLowerCase());
  return Number(x) - Number(y);
}

function binary(op: string, l: Evaluated, r: Evaluated): Evaluated {
  if (l.isError) return l;
  if (r.isError) return r;
  if (op === '&') return ok(toText(l) + toText(r));
  if (['=', '<>', '<', '>', '<=', '>='].includes(op)) {
    const c = compare(l, r);
    const result = { '=': c === 0, '<>': c !== 0, '<': c < 0, '>': c > 0, '<=': c <= 0, '>=': c >= 0 }[op as '='];
    return ok(result);
  }
  const a = toNumber(l);
  const b = toNumber(r);
  if (typeof a !== 'number') return a;
  if (typeof b !== 'number') return b;
  switch (op) {
    case '+':
      return ok(a + b);
    case '-':
      return ok(a - b);
    case '*':
      return ok(a * b);
    case '/':
      return b === 0 ? err('#DIV/0!') : ok(a / b);
    case '^':
      return ok(a ** b);
    default:
      return err('#NAME?');
  }
}

/** Values a range or argument contributes to an aggregate; ranges skip text and logicals as Excel does. */
function numbersOf(args: Val[], env: FormulaEnv): number[] | Evaluated {
  const out: number[] = [];
  for (const a of args) {
    if ('k' in a) {
      for (const cell of existingCellsIn(a.sheet, a.rect)) {
        const v = cellResult(env.wb, a.sheet, cell.row, cell.col, env.depth ?? 0);
        if (v.isError) return v;
        if (typeof v.value === 'number') out.push(v.value);
      }
    } else {
      const n = toNumber(a);
      if (typeof n !== 'number') return n;
      out.push(n);
    }
  }
  return out;
}

function truthy(v: Evaluated): boolean | Evaluated {
  if (v.isError) return v;
  if (typeof v.value === 'boolean') return v.value;
  if (typeof v.value === 'number') return v.value !== 0;
  if (v.value === '') return false;
  if (/^(true|false)$/i.test(v.value)) return v.value.toUpperCase() === 'TRUE';
  return err('#VALUE!');
}

function call(f: string, args: Val[], env: FormulaEnv): Evaluated {
  const s = (i: number) => scalar(args[i] ?? ok(''), env);
  const aggregate = (fn: (ns: number[]) => Evaluated) => {
    const ns = numbersOf(args, env);
    return Array.isArray(ns) ? fn(ns) : ns;
  };
  switch (f) {
    case 'SUM':
      return aggregate((ns) => ok(ns.reduce((x, y) => x + y, 0)));
    case 'MIN':
      return aggregate((ns) => ok(ns.length ? Math.min(...ns) : 0));
    case 'MAX':
      return aggregate((ns) => ok(ns.length ? Math.max(...ns) : 0));
    case 'AVERAGE':
      return aggregate((ns) => (ns.length ? ok(ns.reduce((x, y) => x + y, 0) / ns.length) : err('#DIV/0!')));
    case 'COUNT':
      return aggregate((ns) => ok(ns.length));
    case 'COUNTA': {
      let n = 0;
      for (const a of args) {
        if ('k' in a) {
          for (const cell of existingCellsIn(a.sheet, a.rect)) if (cell.formula !== null || cell.value !== '') n++;
        } else n++;
      }
      return ok(n);
    }
    case 'IF': {
      const c = truthy(s(0));
      if (typeof c !== 'boolean') return c;
      return c ? s(1) : args.length > 2 ? s(2) : ok(false);
    }
    case 'AND':
    case 'OR': {
      const vs = args.map((_, i) => truthy(s(i)));
      const bad = vs.find((v): v is Evaluated => typeof v !== 'boolean');
      if (bad) return bad;
      return ok(f === 'AND' ? vs.every(Boolean) : vs.some(Boolean));
    }
    case 'NOT': {
      const c = truthy(s(0));
      return typeof c === 'boolean' ? ok(!c) : c;
    }
    case 'ISBLANK': {
      const a = args[0];
      if (a && 'k' in a) {
        const cell = getCell(a.sheet, a.rect.top, a.rect.left);
        return ok(!cell || (cell.formula === null && cell.value === ''));
      }
      return ok(false);
    }
    case 'ISNUMBER':
      return ok(!s(0).isError && typeof s(0).value === 'number');
    case 'ISTEXT':
      return ok(!s(0).isError && typeof s(0).value === 'string' && s(0).value !== '');
    case 'ISERROR':
      return ok(s(0).isError);
    case 'HYPERLINK': {
      // Excel shows the friendly name (or the location) and follows the link on click.
      const shown = args.length > 1 ? s(1) : s(0);
      return shown.isError ? shown : ok(toText(shown));
    }
    case 'LEN':
      return s(0).isError ? s(0) : ok(toText(s(0)).length);
    case 'TRIM':
      return s(0).isError ? s(0) : ok(toText(s(0)).trim().replace(/ +/g, ' '));
    case 'UPPER':
      return s(0).isError ? s(0) : ok(toText(s(0)).toUpperCase());
    case 'LOWER':
      return s(0).isError ? s(0) : ok(toText(s(0)).toLowerCase());
    case 'CONCATENATE':
      return args.reduce<Evaluated>((acc, _, i) => (acc.isError ? acc : s(i).isError ? s(i) : ok(toText(acc) + toText(s(i)))), ok(''));
    case 'ABS': {
      const n = toNumber(s(0));
      return typeof n === 'number' ? ok(Math.abs(n)) : n;
    }
    case 'ROUND': {
      const n = toNumber(s(0));
      const d = toNumber(s(1));
      if (typeof n !== 'number') return n;
      if (typeof d !== 'number') return d;
      const k = 10 ** Math.trunc(d);
      return ok(Math.sign(n) * Math.round(Math.abs(n) * k) / k);
    }
    default:
      return err('#NAME?');
  }
}
