/**
 * The words of a question: how text is cut into terms (the same way for the knowledge base and for
 * questions, so both meet on the same stems), which words carry no meaning, and which words staff
 * use for what the knowledge base calls something else ("MFA", "vendor", "laptop", "leaver").
 *
 * Contract: pure functions, constant tables and a speller built from a vocabulary; no I/O.
 * `words` and `stemOf` are the one analyser search uses for entries and for questions alike; the
 * thesaurus and the speller are applied to questions only, so an entry's own words are never
 * diluted by synonyms.
 */

/** A word of text: its surface form (lower case, accents removed) and its stem. */
export interface Word {
  surface: string;
  stem: string;
}

/**
 * Words that say nothing about which entry is meant: function words, question words, and the
 * filler people put around a question ("can someone explain", "I'm new here"). Kept in surface form.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a about above after again against all also am an and any anybody anyone anything are aren as at be because been before being below ' +
    'between both but by can cannot could couldn d did didn do does doesn doing don down during each either else ever every few for from ' +
    'further get gets getting got had hadn has hasn have haven having he her here hers herself him himself his how i if in into is isn it ' +
    'its itself just ll m me might mine more most mustn my myself no nor not now o of off on once only or other our ours ourselves out ' +
    'over own per please re s same shall shan she should shouldn so some someone somebody something such t than that thats the their ' +
    'theirs them themselves then there these they this those through to too under until up us ve very was wasn we were weren what whats ' +
    "what's when where whether which while who whom whose why will with won would wouldn y yes you your yours yourself yourselves " +
    'hey hi hello thanks thank ok okay pls tell explain say says said mean means meaning know let lets like want wants wanted really ' +
    'actually basically exactly quick quickly question questions kind sort thing things stuff way ways lot lots much many im ive id ' +
    'guys folks anyway maybe probably perhaps still already even well sure think wondering wonder help etc eg ie vs versus via ' +
    'go goes going gone went make makes made making take takes took taken come comes came give gives gave look looks looking ' +
    'seem seems put puts meant anything everything everyone everybody somewhere anywhere something thing now today ' +
    'iso iec whats hows whos wheres whens isnt dont doesnt cant wont shouldnt arent im youre were weve theyre lol btw fyi asap'
  ).split(/\s+/),
);

/**
 * Words that name a standard: they steer ranking towards that standard (see search.ts) but are not
 * matched as text against clauses and controls, which rarely repeat their own standard's name.
 */
export const STANDARD_WORDS: ReadonlyMap<string, '27001' | '42001'> = new Map([
  ['27001', '27001'],
  ['27k', '27001'],
  ['isms', '27001'],
  ['42001', '42001'],
  ['aims', '42001'],
]);

/**
 * Words in a question that point at AI: they nudge ranking towards ISO/IEC 42001. "training" is
 * not one ("security awareness training"); "training data" is caught by `mentionsAi`.
 */
export const AI_WORDS: ReadonlySet<string> = new Set(
  'ai artificial intelligence ml machine learning model models llm llms genai gpt chatgpt copilot chatbot chatbots neural algorithm algorithms algorithmic dataset datasets inference mlops agentic aims 42001 prompt prompts'.split(
    ' ',
  ),
);

/** True when a question talks about AI, by its words or by phrases such as "training data". */
export function mentionsAi(text: string): boolean {
  return /\b(?:train(?:ing|ed)?\s+(?:data|sets?)|fine[\s-]?tun\w*|data\s+scien\w*)\b/i.test(text);
}

// ---------------------------------------------------------------------------------------------
// Tokenising and stemming
// ---------------------------------------------------------------------------------------------

