import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

/**
 * One wink-nlp instance per process (loading the model costs ~100 ms). Only sentence
 * boundaries and part-of-speech tags are used downstream; wink's negation, sentiment and
 * entity passes are left out of its pipeline (about 30% of its time on news text).
 */
export const nlp = winkNLP(model, ['sbd', 'pos']);
export const its = nlp.its;
