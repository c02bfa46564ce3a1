// The ALPN Codex offers against the ALPN the doctor offers, both seen by the lab origin in the same world: an
// origin or proxy that picks by ALPN treats the doctor's probe as it treats Codex only if both offer alike.
// Seen only where no inspecting proxy re-originates the connection (direct, or through a CONNECT tunnel).

import type { Transport } from './observe.js';

/** Per transport: the ALPN list offered (null: no ALPN extension), from the first request that arrived. */
export type AlpnOffers = Partial<Record<Transport, readonly string[] | null>>;

export interface AlpnObservation {
  scenario: string;
  release: string;
  codex: AlpnOffers;
  /** The doctor's token POST stands for its HTTPS offer on both HTTPS columns (one offer per trust set). */
  doctor: AlpnOffers;
}

/** The doctor's offer that a Codex transport is compared with. */
const DOCTOR_SIDE: Record<Transport, Transport> = { login: 'login', websocket: 'websocket', https: 'login' };

/** Shown as "h2, http/1.1" or "none". */
export function showAlpn(offer: readonly string[] | null): string {
  return offer && offer.length > 0 ? offer.join(', ') : 'none';
}

interface Pair {
  observation: AlpnObservation;
  transport: Transport;
  codex: string;
  doctor: string;
}

/** Every transport where both sides' offers were seen. */
function pairs(observations: readonly AlpnObservation[]): Pair[] {
  return observations.flatMap((observation) =>
    (Object.keys(observation.codex) as Transport[])
      .filter((transport) => DOCTOR_SIDE[transport] in observation.doctor)
      .map((transport) => ({
        observation,
        transport,
        codex: showAlpn(observation.codex[transport] ?? null),
        doctor: showAlpn(observation.doctor[DOCTOR_SIDE[transport]] ?? null),
      })),
  );
}

/** Runs where Codex offered other than the doctor did, one line each. */
export function alpnMismatches(observations: readonly AlpnObservation[]): string[] {
  return pairs(observations)
    .filter((p) => p.codex !== p.doctor)
    .map((p) => `${p.observation.scenario} @ ${p.observation.release} ${p.transport}: Codex offered ALPN ${p.codex}, the doctor ${p.doctor}`);
}

/** One summary line per transport: how many runs were compared, on which releases, with which offers. */
export function alpnSummary(observations: readonly AlpnObservation[]): string[] {
  const all = pairs(observations);
  return (['login', 'websocket', 'https'] as const).map((transport) => {
    const seen = all.filter((p) => p.transport === transport);
    if (seen.length === 0) return `ALPN ${transport}: not compared (no run where both handshakes reached the origin uninspected)`;
    const releases = [...new Set(seen.map((p) => p.observation.release))].sort().join(', ');
    const offers = [...new Set(seen.map((p) => p.codex))].map((o) => `"${o}"`).join(' or ');
    const same = seen.filter((p) => p.codex === p.doctor).length;
    return `ALPN ${transport}: the doctor offered what Codex offered (${offers}) in ${same} of ${seen.length} runs (${releases})`;
  });
}
