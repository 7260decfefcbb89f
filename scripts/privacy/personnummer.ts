// Swedish personal identity numbers (personnummer) and coordination numbers (samordningsnummer):
// YYMMDD-NNNC or YYYYMMDD-NNNC, with "-", "+" (aged 100 or more) or no separator; the day is
// day + 60 in a coordination number; C is the Luhn check digit over the ten-digit form. Used to
// refuse them as participant ids at input and to find them in the built site.

// Digits not glued to other letters or digits (a hash or a long number is not an identity number),
// nor the fraction of a decimal number (an SVG coordinate such as 203.2706096175).
const PATTERN = /(?<![\p{L}\p{N}]|\d[.,])(\d{2})?(\d{2})(\d{2})(\d{2})([-+]?)(\d{3})(\d)(?![\p{L}\p{N}])/gu;

/** The Luhn check digit of the nine digits before it (the ten-digit form). */
export function luhnOk(nine: string, check: number): boolean {
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    let d = Number(nine[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return (10 - (sum % 10)) % 10 === check;
}

function valid(m: RegExpExecArray): boolean {
  const [, century, yy, mm, dd, , serial, check] = m;
  const month = Number(mm);
  let day = Number(dd);
  if (day > 60) day -= 60; // coordination number
  if (month < 1 || month > 12 || day < 1 || day > 31) return false;
  if (century !== undefined && !['18', '19', '20'].includes(century)) return false;
  return luhnOk(`${yy}${mm}${dd}${serial}`, Number(check));
}

/** Every identity- or coordination-number-like string with a valid check digit in `text`. */
export function findIdentityNumbers(text: string): Array<{ index: number; match: string }> {
  const out: Array<{ index: number; match: string }> = [];
  for (const m of text.matchAll(PATTERN)) if (valid(m as RegExpExecArray)) out.push({ index: m.index!, match: m[0] });
  return out;
}

/** Is the whole of `s` (trimmed) a personal identity or coordination number? */
export function isIdentityNumber(s: string): boolean {
  // Every id of a million-row export passes through here: fewer than ten digits rules it out
  // without a regular expression.
  let digits = 0;
  for (let i = 0; i < s.length && digits < 10; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
  }
  if (digits < 10) return false;
  const found = findIdentityNumbers(s.trim());
  return found.length === 1 && found[0]!.match === s.trim();
}

/** For messages: the shape of the number without its digits, so a log never repeats it. */
export const maskIdentityNumber = (s: string): string => s.replace(/\d/g, '•');
