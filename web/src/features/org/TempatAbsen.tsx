import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  NumberInput,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import {
  bacaTitikPoligon,
  JENIS_TEMPAT,
  type JenisTempat,
  LokasiTidakSah,
  periksaTempatAbsen,
} from '@sigap/domain';
import { DaftarTempatAbsen, TempatAbsenItem } from '@sigap/domain/api/kehadiran';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, apiQuery, keApiError } from '../../lib/api';
import { fmtKoordinat } from '../../lib/format';
import { type TFunction, useI18n } from '../../lib/i18n';

// "Tempat absen tambahan" on the OPD page (docs/kehadiran.md §1): the extra places where this OPD/unit's
// people may check in — its own and those inherited from the OPDs above it — with a form to add a
// circle or a polygon, change one and (de)activate it. Places are never deleted.

const kunci = (kode: string) => ['kehadiran', 'tempat', kode] as const;

const labelJenis = (j: JenisTempat, t: TFunction) =>
  t(
    j === 'kantor'
      ? 'tempat.jenis.kantor'
      : j === 'pos_piket'
        ? 'tempat.jenis.pos_piket'
        : 'tempat.jenis.lapangan',
  );

interface Isian {
  nama: string;
  jenis: JenisTempat;
  bentuk: 'lingkaran' | 'poligon';
  lat: number | string;
  lng: number | string;
  radius: number | string;
  poligon: string;
}

function isianDari(t: TempatAbsenItem | null): Isian {
  return {
    nama: t?.nama ?? '',
    jenis: t?.jenis ?? 'pos_piket',
    bentuk: t?.poligon ? 'poligon' : 'lingkaran',
    lat: t?.lat ?? '',
    lng: t?.lng ?? '',
    radius: t?.radius_m ?? 50,
    poligon: t?.poligon ? t.poligon.map(([a, b]) => `${a},${b}`).join('\n') : '',
  };
}

const angka = (v: number | string) => (v === '' ? null : Number(String(v).replace(',', '.')));

