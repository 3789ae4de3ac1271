/**
 * A zip writer that writes what it is told, for the hostile corpus: sizes a header declares that
 * differ from the data, zip64 end records and extra fields where no size needs them, flags a
 * library would never set. fflate's zipSync writes only honest zips, so this is the few lines of
 * PKWARE's APPNOTE (4.3.7 local header, 4.3.12 central header, 4.3.14–4.3.16 end records) we need.
 */
import zlib from 'node:zlib';

export interface RawEntry {
  name: string;
  /** The bytes as stored in the file (already deflated when method is 8). */
  data: Uint8Array;
  /** 0 stored, 8 deflated. */
  method: 0 | 8;
  crc: number;
  /** What the inflated part really is (the honest header's uncompressed size). */
  size: number;
  /** The uncompressed size the headers declare, when it must lie. */
  declaredSize?: number;
  /** The compressed size a zip64 extra field declares, when it must lie (the data written stays `data`). */
  declaredCompressedSize?: number;
  /** General purpose flags (bit 0: encrypted; bit 11: UTF-8 name). */
  flags?: number;
  /** Write the sizes and the offset as 0xFFFFFFFF with a zip64 extra field holding them. */
  zip64Extra?: boolean;
}

export interface ZipLayout {
  /** Write a zip64 end record and locator, and 0xFFFF / 0xFFFFFFFF in the classic end record. */
  zip64End?: boolean;
  /** Override the zip64 end record's entry count (a zip64 count no file could hold). */
  zip64Count?: bigint;
  /** Override where the locator says the zip64 end record is. */
  zip64EndOffset?: bigint;
  /** Leave out the zip64 locator while the classic record still says "see zip64". */
  omitLocator?: boolean;
}

const MAX32 = 0xffffffff;

/** CRC-32 (zlib's where Node has it, 20.15+; a table otherwise), continuing from `previous`. */
const TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(data: Uint8Array, previous = 0): number {
  const native = (zlib as unknown as { crc32?: (d: Uint8Array, v?: number) => number }).crc32;
  if (native) return native(data, previous) >>> 0;
  let c = (previous ^ MAX32) >>> 0;
  for (let i = 0; i < data.length; i++) c = TABLE[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ MAX32) >>> 0;
}

/** An honest entry: deflated (or stored) by zlib, its CRC and size. Level 1 for parts of megabytes: seconds saved, same file kind. */
export function entry(name: string, content: Uint8Array, method: 0 | 8 = 8): RawEntry {
  const data = method === 8 ? new Uint8Array(zlib.deflateRawSync(content, { level: content.length > 1024 * 1024 ? 1 : 6 })) : content;
  return { name, data, method, crc: crc32(content), size: content.length };
}

class Bytes {
  private readonly chunks: Buffer[] = [];
  length = 0;

  push(b: Uint8Array): void {
    const buffer = Buffer.from(b.buffer, b.byteOffset, b.byteLength);
    this.chunks.push(buffer);
    this.length += buffer.length;
  }

  concat(): Buffer {
    return Buffer.concat(this.chunks, this.length);
  }
}

function header(size: number, fill: (b: Buffer) => void): Buffer {
  const b = Buffer.alloc(size);
  fill(b);
  return b;
}

/** The zip64 extended information extra field (APPNOTE 4.5.3): the sizes, then the offset when asked. */
function zip64Field(size: number, compressed: number, offset?: number): Buffer {
  const values = offset === undefined ? [size, compressed] : [size, compressed, offset];
  return header(4 + 8 * values.length, (b) => {
    b.writeUInt16LE(0x0001, 0);
    b.writeUInt16LE(8 * values.length, 2);
    values.forEach((v, i) => b.writeBigUInt64LE(BigInt(v), 4 + 8 * i));
  });
}

