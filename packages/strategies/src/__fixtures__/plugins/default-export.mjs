export default function createFixtureStrategy() {
  return { specificationVersion: 'v1', name: 'fixture-default', description: 'default export', observe: async () => new Map() };
}