/** The add/change dialog: checked with the same rules as the server (and the check-in judge) before sending. */
function FormTempat({
  opdKode,
  tempat,
  onClose,
}: {
  opdKode: string;
  tempat: TempatAbsenItem | null;
  onClose: () => void;
}) {
  const { t, lang } = useI18n();
  const qc = useQueryClient();
  const [f, setF] = useState<Isian>(() => isianDari(tempat));
  const [masalah, setMasalah] = useState<string | null>(null);
  const simpan = useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      tempat
        ? api.put(`/api/kehadiran/tempat/${tempat.id}`, body, { schema: TempatAbsenItem })
        : api.post('/api/kehadiran/tempat', { ...body, opd_kode: opdKode }, { schema: TempatAbsenItem }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['kehadiran', 'tempat'] });
      onClose();
    },
  });

  const kirim = (e: FormEvent) => {
    e.preventDefault();
    try {
      const bentuk =
        f.bentuk === 'poligon'
          ? { poligon: bacaTitikPoligon(f.poligon) }
          : { lat: angka(f.lat), lng: angka(f.lng), radius_m: angka(f.radius) };
      periksaTempatAbsen('baru', {
        nama: f.nama,
        jenis: f.jenis,
        ...('poligon' in bentuk ? { poligon: bentuk.poligon } : { ...bentuk, radiusM: bentuk.radius_m }),
      });
      setMasalah(null);
      simpan.mutate({ nama: f.nama.trim(), jenis: f.jenis, ...bentuk });
    } catch (err) {
      if (err instanceof LokasiTidakSah) setMasalah(err.pesan[lang]);
      else throw err;
    }
  };

  const galat = simpan.error ? keApiError(simpan.error).message : null;
  return (
    <Modal
      opened
      onClose={onClose}
      title={tempat ? t('tempat.ubahJudul') : t('tempat.tambahJudul')}
      size="lg"
    >
      <form onSubmit={kirim} data-testid="tempat-form">
        <Stack gap="sm">
          <TextInput
            label={t('tempat.nama')}
            value={f.nama}
            maxLength={200}
            onChange={(e) => setF({ ...f, nama: e.currentTarget.value })}
            data-testid="tempat-nama"
          />
          <Select
            label={t('tempat.jenis')}
            data={JENIS_TEMPAT.map((j) => ({ value: j, label: labelJenis(j, t) }))}
            value={f.jenis}
            allowDeselect={false}
            onChange={(v) => v && setF({ ...f, jenis: v as JenisTempat })}
          />
          <SegmentedControl
            value={f.bentuk}
            onChange={(v) => setF({ ...f, bentuk: v as Isian['bentuk'] })}
            data={[
              { value: 'lingkaran', label: t('tempat.lingkaran') },
              { value: 'poligon', label: t('tempat.poligon') },
            ]}
          />
          {f.bentuk === 'lingkaran' ? (
            <Group grow>
              <NumberInput
                label={t('tempat.lat')}
                value={f.lat}
                decimalScale={7}
                onChange={(v) => setF({ ...f, lat: v })}
                data-testid="tempat-lat"
              />
              <NumberInput
                label={t('tempat.lng')}
                value={f.lng}
                decimalScale={7}
                onChange={(v) => setF({ ...f, lng: v })}
                data-testid="tempat-lng"
              />
              <NumberInput
                label={t('tempat.radius')}
                value={f.radius}
                allowDecimal={false}
                onChange={(v) => setF({ ...f, radius: v })}
                data-testid="tempat-radius"
              />
            </Group>
          ) : (
            <Textarea
              label={t('tempat.poligon')}
              description={t('tempat.poligonBantuan')}
              autosize
              minRows={4}
              value={f.poligon}
              onChange={(e) => setF({ ...f, poligon: e.currentTarget.value })}
              data-testid="tempat-poligon"
            />
          )}
          {(masalah ?? galat) && (
            <Alert color="red" data-testid="tempat-masalah">
              {masalah ?? galat}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('umum.tutup')}
            </Button>
            <Button type="submit" loading={simpan.isPending} data-testid="tempat-simpan">
              {t('tempat.simpan')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** The places that apply to an OPD/unit (GET /api/kehadiran/tempat?opd=), for roles that manage them. */
export function useTempatAbsen(opdKode: string, enabled = true) {
  return useQuery({
    ...apiQuery(kunci(opdKode), '/api/kehadiran/tempat', DaftarTempatAbsen, { opd: opdKode }),
    enabled,
    retry: false,
  });
}

/** The section itself; render it only for roles that manage places (Pemda admin, OPD admin). */
export function TempatAbsenTambahan({ opdKode }: { opdKode: string }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const q = useQuery(apiQuery(kunci(opdKode), '/api/kehadiran/tempat', DaftarTempatAbsen, { opd: opdKode }));
  const [dialog, setDialog] = useState<TempatAbsenItem | 'baru' | null>(null);
  const aktif = useMutation({
    mutationFn: (v: { id: string; aktif: boolean }) =>
      api.post(
        `/api/kehadiran/tempat/${v.id}/${v.aktif ? 'aktifkan' : 'nonaktifkan'}`,
        {},
        { schema: TempatAbsenItem },
      ),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['kehadiran', 'tempat'] }),
  });
  // Outside the caller's part (an OPD admin on another OPD's page): the section is not theirs to show.
  if (q.error) return null;
  const daftar = q.data ?? [];

  return (
    <Card withBorder padding="md" data-testid="tempat-absen">
      <Group justify="space-between" mb="sm">
        <Title order={4}>{t('tempat.judul')}</Title>
        <Button size="xs" variant="light" onClick={() => setDialog('baru')} data-testid="tempat-tambah">
          {t('tempat.tambah')}
        </Button>
      </Group>
      <Text size="xs" c="dimmed" mb="sm">
        {t('tempat.bantuan')}
      </Text>
      {aktif.error && (
        <Alert color="red" mb="sm">
          {keApiError(aktif.error).message}
        </Alert>
      )}
      {daftar.length === 0 ? (
        <Text c="dimmed" size="sm">
          {q.isPending ? t('umum.memuat') : t('tempat.kosong')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped data-testid="tempat-daftar">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('tempat.nama')}</Table.Th>
                <Table.Th>{t('tempat.jenis')}</Table.Th>
                <Table.Th>{t('tempat.bentuk')}</Table.Th>
                <Table.Th>{t('tempat.status')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {daftar.map((x) => (
                <Table.Tr key={x.id} data-testid="tempat-baris">
                  <Table.Td>
                    {x.nama}
                    {x.warisan && (
                      <Text size="xs" c="dimmed">
                        {t('tempat.warisan', { opd: `${x.opd_nama} (${x.opd_kode})` })}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{labelJenis(x.jenis, t)}</Table.Td>
                  <Table.Td ff="monospace" fz="xs">
                    {x.poligon
                      ? t('tempat.poligonTitik', { n: String(x.poligon.length) })
                      : `${fmtKoordinat(x.lat ?? 0, x.lng ?? 0)} · ${x.radius_m} m`}
                  </Table.Td>
                  <Table.Td>
                    <Badge color={x.aktif ? 'green' : 'gray'} variant="light">
                      {x.aktif ? t('tempat.aktif') : t('tempat.nonaktif')}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {x.boleh_ubah && (
                      <Group gap={4} justify="flex-end" wrap="nowrap">
                        <Button size="compact-xs" variant="subtle" onClick={() => setDialog(x)}>
                          {t('tempat.ubah')}
                        </Button>
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          color={x.aktif ? 'red' : 'green'}
                          loading={aktif.isPending && aktif.variables?.id === x.id}
                          onClick={() => aktif.mutate({ id: x.id, aktif: !x.aktif })}
                          data-testid="tempat-aktif"
                        >
                          {x.aktif ? t('tempat.nonaktifkan') : t('tempat.aktifkan')}
                        </Button>
                      </Group>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {dialog && (
        <FormTempat
          opdKode={opdKode}
          tempat={dialog === 'baru' ? null : dialog}
          onClose={() => setDialog(null)}
        />
      )}
    </Card>
  );
}
