/**
 * The one schema for everything under `knowledge/`.
 *
 * A knowledge file is YAML (or JSON) with a file-level `standard` and `kind` that apply to each of
 * its `entries`, so an entry only states what is its own. Nothing else in the code base defines
 * this format; `knowledge/README.md` documents it for the people who edit the content.
 */
import { z } from 'zod';

export const STANDARDS = ['27001', '42001'] as const;
export type Standard = (typeof STANDARDS)[number];

export const ENTRY_KINDS = ['clause', 'control', 'objective', 'risk-source', 'topic'] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

export const THEMES_27001 = ['organizational', 'people', 'physical', 'technological'] as const;

/** A reference to any knowledge entry: `27001:A.5.15`, `42001:6.1.4`, `42001:C.2.5`, `topic:cost`. */
export const REF_PATTERN = /^(?:(?:27001|42001):(?:A\.)?(?:[CA]\.)?\d+(?:\.\d+){0,2}|topic:[a-z0-9][a-z0-9-]*)$/;
export const refSchema = z.string().regex(REF_PATTERN, 'a reference such as 27001:A.5.15, 42001:6.1.4 or topic:some-slug');

const text = (min: number, max: number) => z.string().trim().min(min).max(max);
const sentence = text(10, 1200);

/** ISO/IEC 27002:2022 attribute tags, as named in the reference files. */
export const attributesSchema = z.strictObject({
  control_type: z.array(z.enum(['Preventive', 'Detective', 'Corrective'])).min(1),
  information_security_properties: z.array(z.enum(['Confidentiality', 'Integrity', 'Availability'])).min(1),
  cybersecurity_concepts: z.array(z.enum(['Identify', 'Protect', 'Detect', 'Respond', 'Recover'])).min(1),
  operational_capabilities: z
    .array(
      z.enum([
        'Governance',
        'Asset_management',
        'Information_protection',
        'Human_resource_security',
        'Physical_security',
        'System_and_network_security',
        'Application_security',
        'Secure_configuration',
        'Identity_and_access_management',
        'Threat_and_vulnerability_management',
        'Continuity',
        'Supplier_relationships_security',
        'Legal_and_compliance',
        'Information_security_event_management',
        'Information_security_assurance',
      ]),
    )
    .min(1),
  security_domains: z.array(z.enum(['Governance_and_Ecosystem', 'Protection', 'Defence', 'Resilience'])).min(1),
});

/** Fields every entry may carry. */
const entryBase = {
  id: text(1, 80),
  title: text(2, 200),
  /** Alternative official titles and common names ("SoA", "pentest"). */
  aliases: z.array(text(1, 200)).default([]),
  /** The words people use for it: acronyms, synonyms, jargon. Feeds search. */
  keywords: z.array(text(1, 80)).default([]),
  /** What it requires or what the fact is, in the project's own words (2-4 sentences). */
  summary: sentence,
  /** Practical guidance for a small or mid-size company. */
  guidance: sentence.optional(),
  /** Evidence an auditor typically asks for. */
  evidence: z.array(text(3, 400)).default([]),
  /** Readiness questions to ask yourself. */
  questions: z.array(text(5, 300)).default([]),
  /** Related entries, as refs. */
  related: z.array(refSchema).default([]),
};

export const entrySchema = z.strictObject({
  ...entryBase,
  kind: z.enum(ENTRY_KINDS).optional(),
  /** 27001 Annex A theme. */
  theme: z.enum(THEMES_27001).optional(),
  /** 42001 Annex A objective group, e.g. `A.7`. */
  group: z.string().regex(/^A\.\d+$/).optional(),
  /** 42001 Annex B guidance id, e.g. `B.7.2`. */
  annexB: z.string().regex(/^B\.\d+(\.\d+){1,2}$/).optional(),
  attributes: attributesSchema.optional(),
  newIn2022: z.boolean().optional(),
  /** ISO/IEC 27001:2013 Annex A controls this one replaced, e.g. `A.9.1.1`. */
  replaces2013: z.array(z.string().regex(/^A\.\d+\.\d+\.\d+$/)).optional(),
  /** A change made by an amendment (27001 Amd 1:2024) or an edition note, in our own words. */
  amendment: text(10, 600).optional(),
  /** Standards a topic entry is about. */
  standards: z.array(z.enum(STANDARDS)).optional(),
});
export type RawEntry = z.infer<typeof entrySchema>;

export const groupSchema = z.strictObject({
  id: z.string().regex(/^A\.\d+$/),
  title: text(2, 200),
  /** The group's aim in the project's own words. */
  objective: sentence,
});

export const knowledgeFileSchema = z.strictObject({
  /** Which standard every entry of this file belongs to; absent for topic files. */
  standard: z.enum(STANDARDS).optional(),
  /** The default kind of the entries in this file. */
  kind: z.enum(ENTRY_KINDS),
  /** 42001 Annex A objective groups (only in the file that holds them). */
  groups: z.array(groupSchema).optional(),
  entries: z.array(entrySchema).min(1),
});
export type KnowledgeFile = z.infer<typeof knowledgeFileSchema>;

export const crosswalkFileSchema = z.strictObject({
  crosswalk: z.strictObject({
    /** Always shown with control-level mappings: there is no official crosswalk. */
    disclaimer: sentence,
    /** Clause pairs under the shared harmonized structure. */
    clauses: z
      .array(
        z.strictObject({
          iso42001: z.string().regex(/^\d+(\.\d+){0,2}$/),
          /** Absent where the clause exists only in 42001 (6.1.4, 8.4). */
          iso27001: z.string().regex(/^\d+(\.\d+){0,2}$/).nullable(),
          relation: z.enum(['same-title', 'discipline-specific-title', 'ai-specific']),
        }),
      )
      .min(1),
    /** For each 42001 control, the 27001 controls that support it (possibly none). */
    controls: z
      .array(
        z.strictObject({
          iso42001: z.string().regex(/^A\.\d+(\.\d+){1,2}$/),
          iso27001: z.array(z.string().regex(/^A\.\d+\.\d+$/)),
          note: text(5, 600),
        }),
      )
      .min(1),
  }),
});
export type CrosswalkFile = z.infer<typeof crosswalkFileSchema>;

/** A loaded, validated entry with its derived identity. */
export interface KnowledgeEntry extends Omit<RawEntry, 'kind'> {
  /** Stable reference: `27001:A.5.15`, `42001:6.1.4`, `topic:certification-cost`. */
  ref: string;
  kind: EntryKind;
  standard: Standard | null;
  /** Where it was loaded from, relative to the knowledge root (for error messages and audits). */
  source: string;
  /** True for entries from the organization's own folder. */
  organization: boolean;
}

export interface ControlGroup {
  standard: Standard;
  id: string;
  title: string;
  objective: string;
}

export interface CrosswalkControlMapping {
  iso42001: string;
  iso27001: string[];
  note: string;
}

export interface ClausePair {
  iso42001: string;
  iso27001: string | null;
  relation: 'same-title' | 'discipline-specific-title' | 'ai-specific';
}
