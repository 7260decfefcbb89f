// Dates of the data contract as day numbers and months: pure arithmetic on ISO dates
// (YYYY-MM-DD, optionally followed by a time), shared by the figures that measure time.

/** Days since 1970-01-01 of an ISO date (YYYY-MM-DD…), by arithmetic: Date.parse is slow at a million rows. */
export function dayNumber(iso: string): number {
  let y = (iso.charCodeAt(0) - 48) * 1000 + (iso.charCodeAt(1) - 48) * 100 + (iso.charCodeAt(2) - 48) * 10 + (iso.charCodeAt(3) - 48);
  const m = (iso.charCodeAt(5) - 48) * 10 + (iso.charCodeAt(6) - 48);
  const d = (iso.charCodeAt(8) - 48) * 10 + (iso.charCodeAt(9) - 48);
  // Days from civil (H. Hinnant): years start in March so the leap day comes last.
  if (m <= 2) y -= 1;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Months between two ISO dates, a month being 365.25 / 12 days. */
export function monthsBetween(from: string, to: string): number {
  return (dayNumber(to) - dayNumber(from)) / (365.25 / 12);
}
