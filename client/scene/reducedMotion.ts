/** Whether this person asked their system for reduced motion: cameras and boards then move at once. */
export function prefersReducedMotion(): boolean {
  return globalThis.matchMedia?.("(prefers-reduced-motion: reduce)").matches ?? false;
}
