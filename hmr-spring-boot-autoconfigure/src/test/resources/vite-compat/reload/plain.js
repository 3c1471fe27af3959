export const label = 'plain 1';
