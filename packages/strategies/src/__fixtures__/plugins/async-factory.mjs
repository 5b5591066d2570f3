export const createStrategy = async () => ({ specificationVersion: 'v1', name: 'fixture-async', description: '', observe: async () => new Map() });
