export const detector = {};
export const helper = 1;
