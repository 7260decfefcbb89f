// Chromium writes the moment of printing as the PDF's /CreationDate and /ModDate: a build whose
// date is pinned (SOURCE_DATE_EPOCH, or a shard of a portfolio that must equal a one-machine
// build byte for byte) writes that date instead. The date strings keep their length, so every
// byte offset of the cross-reference tables stays right.
const DATE = /\/(CreationDate|ModDate) \(D:(\d{14})([+-]\d{2}'\d{2}'|Z)\)/g;

/** `pdf` with every information-dictionary date set to `date` (UTC). */
export function pinPdfDates(pdf: Uint8Array, date: Date): Uint8Array {
  const text = Buffer.from(pdf).toString('latin1');
  const stamp = date.toISOString().replace(/[-:T]/g, '').slice(0, 14);
  let changed = false;
  const out = text.replace(DATE, (whole, key: string, _digits: string, zone: string) => {
    changed = true;
    // Same length as what it replaces: a "Z" zone stays "Z", an offset becomes +00'00'.
    return `/${key} (D:${stamp}${zone === 'Z' ? 'Z' : "+00'00'"})`;
  });
  return changed ? new Uint8Array(Buffer.from(out, 'latin1')) : pdf;
}
