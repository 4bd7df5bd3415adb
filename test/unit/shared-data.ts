/** Where the read-only shared data lives (`../shared` beside the repository; CI lays it out the same). */
import { resolve } from 'node:path';

export const REPO_ROOT = resolve(__dirname, '../..');
export const SHARED = process.env.SHIPSHAPE_SHARED ?? resolve(REPO_ROOT, '../shared');
export const sharedPath = (...parts: string[]): string => resolve(SHARED, ...parts);
