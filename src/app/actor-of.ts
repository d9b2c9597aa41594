import { userInfo } from 'node:os';

/** Who is making a change, for the history: the OS user for now. */
export function currentUser(): string {
  try {
    return userInfo().username;
  } catch {
    return process.env.USER ?? process.env.USERNAME ?? 'unknown';
  }
}
