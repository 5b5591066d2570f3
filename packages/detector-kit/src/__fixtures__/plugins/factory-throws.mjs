export const createDetector = () => {
  throw new Error('no licence key');
};
