// What makes two prints of the same page differ, made the same, so that a build whose date is
// pinned (SOURCE_DATE_EPOCH; a shard of a portfolio that must equal a one-machine build byte
// for byte) writes the same PDF on every machine and in every tab:
// - Chromium writes the moment of printing as /CreationDate and /ModDate: the pinned date instead.
// - Each tag-tree element carries the renderer's DOM node number as /ID (node00000097), which
//   depends on what the renderer did before (another tab, axe-core): renumbered 1, 2, 3 … in the
//   same order, so the /IDTree's keys stay sorted.
// Every replacement keeps its length, so every byte offset of the cross-reference tables stays right.
const DATE = /\/(CreationDate|ModDate) \(D:(\d{14})([+-]\d{2}'\d{2}'|Z)\)/g;
const NODE_ID = /\(node(\d{8})\)/g;

/** `pdf` with the tag tree's node ids renumbered and, given a date, every information-dictionary date set to it (UTC). */
export function reproduciblePdf(pdf: Uint8Array, date?: Date): Uint8Array {
  let text = Buffer.from(pdf).toString('latin1');
  const ids = [...new Set([...text.matchAll(NODE_ID)].map((m) => m[1]!))].sort();
  const rank = new Map(ids.map((id, i) => [id, String(i + 1).padStart(8, '0')]));
  text = text.replace(NODE_ID, (_whole, id: string) => `(node${rank.get(id)!})`);
  if (date) {
    const stamp = date.toISOString().replace(/[-:T]/g, '').slice(0, 14);
    // Same length as what it replaces: a "Z" zone stays "Z", an offset becomes +00'00'.
    text = text.replace(DATE, (_whole, key: string, _digits: string, zone: string) => `/${key} (D:${stamp}${zone === 'Z' ? 'Z' : "+00'00'"})`);
  }
  return new Uint8Array(Buffer.from(text, 'latin1'));
}
