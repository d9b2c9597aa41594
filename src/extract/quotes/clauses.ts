import type { Token } from '../../domain/record.ts';
import type { Cue } from './cues.ts';
import { CUE_FORMS, PARTICIPLE_CUES } from './lexicon.ts';
import { isPunct, isQuoteMark, low, npWord } from './np.ts';

const CUT_AFTER_COMMA = new Set(['according', ...PARTICIPLE_CUES]);
const PRONOUNS_SUBJ = new Set(['he', 'she', 'it', 'they', 'we', 'i', 'you']);

const CLAUSE_JOINS = new Set(['but', 'while', 'whereas', 'as', 'and', 'although', 'though']);

/**
 * A reported clause ends before "..., adding", "..., according to", "; ...", a later
 * "..., X said", another speaker's verb joined by "but"/"as"/"and", and a second verb of
 * the reporting subject ("... and has called on", "... but did not say").
 */
export function cutClauses(st: Token[], cues: Cue[]): void {
  for (const c of cues) {
    if (!c.clause || c.mode !== 'forward') continue;
    let [a, e] = c.clause;
    const subordinate = st[0]?.pos === 'SCONJ' && !isQuoteMark(st[0]) && c.vi < a;
    for (let k = a + 1; k <= e; k++) {
      const t = st[k]!, n = st[k + 1];
      // "..., adding", "; ...", "..., “which ...”": what follows is no longer the clause
      if (t.text === ',' && (CUT_AFTER_COMMA.has(low(n)) || isQuoteMark(n) && k > a + 2 && n!.start > t.end && st[k + 2]?.start === n!.end) || t.text === ';') { e = k - 1; break; }
      if ((low(t) === 'but' || low(t) === 'and' && st[k - 1]?.text === ',') && (n?.pos === 'AUX' || n?.pos === 'VERB') && !continuesClause(st, k + 1)) { e = k - 1; break; }
      // "..., implicitly putting his name on the line": a participle after a comma is the reporter's
      const v = n?.pos === 'ADV' ? st[k + 2] : n;
      if (t.text === ',' && k > a + 3 && v?.pos === 'VERB' && /ing$/.test(low(v)) && !PREPOSITION_LIKE.has(low(v))) { e = k - 1; break; }
      // "While X said A, the campaign has ...": the sentence's main clause after an opening subordinate one
      if (t.text === ',' && subordinate && k > a + 3 && mainClauseAt(st, k + 1)) { e = k - 1; break; }
    }
    for (const d of cues) {
      if (d === c || d.regionStart <= a || d.regionStart > e) continue;
      // the join may stand before the speaker's whole description ("but the chief negotiator X said")
      let r = d.regionStart - 1;
      while (r > a && (st[r]!.pos === 'DET' || npWord(st[r]))) r--;
      const before = CLAUSE_JOINS.has(low(st[r])) || st[r]?.text === ',' ? st[r] : st[d.regionStart - 1];
      if (d.mode === 'backward' || d.shared || before?.text === ',' || CLAUSE_JOINS.has(low(before))) e = Math.min(e, before === st[r] ? r : d.regionStart - 1);
    }
    while (e > a && (isPunct(st[e]) && !isQuoteMark(st[e]) || CLAUSE_JOINS.has(low(st[e])))) e--;
    c.clause = e - a >= 1 ? [a, e] : undefined;
  }
}

/** A subject (a pronoun, or a phrase of up to five words) and a finite verb right after. */
function mainClauseAt(st: Token[], k: number): boolean {
  if (st[k]?.pos === 'PRON' && PRONOUNS_SUBJ.has(low(st[k]))) return st[k + 1]?.pos === 'AUX' || st[k + 1]?.pos === 'VERB' && !/ing$/.test(low(st[k + 1]));
  if (st[k]?.pos !== 'DET' && st[k]?.pos !== 'PROPN') return false;
  for (let j = k + 1; j < Math.min(st.length, k + 6); j++) {
    const t = st[j]!;
    if (t.pos === 'AUX') return true;
    if (t.pos === 'VERB') return !/ing$/.test(low(t));
    if (!npWord(t)) return false;
  }
  return false;
}

const PREPOSITION_LIKE = new Set(['including', 'regarding', 'concerning', 'following', 'excluding', 'considering', 'involving', 'during']);
const MODALS = new Set(['would', 'could', 'will', 'should', 'might', 'may', 'can', 'must', 'shall']);
const REPORTER_VPS = new Set(['elaborate', 'comment', 'say', 'give', 'specify', 'provide', 'offer', 'detail', 'explain', 'answer', 'respond', 'confirm', 'decline', 'refuse']);

/**
 * "said he would not sign but would review it": a modal after "but" goes on with what was
 * said; "but would not say whether" / "but did not elaborate" is the reporter's again.
 */
function continuesClause(st: Token[], k: number): boolean {
  if (!MODALS.has(low(st[k]))) return false;
  for (let j = k + 1; j < Math.min(st.length, k + 4); j++) if (REPORTER_VPS.has(low(st[j])) || CUE_FORMS.has(low(st[j]))) return false;
  return true;
}
