// An incremental update: objects written anew after the end of a PDF, with a cross-reference
// section for them and a trailer that points back at the previous one (/Prev). Every object
// before stays as it was, so Chromium's tag tree survives what outline.ts and toc-numbers.ts change.
import { pdfSyntax } from '../problem-messages.ts';

export interface NewObject {
  num: number;
  /** What goes between `n 0 obj` and `endobj`: a value, or a stream's dictionary, data and `endstream`. */
  body: Buffer;
}

/** `pdf` with `objects` appended and a trailer of `size`, `root` and (if given) `info`. */
export function appendObjects(pdf: Uint8Array, objects: NewObject[], trailer: { size: number; root: number; info?: number }): Uint8Array {
  const tail = Buffer.from(pdf.subarray(Math.max(0, pdf.length - 64))).toString('latin1');
  const prev = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail)?.[1]);
  if (!Number.isFinite(prev)) throw new Error(pdfSyntax.noStartxref);
  const chunks = [Buffer.from(pdf[pdf.length - 1] === 10 ? '' : '\n', 'latin1')];
  let offset = pdf.length + chunks[0]!.length;
  const offsets = new Map<number, number>();
  for (const o of objects) {
    const chunk = Buffer.concat([Buffer.from(`${o.num} 0 obj\n`, 'latin1'), o.body, Buffer.from('\nendobj\n', 'latin1')]);
    offsets.set(o.num, offset);
    chunks.push(chunk);
    offset += chunk.length;
  }
  // One cross-reference subsection per object (each "n 1" then its 20-byte line).
  let xref = 'xref\n';
  for (const [num, at] of [...offsets].sort((a, b) => a[0] - b[0])) xref += `${num} 1\n${String(at).padStart(10, '0')} 00000 n \n`;
  const info = trailer.info === undefined ? '' : `\n/Info ${trailer.info} 0 R`;
  chunks.push(Buffer.from(`${xref}trailer\n<</Size ${trailer.size}\n/Root ${trailer.root} 0 R${info}\n/Prev ${prev}>>\nstartxref\n${offset}\n%%EOF\n`, 'latin1'));
  return new Uint8Array(Buffer.concat([Buffer.from(pdf), ...chunks]));
}
