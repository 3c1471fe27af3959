export const label = 'child 1';
