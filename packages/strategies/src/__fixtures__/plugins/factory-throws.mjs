export function createStrategy() {
  throw new Error('the fixture refuses to start');
}
