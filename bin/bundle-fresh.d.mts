export declare const root: string;
export declare function freshBundle(name: string): string | undefined;
