// A detector whose classify throws on one screen and answers nonsense on another.
export const createDetector = () => ({
  contractVersion: 'v1',
  id: 'misbehaving',
  matches: (pane) => {
    if (pane.title === 'boom') throw new Error('matches broke');
    return 7;
  },
  classify: (screen) => {
    if (screen === 'throw') throw new Error('classify broke');
    if (screen === 'idle') return { state: 'idle', detector: 'misbehaving', detail: {}, evidence: [] };
    return { state: 'active', detector: 'someone-else', detail: {}, evidence: ['working'] };
  },
});
