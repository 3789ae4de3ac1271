/**
 * The zip container of an .xlsx, read defensively: a returned file comes from anyone. Sizes a
 * header declares are never trusted (a part inflates only up to its cap, whatever it says), zip64
 * records are read as written, and every refusal carries a reason a person can act on.
 *
 * Web-standard (fflate, DataView), so the task pane reads files with it too.
 */
import { Inflate, inflateSync } from 'fflate';

export type Reason = { vi: string; en: string };

/** A reason the bytes cannot be read as a workbook (refused, never thrown further than the reader). */
export class ZipProblem extends Error {
  constructor(readonly reason: Reason) {
    super(reason.en);
  }
}

export interface ZipLimits {
  /** The most bytes a file may have: a filled return is ~100 KB. */
  fileBytes: number;
  /** The most one part may inflate to: a return's largest part (its sheet) is ~0.2–1 MB. */
  partBytes: number;
  /**
   * Past `ratioFrom` inflated bytes, a part inflating more than `ratio` times the compressed bytes it
   * came from is a bomb: real parts stay under 1:50 (the producers' corpus: ≤ 1:44), a bomb is ~1:1000.
   * It stops a bomb after a few megabytes instead of at the part's cap.
   */
  ratio: number;
  ratioFrom: number;
  /** The most all parts read from one file may inflate to together. */
  totalBytes: number;
  /** The most entries a zip may list (a workbook has a few dozen). */
  entries: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  fileBytes: 20 * 1024 * 1024,
  partBytes: 16 * 1024 * 1024,
  ratio: 250,
  ratioFrom: 4 * 1024 * 1024,
  totalBytes: 40 * 1024 * 1024,
  entries: 10_000,
};

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  /** What the headers say it inflates to: a hint for the buffer, never trusted as a bound. */
  declaredSize: number;
  start: number;
}

const UTF8 = new TextDecoder('utf-8');
const MIB = 1024 * 1024;

const damagedZip = (vi: string, en: string) =>
  new ZipProblem({ vi: `Tệp zip bị hỏng: ${vi}. Hãy mở tệp trong Excel và lưu lại`, en: `Damaged zip: ${en}. Open it in Excel and save it again` });

const tooBig = (what: Reason, limit: number) =>
  new ZipProblem({
    vi: `${what.vi} bung ra quá ${limit / MIB} MB (một biểu chỉ vài trăm KB): từ chối, có thể là "bom zip"`,
    en: `${what.en} inflates beyond ${limit / MIB} MB (a return is a few hundred KB): refused, possibly a "zip bomb"`,
  });

const bomb = (what: Reason, ratio: number) =>
  new ZipProblem({
    vi: `${what.vi} bung ra hơn ${ratio} lần kích thước nén (bảng tính thật chưa tới 50 lần): từ chối, có thể là "bom zip"`,
    en: `${what.en} inflates more than ${ratio} times its compressed size (real workbooks stay under 50): refused, possibly a "zip bomb"`,
  });

/** Inflating at most this much compressed input at a time keeps each output chunk ≤ ~16.5 MB (deflate's ratio is ≤ 1032:1). */
const STEP = 16 * 1024;

