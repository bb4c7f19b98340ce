import multipart from '@fastify/multipart';
import { pesan } from '@sigap/domain';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';

// Multipart uploads of a few small files beside text fields (a check-in's camera frames, enrolment
// photos). Everything is bounded before it is buffered: the number of parts, files and fields, each
// file's size and each field's length; a bound crossed is refused in words naming it, nothing is kept.

export interface BatasBagian {
  /** the file field's name (e.g. `foto`); files under other names are refused */
  readonly namaBerkas: string;
  readonly maksBerkas: number;
  /** bytes per file */
  readonly ukuranBerkas: number;
  readonly maksIsian: number;
}

export interface IsiBagian {
  readonly isian: Record<string, string>;
  readonly berkas: Buffer[];
}

/** Registers the multipart parser in this (encapsulated) scope with the bounds given. */
export async function pasangBagian(app: FastifyInstance, b: BatasBagian): Promise<void> {
  await app.register(multipart, {
    limits: {
      fieldNameSize: 100,
      fieldSize: 1000,
      fields: b.maksIsian,
      files: b.maksBerkas,
      fileSize: b.ukuranBerkas,
      headerPairs: 100,
      parts: b.maksIsian + b.maksBerkas,
    },
    throwFileSizeLimit: true,
  });
}

const mb = (n: number) => `${(n / 1048576).toFixed(n < 1048576 ? 1 : 0)} MB`;

/** Reads the whole multipart body into fields and files, translating the parser's refusals into words. */
export async function bacaBagian(req: FastifyRequest, b: BatasBagian): Promise<IsiBagian> {
  if (!req.isMultipart()) {
    throw new AppError(
      'VALIDASI',
      pesan(
        `Kirim sebagai multipart/form-data dengan berkas "${b.namaBerkas}"`,
        `Send as multipart/form-data with "${b.namaBerkas}" files`,
      ),
    );
  }
  const isian: Record<string, string> = {};
  const berkas: Buffer[] = [];
  try {
    for await (const part of req.parts()) {
      if (part.type === 'file') {
        if (part.fieldname !== b.namaBerkas) {
          part.file.resume();
          throw new AppError(
            'VALIDASI',
            pesan(
              `Berkas hanya boleh dikirim sebagai "${b.namaBerkas}", bukan "${part.fieldname}"`,
              `Files may only be sent as "${b.namaBerkas}", not "${part.fieldname}"`,
            ),
          );
        }
        berkas.push(await part.toBuffer());
      } else {
        if (Object.hasOwn(isian, part.fieldname)) {
          throw new AppError(
            'VALIDASI',
            pesan(`Isian "${part.fieldname}" dikirim dua kali`, `Field "${part.fieldname}" was sent twice`),
          );
        }
        isian[part.fieldname] = String(part.value);
      }
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    const code = (e as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE')
      throw new AppError(
        'BERKAS_TERLALU_BESAR',
        pesan(
          `${b.namaBerkas}: satu berkas paling besar ${mb(b.ukuranBerkas)}`,
          `${b.namaBerkas}: each file at most ${mb(b.ukuranBerkas)}`,
        ),
      );
    if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT')
      throw new AppError(
        'BERKAS_TERLALU_BESAR',
        pesan(
          `Terlalu banyak bagian: paling banyak ${b.maksBerkas} berkas "${b.namaBerkas}" dan ${b.maksIsian} isian`,
          `Too many parts: at most ${b.maksBerkas} "${b.namaBerkas}" files and ${b.maksIsian} fields`,
        ),
      );
    // Anything else the parser throws (busboy's "Unexpected end of form", a bad boundary) is the body's fault:
    // only parsing runs inside this loop.
    throw new AppError(
      'VALIDASI',
      pesan(
        'Isi multipart/form-data rusak atau terpotong',
        'The multipart/form-data body is damaged or truncated',
      ),
    );
  }
  return { isian, berkas };
}
