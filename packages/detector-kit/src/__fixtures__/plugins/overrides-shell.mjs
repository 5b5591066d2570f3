// Replaces the built-in `shell` detector, and says so.
export const createDetector = () => ({
  contractVersion: 'v1',
  id: 'shell',
  overridesBuiltin: true,
  matches: () => 0.3,
  classify: () => ({ state: 'no_activity', detector: 'shell', detail: {}, evidence: ['plugin shell'] }),
});
