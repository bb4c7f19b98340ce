/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Map tile URL template, e.g. https://tiles.example.go.id/{z}/{x}/{y}.png (default: OpenStreetMap). */
  readonly VITE_TILE_URL?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
