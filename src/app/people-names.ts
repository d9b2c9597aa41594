import coll from '../extract/lexicon/collectives.json' with { type: 'json' };
import { slug } from '../extract/text-utils.ts';

/** A people's lexicon identity → its name as a people ("people:kurds" → "Kurds"). */
const PEOPLES = new Map(coll.peoples.map((p) => [`people:${slug(p.plural)}`, p.plural]));

/**
 * The name a people gets in the record across reports. A report names it in its own form
 * ("Syrian Kurds", "Iraqi Kurds"), which stays an alias; the first report's form would name
 * every other report's Kurds.
 */
export const peopleName = (lexiconId: string | undefined): string | undefined => (lexiconId ? PEOPLES.get(lexiconId) : undefined);
