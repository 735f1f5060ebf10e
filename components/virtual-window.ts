/** The slice of a long list to render, and the blank space that replaces the rest. */
export interface VirtualWindow {
  /** Index of the first rendered row. */
  start: number;
  /** Index one past the last rendered row. */
  end: number;
  /** Height in pixels above the first rendered row. */
  paddingTop: number;
  /** Height in pixels below the last rendered row. */
  paddingBottom: number;
}

export interface WindowInput {
  rowCount: number;
  /** Every row's height in pixels; the window relies on it being fixed. */
  rowHeight: number;
  /** Pixels scrolled past the first row. */
  scrollTop: number;
  /** Height of the visible part of the scroll container, in pixels. */
  viewportHeight: number;
  /** Rows rendered above and below the visible ones, so fast scrolling shows no gap. */
  overscan: number;
}

/** Computes which rows of a fixed-height list are visible, plus `overscan` rows on each side. */
export function virtualWindow({ rowCount, rowHeight, scrollTop, viewportHeight, overscan }: WindowInput): VirtualWindow {
  const firstVisible = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const visibleCount = Math.ceil(Math.max(0, viewportHeight) / rowHeight) + 1;
  const start = Math.min(rowCount, Math.max(0, firstVisible - overscan));
  const end = Math.min(rowCount, firstVisible + visibleCount + overscan);
  return { start, end, paddingTop: start * rowHeight, paddingBottom: (rowCount - end) * rowHeight };
}
