-- The Pemda's attendance rules (docs/kehadiran.md §2 and §5): grace minutes, the check-in and check-out
-- windows, when a punch of unknown kind counts as check-out, and which liveness steps the challenge may ask.
-- Defaults are domain/src/kehadiran/jam.ts ATURAN_JAM_BAKU and tantangan.ts LANGKAH_TANTANGAN.
ALTER TABLE tenant
  ADD COLUMN toleransi_masuk_menit integer NOT NULL DEFAULT 0 CHECK (toleransi_masuk_menit BETWEEN 0 AND 240),
  ADD COLUMN toleransi_pulang_menit integer NOT NULL DEFAULT 0 CHECK (toleransi_pulang_menit BETWEEN 0 AND 240),
  ADD COLUMN buka_masuk_sebelum_menit integer NOT NULL DEFAULT 120
    CHECK (buka_masuk_sebelum_menit BETWEEN 0 AND 720),
  ADD COLUMN tutup_pulang_setelah_menit integer NOT NULL DEFAULT 240
    CHECK (tutup_pulang_setelah_menit BETWEEN 0 AND 720),
  ADD COLUMN selang_pulang_minimal_menit integer NOT NULL DEFAULT 60
    CHECK (selang_pulang_minimal_menit BETWEEN 1 AND 720),
  ADD COLUMN langkah_tantangan text[] NOT NULL
    DEFAULT ARRAY['toleh_kiri', 'toleh_kanan', 'lihat_atas', 'lihat_bawah']
    CHECK (
      cardinality(langkah_tantangan) BETWEEN 2 AND 4
      AND langkah_tantangan <@ ARRAY['toleh_kiri', 'toleh_kanan', 'lihat_atas', 'lihat_bawah']
    );
