/**
 * A multipart/form-data body as a browser sends it, made by the platform's own FormData and Request
 * (not hand-written boundaries): for app.inject and fetch in tests.
 */
export async function multipart(
  isian: Record<string, string>,
  berkas: readonly { nama?: string; medan?: string; isi: Uint8Array; jenis?: string }[],
): Promise<{ payload: Buffer; headers: Record<string, string> }> {
  const fd = new FormData();
  for (const [k, v] of Object.entries(isian)) fd.append(k, v);
  berkas.forEach((b, i) => {
    fd.append(
      b.medan ?? 'foto',
      new Blob([new Uint8Array(b.isi)], { type: b.jenis ?? 'image/jpeg' }),
      b.nama ?? `bingkai-${i + 1}.jpg`,
    );
  });
  const req = new Request('http://uji.invalid/', { method: 'POST', body: fd });
  return {
    payload: Buffer.from(await req.arrayBuffer()),
    headers: { 'content-type': req.headers.get('content-type')! },
  };
}
