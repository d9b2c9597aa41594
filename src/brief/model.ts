/** A situation brief as data: what every renderer (Markdown, HTML, PDF) draws. */

/** One source of the brief: a report, cited by number. */
export interface Footnote {
  readonly n: number;
  readonly documentId: number;
  readonly outlet: string;
  readonly date: string;
  readonly title: string | null;
  readonly url: string | null;
}

/** One statement of the brief, with the numbers of the footnotes it rests on (never none). */
export interface Line {
  readonly text: string;
  readonly notes: number[];
  /** Rests only on proposals nobody has reviewed (shown only with --include-proposed). */
  readonly proposed?: boolean;
  /** Reports differ on it (shown side by side). */
  readonly contested?: boolean;
}

export interface Section {
  readonly title: string;
  /** Said when the section has no line. */
  readonly empty: string;
  readonly groups: { readonly heading?: string; readonly lines: Line[] }[];
}

export interface TimelineItem {
  /** YYYY-MM-DD (a coarser date is placed on its first day). */
  readonly date: string;
  readonly label: string;
  readonly kind: 'round' | 'event';
  readonly notes: number[];
}

export interface Brief {
  readonly title: string;
  /** The latest publication date among the reports used: "as of". */
  readonly asOf: string;
  readonly since?: string;
  readonly process?: string;
  readonly includeProposed: boolean;
  readonly redacted: boolean;
  readonly sections: Section[];
  readonly timeline: TimelineItem[];
  readonly footnotes: Footnote[];
}
