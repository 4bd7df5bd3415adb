/**
 * A small reader for gzipped tar archives (`charts/*.tgz`, packaged charts). Own code because Helm
 * only needs regular files, and the npm tar packages are stream-based and async; this is sync and
 * bounded: every entry and the whole archive are size-limited so a hostile archive cannot exhaust memory.
 */
import { gunzipSync } from 'node:zlib';

export interface TarEntry {
  name: string;
  data: Uint8Array;
}

/** Helm's MaxDecompressedFileSize (per file) and a cap on the whole decompressed archive. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
export const MAX_ARCHIVE_BYTES = 100 * 1024 * 1024;

export class ArchiveError extends Error {}

function cString(block: Uint8Array, start: number, length: number): string {
  let end = start;
  while (end < start + length && block[end] !== 0) end++;
  return Buffer.from(block.subarray(start, end)).toString('utf8');
}

function octal(block: Uint8Array, start: number, length: number): number {
  // GNU base-256 encoding for large sizes: high bit set in the first byte.
  if (block[start] & 0x80) {
    let n = 0;
    for (let i = start + 1; i < start + length; i++) n = n * 256 + block[i];
    return n;
  }
  const text = cString(block, start, length).trim();
  if (text === '') return 0;
  if (!/^[0-7]+$/.test(text)) throw new ArchiveError(`archive/tar: invalid tar header`);
  return parseInt(text, 8);
}

function parsePax(data: Uint8Array): Record<string, string> {
  const out: Record<string, string> = {};
  const text = Buffer.from(data).toString('utf8');
  let pos = 0;
  while (pos < text.length) {
    const space = text.indexOf(' ', pos);
    if (space < 0) break;
    const len = parseInt(text.slice(pos, space), 10);
    if (!(len > 0)) break;
    const record = text.slice(space + 1, pos + len - 1);
    const eq = record.indexOf('=');
    if (eq > 0) out[record.slice(0, eq)] = record.slice(eq + 1);
    pos += len;
  }
  return out;
}

/** Decompresses and lists the regular files of a .tgz (directories and links are skipped). */
export function readTarGz(compressed: Uint8Array): TarEntry[] {
  let tar: Uint8Array;
  try {
    tar = gunzipSync(compressed, { maxOutputLength: MAX_ARCHIVE_BYTES });
  } catch (e) {
    throw new ArchiveError(`gzip: invalid header or archive too large (${(e as Error).message})`);
  }
  const entries: TarEntry[] = [];
  let pos = 0;
  let longName: string | undefined;
  let pax: Record<string, string> = {};
  while (pos + 512 <= tar.length) {
    const header = tar.subarray(pos, pos + 512);
    if (header.every((b) => b === 0)) break;
    let name = cString(header, 0, 100);
    const size = octal(header, 124, 12);
    const type = String.fromCharCode(header[156] || 0x30);
    const magic = cString(header, 257, 6);
    if (magic.startsWith('ustar')) {
      const prefix = cString(header, 345, 155);
      if (prefix) name = `${prefix}/${name}`;
    }
    const dataStart = pos + 512;
    if (dataStart + size > tar.length) throw new ArchiveError('archive/tar: unexpected EOF');
    const data = tar.subarray(dataStart, dataStart + size);
    pos = dataStart + Math.ceil(size / 512) * 512;
    if (type === 'L') {
      longName = cString(data, 0, data.length);
      continue;
    }
    if (type === 'x') {
      pax = parsePax(data);
      continue;
    }
    if (type === 'g') continue;
    if (longName !== undefined) name = longName;
    if (pax.path !== undefined) name = pax.path;
    longName = undefined;
    pax = {};
    // '0' and NUL are regular files; everything else (dirs, links, devices) is not loaded.
    if (type !== '0' && type !== '\0' && type !== '7') continue;
    if (size > MAX_FILE_BYTES) {
      throw new ArchiveError(`decompressed chart file "${name}" is larger than the maximum file size ${MAX_FILE_BYTES}`);
    }
    entries.push({ name, data: Uint8Array.from(data) });
  }
  return entries;
}