/** A zip of `entries` in order, laid out as `layout` says. */
export function writeZip(entries: readonly RawEntry[], layout: ZipLayout = {}): Buffer {
  const out = new Bytes();
  const central = new Bytes();
  // 1980-01-01 00:00: a fixed time keeps the corpus byte-for-byte the same from run to run.
  const time = 0;
  const date = (0 << 9) | (1 << 5) | 1;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const declared = e.declaredSize ?? e.size;
    const offset = out.length;
    const flags = (e.flags ?? 0) | (/[^\x00-\x7f]/.test(e.name) ? 0x800 : 0);
    const version = e.zip64Extra ? 45 : 20;
    const compressed = e.declaredCompressedSize ?? e.data.length;
    const localExtra = e.zip64Extra ? zip64Field(declared, compressed) : Buffer.alloc(0);
    out.push(
      header(30, (b) => {
        b.writeUInt32LE(0x04034b50, 0);
        b.writeUInt16LE(version, 4);
        b.writeUInt16LE(flags, 6);
        b.writeUInt16LE(e.method, 8);
        b.writeUInt16LE(time, 10);
        b.writeUInt16LE(date, 12);
        b.writeUInt32LE(e.crc >>> 0, 14);
        b.writeUInt32LE(e.zip64Extra ? MAX32 : e.data.length, 18);
        b.writeUInt32LE(e.zip64Extra ? MAX32 : Math.min(declared, MAX32), 22);
        b.writeUInt16LE(name.length, 26);
        b.writeUInt16LE(localExtra.length, 28);
      }),
    );
    out.push(name);
    out.push(localExtra);
    out.push(e.data);
    const centralExtra = e.zip64Extra ? zip64Field(declared, compressed, offset) : Buffer.alloc(0);
    central.push(
      header(46, (b) => {
        b.writeUInt32LE(0x02014b50, 0);
        b.writeUInt16LE((3 << 8) | version, 4);
        b.writeUInt16LE(version, 6);
        b.writeUInt16LE(flags, 8);
        b.writeUInt16LE(e.method, 10);
        b.writeUInt16LE(time, 12);
        b.writeUInt16LE(date, 14);
        b.writeUInt32LE(e.crc >>> 0, 16);
        b.writeUInt32LE(e.zip64Extra ? MAX32 : e.data.length, 20);
        b.writeUInt32LE(e.zip64Extra ? MAX32 : Math.min(declared, MAX32), 24);
        b.writeUInt16LE(name.length, 28);
        b.writeUInt16LE(centralExtra.length, 30);
        b.writeUInt32LE(e.zip64Extra ? MAX32 : offset, 42);
      }),
    );
    central.push(name);
    central.push(centralExtra);
  }
  const directoryOffset = out.length;
  const directory = central.concat();
  out.push(directory);
  const count = entries.length;
  if (layout.zip64End) {
    const zip64EndAt = out.length;
    out.push(
      header(56, (b) => {
        b.writeUInt32LE(0x06064b50, 0);
        b.writeBigUInt64LE(44n, 4);
        b.writeUInt16LE((3 << 8) | 45, 12);
        b.writeUInt16LE(45, 14);
        b.writeBigUInt64LE(layout.zip64Count ?? BigInt(count), 24);
        b.writeBigUInt64LE(layout.zip64Count ?? BigInt(count), 32);
        b.writeBigUInt64LE(BigInt(directory.length), 40);
        b.writeBigUInt64LE(BigInt(directoryOffset), 48);
      }),
    );
    if (!layout.omitLocator) {
      out.push(
        header(20, (b) => {
          b.writeUInt32LE(0x07064b50, 0);
          b.writeBigUInt64LE(layout.zip64EndOffset ?? BigInt(zip64EndAt), 8);
          b.writeUInt32LE(1, 16);
        }),
      );
    }
  }
  out.push(
    header(22, (b) => {
      b.writeUInt32LE(0x06054b50, 0);
      b.writeUInt16LE(layout.zip64End ? 0xffff : Math.min(count, 0xffff), 8);
      b.writeUInt16LE(layout.zip64End ? 0xffff : Math.min(count, 0xffff), 10);
      b.writeUInt32LE(layout.zip64End ? MAX32 : directory.length, 12);
      b.writeUInt32LE(layout.zip64End ? MAX32 : directoryOffset, 16);
    }),
  );
  return out.concat();
}

/**
 * A raw deflate stream that inflates to `prefix`, then `repeat` × `chunk`, then `suffix`: one
 * segment per chunk, each from a fresh compressor ended with a sync flush (byte aligned, not
 * final, no reference back), the same segment repeated, then the suffix as the final block.
 * 1 MiB of blanks deflates to ~1 KB, so a 1 GiB bomb is written in a second without ever holding a GiB.
 */
export function repeatedDeflate(
  prefix: Uint8Array,
  chunk: Uint8Array,
  repeat: number,
  suffix: Uint8Array,
): { data: Buffer; crc: number; size: number } {
  const sync = { level: 9, finishFlush: zlib.constants.Z_SYNC_FLUSH };
  const head = zlib.deflateRawSync(prefix, sync);
  const segment = zlib.deflateRawSync(chunk, sync);
  // Z_FINISH: the last block is marked final (an empty suffix gives just the empty final block).
  const tail = zlib.deflateRawSync(suffix, { level: 9 });
  const data = Buffer.alloc(head.length + segment.length * repeat + tail.length);
  head.copy(data, 0);
  for (let i = 0; i < repeat; i++) segment.copy(data, head.length + i * segment.length);
  tail.copy(data, head.length + segment.length * repeat);
  let crc = crc32(prefix);
  for (let i = 0; i < repeat; i++) crc = crc32(chunk, crc);
  return { data, crc: crc32(suffix, crc), size: prefix.length + repeat * chunk.length + suffix.length };
}
