// Takes the id of the built-in `shell` detector without saying it replaces it.
export const createDetector = () => ({ contractVersion: 'v1', id: 'shell', matches: () => 0.3, classify: () => ({ state: 'no_activity', detector: 'shell', detail: {}, evidence: [] }) });
