// Size limits on input files, checked before a byte is parsed: a file is read whole into memory
// (and a CSV with quotes decoded into one string, which V8 caps at about 512 million characters), so a
// file above the limit is refused with a clear message instead of exhausting memory. An .xlsx
// is a zip: its central directory states every entry's uncompressed size, which is checked
// against a separate limit (a "zip bomb" of a few kB can unpack to gigabytes).
//
// Limits (megabytes), overridable per run through the environment:
//   EVAL_REPORT_MAX_INPUT_MB  any input file            default 400
//   EVAL_REPORT_MAX_XLSX_MB   an .xlsx, unpacked        default 200
import { inflateRawSync } from 'node:zlib';
import type { Problem } from '../problems.ts';
import { readText } from '../problem-messages.ts';

const MB = 1024 * 1024;
const limit = (name: string, fallback: number) => {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : fallback;
};
export const maxInputMb = () => limit('EVAL_REPORT_MAX_INPUT_MB', 400);
export const maxXlsxMb = () => limit('EVAL_REPORT_MAX_XLSX_MB', 200);
const mb = (bytes: number) => (bytes < MB ? `${Math.ceil(bytes / 1024)} kB` : `${(bytes / MB).toFixed(1).replace(/\.0$/, '')} MB`);

/** A file larger than the input limit, before it is read. */
export function fileSizeProblem(size: number, file: string): Problem | null {
  if (size <= maxInputMb() * MB) return null;
  return { file, value: mb(size), expected: readText.inputSize(maxInputMb()) };
}

/** An .xlsx whose zip directory is unreadable or which unpacks to more than the xlsx limit. */
export function xlsxSizeProblem(bytes: Uint8Array, file: string): Problem | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // End of central directory record: signature 0x06054b50, within the last 64 kB + 22 bytes.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65557); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd === -1) return { file, expected: readText.notZip };
  const entries = view.getUint16(eocd + 10, true);
  let p = view.getUint32(eocd + 16, true);
  let total = 0;
  const limitBytes = maxXlsxMb() * MB;
  const tooBig = (value: string): Problem => ({
    file,
    value,
    expected: readText.xlsxSize(maxXlsxMb()),
  });
  const damaged: Problem = { file, expected: readText.zipDamaged };
  const deflated: Array<{ at: number; size: number }> = [];
  for (let n = 0; n < entries; n++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== 0x02014b50) return damaged;
    const size = view.getUint32(p + 24, true);
    // 0xFFFFFFFF means a ZIP64 size: more than 4 GB unpacked, far past any limit.
    total += size === 0xffffffff ? Infinity : size;
    if (view.getUint16(p + 10, true) === 8) deflated.push({ at: view.getUint32(p + 42, true), size: view.getUint32(p + 20, true) });
    p += 46 + view.getUint16(p + 28, true) + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
  }
  if (total > limitBytes) return tooBig(Number.isFinite(total) ? `${mb(total)} unpacked` : 'more than 4 GB unpacked');
  // The directory may lie: unpack every entry with a cap on the output, so that a crafted
  // archive fails here, within the limit, instead of inside the xlsx reader.
  let unpacked = 0;
  for (const e of deflated) {
    if (e.at + 30 > bytes.length || view.getUint32(e.at, true) !== 0x04034b50) return damaged;
    const start = e.at + 30 + view.getUint16(e.at + 26, true) + view.getUint16(e.at + 28, true);
    try {
      unpacked += inflateRawSync(bytes.subarray(start, start + e.size), { maxOutputLength: Math.max(1, limitBytes - unpacked) }).length;
    } catch (err) {
      if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') return tooBig(`more than ${maxXlsxMb()} MB unpacked, though its directory says ${mb(total)}`);
      return damaged;
    }
  }
  return null;
}
