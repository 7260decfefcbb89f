// The one masking function for everything printed: terminal lines, logs, the preview's error page,
// input problems (every field: file, column, value, expected). Personal identity and coordination
// numbers in any written form (YYMMDD-NNNC, YYMMDD+NNNC, YYMMDDNNNC, YYYYMMDDNNNC, YYYYMMDD-NNNC,
// a space for the hyphen, day + 60), with a valid check digit, become •; unlike the strict
// detector of personnummer.ts (ids, the site scan), a number glued to letters ("p8507099805",
// "deltagare_198507099805.csv") is masked too: printing it costs nothing, missing one leaks it.
// quoteInput() cuts an input excerpt to at most QUOTE_MAX characters and never leaves part of a
// number readable at the cut.
import { luhnOk } from './personnummer.ts';

/** Most characters of any input line quoted in a message. */
export const QUOTE_MAX = 200;

// 12- or 10-digit forms, an optional -, + or space before the last four; not part of a longer digit run.
const CANDIDATE = /(?<!\d)(?:(18|19|20)(\d{2})|(\d{2}))(\d{2})(\d{2})([-+ \u00a0\u2010-\u2015\u2212]?)(\d{3})(\d)(?!\d)/g;

function validDate(mm: string, dd: string): boolean {
  const month = Number(mm);
  let day = Number(dd);
  if (day > 60) day -= 60; // coordination number
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

const dots = (s: string) => s.replace(/\d/g, '•');

/** `text` with every identity or coordination number masked (•), in any form, wherever it is. */
export function maskText(text: string): string {
  if (!/\d{6}/.test(text)) return text; // every form has six digits in a row
  return text.replace(CANDIDATE, (all, _c, yy12: string | undefined, yy10: string | undefined, mm: string, dd: string, _sep, serial: string, check: string) => {
    const yy = yy12 ?? yy10!;
    return validDate(mm, dd) && luhnOk(`${yy}${mm}${dd}${serial}`, Number(check)) ? dots(all) : all;
  });
}

/**
 * An input excerpt for a message: masked, at most `max` characters. A cut inside a run of digits
 * (and the separators of an identity number) drops the whole run, so no part of a number is left.
 */
export function quoteInput(text: string, max = QUOTE_MAX): string {
  const masked = maskText(text);
  if (masked.length <= max) return masked;
  const suffix = '…';
  let cut = Math.max(0, max - suffix.length);
  while (cut > 0 && /[\d\-+ \u00a0\u2010-\u2015\u2212]/.test(masked[cut - 1]!) && /[\d\-+ \u00a0\u2010-\u2015\u2212•]/.test(masked[cut] ?? '')) cut--;
  return masked.slice(0, cut) + suffix;
}

/**
 * Values that are parts of one number spread over several messages on the same line (a lint that
 * flags "850709" and "9805" of "850709+9805" separately): masked when, joined in order, they make
 * an identity number. Returns the indices of the values to mask.
 */
export function splitNumberParts(values: string[]): Set<number> {
  const out = new Set<number>();
  for (let i = 0; i < values.length; i++) {
    let joined = values[i]!;
    for (let j = i + 1; j < values.length && joined.replace(/\D/g, '').length < 12; j++) {
      joined += values[j]!;
      for (const sep of ['', '-', '+']) {
        const candidate = values.slice(i, j + 1).join(sep);
        if (maskText(candidate) !== candidate) for (let k = i; k <= j; k++) out.add(k);
      }
    }
  }
  return out;
}

let installed = false;

/**
 * Every later write to stdout and stderr of this process goes through maskText: installed once by
 * each command (build, check, serve, new, diff, check-commit), it covers lines no one thought of
 * (a library's warning, an error message quoting a path).
 */
export function maskStdio(): void {
  if (installed) return;
  installed = true;
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write.bind(stream) as (chunk: unknown, ...rest: unknown[]) => boolean;
    stream.write = ((chunk: unknown, ...rest: unknown[]) =>
      write(typeof chunk === 'string' ? maskText(chunk) : chunk instanceof Uint8Array ? maskText(Buffer.from(chunk).toString('utf8')) : chunk, ...rest)) as typeof stream.write;
  }
}
