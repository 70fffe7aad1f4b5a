/** What compat-gate offers the users of a broken config: a migration that works, one to follow, or none. */

/** How a broken config can move to the PR's code. */
export type MigrationStatus = 'migrates' | 'no-migration' | 'suggested';

/** One mechanical change a config should make, from the schema diff. */
export interface Suggestion {
  /** The change in words: "Rename `hostname` to `host` in `/server`". */
  text: string;
  /** JSON pointer of the property or value it changes, in this config. */
  pointer: string;
  /** Which document of a multi-document YAML file, 0-based (absent for the first of one). */
  document?: number;
  /** The config's lines before and after, as a YAML snippet. */
  before: string;
  after: string;
}

/** A broken config's way out. */
export interface Migration {
  status: MigrationStatus;
  /**
   * `migrates`: the unified diff of the config before and after the `migrate` command (capped).
   */
  diff?: string;
  /** Why there is no migration (`no-migration`), or what the suggestions achieve (`suggested`). */
  message?: string;
  /** `suggested`: the mechanical changes the schema diff calls for, in order. */
  suggestions?: Suggestion[];
}
