export const createStrategy = () => ({ specificationVersion: 'v2', name: 'fixture-v2', description: '', observe: async () => new Map() });
