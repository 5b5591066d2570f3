export default () => ({ contractVersion: 'v1', id: 'fixture-default', matches: () => 0, classify: () => ({ state: 'unknown', detector: 'fixture-default', detail: {}, evidence: [] }) });
