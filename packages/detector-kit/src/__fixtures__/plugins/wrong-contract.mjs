export const createDetector = () => ({ contractVersion: 'v2', id: 'Not An Id', matches: 'yes' });