export class ZipArchive {
  /** Entries by lower-case name: part names in a package compare without regard to case. */
  private readonly entries: Map<string, ZipEntry>;
  private inflated = 0;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly limits: ZipLimits = DEFAULT_ZIP_LIMITS,
  ) {
    if (bytes.length > limits.fileBytes) {
      const mb = (n: number) => (n / MIB).toFixed(1);
      throw new ZipProblem({
        vi: `Tệp quá lớn (${mb(bytes.length).replace('.', ',')} MB; một biểu chỉ khoảng 0,1 MB, giới hạn ${limits.fileBytes / MIB} MB)`,
        en: `The file is too large (${mb(bytes.length)} MB; a return is about 0.1 MB, the limit is ${limits.fileBytes / MIB} MB)`,
      });
    }
    this.entries = readCentralDirectory(bytes, limits);
  }

  /** The entries' names as stored. */
  names(): string[] {
    return [...this.entries.values()].map((e) => e.name);
  }

  has(name: string): boolean {
    return this.entries.has(name.toLowerCase());
  }

  /** Bytes inflated so far from this archive (a deterministic measure of the work a file cost). */
  inflatedBytes(): number {
    return this.inflated;
  }

  /** The entry's stored (compressed) bytes and method: equal stored bytes are equal parts. */
  stored(name: string): { method: number; data: Uint8Array } | undefined {
    const e = this.entries.get(name.toLowerCase());
    return e ? { method: e.method, data: this.bytes.subarray(e.start, e.start + e.compressedSize) } : undefined;
  }

  /**
   * The entry's bytes, inflated in chunks (handed to `onChunk`, which returns true to stop there:
   * a sheet's cells end at </sheetData>, before three quarters of its part). Throws ZipProblem
   * past the part's or the file's cap.
   */
  read(name: string, onChunk: (chunk: Uint8Array) => boolean | void): boolean {
    const entry = this.entries.get(name.toLowerCase());
    if (!entry) return false;
    const data = this.bytes.subarray(entry.start, entry.start + entry.compressedSize);
    const partCap = Math.min(this.limits.partBytes, this.limits.totalBytes - this.inflated);
    const what = { vi: `Phần "${shortName(entry.name)}"`, en: `The part "${shortName(entry.name)}"` };
    let produced = 0;
    /** Compressed bytes handed to the inflater so far (all of them for one-call inflation). */
    let consumed = data.length;
    const take = (chunk: Uint8Array): boolean => {
      produced += chunk.length;
      this.inflated += chunk.length;
      if (produced > partCap) throw tooBig(what, produced > this.limits.partBytes ? this.limits.partBytes : this.limits.totalBytes);
      if (produced > this.limits.ratioFrom && produced > consumed * this.limits.ratio) throw bomb(what, this.limits.ratio);
      return onChunk(chunk) === true;
    };
    if (entry.method === 0) {
      take(data);
      return true;
    }
    if (entry.method !== 8) {
      throw new ZipProblem({
        vi: `Tệp nén theo cách Excel không dùng (phương thức ${entry.method}). Hãy mở trong Excel và lưu lại thành .xlsx`,
        en: `The file uses a compression Excel does not (method ${entry.method}). Open it in Excel and save it as .xlsx`,
      });
    }
    try {
      // A small part cannot inflate past the caps (≤ 1032 × 32 KB): one call, the fast way, into a
      // buffer of the declared size and one byte more. Filling it whole means the header lied: inflate again, capped.
      if (data.length <= 32 * 1024 && entry.declaredSize < partCap) {
        const out = inflateSync(data, { out: new Uint8Array(entry.declaredSize + 1) });
        if (out.length <= entry.declaredSize) {
          take(out);
          return true;
        }
      }
      let stopped = false;
      const inflater = new Inflate((chunk) => {
        if (!stopped) stopped = take(chunk);
      });
      for (let i = 0; i < data.length && !stopped; i += STEP) {
        consumed = Math.min(data.length, i + STEP);
        inflater.push(data.subarray(i, consumed), consumed >= data.length);
      }
      return true;
    } catch (error) {
      if (error instanceof ZipProblem) throw error;
      throw damagedZip(`phần "${shortName(entry.name)}" không giải nén được`, `the part "${shortName(entry.name)}" cannot be inflated`);
    }
  }
}

/** A hostile entry name can be any length; a reason shows at most 80 characters of it. */
const shortName = (name: string) => (name.length > 80 ? `${name.slice(0, 77)}…` : name);

interface EndRecord {
  count: number;
  directoryOffset: number;
}

