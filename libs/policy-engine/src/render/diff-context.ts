/** What a rendered diff names besides the answer itself. */
export interface DiffContext {
  /**
   * Where the whole answer can be fetched, named when the Markdown is cut short. Default: the REST path of the
   * answer (`/api/v1/diff?base=...&head=...&format=json`, or the what-if path of the base snapshot).
   */
  fullDiffUrl?: string;
  /** Most characters of the Markdown document; default 65,000, under GitHub's limit for a comment. */
  maxMarkdownLength?: number;
}
