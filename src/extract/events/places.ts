import type { Span } from '../../domain/record.ts';
import places from '../lexicon/places.json' with { type: 'json' };

export interface Place extends Span { readonly name: string; readonly locative: boolean; readonly country: boolean }

const esc = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/['’]/g, "['’]");
const cap = (w: string): string => `[${w[0]!.toUpperCase()}${w[0]!.toLowerCase()}]${esc(w.slice(1))}`;
const COUNTRIES = new Set(places.countries);
const NAMES = [...places.venues, ...places.cities, ...places.countries].sort((a, b) => b.length - a.length).map(esc).join('|');
const COMPASS = places.compass.sort((a, b) => b.length - a.length).map(cap).join('|');
const NOUNS = places.placeNouns.join('|');
/** A known place, perhaps with a compass word ("eastern Ghouta"). */
const PLACE = new RegExp(`(?<![\\w’'-])((?:(?:${COMPASS})\\s+)?(?:${NAMES}))(?:\\s+province)?(?![\\w-])`, 'gu');
/** A place the list does not know, named after a place noun: "the town of Xyz". */
const NAMED = new RegExp(`\\b(?:${NOUNS})\\s+of\\s+((?:[A-Z][\\w’'-]+)(?:\\s+(?:al-)?[A-Z][\\w’'-]+){0,2})(?![\\w-])`, 'gu');
/** "Xyz, a town in ...", "al-Xyz camp": an unknown name that the text itself calls a place. */
const SETTLEMENT = 'town|city|village|district|suburb|enclave|port|resort|region|province|camp';
const NAME = "(?:(?:al|el|ad|as|ar|ash|at|az|ez)-)?\\p{Lu}[\\p{L}’'-]+(?:\\s+(?:(?:al|el|ez|ad|as|ar|ash|at|az)-)?\\p{Lu}[\\p{L}’'-]+){0,2}";
const APPOSED = new RegExp(`(?<![\\p{L}’'-])(${NAME}),\\s+(?:a|an)\\s+(?:[\\w-]+\\s+){0,2}(?:${SETTLEMENT})\\b`, 'gu');
const CAMP = new RegExp(`(?<![\\p{L}’'-])((?:(?:al|el|ad|as|ar|ash|at|az|ez)-)?\\p{Lu}[\\p{L}’'-]+)\\s+(?:refugee\\s+|displacement\\s+)?camp\\b`, 'gu');
const OF_AFTER_NOUN = new RegExp(`\\b(?:${NOUNS})\\s+of\\s+$`, 'i');
/** What makes a name a location here: "in", "at", "near" ... or a verb of force ("shelled Idlib"), perhaps through "the resort of". */
const LOC_BEFORE = /\b(?:in|at|near|around|outside|across|into|from|to|towards?|inside|throughout|within|of|hit|hits|struck|pounded|targeted|targeting|shelled|shelling|bombed|bombing|attacked|attacking|besieged|besieging|entered|captured|seized|recaptured|stormed|retook|encircled|encircling|besieging|surrounded|surrounding|fled|fleeing|abandoned|evacuated|left|leaving|departed|departing)\s+(?:the\s+)?(?:(?:[\w’'-]+\s+){0,4}(?:of)\s+)?(?:(?:neighbouring|neighboring|nearby)\s+)?$/iu;

/** Places named in a stretch of text, each marked as located by a preposition or not. */
export function findPlaces(text: string, within: Span): Place[] {
  const slice = text.slice(within.start, within.end);
  const out: Place[] = [];
  PLACE.lastIndex = 0;
  for (let m = PLACE.exec(slice); m; m = PLACE.exec(slice)) {
    const name = m[1]!;
    const start = within.start + m.index;
    const before = slice.slice(Math.max(0, m.index - 60), m.index);
    // "an ally of Russia" does not locate anything: "of" counts only after a place noun.
    const loc = LOC_BEFORE.exec(before);
    const locative = !!loc && (!/^of\b/i.test(loc[0]) || OF_AFTER_NOUN.test(before));
    out.push({ start, end: start + m[0].length, name, locative, country: COUNTRIES.has(name) });
  }
  NAMED.lastIndex = 0;
  for (let m = NAMED.exec(slice); m; m = NAMED.exec(slice)) {
    const start = within.start + m.index + m[0].length - m[1]!.length;
    if (out.some((p) => p.start < start + m![1]!.length && start < p.end)) continue;
    out.push({ start, end: start + m[1]!.length, name: m[1]!, locative: true, country: false });
  }
  for (const re of [APPOSED, CAMP]) {
    re.lastIndex = 0;
    for (let m = re.exec(slice); m; m = re.exec(slice)) {
      const start = within.start + m.index;
      if (out.some((p) => p.start < start + m![1]!.length && start < p.end)) continue;
      const loc = LOC_BEFORE.exec(slice.slice(Math.max(0, m.index - 60), m.index));
      out.push({ start, end: start + m[1]!.length, name: m[1]!, locative: !!loc && !/^of\b/i.test(loc[0]), country: false });
    }
  }
  out.sort((a, b) => a.start - b.start);
  // "Kazakhstan's capital, Astana": the town is the place, located as its country was.
  for (let i = 0; i < out.length - 1; i++) {
    const p = out[i]!, q = out[i + 1]!;
    if (!POSSESSED.test(text.slice(p.end, q.start))) continue;
    out[i + 1] = { ...q, locative: p.locative || q.locative };
    out.splice(i, 1); i--;
  }
  return out;
}

const POSSESSED = new RegExp(`^['’]s\\s+(?:${NOUNS})\\s*,?\\s*$`, 'u');
