/** How the report words counts and method names, the same in every section. */

/** A `method:` value as prose. */
export function methodName(method: string): string {
  const names: Record<string, string> = { 'thematic-synthesis': 'Thematic synthesis', 'meta-ethnography': 'Meta-ethnography', framework: 'Framework synthesis' };
  return names[method] ?? method;
}

/** `1 study`, `2 studies`. */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
