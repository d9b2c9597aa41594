#!/usr/bin/env node
// Derives parts of the actor gazetteer from the Phoenix dictionaries (PETRARCH2, MIT license,
// (c) 2014 Open Event Data Alliance) in ../shared/data/phoenix:
//   - armed groups of Phoenix.MilNonState.actors.txt (name, acronym, organisational synonyms)
//   - given names: first words of the person entries of Phoenix.Countries.actors.txt, which
//     the person rule uses to tell "Hamza Birqdar" from "Eastern Ghouta".
// Usage: node scripts/build-actor-lexicon.mjs [PHOENIX_DIR]
// Writes src/extract/lexicon/actors-derived.json. Re-run when the sources change.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DIR = resolve(process.argv[2] ?? join(ROOT, '..', 'shared', 'data', 'phoenix'));
const read = (f) => readFileSync(join(DIR, f), 'utf8').split('\n');

const PARTICLES = new Set(['al', 'el', 'ad', 'ar', 'as', 'ash', 'at', 'az', 'an', 'of', 'the', 'and', 'for', 'in', 'de', 'del', 'la', 'le', 'bin', 'ibn']);
const ORG_HEAD = /(?:^|_)(ARMY|BRIGADES?|FRONT|MOVEMENT|ORGANI[SZ]ATION|PARTY|GROUP|COUNCIL|BATTALIONS?|FORCES?|LEAGUE|MILITIA|GUARDS?|JIHAD|MUJAHIDEEN|TALIBAN|HARAKAT|JAISH|JABHAT|ALLIANCE|COMMANDOS?|TIGERS|SHABAAB|HEZBOLLAH|HAMAS|CELLS?|NUCLEI|REVOLUTIONARY)(?:_|$)/;

function titleWord(w, i) {
  const lower = w.toLowerCase();
  return lower.split('-').map((p, j) => {
    if ((i > 0 || j > 0) && PARTICLES.has(p)) return p;
    if (j === 0 && i === 0 && PARTICLES.has(p) && lower.includes('-')) return p; // al-Qassam
    return p.charAt(0).toUpperCase() + p.slice(1);
  }).join('-');
}
const pretty = (raw) => raw.replace(/_+$/, '').split('_').filter(Boolean).map(titleWord).join(' ').replace(/ '/g, "'");

// ---------- armed groups ----------
const groups = [];
let cur = null;
for (const line of read('Phoenix.MilNonState.actors.txt')) {
  if (!line.trim() || line.startsWith('#')) continue;
  if (/^\s/.test(line)) continue; // code lines
  const body = line.replace(/#.*$/, '').replace(/\[[^\]]*\]/g, '').trim();
  if (!body) continue;
  const syn = body.startsWith('+');
  const raw = body.replace(/^\+/, '').trim();
  if (/^\d/.test(raw)) continue;
  const acr = /\(([A-Z][A-Z0-9\-/]{2,})\)_?$/.exec(raw)?.[1];
  const name = pretty(raw.replace(/_?\([^)]*\)_?$/, ''));
  if (!name || name.length < 4) continue;
  // Two-word kunyas ("Abu Abdullah") are persons' names as often as groups'.
  if (!syn && /^(?:Abu|Abou) \S+$/.test(name)) { cur = null; continue; }
  if (!syn) {
    cur = { name, kind: 'armed_group', aliases: acr ? [acr] : [] };
    groups.push(cur);
  } else if (cur && ORG_HEAD.test(raw)) {
    cur.aliases.push(name);
    if (acr) cur.aliases.push(acr);
  }
}

// ---------- given names ----------
const counts = new Map();
let pendingName = null;
for (const line of read('Phoenix.Countries.actors.txt')) {
  if (/^[A-Z]/.test(line)) { pendingName = line.replace(/#.*$/, '').replace(/\[.*$/, '').trim(); continue; }
  if (/^\s+\[[A-Z]{3}(GOV|ELI|MIL|OPP|PTY|LEG|JUD|BUS|MED|REB|CVL|HRI|SPY|COP|LAB|EDU)/.test(line) && pendingName) {
    const parts = pendingName.replace(/_+$/, '').split('_').filter(Boolean);
    if (parts.length >= 2 && /^[A-Z][A-Z'\-]+$/.test(parts[0]) && parts[0].length >= 3) {
      const g = titleWord(parts[0], 0);
      counts.set(g, (counts.get(g) ?? 0) + 1);
    }
    pendingName = null;
  }
}
const givenNames = [...counts].filter(([, n]) => n >= 2).map(([g]) => g).sort();

const out = {
  source: 'Derived by scripts/build-actor-lexicon.mjs from the Phoenix actor dictionaries of PETRARCH2 (MIT license, (c) 2014 Open Event Data Alliance).',
  armedGroups: groups,
  givenNames,
};
writeFileSync(join(ROOT, 'src', 'extract', 'lexicon', 'actors-derived.json'), JSON.stringify(out, null, 1) + '\n');
console.log(`${groups.length} armed groups, ${givenNames.length} given names`);
