// The parts of one explanation, joined once into its text (`join` measures the parts and copies
// them once; joined by `+` a string is a tree of its parts until flattened by a second copy).
// One array is kept for every line: emptied by `length = 0`, V8 drops an array's storage and the
// next line allocates it again part by part, so a line writes over the last one's parts and the
// array is cut to this line's count only to be joined (`join` works over the whole length).
export class Parts {
  private readonly items: string[] = [];
  private n = 0;

  add(s: string): void {
    if (this.n < this.items.length) this.items[this.n++] = s;
    else { this.items.push(s); this.n++; }
  }

  /** The parts as one flat string; the parts emptied. */
  text(): string {
    if (this.items.length !== this.n) this.items.length = this.n;
    const text = this.items.join('');
    this.n = 0;
    return text;
  }

  /** Empties the parts (a line that failed half-way left some). */
  clear(): void {
    this.n = 0;
  }
}
