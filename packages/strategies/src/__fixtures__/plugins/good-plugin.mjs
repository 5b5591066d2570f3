// A third-party strategy as a user would ship it: plain ESM, a `createStrategy` factory.
export function createStrategy(options) {
  return {
    specificationVersion: 'v1',
    name: 'fixture-good',
    description: `a fixture strategy with ${JSON.stringify(options)}`,
    options,
    async observe() {
      return new Map();
    },
  };
}
