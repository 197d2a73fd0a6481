// The policy id and version of a YAML text, read from its top-level `id:` and `version:` lines
// (enough to find the open policy in the registry while the text is being edited).
export function policyKeyOf(text: string): { id: string; version: string } | undefined {
  const value = (key: string) => new RegExp(`^${key}:[ \\t]*(.+?)[ \\t]*(#.*)?$`, 'm').exec(text)?.[1]?.replace(/^(['"])(.*)\1$/, '$2');
  const id = value('id');
  const version = value('version');
  return id && version ? { id, version } : undefined;
}
