export declare const root: string;
export declare function freshBundle(name: string, from?: string): string | undefined;
