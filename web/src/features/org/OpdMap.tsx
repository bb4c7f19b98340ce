import L from 'leaflet';
import { useEffect, useRef } from 'react';

declare global {
  interface Window {
    /** Optional runtime configuration (e.g. a self-hosted tile server), set before the app loads. */
    SIGAP_CONFIG?: { tileUrl?: string; tileAttribution?: string };
  }
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
}: {
  lat: number;
  lng: number;
  radiusM: number | null;
  label: string;
}) {
  const el = useRef<HTMLDivElement | null>(null);

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
    const ro = new ResizeObserver(() => map.invalidateSize());
    ro.observe(el.current);
    return () => {
      ro.disconnect();
      map.remove();
    };
  }, [lat, lng, radiusM, label]);

  return <div ref={el} className="sigap-map" data-testid="opd-map" role="img" aria-label={label} />;
}
