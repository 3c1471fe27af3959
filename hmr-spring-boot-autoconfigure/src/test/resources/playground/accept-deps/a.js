export const a = 'a0'
