export const foo = 1;
export function bar() {}
