/**
 * Which negotiation series a talks event belongs to: the lexicon's known series first
 * (lexicon/process-series.json), then the general rule "same place + same host = same series".
 * Pure; the lexicon is read once at module load.
 */
import lexicon from '../lexicon/process-series.json' with { type: 'json' };
import { hasWords, norm } from '../text.ts';

interface SeriesEntry { id: string; name: string; places: string[]; hosts: string[]; names: string[] }
const SERIES = lexicon.series as SeriesEntry[];
const PLACE_ALIAS = lexicon.placeAliases as Record<string, string>;
/** Host aliases, longest first, so "un security council" wins over "un". */
const HOST_ALIASES: [string, string][] = Object.entries(lexicon.hostAliases as Record<string, string[]>)
  .flatMap(([id, names]) => names.map((n): [string, string] => [norm(n), id]))
  .sort((a, b) => b[0].length - a[0].length);
const SERIES_NAMES: [string, SeriesEntry][] = SERIES.flatMap((s) => s.names.map((n): [string, SeriesEntry] => [norm(n), s]))
  .sort((a, b) => b[0].length - a[0].length);

/** A place as a key: normalised, aliases folded ("Nur-Sultan" → "astana"). */
export function placeId(place: string | null | undefined): string | undefined {
  const p = norm(place);
  return p ? (PLACE_ALIAS[p] ?? p) : undefined;
}

/** A host as a key: the lexicon id of the first alias it contains ("Russian Foreign Ministry" → "russia"), else its normalised name. */
export function hostId(host: string | null | undefined): string | undefined {
  const h = norm(host);
  if (!h) return undefined;
  for (const [alias, id] of HOST_ALIASES) if (hasWords(h, alias)) return id;
  return h;
}

export interface SeriesIdentity {
  /** Equal keys: one process. "series:geneva", "place:doha|host:qatar", "place:doha|host:?", "host:russia". */
  readonly key: string;
  readonly series?: string;
  readonly name?: string;
  readonly place?: string;
  readonly host?: string;
}

/** A talks event's identity from its place and host (both as written, either may be missing). */
export function identityOf(place: string | null | undefined, host: string | null | undefined): SeriesIdentity | undefined {
  const p = placeId(place), h = hostId(host);
  if (p) {
    const s = SERIES.find((x) => x.places.includes(p) && (h === undefined || x.hosts.includes(h)));
    if (s) return { key: `series:${s.id}`, series: s.id, name: s.name, place: p, ...(h ? { host: h } : {}) };
    return { key: `place:${p}|host:${h ?? '?'}`, place: p, ...(h ? { host: h } : {}) };
  }
  return h ? { key: `host:${h}`, host: h } : undefined;
}

/** A series or a place a meeting phrase names ("the Astana talks", "consultations in Moscow"). */
export function identityInText(text: string | null | undefined, knownPlaces: Iterable<string>): SeriesIdentity | undefined {
  const t = norm(text);
  if (!t) return undefined;
  for (const [name, s] of SERIES_NAMES) if (hasWords(t, name)) return { key: `series:${s.id}`, series: s.id, name: s.name, place: s.places[0] };
  for (const [alias, p] of Object.entries(PLACE_ALIAS)) if (hasWords(t, alias)) return identityOf(p, undefined);
  for (const p of knownPlaces) if (hasWords(t, p)) return identityOf(p, undefined);
  for (const s of SERIES) for (const p of s.places) if (hasWords(t, p)) return identityOf(p, undefined);
  return undefined;
}

/** The known series a text names by one of its names ("the Moscow consultations"), not by its place alone. */
export function seriesNamedIn(text: string | null | undefined): string | undefined {
  const t = norm(text);
  if (!t) return undefined;
  for (const [name, s] of SERIES_NAMES) if (hasWords(t, name)) return s.id;
  return undefined;
}
