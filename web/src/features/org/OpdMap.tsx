import L from 'leaflet';
import { useEffect, useRef } from 'react';

declare global {
  interface Window {
    /** Optional runtime configuration (e.g. a self-hosted tile server), set before the app loads. */
    SIGAP_CONFIG?: { tileUrl?: string; tileAttribution?: string };
  }
}

/** An extra check-in place as the map draws it. */
export interface TempatPeta {
  readonly nama: string;
  readonly lat: number | null;
  readonly lng: number | null;
  readonly radius_m: number | null;
  readonly poligon: readonly [number, number][] | null;
}

const DEFAULT_TILES = 'https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png';

/** The tile URL: build-time VITE_TILE_URL, else window.SIGAP_CONFIG.tileUrl, else OpenStreetMap. */
export function tileUrl(): string {
  const env = import.meta.env.VITE_TILE_URL;
  return env || window.SIGAP_CONFIG?.tileUrl || DEFAULT_TILES;
}

/**
 * A Leaflet map with the office marker and the geofence circle. Works without tiles (offline): the
 * container keeps its size, the circle and marker are vectors, and the page shows the numbers too.
 */
export function OpdMap({
  lat,
  lng,
  radiusM,
  label,
  tambahan = [],
}: {
  lat: number;
  lng: number;
  radiusM: number | null;
  label: string;
  /** extra check-in places to draw (green): a circle or a polygon each */
  tambahan?: readonly TempatPeta[];
}) {
  const el = useRef<HTMLDivElement | null>(null);
  const kunciTambahan = JSON.stringify(tambahan);

  useEffect(() => {
    if (!el.current) return;
    const map = L.map(el.current, { scrollWheelZoom: false, attributionControl: true });
    L.tileLayer(tileUrl(), {
      maxZoom: 19,
      attribution: window.SIGAP_CONFIG?.tileAttribution ?? '© OpenStreetMap',
    }).addTo(map);
    const centre = L.latLng(lat, lng);
    // The view first (layers project against it), fitted to the geofence with a margin.
    if (radiusM) map.fitBounds(centre.toBounds(radiusM * 2).pad(0.6));
    else map.setView(centre, 16);
    if (radiusM)
      L.circle(centre, { radius: radiusM, color: '#1c7ed6', weight: 2, fillOpacity: 0.12 }).addTo(map);
    L.circleMarker(centre, { radius: 7, color: '#fff', weight: 2, fillColor: '#e03131', fillOpacity: 1 })
      .bindTooltip(label)
      .addTo(map);
    for (const t of JSON.parse(kunciTambahan) as TempatPeta[]) {
      const gaya = { color: '#2f9e44', weight: 2, fillOpacity: 0.12 };
      if (t.poligon)
        L.polygon(
          t.poligon.map(([a, b]) => L.latLng(a, b)),
          gaya,
        )
          .bindTooltip(t.nama)
          .addTo(map);
      else if (t.lat !== null && t.lng !== null && t.radius_m !== null)
        L.circle([t.lat, t.lng], { ...gaya, radius: t.radius_m })
          .bindTooltip(t.nama)
          .addTo(map);
    }
    const ro = new ResizeObserver(() => map.invalidateSize());
    ro.observe(el.current);
    return () => {
      ro.disconnect();
      map.remove();
    };
  }, [lat, lng, radiusM, label, kunciTambahan]);

  return <div ref={el} className="sigap-map" data-testid="opd-map" role="img" aria-label={label} />;
}
