// autocannon ships no types: the little bench:serve uses.
declare module 'autocannon' {
  import type { EventEmitter } from 'node:events';
  interface Result { requests: { average: number }; non2xx: number; errors: number }
  function autocannon(o: { url: string; connections: number; duration: number }): EventEmitter;
  namespace autocannon { export type { Result } }
  export default autocannon;
}
