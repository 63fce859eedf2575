import fs from 'node:fs';
import path from 'node:path';
import { detectAndParse } from '@/datasources/traces/detect';
import type { ParseResult } from '@/datasources/traces/model';

/** The shared real-world fixtures (other projects' files, read in place). */
export const FIXTURES_DIR = path.resolve(__dirname, '../../../../shared/fixtures');
export const HAS_FIXTURES = fs.existsSync(FIXTURES_DIR);
if (!HAS_FIXTURES) console.warn(`SKIPPED: trace fixture tests, ${FIXTURES_DIR} not found`);

export function readFixture(relative: string): string {
  return fs.readFileSync(path.join(FIXTURES_DIR, relative), 'utf8');
}

export function parseFixture(relative: string): ParseResult {
  return detectAndParse(readFixture(relative));
}

/** Every file under the given fixture folders, recursively, as paths relative to the root. */
export function listFixtures(folders: readonly string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else out.push(path.relative(FIXTURES_DIR, full));
    }
  };
  for (const folder of folders) {
    const dir = path.join(FIXTURES_DIR, folder);
    if (fs.existsSync(dir)) walk(dir);
  }
  return out.sort();
}
