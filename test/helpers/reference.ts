/**
 * The verified reference for both standards (test/fixtures/reference, a copy of shared/reference),
 * read once per test file. Tests take ids and titles from here rather than from the knowledge
 * base, so a wrong title in either fails.
 */
import { readFileSync } from 'node:fs';

/** A clause of the reference with its nested subclauses. */
export interface RefClause {
  id: string;
  title: string;
  subclauses?: RefClause[];
}

export const ref27 = JSON.parse(readFileSync('test/fixtures/reference/iso27001-2022.json', 'utf8'));
export const ref42 = JSON.parse(readFileSync('test/fixtures/reference/iso42001-2023.json', 'utf8'));

/** A clause tree as one list, each clause before its subclauses. */
export const flat = (cs: RefClause[]): RefClause[] => cs.flatMap((c) => [c, ...flat(c.subclauses ?? [])]);
