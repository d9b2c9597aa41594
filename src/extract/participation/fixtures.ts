import type { Actor, ActorKind, Mention, Segmented } from '../../domain/record.ts';
import type { ActorsFound } from '../02-actors.ts';
import { sentenceIndexAt } from '../text-utils.ts';

/** For tests: actors found by plain string search, so stage 6 and 7 tests need no stage 2. */
export function actorsByName(seg: Segmented, specs: readonly { name: string; kind: ActorKind; aliases?: string[] }[]): ActorsFound {
  const actors: Actor[] = specs.map((s, i) => ({
    id: `a${i}`, name: s.name, kind: s.kind, aliases: s.aliases ?? [], affiliations: [], evidence: [], confidence: 1,
  }));
  const mentions: Mention[] = [];
  specs.forEach((s, i) => {
    for (const form of [s.name, ...(s.aliases ?? [])]) {
      const re = new RegExp(`(?<![\\w-])${form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w-])`, 'g');
      for (const m of seg.text.matchAll(re)) {
        const start = m.index!, end = start + form.length;
        if (mentions.some((x) => x.start < end && start < x.end)) continue;
        mentions.push({ actorId: `a${i}`, text: form, start, end, sentence: sentenceIndexAt(seg, start), via: form === s.name ? 'name' : 'alias' });
      }
    }
  });
  mentions.sort((a, b) => a.start - b.start);
  return { actors, mentions };
}
