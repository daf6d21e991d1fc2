/** An element found in a part's text: where it starts and ends, and its start tag. */
export interface ElementSpan {
  start: number;
  end: number;
  tag: string;
}

/** The sheet's text with the prefix its elements use (`x:` in some generators' files). */
export class SheetText {
  constructor(
    public text: string,
    readonly prefix: string
  ) {}

  /**
   * Where the start tag `<name` is from `from`, not matching longer names (`<col` in
   * `<cols`), or -1. A plain search: a pattern run over tens of megabytes costs seconds.
   */
  find(name: string, from = 0, to = this.text.length): number {
    const open = `<${this.prefix}${name}`;
    for (let at = this.text.indexOf(open, from); at >= 0 && at < to;) {
      const next = this.text.charCodeAt(at + open.length);
      // Space, tab, newline, carriage return, `/` or `>` end the name.
      if (next === 32 || next === 9 || next === 10 || next === 13 || next === 47 || next === 62)
        return at;
      at = this.text.indexOf(open, at + 1);
    }
    return -1;
  }

  /** Index of the first of `names` present from `from`, or -1. */
  firstOf(names: string[], from = 0): number {
    let best = -1;
    for (const name of names) {
      const found = this.find(name, from, best < 0 ? this.text.length : best);
      if (found >= 0 && (best < 0 || found < best)) best = found;
    }
    return best;
  }

  /** The element `name` (start to end tag, or a self-closed tag) within `from`…`to`, or null. */
  element(name: string, from = 0, to = this.text.length): ElementSpan | null {
    const start = this.find(name, from, to);
    if (start < 0) return null;
    const tagEnd = this.text.indexOf(">", start) + 1;
    const tag = this.text.slice(start, tagEnd);
    if (tag.endsWith("/>")) return { start, end: tagEnd, tag };
    const close = `</${this.prefix}${name}>`;
    const end = this.text.indexOf(close, tagEnd);
    if (end < 0) throw new Error(`worksheet part: <${name}> is not closed`);
    return { start, end: end + close.length, tag };
  }

  /** Replaces `start`…`end` of the text with `insert`. */
  splice(start: number, end: number, insert: string): void {
    this.text = this.text.slice(0, start) + insert + this.text.slice(end);
  }
}
