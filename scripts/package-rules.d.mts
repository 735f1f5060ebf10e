// Types of package-rules.mjs, which stays plain JavaScript so that Node runs it without a build step.

export declare const ALLOWED_PERMISSIONS: string[];
export declare const REQUIRED_CSP: Record<string, string[]>;

/** A parsed `manifest.json`; only the keys the rules read are typed. */
export interface Manifest {
  manifest_version?: number;
  permissions?: string[];
  content_security_policy?: string | Record<string, string>;
  [key: string]: unknown;
}

export declare function checkManifest(manifest: Manifest): string[];
export declare function checkCsp(policy: string): string[];
export declare function parseCsp(policy: string): Map<string, string[]>;
export declare function sampleNamesFrom(source: string): string[];
export declare function checkExtensionFiles(
  names: readonly string[],
  texts: ReadonlyMap<string, string>,
  sampleNames: readonly string[],
  bundledNames?: readonly string[],
): string[];
export declare function checkSourcesFiles(names: readonly string[], sampleNames: readonly string[]): string[];