const APOSTROPHES = /[\u2018\u2019\u02bc`]/g;

/**
 * Lower-cased words of a text, accents removed, split on anything that is not a letter or digit
 * (so "multi-factor" is two words, as people type it both ways). "what's" becomes "what" + "s".
 */
export function words(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(APOSTROPHES, "'")
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0 && w.length <= 40);
}

/**
 * The Porter (1980) stemmer: "controls", "controlled", "controlling" -> "control"; "encryption",
 * "encrypted" -> "encrypt". Chosen over a lemmatiser because it is small, deterministic and what
 * BM25 systems have used for decades; its odd stems ("polici") never reach a person.
 */
export function stem(word: string): string {
  if (word.length < 3 || /\d/.test(word)) return word;
  let w = word;
  const isCons = (s: string, i: number): boolean => {
    const c = s[i]!;
    if ('aeiou'.includes(c)) return false;
    if (c === 'y') return i === 0 ? true : !isCons(s, i - 1);
    return true;
  };
  /** m: the number of vowel-consonant sequences in the stem. */
  const measure = (s: string): number => {
    let n = 0;
    let i = 0;
    const len = s.length;
    while (i < len && isCons(s, i)) i++;
    while (i < len) {
      while (i < len && !isCons(s, i)) i++;
      if (i >= len) break;
      while (i < len && isCons(s, i)) i++;
      n++;
    }
    return n;
  };
  const hasVowel = (s: string): boolean => {
    for (let i = 0; i < s.length; i++) if (!isCons(s, i)) return true;
    return false;
  };
  const doubleCons = (s: string): boolean => s.length >= 2 && s[s.length - 1] === s[s.length - 2] && isCons(s, s.length - 1);
  const cvc = (s: string): boolean => {
    const l = s.length;
    if (l < 3) return false;
    if (!isCons(s, l - 3) || isCons(s, l - 2) || !isCons(s, l - 1)) return false;
    return !'wxy'.includes(s[l - 1]!);
  };
  const replace = (s: string, suffix: string, repl: string, minM: number): string | undefined => {
    if (!s.endsWith(suffix)) return undefined;
    const base = s.slice(0, s.length - suffix.length);
    return measure(base) > minM ? base + repl : s;
  };

  // Step 1a. One departure from Porter: a final s after "u", "i" or "ia" is not a plural
  // ("status", "virus", "analysis", "bias"), so "bias" does not become the acronym "BIA".
  if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('ies')) w = w.slice(0, -2);
  else if (w.endsWith('ss') || w.endsWith('us') || w.endsWith('is') || w.endsWith('ias')) {
    /* keep */
  } else if (w.endsWith('s')) w = w.slice(0, -1);

  // Step 1b
  let step1bExtra = false;
  if (w.endsWith('eed')) {
    if (measure(w.slice(0, -3)) > 0) w = w.slice(0, -1);
  } else if (w.endsWith('ed') && hasVowel(w.slice(0, -2))) {
    w = w.slice(0, -2);
    step1bExtra = true;
  } else if (w.endsWith('ing') && hasVowel(w.slice(0, -3))) {
    w = w.slice(0, -3);
    step1bExtra = true;
  }
  if (step1bExtra) {
    if (w.endsWith('at') || w.endsWith('bl') || w.endsWith('iz')) w += 'e';
    else if (doubleCons(w) && !/[lsz]$/.test(w)) w = w.slice(0, -1);
    else if (measure(w) === 1 && cvc(w)) w += 'e';
  }

  // Step 1c
  if (w.endsWith('y') && hasVowel(w.slice(0, -1))) w = `${w.slice(0, -1)}i`;

  // Step 2
  const step2: Array<[string, string]> = [
    ['ational', 'ate'], ['tional', 'tion'], ['enci', 'ence'], ['anci', 'ance'], ['izer', 'ize'], ['bli', 'ble'],
    ['alli', 'al'], ['entli', 'ent'], ['eli', 'e'], ['ousli', 'ous'], ['ization', 'ize'], ['ation', 'ate'],
    ['ator', 'ate'], ['alism', 'al'], ['iveness', 'ive'], ['fulness', 'ful'], ['ousness', 'ous'], ['aliti', 'al'],
    ['iviti', 'ive'], ['biliti', 'ble'], ['logi', 'log'],
  ];
  for (const [suf, rep] of step2) {
    if (w.endsWith(suf)) {
      w = replace(w, suf, rep, 0) ?? w;
      break;
    }
  }

  // Step 3
  const step3: Array<[string, string]> = [['icate', 'ic'], ['ative', ''], ['alize', 'al'], ['iciti', 'ic'], ['ical', 'ic'], ['ful', ''], ['ness', '']];
  for (const [suf, rep] of step3) {
    if (w.endsWith(suf)) {
      w = replace(w, suf, rep, 0) ?? w;
      break;
    }
  }

  // Step 4
  const step4 = ['al', 'ance', 'ence', 'er', 'ic', 'able', 'ible', 'ant', 'ement', 'ment', 'ent', 'ion', 'ou', 'ism', 'ate', 'iti', 'ous', 'ive', 'ize'];
  for (const suf of step4) {
    if (w.endsWith(suf)) {
      const base = w.slice(0, -suf.length);
      if (measure(base) > 1 && (suf !== 'ion' || /[st]$/.test(base))) w = base;
      break;
    }
  }

  // Step 5
  if (w.endsWith('e')) {
    const base = w.slice(0, -1);
    const m = measure(base);
    if (m > 1 || (m === 1 && !cvc(base))) w = base;
  }
  if (measure(w) > 1 && doubleCons(w) && w.endsWith('l')) w = w.slice(0, -1);
  // A second departure: short bases keep "-ant"/"-ance" and "-ent"/"-ence" apart in Porter
  // ("compliant" vs "complianc"); bring them together so "compliant" meets "compliance".
  if (w.length > 5 && /[ae]nt$/.test(w)) w = `${w.slice(0, -1)}c`;
  return w;
}

const stemCache = new Map<string, string>();
/** `stem`, memoised: the vocabulary is small and questions repeat the same words. */
export function stemOf(word: string): string {
  let s = stemCache.get(word);
  if (s === undefined) {
    s = stem(word);
    if (stemCache.size < 50_000) stemCache.set(word, s);
  }
  return s;
}

/** Words of a text with their stems, stop words kept (search decides what to drop). */
export function analyse(text: string): Word[] {
  return words(text).map((surface) => ({ surface, stem: stemOf(surface) }));
}

// ---------------------------------------------------------------------------------------------
// Spelling
// ---------------------------------------------------------------------------------------------

/** Optimal string alignment distance (Levenshtein plus adjacent transpositions), capped at `max + 1`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev: number[] = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur: number[] = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[b.length]!;
}

/** How a vocabulary word is used: corrections prefer words that name entries, then common ones. */
export interface VocabularyWord {
  /** Entries using the word anywhere. */
  df: number;
  /** Entries using it in a title, alias or keyword. */
  namingDf: number;
  stop: boolean;
}

/**
 * Corrects misspelt words to the closest word of a vocabulary: "acess" -> "access", "bakcups" ->
 * "backups", "mcuh" -> "much". Words of 4-6 letters may be one slip away, longer words two.
 * People rarely get the first letter wrong (nor the first two when they make two slips), so
 * candidates keep them: that keeps "night" from becoming "right" and "broadly" from "badly", and
 * makes a lookup cheap (only words with the same first letter and a similar length are compared).
 */
export class Speller {
  private readonly buckets = new Map<string, string[]>();

  constructor(private readonly vocabulary: ReadonlyMap<string, VocabularyWord>) {
    for (const w of vocabulary.keys()) {
      if (w.length < 3 || /\d/.test(w)) continue;
      const key = `${w[0]}${w.length}`;
      const list = this.buckets.get(key);
      if (list) list.push(w);
      else this.buckets.set(key, [w]);
    }
  }

  static maxEdits(length: number): number {
    if (length < 4) return 0;
    return length >= 7 ? 2 : 1;
  }

  /** Answers already worked out; questions repeat words, and people repeat questions. */
  private readonly memo = new Map<string, string | null>();

  correct(word: string): string | undefined {
    const known = this.memo.get(word);
    if (known !== undefined) return known ?? undefined;
    const fixed = this.lookup(word);
    if (this.memo.size < 20_000) this.memo.set(word, fixed ?? null);
    return fixed;
  }

  private lookup(word: string): string | undefined {
    const max = Speller.maxEdits(word.length);
    if (max === 0 || /\d/.test(word)) return undefined;
    let best: { w: string; rank: number } | undefined;
    for (let len = word.length - max; len <= word.length + max; len++) {
      for (const w of this.buckets.get(`${word[0]}${len}`) ?? []) {
        const d = editDistance(word, w, max);
        if (d > max || (d === 2 && w[1] !== word[1])) continue;
        const v = this.vocabulary.get(w)!;
        // Only words that name entries (or filler) are worth correcting to: a slip on a domain word
        // is what costs an answer, while "paris" -> "parts" would only invent a match.
        if (v.namingDf === 0 && !v.stop) continue;
        // Closer first; then words that name entries; then common words; filler wins ties.
        const rank = -d * 1000 + Math.min(v.namingDf, 20) * 10 + Math.min(v.df, 9) + (v.stop ? 3 : 0);
        if (!best || rank > best.rank) best = { w, rank };
      }
    }
    return best?.w;
  }
}

// ---------------------------------------------------------------------------------------------
// The thesaurus
// ---------------------------------------------------------------------------------------------

/**
 * What staff say -> the words the knowledge base uses. One direction only: a question that says
 * "vendor" also looks for "supplier"; an entry about suppliers is not rewritten. Keys may be
 * phrases ("two factor"). Kept general on purpose: every line is a synonym any security or AI
 * practitioner would accept, never a route to one particular answer. A test checks that every
 * word on the right exists in the knowledge base, since a synonym to a word it never uses cannot
 * help.
 */
export const THESAURUS: ReadonlyArray<readonly [string, string]> = [
  // Identity and access
  ['mfa', 'multi factor authentication'],
  ['2fa', 'two factor multi factor authentication'],
  ['otp', 'one time password authentication'],
  ['totp', 'authentication'],
  ['sso', 'single sign on authentication identity'],
  ['saml', 'single sign on authentication'],
  ['oauth', 'authentication'],
  ['login', 'authentication log on'],
  ['logins', 'authentication log on'],
  ['log in', 'authentication log on'],
  ['sign in', 'authentication'],
  ['passwords', 'password'],
  ['passphrase', 'password'],
  ['iam', 'identity access management'],
  ['pam', 'privileged access'],
  ['rbac', 'role based access control'],
  ['abac', 'attribute based access control'],
  ['least privilege', 'access rights privileged'],
  ['allowed to see', 'access'],
  ['allowed to access', 'access rights'],
  ['who can see', 'access'],
  ['who can access', 'access rights'],
  ['permission', 'access rights'],
  ['permissions', 'access rights'],
  ['jml', 'joiner mover leaver identity management access rights'],
  ['joiners', 'onboarding identity'],
  ['movers', 'access rights'],
  ['leavers', 'offboarding termination'],
  ['leaver', 'offboarding termination'],
  ['leaves', 'termination offboarding'],
  ['quits', 'termination offboarding'],
  ['fired', 'termination disciplinary'],
  ['offboard', 'offboarding termination'],
  ['onboard', 'onboarding'],
  ['new hires', 'screening onboarding'],
  ['background check', 'screening'],
  ['background checks', 'screening'],
  ['admin', 'privileged administrator'],
  ['admins', 'privileged administrator'],
  ['root', 'privileged'],
  ['superuser', 'privileged'],
  ['repos', 'source code repository'],
  ['repo', 'source code repository'],
  ['git', 'source code repository'],
  ['github', 'source code repository'],
  ['gitlab', 'source code repository'],
  // Endpoints and devices
  ['laptop', 'endpoint device'],
  ['laptops', 'endpoint devices'],
  ['computers', 'endpoint devices'],
  ['workstation', 'endpoint device'],
  ['phones', 'mobile devices endpoint'],
  ['smartphone', 'mobile device endpoint'],
  ['byod', 'bring your own device endpoint'],
  ['mdm', 'mobile device management endpoint'],
  ['edr', 'endpoint detection malware'],
  ['xdr', 'endpoint detection malware'],
  ['av', 'antivirus malware'],
  ['antivirus', 'malware'],
  ['virus', 'malware'],
  ['viruses', 'malware'],
  ['ransomware', 'malware'],
  ['trojan', 'malware'],
  ['usb', 'storage media removable'],
  ['usb stick', 'removable storage media'],
  ['hard drives', 'storage media'],
  ['hard drive', 'storage media'],
  ['disks', 'storage media'],
  // Operations and monitoring
  ['siem', 'logging monitoring event'],
  ['soc', 'security operations monitoring'],
  ['logs', 'logging'],
  ['audit trail', 'logging'],
  ['ids', 'intrusion detection monitoring network'],
  ['ips', 'intrusion prevention network'],
  ['waf', 'web application firewall'],
  ['firewall', 'network security'],
  ['firewalls', 'network security'],
  ['wifi', 'wi fi network'],
  ['vlan', 'network segregation'],
  ['vpn', 'remote network'],
  ['dns', 'network web filtering'],
  ['ntp', 'clock synchronization time'],
  ['patch', 'patching vulnerability'],
  ['patches', 'patching vulnerability'],
  ['cve', 'vulnerability'],
  ['cves', 'vulnerabilities'],
  ['cvss', 'vulnerability'],
  ['pentest', 'penetration test'],
  ['pentests', 'penetration test'],
  ['pen test', 'penetration test'],
  ['bug bounty', 'vulnerability'],
  ['hardening', 'configuration baseline'],
  ['hardened', 'configuration baseline'],
  ['configs', 'configuration'],
  ['config', 'configuration'],
  ['iac', 'configuration infrastructure'],
  ['capacity planning', 'capacity'],
  ['cpu', 'capacity'],
  ['disk space', 'capacity'],
  ['uptime', 'availability'],
  ['failover', 'redundancy availability'],
  ['high availability', 'redundancy'],
  ['backup', 'backup'],
  ['restore', 'backup'],
  ['ups', 'power supporting utilities'],
  ['generator', 'power supporting utilities'],
  ['aircon', 'supporting utilities'],
  ['air conditioning', 'supporting utilities'],
  ['hvac', 'supporting utilities'],
  ['cctv', 'physical monitoring surveillance camera'],
  ['cameras', 'physical monitoring'],
  ['badge', 'physical entry'],
  ['badges', 'physical entry'],
  ['keycard', 'physical entry'],
  ['reception', 'physical entry visitors'],
  ['server room', 'secure areas'],
  ['data centre', 'facilities'],
  ['data center', 'facilities'],
  // Data protection
  ['dlp', 'data leakage prevention'],
  ['data loss', 'data leakage'],
  ['encrypt', 'cryptography encryption'],
  ['encrypted', 'cryptography encryption'],
  ['tls', 'encryption cryptography transfer'],
  ['ssl', 'encryption cryptography'],
  ['https', 'encryption'],
  ['pki', 'cryptography key management'],
  ['kms', 'key management cryptography'],
  ['hsm', 'key management cryptography'],
  ['pii', 'personal data privacy'],
  ['phi', 'personal health data privacy'],
  ['gdpr', 'privacy personal data'],
  ['dpia', 'data protection impact assessment privacy'],
  ['dpo', 'privacy'],
  ['masking', 'data masking'],
  ['anonymise', 'masking anonymization'],
  ['anonymize', 'masking anonymization'],
  ['pseudonymise', 'masking pseudonymization'],
  ['test data', 'test information'],
  ['delete', 'deletion'],
  ['wipe', 'deletion disposal'],
  ['shred', 'disposal'],
  ['retention', 'records retention'],
  ['classify', 'classification'],
  ['keep track', 'inventory'],
  ['hardware', 'assets equipment'],
  ['label', 'labelling'],
  ['labels', 'labelling'],
  ['confidential', 'classification'],
  ['file sharing', 'information transfer'],
  ['send files', 'information transfer'],
  // Suppliers and cloud
  ['vendor', 'supplier'],
  ['vendors', 'suppliers'],
  ['third party', 'supplier'],
  ['third parties', 'suppliers'],
  ['3rd party', 'supplier'],
  ['subprocessor', 'supplier'],
  ['saas', 'cloud services'],
  ['aws', 'cloud services'],
  ['azure', 'cloud services'],
  ['gcp', 'cloud services'],
  ['iaas', 'cloud services'],
  ['paas', 'cloud services'],
  ['sla', 'supplier agreement service'],
  ['dpa', 'supplier agreement privacy'],
  ['sbom', 'software supply chain components'],
  ['open source', 'software supply chain'],
  ['outsourced', 'outsourcing supplier'],
  // People
  ['nda', 'confidentiality non disclosure agreement'],
  ['ndas', 'confidentiality non disclosure agreements'],
  ['contractor', 'staff'],
  ['contractors', 'staff'],
  ['employees', 'staff'],
  ['employee', 'staff'],
  ['hire', 'screening employment'],
  ['hiring', 'screening employment'],
  ['phishing', 'awareness training'],
  ['security awareness', 'awareness training'],
  ['wfh', 'remote working'],
  ['work from home', 'remote working'],
  ['home office', 'remote working'],
  ['remote staff', 'remote working'],
  ['clean desk', 'clear desk'],
  ['whistleblowing', 'reporting concerns'],
  ['whistleblower', 'reporting concerns'],
  ['speak up', 'reporting concerns'],
  // Development and change
  ['sdlc', 'secure development life cycle'],
  ['devsecops', 'secure development'],
  ['ci cd', 'development pipeline change'],
  ['cicd', 'development pipeline change'],
  ['pipeline', 'development'],
  ['cab', 'change management'],
  ['prod', 'production'],
  ['staging', 'test environment'],
  ['dev', 'development'],
  ['sast', 'security testing code'],
  ['dast', 'security testing'],
  ['code review', 'secure coding'],
  ['outsourced development', 'outsourced development'],
  // Continuity and incidents
  ['bcp', 'business continuity'],
  ['bcm', 'business continuity'],
  ['dr', 'disaster recovery continuity'],
  ['drp', 'disaster recovery continuity'],
  ['bia', 'business impact analysis continuity'],
  ['rto', 'recovery time objective continuity'],
  ['rpo', 'recovery point objective backup'],
  ['outage', 'continuity disruption'],
  ['breach', 'incident'],
  ['breaches', 'incidents'],
  ['hacked', 'incident'],
  ['ir', 'incident response'],
  ['forensics', 'evidence'],
  ['postmortem', 'lessons learned incident'],
  ['post mortem', 'lessons learned incident'],
  ['threat intel', 'threat intelligence'],
  ['cti', 'threat intelligence'],
  // Governance and the ISMS
  ['soa', 'statement of applicability'],
  ['ciso', 'information security roles'],
  ['raci', 'roles responsibilities'],
  ['kpi', 'metrics measurement monitoring'],
  ['kpis', 'metrics measurement monitoring'],
  ['metrics', 'measurement monitoring'],
  ['okr', 'objectives'],
  ['okrs', 'objectives'],
  ['leadership', 'top management'],
  ['board', 'top management'],
  ['ceo', 'top management'],
  ['execs', 'top management'],
  ['stakeholders', 'interested parties'],
  ['context', 'context organization'],
  ['capa', 'corrective action'],
  ['nc', 'nonconformity'],
  ['ncs', 'nonconformities'],
  ['non conformity', 'nonconformity'],
  ['non conformance', 'nonconformity'],
  ['audit findings', 'nonconformity'],
  ['legal register', 'legal requirements'],
  ['restructure', 'changes'],
  ['restructuring', 'changes'],
  ['reorganisation', 'changes'],
  ['reorganization', 'changes'],
  ['reorg', 'changes'],
  ['laws', 'legal statutory regulatory'],
  ['regulations', 'regulatory'],
  ['licences', 'intellectual property'],
  ['licenses', 'intellectual property'],
  ['licensing', 'intellectual property'],
  ['pirated', 'intellectual property licence'],
  ['unlicensed', 'intellectual property licence'],
  ['copyright', 'intellectual property'],
  ['certified', 'certification'],
  ['certify', 'certification'],
  ['cb', 'certification body'],
  ['auditor', 'audit'],
  ['auditors', 'audit'],
  // AI
  ['llm', 'ai model'],
  ['llms', 'ai models'],
  ['genai', 'generative ai'],
  ['gen ai', 'generative ai'],
  ['chatgpt', 'generative ai'],
  ['copilot', 'generative ai'],
  ['gpt', 'generative ai model'],
  ['chatbot', 'ai system'],
  ['chatbots', 'ai systems'],
  ['people who use', 'users'],
  ['inform', 'communication notification'],
  ['notify', 'notification communication'],
  ['ml', 'machine learning ai'],
  ['mlops', 'ai system life cycle'],
  ['aiia', 'ai system impact assessment'],
  ['fria', 'impact assessment'],
  ['bias', 'fairness'],
  ['biased', 'fairness bias'],
  ['fair', 'fairness'],
  ['explainable', 'explainability'],
  ['interpretability', 'explainability'],
  ['hallucination', 'robustness'],
  ['hallucinations', 'robustness'],
  ['drift', 'monitoring'],
  ['model card', 'documentation'],
  ['write down', 'document documentation'],
  ['meant to be used', 'intended use'],
  ['used for', 'intended use purpose'],
  ['datasets', 'data'],
  ['dataset', 'data'],
  ['lineage', 'provenance'],
  ['came from', 'provenance origin'],
  ['comes from', 'provenance origin'],
  ['where it came from', 'provenance origin'],
  ['gpu', 'computing resources'],
  ['gpus', 'computing resources'],
  ['compute', 'computing resources'],
  ['eu ai act', 'regulatory'],
  ['aims', 'ai management system'],
  ['isms', 'information security management system'],
];