function endRecord(bytes: Uint8Array, view: DataView): EndRecord {
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65557); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw damagedZip('không thấy mục lục của tệp (tệp bị cắt cụt?)', 'no central directory (is the file cut short?)');
  let count = view.getUint16(end + 10, true);
  let directoryOffset = view.getUint32(end + 16, true);
  // Zip64: the classic record says 0xFFFF / 0xFFFFFFFF and a locator just before it points at the real one.
  if (count === 0xffff || directoryOffset === 0xffffffff) {
    const locator = end - 20;
    if (locator < 0 || view.getUint32(locator, true) !== 0x07064b50) throw damagedZip('bản ghi zip64 bị thiếu', 'the zip64 record is missing');
    const at = big(view, locator + 8);
    if (at + 56 > bytes.length || view.getUint32(at, true) !== 0x06064b50) throw damagedZip('bản ghi zip64 hỏng', 'the zip64 record is broken');
    count = big(view, at + 32);
    directoryOffset = big(view, at + 48);
  }
  return { count, directoryOffset };
}

/** A 64-bit little-endian size; anything past 2^53 is not a size this file can have. */
function big(view: DataView, at: number): number {
  const value = view.getUint32(at, true) + view.getUint32(at + 4, true) * 2 ** 32;
  return Number.isSafeInteger(value) ? value : Number.MAX_SAFE_INTEGER;
}

/** The zip64 extra field's sizes, where the classic fields say 0xFFFFFFFF. */
function zip64Sizes(view: DataView, extraStart: number, extraEnd: number, sizes: { compressed: number; local: number; size: number }) {
  let at = extraStart;
  while (at + 4 <= extraEnd) {
    const id = view.getUint16(at, true);
    const length = view.getUint16(at + 2, true);
    if (id === 0x0001) {
      let field = at + 4;
      const next = () => {
        if (field + 8 > at + 4 + length) throw damagedZip('trường zip64 quá ngắn', 'a zip64 field is too short');
        const v = big(view, field);
        field += 8;
        return v;
      };
      if (sizes.size === 0xffffffff) sizes.size = next();
      if (sizes.compressed === 0xffffffff) sizes.compressed = next();
      if (sizes.local === 0xffffffff) sizes.local = next();
      return;
    }
    at += 4 + length;
  }
}

function readCentralDirectory(bytes: Uint8Array, limits: ZipLimits): Map<string, ZipEntry> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const { count, directoryOffset } = endRecord(bytes, view);
  if (count > limits.entries) {
    throw new ZipProblem({
      vi: `Tệp có ${count.toLocaleString('vi-VN')} phần (một bảng tính chỉ vài chục): từ chối`,
      en: `The file has ${count.toLocaleString('en-US')} parts (a workbook has a few dozen): refused`,
    });
  }
  const entries = new Map<string, ZipEntry>();
  let at = directoryOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) throw damagedZip('mục lục bị hỏng', 'the central directory is broken');
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const sizes = { compressed: view.getUint32(at + 20, true), size: view.getUint32(at + 24, true), local: view.getUint32(at + 42, true) };
    if (at + 46 + nameLength > bytes.length) throw damagedZip('mục lục bị cắt cụt', 'the central directory is cut short');
    const nameBytes = bytes.subarray(at + 46, at + 46 + nameLength);
    const name = flags & 0x800 ? UTF8.decode(nameBytes) : latin1(nameBytes);
    zip64Sizes(view, at + 46 + nameLength, Math.min(bytes.length, at + 46 + nameLength + extraLength), sizes);
    at += 46 + nameLength + extraLength + commentLength;
    if (flags & 1) {
      throw new ZipProblem({
        vi: 'Tệp được đặt mật khẩu (mã hóa): hãy lưu lại không đặt mật khẩu rồi gửi',
        en: 'The file is password-protected (encrypted): save it without a password and send it again',
      });
    }
    const local = sizes.local;
    if (local + 30 > bytes.length || view.getUint32(local, true) !== 0x04034b50) {
      throw damagedZip(`phần "${shortName(name)}" bị thiếu`, `the part "${shortName(name)}" is missing`);
    }
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    if (start + sizes.compressed > bytes.length) throw damagedZip(`phần "${shortName(name)}" bị cắt cụt`, `the part "${shortName(name)}" is cut short`);
    // Directories and the like end in "/": never a part.
    if (!name.endsWith('/')) entries.set(name.replace(/^\/+/, '').toLowerCase(), { name, method, compressedSize: sizes.compressed, declaredSize: sizes.size, start });
  }
  return entries;
}

function latin1(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i]!);
  return s;
}
