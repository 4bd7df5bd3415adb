/** Finding counts as the tree shows them (kept apart from the tree builder: the editor needs only this). */

export interface FindingTally {
  errors: number;
  warnings: number;
  /** Info and style findings. */
  notes: number;
}

/** "2 errors, 1 warning, 3 info" (empty when there is nothing). */
export function describeTally(t: FindingTally | undefined): string {
  if (!t) return '';
  const part = (n: number, word: string, plural = `${word}s`) => (n ? `${n} ${n > 1 ? plural : word}` : '');
  return [part(t.errors, 'error'), part(t.warnings, 'warning'), part(t.notes, 'info', 'info')].filter(Boolean).join(', ');
}
