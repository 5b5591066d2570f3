export const createStrategy = () => ({ specificationVersion: 'v1', name: 'fixture-no-observe', description: '', check: async () => new Map() });
