import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** Pages of text as pdf.js extracts them, one string per page (runs joined on single spaces). */
export async function teksPdf(buf: Buffer | Uint8Array): Promise<string[]> {
  const pdf = await getDocument({ data: new Uint8Array(buf), isEvalSupported: false, disableFontFace: true })
    .promise;
  const halaman: string[] = [];
  for (let i = 1; i <= pdf.numPages; i++) {
    const isi = await (await pdf.getPage(i)).getTextContent();
    // pdf.js splits and merges runs as it sees fit: compare on single spaces.
    halaman.push(
      isi.items
        .map((it) => ('str' in it ? it.str : ''))
        .join(' ')
        .replace(/\s+/g, ' '),
    );
  }
  await pdf.destroy();
  return halaman;
}
